/** Story step 4: once PUT is allowed, OPTIONS then PUT, and the script reads the body. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage, type Api } from './support/lab-page.ts';

for (const api of ['fetch', 'xhr'] as const satisfies readonly Api[]) {
  test(`${api}: allowing PUT lets the preflight pass and the PUT through`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.useApi(api);
    await lab.allowOrigin('*');
    await lab.policyText('Access-Control-Allow-Methods', 'PUT');
    await expect(page.getByTestId('preview-preflight')).toContainText('Access-Control-Allow-Methods: PUT');
    await lab.request({ method: 'PUT', body: 'new value' });

    const entry = await lab.send();
    await expect(entry).toHaveAttribute('data-tone', 'allowed');
    const preflight = await lab.exchange(entry, 'preflight');
    await expect(headerRow(preflight, /^Response headers/, 'Access-Control-Allow-Methods')).toHaveText('PUT');
    const actual = await lab.exchange(entry, 'actual');
    await expect(actual.locator(':scope > summary')).toContainText('PUT /getData.html → 200');
    await expect(actual.getByLabel('Request body')).toHaveText('new value');
    // The preflight came first on the wire.
    const seqs = await entry.locator('details[data-seq]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
    expect(seqs[0]).toBeLessThan(seqs[1]!);
    await expect(entry.getByTestId('script-body')).toHaveText(DATA_BODY);
  });
}
