/** Story step 7: with Max-Age, the second PUT needs no OPTIONS: the browser's preflight cache answers. */
import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';

test('Max-Age 600: the second PUT goes without a preflight, and the timeline says why', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await lab.policyText('Access-Control-Max-Age', '600');
  await expect(page.getByTestId('preview-preflight')).toContainText('Access-Control-Max-Age: 600');
  await lab.request({ method: 'PUT' });

  const first = await lab.send();
  await expect(first).toHaveAttribute('data-tone', 'allowed');
  await expect(first.locator('details[data-kind="preflight"]')).toHaveCount(1);

  const second = await lab.send();
  await expect(second).toHaveAttribute('data-tone', 'allowed');
  await expect(second.locator('details[data-kind="preflight"]')).toHaveCount(0);
  await expect(second.locator('details[data-kind="actual"]')).toHaveCount(1);
  await expect(second.locator('[data-kind="preflight-cached"]')).toContainText('The browser used its preflight cache');
});

test('Max-Age 0: the browser caches nothing and preflights every PUT', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.policyText('Access-Control-Max-Age', '0');
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await lab.request({ method: 'PUT' });
  for (let i = 0; i < 2; i++) {
    const entry = await lab.send();
    await expect(entry.locator('details[data-kind="preflight"]')).toHaveCount(1);
  }
});

test('the preflight cache is keyed by the whole URL: another query string is preflighted again', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await lab.policyText('Access-Control-Max-Age', '600');
  await lab.request({ method: 'PUT' });
  await lab.send();
  const cached = await lab.send();
  await expect(cached.locator('[data-kind="preflight-cached"]')).toHaveCount(1);

  await lab.request({ url: 'http://localhost:8000/getData.html?v=2' });
  const other = await lab.send();
  await expect(other.locator('details[data-kind="preflight"]')).toHaveCount(1);
});
