/**
 * The whole lab state fits in a link: opening it in another browser restores
 * lesson, step, request and policy, and never carries the lab id. Progress
 * stays in the browser across reloads.
 */
import { expect, test } from '@playwright/test';
import { LabPage, LessonWalk } from './support/lab-page.ts';

test('a shared link restores lesson, step, request and policy in another browser', async ({ page, browser }) => {
  const lab = new LabPage(page);
  await lab.open('/?labs=own');
  const lesson = new LessonWalk(lab);
  await lesson.open(/The classic demo/);
  await lesson.next();
  await lab.request({ method: 'PUT', body: 'shared body' });
  await lab.addHeader('X-Custom-Header', '1');
  await lab.allowOrigin('list', ['http://localhost:8100']);
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  const labId = /\/l\/([^/]+)\//.exec(await lab.field('URL').inputValue())![1]!;
  expect(link).not.toContain(labId);

  const other = await browser.newContext();
  const friend = new LabPage(await other.newPage());
  await friend.page.goto(link.replace('http://localhost:8100/', '/?labs=own'));
  await expect(friend.page.getByRole('status', { name: 'event stream' })).toHaveText('events: live');
  await expect(friend.page.getByTestId('step-title')).toContainText('Step 2 of 2');
  await expect(friend.field('Method')).toHaveValue('PUT');
  await expect(friend.page.getByRole('textbox', { name: 'Body', exact: true })).toHaveValue('shared body');
  await expect(friend.field('Header value 1')).toHaveValue('1');
  // The friend's request goes to the friend's own lab, not to the sender's.
  await expect(friend.field('URL')).toHaveValue(/^http:\/\/localhost:8000\/l\/[A-Za-z0-9_-]{22}\/getData\.html$/);
  await expect(friend.field('URL')).not.toHaveValue(new RegExp(labId));
  await expect(friend.field('Access-Control-Allow-Origin')).toHaveValue('list');
  await expect(friend.field('Access-Control-Allow-Methods')).toHaveValue('PUT');
  await friend.policySaved();
  // The link is consumed: the address bar no longer carries the state.
  expect(new URL(friend.page.url()).hash).toBe('');
  await other.close();
});

test('lesson progress survives a reload and a server-side reset', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/The classic demo/);
  await lab.send();
  await lesson.passed();
  await page.reload();
  await expect(page.getByRole('status', { name: 'event stream' })).toHaveText('events: live');
  await page.getByRole('button', { name: 'Reset lab' }).click();
  await expect(page.getByTestId('lesson-progress-classic-demo')).toHaveText('1/2');
});

test('the state exports as JSON and imports again', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.request({ method: 'DELETE' });
  await lab.allowOrigin('reflect');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export state (JSON)' }).click();
  const file = await (await download).path();
  await lab.request({ method: 'GET' });
  await lab.allowOrigin('none');
  await page.getByLabel('Import state (JSON)').setInputFiles(file);
  await expect(page.getByTestId('share-status')).toHaveText('State imported.');
  await expect(lab.field('Method')).toHaveValue('DELETE');
  await expect(lab.field('Access-Control-Allow-Origin')).toHaveValue('reflect');
});

test('a shared link carries the language: a Chinese link opens in Chinese in an English browser', async ({ page, browser }) => {
  const lab = new LabPage(page);
  await lab.open('/?labs=own');
  await new LessonWalk(lab).open(/The classic demo/);
  await page.getByLabel('Language / 语言').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: '复制分享链接' }).click();
  const link = await page.getByLabel('分享链接').inputValue();

  const other = await browser.newContext({ locale: 'en-US' });
  const friend = await other.newPage();
  await friend.goto(link.replace('http://localhost:8100/', '/?labs=own'));
  await expect(friend.getByRole('status', { name: '事件流' })).toHaveText('事件流：已连接');
  await expect(friend.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(friend.getByLabel('Language / 语言')).toHaveValue('zh-CN');
  await expect(friend.getByTestId('step-title')).toContainText('第 1 步（共 2 步）：服务器返回了 200');
  await other.close();
});
