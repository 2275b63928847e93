/** The explainer, in the page: before a send (the builder) and after it (the timeline). */
import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';

test('the builder predicts the outcome as the learner types, and follows policy edits', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toContainText('would be blocked');
  await lab.allowOrigin('*');
  await expect(prediction).toContainText('would be allowed');
  await lab.request({ method: 'PUT' });
  await expect(prediction).toContainText('would be blocked');
  await expect(prediction).toContainText('Smallest fix: Add PUT to Access-Control-Allow-Methods');
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await expect(prediction).toContainText('would be allowed');
  await lab.request({ method: 'TRACE' });
  await expect(page.getByTestId('classification')).toContainText('TRACE is a forbidden method');
  await expect(prediction).toContainText('would not be sent');
});

test('a blocked send names the failed rule, links the standard, and gives the smallest fix', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.request({ method: 'PUT' });
  const entry = await lab.send();
  await expect(entry.getByTestId('fix')).toHaveText('Smallest fix: Add PUT to Access-Control-Allow-Methods in the preflight answer.');
  await expect(entry.getByRole('link', { name: 'Fetch standard' })).toHaveAttribute('href', 'https://fetch.spec.whatwg.org/#cors-preflight-fetch');
  await entry.getByText('Why, step by step').click();
  await expect(entry.getByTestId('explainer-reason')).toContainText('It needs a preflight because the method PUT is not GET, HEAD or POST');
});

test('Chromium 156 lets * in Allow-Headers cover Authorization, and the explainer says the standard differs', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.policyText('Access-Control-Allow-Headers', '*');
  await lab.addHeader('Authorization', 'Bearer token123');
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'allowed');
  await entry.getByText('Why, step by step').click();
  await expect(entry.getByTestId('explainer-reason')).toContainText('the Fetch standard says * never covers it');
});

test('a client hint Chromium safelists needs no preflight, and the builder says it is Chromium-only', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.addHeader('DPR', '2');
  await expect(page.getByTestId('classification')).toContainText('Chromium safelists the client hint DPR');
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'allowed');
  await expect(entry.locator('details[data-kind="preflight"]')).toHaveCount(0);
});
