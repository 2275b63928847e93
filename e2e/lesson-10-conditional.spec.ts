/**
 * Lesson 10, walked as a learner against server01's /resource.json: ETag
 * hidden until exposed; If-None-Match gives 304, preflighted every time despite
 * Max-Age; a stale If-Match gives 412 (a challenge: exactly the origin, PUT,
 * If-Match and ETag). The resource outlives lab resets, so the walk reads its ETag.
 */
import { expect, test, type Locator } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';

const PAGE = 'http://localhost:8100';

const scriptHeader = (entry: Locator, name: string) => headerRow(entry.getByTestId('script-result'), /^Headers the script can read/, name);
const preflights = (entry: Locator) => entry.locator('details[data-kind="preflight"]');

test('lesson 10 (conditional requests): ETag exposed, 304 with a preflight each time, and 412 under the least policy', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^Conditional requests/);

  await lesson.stepTitle(/ETag and Last-Modified/);
  await expect(lab.field('URL')).toHaveValue('http://localhost:8000/resource.json');
  await lesson.notPassed(/Expose ETag/);
  const hidden = await lab.send();
  await expect(hidden).toHaveAttribute('data-tone', 'allowed');
  await expect(headerRow(await lab.exchange(hidden, 'actual'), /^Response headers/, 'ETag')).toHaveText(/^"v\d+"$/);
  await expect(scriptHeader(hidden, 'Last-Modified')).toHaveText(/ GMT$/);
  await expect(scriptHeader(hidden, 'ETag')).toHaveCount(0);
  await lesson.notPassed();
  await lab.policyText('Access-Control-Expose-Headers', 'ETag');
  const exposed = await lab.send();
  await expect(scriptHeader(exposed, 'ETag')).toHaveText(/^"v\d+"$/);
  const etag = (await scriptHeader(exposed, 'ETag').textContent()) ?? '';
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/If-None-Match: 304/);
  await expect(lab.field('Header name 1')).toHaveValue('If-None-Match');
  await lab.field('Header value 1').fill(etag);
  await lesson.notPassed(/Allow If-None-Match/);
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
  await lesson.passed();

  await lesson.next();
  await lesson.stepTitle(/If-Match: no lost update/);
  await expect(lab.field('Header name 1')).toHaveValue('If-Match');
  await lab.field('Header value 1').fill(etag);
  await lesson.notPassed(/current ETag in If-Match/);
  const taken = await lab.send();
  await expect(taken.getByTestId('script-status')).toHaveText('200');
  const next = `"v${Number(/\d+/.exec(etag)?.[0]) + 1}"`;
  await expect(scriptHeader(taken, 'ETag')).toHaveText(next);
  await lesson.notPassed(/stale If-Match/);
  // The wide setup lets the stale PUT's 412 through too: too loose for the challenge.
  const staleWide = await lab.send();
  await expect(staleWide.getByTestId('script-status')).toHaveText('412');
  await lesson.notPassed(/allows more than it needs/);
  await lab.allowOrigin('list', [PAGE]);
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await lab.policyText('Access-Control-Allow-Headers', 'If-Match');
  await lab.policyText('Access-Control-Expose-Headers', 'ETag');
  const stale = await lab.send();
  await expect(stale.getByTestId('script-status')).toHaveText('412');
  await expect(scriptHeader(stale, 'ETag')).toHaveText(next);
  await expect(headerRow(await lab.exchange(stale, 'preflight'), /^Request headers/, 'Access-Control-Request-Headers')).toHaveText('if-match');
  await lesson.passed();
  await lesson.realServersShown();
});
