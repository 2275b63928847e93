/**
 * Lesson 10's steps against server01's /resource.json: ETag hidden until
 * exposed; If-None-Match gives 304, preflighted every time despite Max-Age; a
 * stale If-Match gives 412 (a challenge: exactly the origin, PUT, If-Match and
 * ETag). The resource outlives lab resets, so the walk reads its ETag.
 */
import { expect, type Locator } from '@playwright/test';
import { headerRow } from '../support/lab-page.ts';
import type { UiWords } from '../support/ui-words.ts';
import type { LessonScript } from './step-script.ts';

const PAGE = 'http://localhost:8100';

const scriptHeader = (words: UiWords, entry: Locator, name: string) => headerRow(entry.getByTestId('script-result'), words.scriptHeaders, name);
const preflights = (entry: Locator) => entry.locator('details[data-kind="preflight"]');

/** The ETag step 1 read, for the conditional requests of steps 2 and 3. */
function etagOf(memo: Map<string, string>): string {
  const etag = memo.get('etag');
  if (etag === undefined) throw new Error('step 1 did not read the ETag');
  return etag;
}

export const conditionalSteps: LessonScript = {
  lessonId: 'conditional',
  steps: [
    {
      id: 'validators',
      run: async ({ lab, lesson, t, words, memo }) => {
        await expect(lab.field('URL')).toHaveValue('http://localhost:8000/resource.json');
        await lesson.notPassed(t(/Expose ETag/, /暴露 ETag/));
        const hidden = await lab.send();
        await expect(hidden).toHaveAttribute('data-tone', 'allowed');
        await expect(headerRow(await lab.exchange(hidden, 'actual'), words.responseHeaders, 'ETag')).toHaveText(/^"v\d+"$/);
        await expect(scriptHeader(words, hidden, 'Last-Modified')).toHaveText(/ GMT$/);
        await expect(scriptHeader(words, hidden, 'ETag')).toHaveCount(0);
        await lesson.notPassed();
        await lab.policyText('Access-Control-Expose-Headers', 'ETag');
        const exposed = await lab.send();
        await expect(scriptHeader(words, exposed, 'ETag')).toHaveText(/^"v\d+"$/);
        memo.set('etag', (await scriptHeader(words, exposed, 'ETag').textContent()) ?? '');
      },
    },
    {
      id: 'not-modified',
      run: async ({ lab, lesson, t, words, memo }) => {
        await expect(lab.field(words.headerName(1))).toHaveValue('If-None-Match');
        await lab.fill(words.headerValue(1), etagOf(memo));
        await lesson.notPassed(t(/Allow If-None-Match/, /允许 If-None-Match/));
        const refused = await lab.send();
        await expect(refused).toHaveAttribute('data-tone', 'blocked');
        await expect(refused.locator('details[data-kind="actual"]')).toHaveCount(0);
        await lab.policyText('Access-Control-Allow-Headers', 'If-None-Match');
        for (let i = 0; i < 2; i++) {
          const notModified = await lab.send();
          await expect(notModified.getByTestId('script-status')).toHaveText('304');
          // A conditional request skips Chromium's preflight cache: Max-Age 600 or not, OPTIONS each time.
          await expect(preflights(notModified)).toHaveCount(1);
        }
      },
    },
    {
      id: 'lost-update',
      run: async ({ lab, lesson, t, words, memo }) => {
        const etag = etagOf(memo);
        await expect(lab.field(words.headerName(1))).toHaveValue('If-Match');
        await lab.fill(words.headerValue(1), etag);
        await lesson.notPassed(t(/current ETag in If-Match/, /发送 If-Match 为当前 ETag 的 PUT/));
        const taken = await lab.send();
        await expect(taken.getByTestId('script-status')).toHaveText('200');
        const next = `"v${Number(/\d+/.exec(etag)?.[0]) + 1}"`;
        await expect(scriptHeader(words, taken, 'ETag')).toHaveText(next);
        await lesson.notPassed(t(/stale If-Match/, /If-Match 已过期的 PUT/));
        // The wide setup lets the stale PUT's 412 through too: too loose for the challenge.
        const staleWide = await lab.send();
        await expect(staleWide.getByTestId('script-status')).toHaveText('412');
        await lesson.notPassed(t(/allows more than it needs/, /策略开放得比需要的多/));
        await lab.allowOrigin('list', [PAGE]);
        await lab.policyText('Access-Control-Allow-Methods', 'PUT');
        await lab.policyText('Access-Control-Allow-Headers', 'If-Match');
        await lab.policyText('Access-Control-Expose-Headers', 'ETag');
        const stale = await lab.send();
        await expect(stale.getByTestId('script-status')).toHaveText('412');
        await expect(scriptHeader(words, stale, 'ETag')).toHaveText(next);
        await expect(headerRow(await lab.exchange(stale, 'preflight'), words.requestHeaders, 'Access-Control-Request-Headers')).toHaveText('if-match');
      },
    },
  ],
};
