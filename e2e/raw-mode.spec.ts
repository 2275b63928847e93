/** Raw mode and routed OPTIONS reproduce hand-written servers exactly. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage } from './support/lab-page.ts';

test('the original Django view: CORS headers only in the OPTIONS branch, so the PUT is sent but hidden', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.policyCheck('Raw mode: send exact headers', true);
  await lab.field('Raw preflight status').fill('200');
  await lab.field('Raw preflight headers').fill('Access-Control-Allow-Origin: *\nAccess-Control-Allow-Methods: PUT');
  await lab.field('Raw actual headers').fill('');
  await lab.policySaved();
  await expect(page.getByTestId('preview-actual')).toContainText('(no CORS headers)');
  await lab.request({ method: 'PUT' });

  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'blocked');
  const preflight = await lab.exchange(entry, 'preflight');
  await expect(preflight.locator(':scope > summary')).toContainText('→ 200');
  await expect(preflight.locator(':scope > summary')).toContainText('answered in raw mode');
  const actual = await lab.exchange(entry, 'actual');
  await expect(actual.getByLabel('Response body')).toHaveText(DATA_BODY);
  await expect(entry.getByTestId('reason')).toContainText('no Access-Control-Allow-Origin');
});

test('a header given twice goes on the wire as two lines, and two Allow-Origin values fail', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.policyCheck('Raw mode: send exact headers', true);
  await lab.field('Raw actual headers').fill('Access-Control-Allow-Origin: *\nAccess-Control-Allow-Origin: *');
  await lab.policySaved();
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'blocked');
  const actual = await lab.exchange(entry, 'actual');
  await expect(headerRow(actual, /^Response headers/, 'Access-Control-Allow-Origin')).toHaveText(['*', '*']);
  await expect(entry.getByTestId('reason')).toContainText('must be exactly one origin');
});

test('OPTIONS passed on to the routes: a server without preflight handling answers 200 with data', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.field('OPTIONS is answered by').selectOption('routes');
  await lab.policySaved();
  await lab.request({ method: 'PUT' });
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'blocked');
  const preflight = await lab.exchange(entry, 'preflight');
  await expect(preflight.locator(':scope > summary')).toContainText('OPTIONS /getData.html → 200');
  await expect(preflight.locator(':scope > summary')).toContainText('answered by the route');
  await expect(preflight.getByLabel('Response body')).toHaveText(DATA_BODY);
  await expect(entry.locator('details[data-kind="actual"]')).toHaveCount(0);
});
