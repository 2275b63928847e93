/**
 * Methods Node's HTTP parser refuses (custom VIEW, lowercase patch) still show
 * in the timeline, and server01 answers them on purpose with the policy's headers.
 */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage } from './support/lab-page.ts';

for (const method of ['VIEW', 'patch']) {
  test(`${method}: preflighted, refused by Node's parser, still recorded and answered with the policy`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.allowOrigin('*');
    await lab.policyText('Access-Control-Allow-Methods', method);
    await lab.request({ method });

    const entry = await lab.send();
    await expect(entry).toHaveAttribute('data-tone', 'allowed');
    const preflight = await lab.exchange(entry, 'preflight');
    await expect(headerRow(preflight, /^Request headers/, 'Access-Control-Request-Method')).toHaveText(method);
    const actual = await lab.exchange(entry, 'actual');
    // Sent as typed: Fetch uppercases only DELETE GET HEAD OPTIONS POST PUT.
    await expect(actual.locator(':scope > summary')).toContainText(`${method} /getData.html → 200`);
    await expect(actual.getByText('HPE_INVALID_METHOD')).toBeVisible();
    await expect(headerRow(actual, /^Response headers/, 'Access-Control-Allow-Origin')).toHaveText('*');
    await expect(entry.getByTestId('script-body')).toHaveText(DATA_BODY);
  });
}

test('a refused method without CORS headers is blocked like any other answer', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.policyText('Access-Control-Allow-Methods', 'VIEW');
  await lab.request({ method: 'VIEW' });
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'blocked');
  await expect(entry.locator('details[data-kind="preflight"]')).toHaveCount(1);
  await expect(entry.locator('details[data-kind="actual"]')).toHaveCount(0);
});
