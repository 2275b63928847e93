/**
 * Lesson 13, walked as a learner: the data through a script tag with no CORS
 * at all (no Origin, no preflight, Sec-Fetch-Dest: script); GET only, and
 * fetch with PUT is preflighted; the evil JSONP answer changes the page; the
 * same data with fetch and the least permissive CORS policy. Once more in
 * Chinese, where the evil answer's banner follows the page's language.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';
import { UI_WORDS } from './support/ui-words.ts';

const PAGE = 'http://localhost:8100';
const DATA = '{"data":"server----001"}';

const useScriptTag = (page: Page) => page.getByRole('radio', { name: 'script tag (JSONP)' }).check();

/** The callback name the page put in the URL server01 received. */
async function callbackOnWire(actual: Locator): Promise<string> {
  const url = (await actual.locator(':scope > summary code').textContent()) ?? '';
  return /[?&]callback=([\w$]+)/.exec(url)?.[1] ?? '';
}

test('lesson 13 (CORS vs JSONP): a script tag needs no CORS, can only GET, and runs what the server sends; fetch reads only data', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^CORS vs JSONP/);

  // Step 1: the same data through a script tag, under the empty policy.
  await lesson.stepTitle(/The same data through a script tag/);
  await expect(page.getByRole('radio', { name: 'script tag (JSONP)' })).toBeChecked();
  await expect(lab.field('URL')).toHaveValue('http://localhost:8000/data.jsonp?callback=?');
  await expect(page.getByTestId('prediction')).toContainText("A script tag ignores server01's CORS policy.");
  await lesson.notPassed(/Load \/data\.jsonp with the script tag/);
  const loaded = await lab.send();
  await expect(loaded).toHaveAttribute('data-tone', 'no-cors');
  await expect(loaded.getByTestId('verdict')).toHaveText('No CORS: the script ran and handed the callback the data');
  await expect(loaded.getByTestId('script-callback')).toHaveText(DATA);
  await expect(loaded.locator('details[data-kind="preflight"]')).toHaveCount(0);
  const wire = await lab.exchange(loaded, 'actual');
  await expect(headerRow(wire, /^Request headers/, 'Sec-Fetch-Dest')).toHaveText('script');
  await expect(headerRow(wire, /^Request headers/, 'Sec-Fetch-Mode')).toHaveText('no-cors');
  await expect(headerRow(wire, /^Request headers/, 'Origin')).toHaveCount(0);
  await expect(headerRow(wire, /^Response headers/, 'Access-Control-Allow-Origin')).toHaveCount(0);
  await expect(headerRow(wire, /^Response headers/, 'Content-Type')).toHaveText('text/javascript; charset=utf-8');
  // A name made for this send, gone from the page afterwards, with its script element.
  const name = await callbackOnWire(wire);
  expect(name).toMatch(/^corsLabJsonp_\w+$/);
  expect(await page.evaluate((n) => n in window, name)).toBe(false);
  await expect(page.locator('script[src*="data.jsonp"]')).toHaveCount(0);
  await lesson.passed();

  // Step 2: GET only. The builder will not let a script tag do more; fetch with PUT is preflighted.
  await lesson.next();
  await lesson.stepTitle(/GET only/);
  await expect(page.getByTestId('script-tag-note')).toContainText('A script tag can only GET its URL');
  await expect(lab.field('Method')).toBeDisabled();
  await expect(lab.field('Method')).toHaveValue('GET');
  await expect(lab.field('Body')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add header' })).toHaveCount(0);
  await lesson.notPassed(/using PUT/);
  await lab.useApi('fetch');
  await expect(lab.field('Method')).toBeEnabled();
  await lab.request({ method: 'PUT' });
  const put = await lab.send();
  await expect(put).toHaveAttribute('data-tone', 'blocked');
  await expect(put.locator('details[data-kind="preflight"]')).toHaveCount(1);
  await expect(put.locator('[data-kind="actual-not-sent"]')).toBeVisible();
  await lesson.passed();

  // Step 3: the evil answer: the same data, and server01's own code in the page.
  await lesson.next();
  await lesson.stepTitle(/The server runs code in your page/);
  await expect(page.getByRole('radio', { name: 'script tag (JSONP)' })).toBeChecked();
  await expect(page.getByTestId('jsonp-banner')).toHaveCount(0);
  await lesson.notPassed(/evil=1/);
  const evil = await lab.send();
  await expect(page.getByTestId('jsonp-banner')).toContainText('server01 ran its own code in this page');
  await expect(page).toHaveTitle('Taken over by server01');
  await expect(evil.getByTestId('script-callback')).toHaveText(DATA);
  await expect(evil.getByTestId('script-page-changed')).toContainText('"Taken over by server01"');
  const evilWire = await lab.exchange(evil, 'actual');
  await expect(evilWire.getByLabel('Response body')).toContainText('document.title =');
  await lesson.passed();
  await page.getByTestId('jsonp-banner').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('jsonp-banner')).toHaveCount(0);

  // Step 4 (challenge): the same data with fetch, and only this page's origin allowed.
  await lesson.next();
  await lesson.stepTitle(/The same data with fetch and CORS/);
  await expect(page.getByRole('radio', { name: 'fetch' })).toBeChecked();
  const blocked = await lab.send();
  await expect(blocked).toHaveAttribute('data-tone', 'blocked');
  await lesson.notPassed(/allow exactly its origin/);
  await lab.allowOrigin('*');
  const loose = await lab.send();
  await expect(loose).toHaveAttribute('data-tone', 'allowed');
  await lesson.notPassed(/allows more than needed/);
  await lab.allowOrigin('list', [PAGE]);
  const read = await lab.send();
  await expect(read).toHaveAttribute('data-tone', 'allowed');
  await expect(read.getByTestId('script-body')).toHaveText('server----001');
  await lesson.passed();
  await lesson.realServersShown();
});

