/** Issue 4: the lab speaks English and 简体中文; the browser's language picks first, the switcher changes it and is remembered. */
import { expect, test, type Page } from '@playwright/test';
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
