/**
 * Issue 4: everything is reachable by keyboard. A learner without a mouse
 * opens a lesson, changes the method, edits the policy, sends with
 * Ctrl+Enter, opens a timeline entry and switches the language; and every
 * control on the page is a Tab stop with a visible focus ring.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';

/**
 * Presses Tab (or Shift+Tab, when the target comes before the focus) until
 * `target` has the focus, as a keyboard user would; fails if it never gets it.
 */
async function tabTo(page: Page, target: Locator, max = 200): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    const where = await target.evaluate((el) => {
      const active = document.activeElement;
      if (el === active) return 'here';
      if (active === null || active === document.body) return 'after';
      return el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? 'before' : 'after';
    });
    if (where === 'here') return;
    await page.keyboard.press(where === 'before' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(target)} never received the focus in ${max} key presses`);
}

// A walk presses a key and reads the focus a few hundred times.
test.describe.configure({ timeout: 90_000 });

/** Selects all of a focused field's text and types over it. */
async function typeOver(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('a whole learner flow from the keyboard alone', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  // Start from the top of the page, as a fresh visit does.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // Open a lesson.
  const lesson = page.getByRole('region', { name: 'Lessons' }).getByRole('button', { name: /The classic demo/ });
  await tabTo(page, lesson);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-title')).toContainText('Step 1 of 2');
  await lab.policySaved();

  // Move to step 2 with the step list's buttons.
  await tabTo(page, page.getByRole('button', { name: 'Next step' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-title')).toContainText('Step 2 of 2');
  await lab.policySaved();

  // Change the method.
  await tabTo(page, lab.field('Method'));
  await typeOver(page, 'PUT');
  await expect(lab.field('Method')).toHaveValue('PUT');

  // Edit the policy: any origin (a select moved with the arrow keys), and PUT allowed.
  const allowOrigin = lab.field('Access-Control-Allow-Origin');
  await tabTo(page, allowOrigin);
  const options = await allowOrigin.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const from = options.indexOf(await allowOrigin.inputValue());
  for (let i = from; i < options.indexOf('*'); i++) await page.keyboard.press('ArrowDown');
  await expect(allowOrigin).toHaveValue('*');
  await tabTo(page, lab.field('Access-Control-Allow-Methods'));
  await typeOver(page, 'PUT');
  await lab.policySaved();

  // Send with Ctrl+Enter from where the focus is: the policy editor, not the builder.
  const entries = page.getByTestId('timeline-entry');
  await page.keyboard.press('Control+Enter');
  await expect(entries).toHaveCount(1);
  const entry = entries.first();
  await expect(entry).toHaveAttribute('data-tone', 'allowed');
  await expect(entry.getByTestId('explainer-mismatch')).toHaveCount(0);
  await expect(page.getByTestId('step-check')).toHaveClass(/check-open|check-passed/);

  // Open the entry's preflight, then its reasons, with Enter on their summaries.
  const preflight = entry.locator('details[data-kind="preflight"]');
  await tabTo(page, preflight.locator(':scope > summary'));
  await page.keyboard.press('Enter');
  await expect(preflight).toHaveAttribute('open', '');
  await expect(preflight.locator('caption', { hasText: /^Response headers/ })).toBeVisible();
  const why = entry.locator('details.why');
  await tabTo(page, why.locator(':scope > summary'));
  await page.keyboard.press('Enter');
  await expect(entry.getByTestId('explainer-reason')).toBeVisible();

  // The Server code tabs follow the arrow keys.
  const exportTab = page.getByRole('tab', { name: 'Export' });
  await tabTo(page, exportTab);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Import' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Import' })).toBeVisible();

  // Switch the language: the page, the lesson and the explainer's reasons follow.
  const switcher = page.getByLabel('Language / 语言');
  await tabTo(page, switcher);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('step-title')).toContainText('第 2 步（共 2 步）');
  await expect(entry.getByTestId('explainer-reason')).toContainText('它需要预检，因为方法 PUT 不是 GET、HEAD 或 POST');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

/**
 * Presses Tab round the whole page once, marking each element it lands on,
 * and returns those drawn without a visible focus indicator. Past the last
 * control the focus leaves the page and comes back to the first one; the walk
 * ends where it lands on a marked element again.
 */
async function walkTabStops(page: Page, max = 400): Promise<{ stops: number; unringed: string[] }> {
  const unringed: string[] = [];
  let stops = 0;
  let outside = 0;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el === null || el === document.body) return 'outside' as const;
      // A frame keeps the focus inside its own document for a few presses.
      if (el.dataset.tabStop === '1') return el.tagName === 'IFRAME' ? ('frame' as const) : ('again' as const);
      el.dataset.tabStop = '1';
      const s = getComputedStyle(el);
      const ringed = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      const what = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
      return { ringed, what };
    });
    if (stop === 'again' || (stop === 'outside' && ++outside > 2)) break;
    if (stop === 'outside' || stop === 'frame') continue;
    stops++;
    if (!stop.ringed) unringed.push(stop.what);
  }
  return { stops, unringed };
}

/** Visible, enabled controls that are meant to be Tab stops but were never reached. */
function unreached(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((el) => !(el as HTMLButtonElement).disabled && el.getAttribute('tabindex') !== '-1' && el.checkVisibility())
      // A radio group is one Tab stop: its checked radio (the arrow keys move within it).
      .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
      // A file input sits inside its label, which shows the focus (share bar).
      .filter((el) => el.dataset.tabStop !== '1')
      .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`);
  });
}

test('every control is a Tab stop with a visible focus ring, in normal and presenter mode', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await page.getByRole('region', { name: 'Lessons' }).getByRole('button', { name: /The classic demo/ }).click();
  await lab.allowOrigin('*');
  await lab.policyText('Access-Control-Allow-Methods', 'PUT');
  await lab.request({ method: 'PUT' });
  const entry = await lab.send();
  await lab.exchange(entry, 'preflight');

  const normal = await walkTabStops(page);
  expect(normal.stops).toBeGreaterThan(30);
  expect(normal.unringed).toEqual([]);
  expect(await unreached(page)).toEqual([]);

  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('[data-tab-stop]').forEach((el) => delete el.dataset.tabStop));
  const presenter = await walkTabStops(page);
  expect(presenter.unringed).toEqual([]);
  expect(await unreached(page)).toEqual([]);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
});
