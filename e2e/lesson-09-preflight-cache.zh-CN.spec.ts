/** Lesson 9 in 简体中文: a browser set to Chinese walks the same steps, reading the Chinese texts and counter, and the checks pass. */
import { expect, test, type Locator, type Page } from '@playwright/test';

test.use({ locale: 'zh-CN' });

const SAVED = 'server01 现在使用此策略';

/** LabPage.send, in Chinese: waits for the answer and checks the explainer agreed with Chromium. */
async function send(page: Page): Promise<Locator> {
  const entries = page.getByTestId('timeline-entry');
  const before = await entries.count();
  await page.getByRole('button', { name: /^发送/ }).click();
  await expect(entries).toHaveCount(before + 1);
  const entry = entries.first();
  await expect(entry).not.toHaveAttribute('data-tone', 'pending');
  await expect(page.getByRole('button', { name: /^发送/ })).toBeEnabled();
  await expect(entry.getByTestId('explainer-mismatch')).toHaveCount(0);
  return entry;
}

async function stepShows(page: Page, title: string, text: string): Promise<void> {
  await expect(page.getByTestId('step-title')).toContainText(title);
  await expect(page.locator('.lesson')).toContainText(text);
}

const check = (page: Page) => page.getByTestId('step-check');
const preflights = (entry: Locator) => entry.locator('details[data-kind="preflight"]');
const cached = (entry: Locator) => entry.locator('[data-kind="preflight-cached"]');

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Next step|下一步)$/ }).click();
  await expect(page.getByTestId('policy-sync')).toHaveText(SAVED);
}

test('lesson 9 in Chinese: 预检缓存：Max-Age', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status', { name: '事件流' })).toHaveText('事件流：已连接');
  await page.getByRole('button', { name: '重置实验' }).click();
  await expect(page.getByTestId('policy-sync')).toHaveText(SAVED);
  await page.getByRole('region', { name: /Lessons|课程/ }).getByRole('button', { name: '预检缓存：Max-Age' }).click();
  const counter = page.getByTestId('request-counter');
  /** Clears the timeline, so the counter starts at zero (the button is disabled while it is empty). */
  const clear = async () => {
    const button = page.getByRole('button', { name: '清空', exact: true });
    if (await button.isEnabled()) await button.click();
    await expect(page.getByTestId('timeline-entry')).toHaveCount(0);
  };

  await stepShows(page, '每个 PUT 都要先问一次', '请求数量翻了一倍');
  await expect(check(page)).toHaveClass(/check-open/);
  await expect(check(page)).toContainText('至少发送两次 PUT');
  await clear();
  for (let i = 0; i < 2; i++) await expect(preflights(await send(page))).toHaveCount(1);
  await expect(counter).toHaveText('server01 收到 2 个 OPTIONS · 2 个实际请求');
  await expect(check(page)).toHaveClass(/check-passed/);

  await next(page);
  await stepShows(page, '没有 Max-Age：5 秒', '这是 Chromium 的默认值');
  await expect(check(page)).toHaveClass(/check-open/);
  await expect(preflights(await send(page))).toHaveCount(1);
  await expect(cached(await send(page))).toHaveCount(1);
  await expect(check(page)).toHaveClass(/check-open/);
  await page.waitForTimeout(5_500);
  await expect(preflights(await send(page))).toHaveCount(1);
  await expect(check(page)).toHaveClass(/check-passed/);

  await next(page);
  await stepShows(page, 'Max-Age 减少请求', 'Chromium 把 Max-Age 的上限定为 7200 秒');
  await expect(check(page)).toHaveClass(/check-open/);
  await expect(check(page)).toContainText('把 PUT 发送三次');
  await clear();
  await expect(preflights(await send(page))).toHaveCount(1);
  for (let i = 0; i < 2; i++) await expect(cached(await send(page))).toHaveCount(1);
  await expect(counter).toHaveText('server01 收到 1 个 OPTIONS · 3 个实际请求');
  await expect(check(page)).toHaveClass(/check-passed/);
  await expect(page.getByRole('region', { name: /What real servers do|真实服务器/ })).toContainText('Chromium 会截成 7200');
});
