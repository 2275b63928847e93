/** Issue 4: the lab speaks English and 简体中文; the browser's language picks first, the switcher changes it and is remembered. */
import { expect, test, type Page } from '@playwright/test';
import { englishLeft } from './support/english-left.ts';
import { LabPage } from './support/lab-page.ts';

const SWITCHER = 'Language / 语言';

/** LabPage.open, in Chinese: wait for the event stream, then reset to the classic demo (no CORS policy). */
async function openInChinese(page: Page): Promise<void> {
  await page.goto('/');
  // A first page on a busy machine may take a while to connect.
  await expect(page.getByRole('status', { name: '事件流' })).toHaveText('事件流：已连接', { timeout: 15_000 });
  await page.getByRole('button', { name: '重置实验' }).click();
  await expect(page.getByTestId('policy-sync')).toHaveText('server01 现在使用此策略');
}

test.describe('a browser set to Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('opens the lab in Chinese', async ({ page }) => {
    await openInChinese(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle('CORS 实验室');
    await expect(page.getByLabel(SWITCHER)).toHaveValue('zh-CN');
    await expect(page.getByRole('button', { name: /^发送/ })).toBeVisible();
    await expect(page.getByLabel('方法', { exact: true })).toHaveValue('GET');
  });

  test('sends the classic blocked GET and shows the timeline in Chinese', async ({ page }) => {
    await openInChinese(page);
    await page.getByRole('button', { name: /^发送/ }).click();
    const entry = page.getByRole('listitem', { name: '第 1 次发送' });
    await expect(entry).toHaveAttribute('data-tone', 'blocked');
    await expect(entry.getByTestId('explainer-mismatch')).toHaveCount(0);

    await expect(page.getByRole('heading', { name: '时间线' })).toBeVisible();
    await expect(entry.locator('.badge')).toHaveText('被拦截');
    await expect(entry.getByRole('heading', { name: '网络上：server01' })).toBeVisible();
    await expect(entry.getByRole('heading', { name: '页面中：脚本' })).toBeVisible();
    const actual = entry.locator('details[data-kind="actual"]');
    const summary = actual.locator(':scope > summary');
    await summary.click();
    await expect(summary).toHaveText(/^实际请求 GET \/getData\.html → 200 由路由应答，[\d.]+ ms$/);
    await expect(actual.locator('caption', { hasText: /^响应头/ })).toHaveText('响应头（200）');
    await expect(entry.getByText('逐步解释原因')).toBeVisible();
  });

  test('switching to English from the keyboard is remembered across a reload', async ({ page }) => {
    await openInChinese(page);
    // From the keyboard, as a learner without a mouse would: English is the option above 简体中文.
    await page.getByLabel(SWITCHER).focus();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('button', { name: /^Send/ })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(page.getByRole('status', { name: 'event stream' })).toHaveText('events: live');
    await expect(page.getByLabel(SWITCHER)).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('CORS Lab');
    await expect(page.getByRole('button', { name: /^Send/ })).toBeVisible();
  });
});

test.describe('a browser set to English', () => {
  test.use({ locale: 'en-US' });

  test('opens the lab in English', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('CORS Lab');
    await expect(page.getByLabel(SWITCHER)).toHaveValue('en');
    await expect(page.getByRole('button', { name: /^Send/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  });
});

test.describe('a Chinese page has no English left', () => {
  test.use({ locale: 'zh-CN' });
  // Each view is read whole, text and accessible names; the walk reads five of them.
  test.describe.configure({ timeout: 90_000 });

  test('in the lesson list, a lesson, the timeline, the explainer, presenter mode and the Server code panel', async ({ page }) => {
    await openInChinese(page);
    expect(await englishLeft(page)).toEqual([]);

    // A lesson, and a preflighted PUT that passes: preflight and actual request opened, reasons shown.
    await page.getByRole('region', { name: '课程' }).getByRole('button', { name: '经典演示：200 不等于成功' }).click();
    await page.getByRole('button', { name: /^发送/ }).click();
    const blocked = page.getByRole('listitem', { name: '第 1 次发送' });
    await expect(blocked).toHaveAttribute('data-tone', 'blocked');
    await page.getByLabel('Access-Control-Allow-Origin', { exact: true }).selectOption('*');
    await page.getByLabel('Access-Control-Allow-Methods', { exact: true }).fill('PUT');
    await expect(page.getByTestId('policy-sync')).toHaveText('server01 现在使用此策略');
    await page.getByLabel('方法', { exact: true }).fill('PUT');
    await page.getByRole('button', { name: /^发送/ }).click();
    const entry = page.getByRole('listitem', { name: '第 2 次发送' });
    await expect(entry).toHaveAttribute('data-tone', 'allowed');
    for (const e of [entry, blocked]) {
      for (const details of await e.locator('details').all()) await details.locator(':scope > summary').click();
    }
    await expect(entry.getByTestId('explainer-reason')).toContainText('它需要预检，因为方法 PUT 不是 GET、HEAD 或 POST');
    await expect(blocked.getByTestId('reason')).toContainText('响应里没有 Access-Control-Allow-Origin 头');
    expect(await englishLeft(page)).toEqual([]);

    await page.getByRole('button', { name: '演示模式' }).click();
    // The diagram of the selected entry: the one last clicked.
    await expect(page.getByTestId('sequence-diagram')).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);
    await page.getByRole('button', { name: '演示模式' }).click();

    await page.getByRole('tab', { name: '导出' }).click();
    expect(await englishLeft(page)).toEqual([]);
    await page.getByRole('tab', { name: '导入' }).click();
    await page.getByLabel('要导入的配置').fill('CORS_ALLOWED_ORIGINS = ["http://localhost:8100"]\nCORS_ALLOW_METHODS = ["GET", "PUT"]\n');
    await page.getByRole('button', { name: /^导入 Ctrl\+Enter$/ }).click();
    await expect(page.getByRole('button', { name: '应用到 server01' })).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);
  });

  test('in the teacher view', async ({ page }) => {
    await page.goto('/?teacher#token=e2e-teacher-token');
    await expect(page.getByRole('heading', { name: 'CORS 实验室：教师视图' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByRole('button', { name: '让所有人跳到这一步' }).click();
    await expect(page.getByRole('status')).toContainText(/^已把 \d+ 名学员带到课程/);
    expect(await englishLeft(page)).toEqual([]);
  });
});
