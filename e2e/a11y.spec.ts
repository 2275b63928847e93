/**
 * Issue 4: an axe check (@axe-core/playwright) of every main view finds no
 * serious or critical violation: the lab with a lesson open (English and
 * 简体中文), the timeline with a preflight and an actual request opened, the
 * Server code panel (Export and Import), presenter mode, the teacher view.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LabPage, LessonWalk } from './support/lab-page.ts';
import { UI_WORDS } from './support/ui-words.ts';

// axe reads the whole page each time, and a test runs it up to three times.
test.describe.configure({ timeout: 90_000 });

/** axe's serious and critical findings on the page as it is now: rule, and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** A preflighted PUT that passes: the timeline then holds a preflight and an actual request. */
async function preflightedPut(lab: LabPage) {
  await lab.allowOrigin('*');
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await lab.request({ method: 'PUT', body: 'new value' });
  const entry = await lab.send();
  await expect(entry).toHaveAttribute('data-tone', 'allowed');
  return entry;
}

test('the lab with a lesson open, in English', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await new LessonWalk(lab).open(/The classic demo/);
  await lab.send();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('in 简体中文', () => {
  test.use({ locale: 'zh-CN' });

  test('the lab with a lesson open, and a blocked send explained', async ({ page }) => {
    const words = UI_WORDS['zh-CN'];
    await page.goto('/');
    await expect(page.getByRole('status', { name: words.eventStream })).toHaveText(words.eventsLive, { timeout: 15_000 });
    await page.getByRole('button', { name: words.resetLab }).click();
    await expect(page.getByTestId('policy-sync')).toHaveText(words.policySaved);
    await page.getByRole('region', { name: '课程' }).getByRole('button', { name: '经典演示：200 不等于成功' }).click();
    await page.getByRole('button', { name: words.send }).click();
    const entry = page.getByTestId('timeline-entry').first();
    await expect(entry).toHaveAttribute('data-tone', 'blocked');
    await entry.getByText('逐步解释原因').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('the timeline with its preflight, actual request, curl and reasons opened', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const entry = await preflightedPut(lab);
  for (const kind of ['preflight', 'actual'] as const) {
    const exchange = await lab.exchange(entry, kind);
    await exchange.getByText('curl command').click();
    await expect(exchange.getByTestId('curl-command')).toBeVisible();
  }
  await entry.getByText('Why, step by step').click();
  await expect(entry.getByTestId('explainer-reason')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Server code panel: Export, and Import with its list of changes', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.getByTestId('export-code')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('tab', { name: 'Import' }).click();
  await lab.field('Format').selectOption('django-cors-headers');
  await lab.field('Configuration to import').fill('CORS_ALLOWED_ORIGINS = ["http://localhost:8100"]\nCORS_ALLOW_METHODS = ["GET", "PUT"]\n');
  await page.getByRole('button', { name: /^Import Ctrl\+Enter$/ }).click();
  await expect(page.getByRole('button', { name: 'Apply to server01' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // A refused configuration: the error, its excerpt and the "Go to line" button.
  await lab.field('Configuration to import').fill('CORS_ALLOWED_ORIGINS = ["http://localhost:8100"\n');
  await page.getByRole('button', { name: /^Import Ctrl\+Enter$/ }).click();
  await expect(page.getByRole('button', { name: /^Go to line/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('presenter mode, with the sequence diagram of the selected entry', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const entry = await preflightedPut(lab);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(entry.getByTestId('sequence-diagram')).toBeVisible();
  await lab.exchange(entry, 'preflight');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
});

test('the teacher view, with a learner in a lesson', async ({ page, browser }) => {
  const learner = await browser.newContext();
  const lab = new LabPage(await learner.newPage());
  await lab.open('/?labs=own');
  await new LessonWalk(lab).open(/The classic demo/);

  await page.goto('/?teacher#token=e2e-teacher-token');
  await expect(page.getByTestId('learner-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Move everyone to this step' }).click();
  await expect(page.getByRole('status')).toContainText(/^Moved \d+ learners? to lesson/);
  expect(await seriousViolations(page)).toEqual([]);
  await learner.close();
});
