/** Bad policy input is refused next to its field, and server01 keeps sending the last good policy. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';

test('an origin with a trailing slash is refused beside the origins field', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('list', ['http://localhost:8100']);
  await lab.field('Allowed origins').fill('http://localhost:8100/');
  const field = lab.field('Allowed origins');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'originList[0] must be a serialized origin' })).toBeVisible();
  await expect(page.getByTestId('policy-sync')).toHaveText('not applied: fix the marked fields');

  // server01 still has the last valid policy, so the GET still passes.
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'allowed');
  await expect(entry.getByTestId('script-body')).toHaveText(DATA_BODY);

  await lab.field('Allowed origins').fill('http://localhost:8100');
  await lab.policySaved();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a method that is not a token is refused beside Allow-Methods', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.field('Access-Control-Allow-Methods').fill('PU(T');
  await expect(page.getByRole('alert').filter({ hasText: 'allowMethods[0] must be a method or *' })).toBeVisible();
  await expect(page.getByTestId('preview-preflight')).not.toContainText('PU(T');
});

test('a raw header name with a space, or a framing header, is refused beside the raw headers', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.policyCheck('Raw mode: send exact headers', true);
  await lab.field('Raw actual headers').fill('Bad Name: 1');
  await expect(page.getByRole('alert').filter({ hasText: 'raw.actual.headers["Bad Name"]' })).toContainText('is not a header name');
  await lab.field('Raw actual headers').fill('Content-Length: 5');
  await expect(page.getByRole('alert').filter({ hasText: 'raw.actual.headers["Content-Length"]' })).toContainText('server01 sets Content-Length itself');
  await lab.field('Raw actual headers').fill('Access-Control-Allow-Origin *');
  await expect(page.getByRole('alert').filter({ hasText: 'raw.actual.headers line 1' })).toBeVisible();
});
