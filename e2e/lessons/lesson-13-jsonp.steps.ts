/**
 * Lesson 13's steps: the data through a script tag with no CORS at all (no
 * Origin, no preflight, Sec-Fetch-Dest: script); GET only, and fetch with PUT
 * is preflighted; the evil JSONP answer changes the page (its banner in the
 * page's language); the same data with fetch and the least permissive policy.
 */
import { expect, type Locator } from '@playwright/test';
import { headerRow } from '../support/lab-page.ts';
import type { LessonScript } from './step-script.ts';

const PAGE = 'http://localhost:8100';
const DATA = '{"data":"server----001"}';

/** The callback name the page put in the URL server01 received. */
async function callbackOnWire(actual: Locator): Promise<string> {
  const url = (await actual.locator(':scope > summary code').textContent()) ?? '';
  return /[?&]callback=([\w$]+)/.exec(url)?.[1] ?? '';
}

export const jsonpSteps: LessonScript = {
  lessonId: 'jsonp',
  steps: [
    {
      // The same data through a script tag, under the empty policy.
      id: 'script-tag',
      run: async ({ page, lab, lesson, t, words }) => {
        await expect(page.getByRole('radio', { name: words.scriptTag })).toBeChecked();
        await expect(lab.field('URL')).toHaveValue('http://localhost:8000/data.jsonp?callback=?');
        await expect(page.getByTestId('prediction')).toContainText(t("A script tag ignores server01's CORS policy.", 'script 标签不理会 server01 的 CORS 策略。'));
        await lesson.notPassed(t(/Load \/data\.jsonp with the script tag/, /用 script 标签加载 \/data\.jsonp/));
        const loaded = await lab.send();
        await expect(loaded).toHaveAttribute('data-tone', 'no-cors');
        await expect(loaded.getByTestId('verdict')).toHaveText(t('No CORS: the script ran and handed the callback the data', '没有 CORS：脚本执行了，并把数据交给了回调函数'));
        await expect(loaded.getByTestId('script-result')).toContainText(t('The callback received:', '回调函数收到了：'));
        await expect(loaded.getByTestId('script-callback')).toHaveText(DATA);
        await expect(loaded.locator('details[data-kind="preflight"]')).toHaveCount(0);
        const wire = await lab.exchange(loaded, 'actual');
        await expect(headerRow(wire, words.requestHeaders, 'Sec-Fetch-Dest')).toHaveText('script');
        await expect(headerRow(wire, words.requestHeaders, 'Sec-Fetch-Mode')).toHaveText('no-cors');
        await expect(headerRow(wire, words.requestHeaders, 'Origin')).toHaveCount(0);
        await expect(headerRow(wire, words.responseHeaders, 'Access-Control-Allow-Origin')).toHaveCount(0);
        await expect(headerRow(wire, words.responseHeaders, 'Content-Type')).toHaveText('text/javascript; charset=utf-8');
        // A name made for this send, gone from the page afterwards, with its script element.
        const name = await callbackOnWire(wire);
        expect(name).toMatch(/^corsLabJsonp_\w+$/);
        expect(await page.evaluate((n) => n in window, name)).toBe(false);
        await expect(page.locator('script[src*="data.jsonp"]')).toHaveCount(0);
      },
    },
    {
      // GET only. The builder will not let a script tag do more; fetch with PUT is preflighted.
      id: 'get-only',
      run: async ({ page, lab, lesson, t, words }) => {
        await expect(page.getByTestId('script-tag-note')).toContainText(t('A script tag can only GET its URL', 'script 标签只能用 GET 请求它的 URL'));
        await expect(lab.field(words.method)).toBeDisabled();
        await expect(lab.field(words.method)).toHaveValue('GET');
        await expect(lab.field(words.body)).toBeDisabled();
        await expect(page.getByRole('button', { name: words.addHeader })).toHaveCount(0);
        await lesson.notPassed(t(/using PUT/, /以 PUT/));
        await lab.useApi('fetch');
        await expect(lab.field(words.method)).toBeEnabled();
        await lab.request({ method: 'PUT' });
        const put = await lab.send();
        await expect(put).toHaveAttribute('data-tone', 'blocked');
        await expect(put.locator('details[data-kind="preflight"]')).toHaveCount(1);
        await expect(put.locator('[data-kind="actual-not-sent"]')).toBeVisible();
      },
    },
    {
      // The evil answer: the same data, and server01's own code in the page, speaking the page's language.
      id: 'evil',
      run: async ({ page, lab, lesson, t, words }) => {
        await expect(page.getByRole('radio', { name: words.scriptTag })).toBeChecked();
        await expect(page.getByTestId('jsonp-banner')).toHaveCount(0);
        await lesson.notPassed(/evil=1/);
        const evil = await lab.send();
        await expect(page.getByTestId('jsonp-banner')).toContainText(t('server01 ran its own code in this page', 'server01 在这个页面里运行了它自己的代码'));
        const taken = t('Taken over by server01', '被 server01 接管');
        await expect(page).toHaveTitle(taken);
        await expect(evil.getByTestId('script-callback')).toHaveText(DATA);
        await expect(evil.getByTestId('script-page-changed')).toContainText(t(`"${taken}"`, `“${taken}”`));
        const evilWire = await lab.exchange(evil, 'actual');
        await expect(evilWire.getByLabel(t('Response body', '响应体'))).toContainText('document.title =');
        await lesson.passed();
        await page.getByTestId('jsonp-banner').getByRole('button', { name: t('Close', '关闭') }).click();
        await expect(page.getByTestId('jsonp-banner')).toHaveCount(0);
      },
    },
    {
      // The same data with fetch, and only this page's origin allowed.
      id: 'fetch-cors',
      run: async ({ page, lab, lesson, t }) => {
        await expect(page.getByRole('radio', { name: 'fetch' })).toBeChecked();
        const blocked = await lab.send();
        await expect(blocked).toHaveAttribute('data-tone', 'blocked');
        await lesson.notPassed(t(/allow exactly its origin/, /只允许它自己的源/));
        await lab.allowOrigin('*');
        const loose = await lab.send();
        await expect(loose).toHaveAttribute('data-tone', 'allowed');
        await lesson.notPassed(t(/allows more than needed/, /放开得超出了需要/));
        await lab.allowOrigin('list', [PAGE]);
        const read = await lab.send();
        await expect(read).toHaveAttribute('data-tone', 'allowed');
        await expect(read.getByTestId('script-body')).toHaveText('server----001');
      },
    },
  ],
};
