/** Story step 3: a PUT needs a preflight; without Allow-Methods the PUT never leaves the browser. */
import { originOf } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage } from './support/lab-page.ts';

test('PUT: the OPTIONS preflight is answered without Allow-Methods and no PUT reaches server01', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.request({ method: 'PUT' });
  await expect(page.getByTestId('classification')).toContainText('Needs a preflight');

  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'blocked');
  const preflight = await lab.exchange(entry, 'preflight');
  await expect(preflight.locator(':scope > summary')).toContainText('OPTIONS /getData.html');
  await expect(headerRow(preflight, /^Request headers/, 'Access-Control-Request-Method')).toHaveText('PUT');
  await expect(headerRow(preflight, /^Request headers/, 'Origin')).toHaveText(originOf('server02'));
  await expect(headerRow(preflight, /^Response headers/, 'Access-Control-Allow-Methods')).toHaveCount(0);

  await expect(entry.locator('details[data-kind="actual"]')).toHaveCount(0);
  await expect(entry.locator('[data-kind="actual-not-sent"]')).toContainText('PUT: never sent');
  await expect(entry.getByTestId('script-error')).toHaveText('TypeError: Failed to fetch');
  await expect(entry.getByTestId('reason')).toContainText('no Access-Control-Allow-Methods');
});
