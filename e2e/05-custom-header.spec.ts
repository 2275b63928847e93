/** Story step 5: a custom header is listed in the preflight and blocked until allowed. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage } from './support/lab-page.ts';

test('X-Custom-Header is asked for in Access-Control-Request-Headers and blocked until allowed', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await lab.request({ method: 'PUT' });
  await lab.addHeader('X-Custom-Header', '1');

  const blocked = await lab.send();
  await expect(blocked).toHaveAttribute('data-tone', 'blocked');
  const preflight = await lab.exchange(blocked, 'preflight');
  await expect(headerRow(preflight, /^Request headers/, 'Access-Control-Request-Headers')).toHaveText('x-custom-header');
  await expect(blocked.locator('details[data-kind="actual"]')).toHaveCount(0);
  await expect(blocked.getByTestId('reason')).toContainText('x-custom-header');

  await lab.policyText('Access-Control-Allow-Headers', 'X-Custom-Header');
  const allowed = await lab.send();
  await expect(allowed).toHaveAttribute('data-tone', 'allowed');
  const actual = await lab.exchange(allowed, 'actual');
  await expect(headerRow(actual, /^Request headers/, 'X-Custom-Header')).toHaveText('1');
  await expect(allowed.getByTestId('script-body')).toHaveText(DATA_BODY);
});