test('lesson 13: a callback that is no identifier gets a 400 naming callback, and the script element learns only "error"', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await useScriptTag(page);
  await lab.request({ url: 'http://localhost:8000/data.jsonp?callback=alert(document.domain)//' });
  const refused = await lab.send();
  await expect(refused).toHaveAttribute('data-tone', 'blocked');
  await expect(refused.getByTestId('verdict')).toHaveText('The script did not run: server01 answered 400');
  await expect(refused.getByTestId('script-error')).toHaveText('script element: error event');
  const wire = await lab.exchange(refused, 'actual');
  const body = JSON.parse((await wire.getByLabel('Response body').textContent()) ?? '{}') as { errors?: { field: string }[] };
  expect(body.errors?.map((e) => e.field)).toEqual(['callback']);
  await expect(wire.getByLabel('Response body')).not.toContainText('alert(');
});

test.describe('in 简体中文', () => {
  test.use({ locale: 'zh-CN' });

  test('lesson 13 in Chinese: the script tag, its verdict, and the evil banner speak the page\'s language', async ({ page }) => {
    const lab = new LabPage(page, UI_WORDS['zh-CN']);
    await lab.open();
    const lesson = new LessonWalk(lab);
    await lesson.open(/^CORS 与 JSONP/);

    // Step 1: the script tag, in Chinese.
    await lesson.stepTitle(/用 script 标签拿到同样的数据/);
    await expect(page.getByRole('radio', { name: 'script 标签（JSONP）' })).toBeChecked();
    const loaded = await lab.send();
    await expect(loaded.getByTestId('verdict')).toHaveText('没有 CORS：脚本执行了，并把数据交给了回调函数');
    await expect(loaded.getByTestId('script-result')).toContainText('回调函数收到了：');
    await expect(loaded.getByTestId('script-callback')).toHaveText(DATA);
    await lesson.passed();

    // Step 3: the evil answer writes its banner in the page's language.
    await lesson.next();
    await lesson.next();
    await lesson.stepTitle(/服务器在你的页面里运行代码/);
    await lab.send();
    await expect(page.getByTestId('jsonp-banner')).toContainText('server01 在这个页面里运行了它自己的代码');
    await expect(page).toHaveTitle('被 server01 接管');
    await lesson.passed();
  });
});
