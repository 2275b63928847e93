/** Story step 1: server01 answers the GET, but without CORS headers the browser hides the answer. */
import { API_ROUTES, DATA_BODY, originOf } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage, type Api } from './support/lab-page.ts';

test('the lab is served at / and at the original demo URL /index.html/', async ({ page }) => {
  for (const path of ['/', '/index.html/']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'CORS Lab' })).toBeVisible();
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${originOf('server01')}${API_ROUTES.data}`);
  }
});

for (const api of ['fetch', 'xhr'] as const satisfies readonly Api[]) {
  test(`${api}: server01 answers 200, the script gets a network error`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.useApi(api);
    const entry = await lab.send();

    await expect(entry).toHaveAttribute('data-tone', 'blocked');
    await expect(entry.locator('details[data-kind="preflight"]')).toHaveCount(0);
    const actual = await lab.exchange(entry, 'actual');
    await expect(actual.locator(':scope > summary')).toContainText('GET /getData.html → 200');
    await expect(headerRow(actual, /^Request headers/, 'Origin')).toHaveText(originOf('server02'));
    await expect(actual.getByLabel('Response body')).toHaveText(DATA_BODY);
    await expect(headerRow(actual, /^Response headers/, 'Access-Control-Allow-Origin')).toHaveCount(0);

    await expect(entry.getByTestId('script-error')).toHaveText(
      api === 'fetch' ? 'TypeError: Failed to fetch' : 'XMLHttpRequest network error: status 0',
    );
    await expect(entry.getByTestId('reason')).toContainText('no Access-Control-Allow-Origin');
  });
}
