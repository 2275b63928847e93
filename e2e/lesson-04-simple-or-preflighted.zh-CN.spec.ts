/** Lesson 4 in 简体中文: a browser set to Chinese walks the same steps, reading the Chinese texts, and the checks pass. */
import { expect, test, type Page } from '@playwright/test';
import { headerRow } from './support/lab-page.ts';

test.use({ locale: 'zh-CN' });

const SAVED = 'server01 现在使用此策略';

/** LabPage.send, in Chinese: waits for the answer and checks the explainer agreed with Chromium. */
async function send(page: Page) {
  const entries = page.getByTestId('timeline-entry');
  const before = await entries.count();
  await page.getByRole('button', { name: /^发送/ }).click();
  await expect(entries).toHaveCount(before + 1);
  const entry = entries.first();
  await expect(entry).not.toHaveAttribute('data-tone', 'pending');
  await expect(entry.getByTestId('explainer-mismatch')).toHaveCount(0);
  return entry;
}

async function stepShows(page: Page, title: string, text: string): Promise<void> {
  await expect(page.getByTestId('step-title')).toContainText(title);
  await expect(page.locator('.lesson')).toContainText(text);
}

const check = (page: Page) => page.getByTestId('step-check');

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Next step|下一步)$/ }).click();
  await expect(page.getByTestId('policy-sync')).toHaveText(SAVED);
}

test('lesson 4 in Chinese: 简单请求，还是预检请求？', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status', { name: '事件流' })).toHaveText('事件流：已连接');
  await page.getByRole('button', { name: '重置实验' }).click();
  await expect(page.getByTestId('policy-sync')).toHaveText(SAVED);
  await page.getByRole('region', { name: /Lessons|课程/ }).getByRole('button', { name: '简单请求，还是预检请求？' }).click();

  await stepShows(page, '简单的 POST：没有预检', '这些请求 HTML 表单一直都能发送');
  await expect(check(page)).toHaveClass(/check-open/);
  await expect(check(page)).toContainText('发送带 Content-Type: text/plain 的 POST');
  const simple = await send(page);
  await expect(simple.locator('details[data-kind="preflight"]')).toHaveCount(0);
  await expect(check(page)).toHaveClass(/check-passed/);

  await next(page);
  await stepShows(page, '其他方法都要先询问', '表单只能发 GET 和 POST');
  await expect(check(page)).toHaveClass(/check-open/);
  await send(page);
  await expect(check(page)).toHaveClass(/check-passed/);

  await next(page);
  await stepShows(page, 'application/json 需要预检', '表单发不出这种类型');
  await page.getByLabel('请求头的值 1', { exact: true }).fill('application/json');
  const json = await send(page);
  await expect(json).toHaveAttribute('data-tone', 'blocked');
  await expect(check(page)).toContainText('在 Access-Control-Allow-Headers 中允许 Content-Type');
  await page.getByLabel('Access-Control-Allow-Headers', { exact: true }).fill('Content-Type');
  await expect(page.getByTestId('policy-sync')).toHaveText(SAVED);
  const allowed = await send(page);
  await expect(allowed).toHaveAttribute('data-tone', 'allowed');
  await expect(check(page)).toHaveClass(/check-passed/);

  await next(page);
  await stepShows(page, 'Last-Event-ID 不在安全列表中', '如今定义 CORS 的 Fetch 标准并没有把它列入');
  await expect(check(page)).toHaveClass(/check-open/);
  const lastEventId = await send(page);
  const preflight = lastEventId.locator('details[data-kind="preflight"]');
  await preflight.locator(':scope > summary').click();
  await expect(headerRow(preflight, /^请求头/, 'Access-Control-Request-Headers')).toHaveText('last-event-id');
  await expect(check(page)).toHaveClass(/check-passed/);
  await expect(page.getByRole('region', { name: /What real servers do|真实服务器/ })).toContainText('要不要预检由浏览器决定');
});
