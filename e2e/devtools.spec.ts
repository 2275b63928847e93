/** DevTools' conventions in the lab: Copy as curl, Export HAR, and presenter mode for a projector. */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { harValidator } from './support/har-schema.ts';
import { LabPage } from './support/lab-page.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** The classic preflighted story: server01 allows any origin and PUT; the script PUTs. */
async function sendPreflightedPut(page: Page) {
  const lab = new LabPage(page);
  await lab.open();
  await lab.allowOrigin('*');
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await lab.request({ method: 'PUT', body: 'new value' });
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'allowed');
  return { lab, entry };
}

/** axe's serious and critical findings on the page as it is: rule, and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

test('Copy as curl on a preflight copies the OPTIONS it was', async ({ page }) => {
  const { lab, entry } = await sendPreflightedPut(page);
  const preflight = await lab.exchange(entry, 'preflight');
  await preflight.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(preflight.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('-X OPTIONS');
  expect(copied).toContain("-H 'Access-Control-Request-Method: PUT'");
  expect(copied).toMatch(/^curl -i -X OPTIONS 'http:\/\/localhost:8000\/getData\.html'/);
});

test('Export HAR downloads a valid HAR 1.2 file with the preflight and the PUT', async ({ page }) => {
  await sendPreflightedPut(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HAR' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cors-lab-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.har$/);
  const har = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    log: { version: string; entries: { request: { method: string; url: string }; response: { status: number }; _corsLab: { kind: string; send: number } }[] };
  };
  const validate = harValidator();
  expect(validate(har), JSON.stringify(validate.errors)).toBe(true);
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries.map((e) => [e._corsLab.kind, e.request.method, e.request.url, e.response.status, e._corsLab.send])).toEqual([
    ['preflight', 'OPTIONS', 'http://localhost:8000/getData.html', 204, 1],
    ['actual', 'PUT', 'http://localhost:8000/getData.html', 200, 1],
  ]);
});

test('presenter mode: larger type, kept on reload, and the sequence of the selected entry', async ({ page }) => {
  const { entry } = await sendPreflightedPut(page);
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await fontSize();
  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(entry.getByTestId('sequence-diagram')).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await fontSize()).toBeGreaterThanOrEqual(normal * 1.5);
  // The newest entry is selected by default: its diagram, arrows in wire order.
  const diagram = entry.getByTestId('sequence-diagram');
  await expect(diagram.getByRole('img')).toHaveAttribute('aria-label', /OPTIONS then PUT to server01/);
  await expect(diagram.getByTestId('sequence-steps').locator('li')).toHaveText([
    'page (script) → browser: fetch PUT /getData.html',
    'browser → server01: OPTIONS /getData.html (preflight)',
    'server01 → browser: 204 No Content',
    'browser → server01: PUT /getData.html',
    'server01 → browser: 200 OK',
    'browser → page (script): response: status 200',
  ]);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  expect(await fontSize()).toBeGreaterThanOrEqual(normal * 1.5);
});

test('selecting an older entry draws its sequence; a blocked one shows where it stopped', async ({ page }) => {
  const { lab } = await sendPreflightedPut(page);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  // PUT no longer allowed: the browser stops at the preflight. (Another URL: the
  // first preflight's answer sits in Chromium's preflight cache for 5 s.)
  await lab.policyText('Access-Control-Allow-Methods', '');
  await lab.request({ url: 'http://localhost:8000/getData.html?again' });
  const blocked = await lab.send();
  await expect(blocked).toHaveAttribute('data-tone', 'blocked');
  await expect(blocked.getByTestId('sequence-steps').locator('li')).toHaveText([
    'page (script) → browser: fetch PUT /getData.html?again',
    'browser → server01: OPTIONS /getData.html?again (preflight)',
    'server01 → browser: 204 No Content',
    'browser: Blocked: Method not in Access-Control-Allow-Methods',
    /^browser → page \(script\): network error: /,
  ]);
  const first = page.getByTestId('timeline-entry').nth(1);
  await first.getByTestId('verdict').click();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(first.getByTestId('sequence-diagram')).toHaveCount(1);
  await expect(blocked.getByTestId('sequence-diagram')).toHaveCount(0);
});

test('no serious or critical axe findings, in normal and in presenter mode', async ({ page }) => {
  // axe reads the whole page twice; on a loaded machine that outlasts the default 30 s.
  test.setTimeout(90_000);
  const { lab, entry } = await sendPreflightedPut(page);
  await lab.exchange(entry, 'preflight');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(entry.getByTestId('sequence-diagram')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
