/** Story step 2: with Access-Control-Allow-Origin: * the script reads the body. */
import { DATA_BODY } from '@cors-lab/shared';
import { expect, test } from '@playwright/test';
import { headerRow, LabPage } from './support/lab-page.ts';

test('allowing origin * in the editor lets the script read server----001', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(page.getByTestId('preview-actual')).toContainText('(no CORS headers)');
  await lab.allowOrigin('*');
  await expect(page.getByTestId('preview-actual')).toContainText('Access-Control-Allow-Origin: *');

  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'allowed');
  await expect(entry.getByTestId('script-status')).toHaveText('200');
  await expect(entry.getByTestId('script-body')).toHaveText(DATA_BODY);
  const actual = await lab.exchange(entry, 'actual');
  await expect(headerRow(actual, /^Response headers/, 'Access-Control-Allow-Origin')).toHaveText('*');
});
