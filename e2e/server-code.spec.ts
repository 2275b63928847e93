/** Issue 5: the live policy as real servers' configuration, and a pasted configuration as the policy. */
import { DATA_BODY, originOf } from '@cors-lab/shared';
import { expect, test, type Page } from '@playwright/test';
import { headerRow, LabPage } from './support/lab-page.ts';

const PAGE = originOf('server02');

/** The classic django-cors-headers block, with the old setting names and the non-standard VIEW method. */
const CLASSIC_DJANGO = `CORS_ALLOW_CREDENTIALS = True
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = (
    '${PAGE}',
)
CORS_ALLOW_METHODS = (
    'DELETE',
    'GET',
    'OPTIONS',
    'PATCH',
    'POST',
    'PUT',
    'VIEW',
)
CORS_ALLOW_HEADERS = (
    'accept',
    'content-type',
    'origin',
    'x-csrftoken',
    'x-requested-with',
)`;

async function openTab(page: Page, name: 'Export' | 'Import'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

async function importText(lab: LabPage, format: 'django-cors-headers' | 'express-cors', text: string): Promise<void> {
  await openTab(lab.page, 'Import');
  await lab.field('Format').selectOption(format);
  await lab.field('Configuration to import').fill(text);
  await lab.page.getByRole('button', { name: /^Import Ctrl\+Enter$/ }).click();
}

/** The editor's example: the page's own origin, credentials, PUT and a custom header. */
async function credentialedPutPolicy(lab: LabPage): Promise<void> {
  await lab.allowOrigin('list', [PAGE]);
  await lab.policyCheck('Access-Control-Allow-Credentials: true', true);
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await lab.policyText('Access-Control-Allow-Headers', 'X-Custom-Header');
}

test('export shows the live policy as django-cors-headers settings, and follows the editor', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await credentialedPutPolicy(lab);
  await openTab(page, 'Export');
  await lab.field('Configuration for').selectOption('django-cors-headers');

  const code = page.getByTestId('export-code');
  await expect(page.getByText('Goes in settings.py.')).toBeVisible();
  await expect(code).toContainText(`CORS_ALLOWED_ORIGINS = ["${PAGE}"]`);
  await expect(code).toContainText('CORS_ALLOW_CREDENTIALS = True');
  await expect(code).toContainText('CORS_ALLOW_METHODS = ["PUT"]');
  await expect(code).toContainText('CORS_ALLOW_HEADERS = ["X-Custom-Header"]');

  await lab.allowOrigin('reflect');
  await expect(code).toContainText('CORS_ALLOWED_ORIGIN_REGEXES = [r".*"]');
  await expect(code).not.toContainText('CORS_ALLOWED_ORIGINS');
});

test('reflect with credentials exported for flask-cors carries its trap note', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await credentialedPutPolicy(lab);
  await lab.allowOrigin('reflect');
  await openTab(page, 'Export');
  await lab.field('Configuration for').selectOption('flask-cors');

  await expect(page.getByText('Goes in app.py.')).toBeVisible();
  await expect(page.getByTestId('export-code')).toContainText('supports_credentials=True');
  const trap = page.getByRole('note').filter({ hasText: 'Trap: reflect-with-credentials' });
  await expect(trap).toContainText('every site on the web can send credentialed requests');
  await expect(trap).toHaveClass(/code-note-trap/);
});

test('Copy puts the snippet on the clipboard and says Copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await openTab(page, 'Export');
  await lab.field('Configuration for').selectOption('nginx');

  await page.getByRole('button', { name: 'Copy the nginx configuration' }).click();
  await expect(page.locator('.copy').getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByTestId('export-code').textContent());
});

test('the Export and Import tabs follow the arrow keys', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await page.getByRole('tab', { name: 'Export' }).focus();
  await page.keyboard.press('ArrowRight');
  const importTab = page.getByRole('tab', { name: 'Import' });
  await expect(importTab).toBeFocused();
  await expect(importTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Import' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Export' })).toBeHidden();
});

test('the classic django settings, imported and applied, let a credentialed PUT with X-CSRFToken through', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await importText(lab, 'django-cors-headers', CLASSIC_DJANGO);

  const outcome = page.getByTestId('import-outcome');
  await expect(outcome.getByRole('listitem').filter({ hasText: /^Access-Control-Allow-Methods:/ })).toContainText('(none) → DELETE, GET, OPTIONS, PATCH, POST, PUT, VIEW');
  await expect(outcome.getByRole('listitem').filter({ hasText: /^Line 2:/ })).toContainText('CORS_ORIGIN_ALLOW_ALL is the old name of CORS_ALLOW_ALL_ORIGINS');
  await page.getByRole('button', { name: 'Apply to server01' }).click();
  await lab.policySaved();
  await expect(outcome.getByRole('status')).toHaveText(/^Applied: server01 uses this policy now/);
  await expect(lab.field('Allowed origins')).toHaveValue(PAGE);

  await lab.withCredentials('fetch');
  await lab.request({ method: 'PUT', body: 'new value' });
  await lab.addHeader('X-CSRFToken', 'abc');
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'allowed');
  const preflight = await lab.exchange(entry, 'preflight');
  await expect(preflight.locator(':scope > summary')).toContainText('OPTIONS /getData.html → 200');
  await expect(headerRow(preflight, /^Response headers/, 'Access-Control-Allow-Methods')).toHaveText('DELETE, GET, OPTIONS, PATCH, POST, PUT, VIEW');
  await expect(headerRow(preflight, /^Response headers/, 'Access-Control-Allow-Headers')).toHaveText('accept, content-type, origin, x-csrftoken, x-requested-with');
  await expect(headerRow(preflight, /^Response headers/, 'Access-Control-Allow-Credentials')).toHaveText('true');
  await expect(entry.getByTestId('script-body')).toHaveText(DATA_BODY);
});

test('broken settings are refused at their line and column, and the policy stays as it was', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  const preview = await page.getByTestId('preview-preflight').textContent();
  const broken = CLASSIC_DJANGO.replace(`    '${PAGE}',`, `    '${PAGE}': True,`);
  await importText(lab, 'django-cors-headers', broken);

  const error = page.getByRole('alert').filter({ hasText: /^Line 4, column/ });
  await expect(error).toContainText('Line 4, column 28: expected "," or ")" after an entry; found ":"');
  await expect(page.getByTestId('import-error-line')).toContainText(`'${PAGE}': True,`);
  await expect(page.getByTestId('import-error-line').locator('mark')).toHaveText(':');
  await expect(lab.field('Configuration to import')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Apply to server01' })).toHaveCount(0);

  await error.getByRole('button', { name: 'Go to line 4' }).click();
  const textarea = lab.field('Configuration to import');
  await expect(textarea).toBeFocused();
  const atCursor = await textarea.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(atCursor).toBe(':');

  await lab.policySaved();
  await expect(lab.field('Access-Control-Allow-Origin')).toHaveValue('*');
  await expect(page.getByTestId('preview-preflight')).toHaveText(preview ?? '');
});
