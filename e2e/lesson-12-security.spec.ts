/**
 * Lesson 12, walked as a learner in real Chromium: a page on another origin
 * of the same site (localhost:8300) reads the user's private data through an
 * echoed Origin with credentials; the exact origin shuts it out; a sandboxed
 * iframe (Origin: null) gets in while null is listed; and an unanchored
 * pattern admits evil-example.localhost until it is anchored.
 */
import { DATA_BODY, SESSION_COOKIE } from '@cors-lab/shared';
import { expect, test, type Locator } from '@playwright/test';
import { headerRow, LabPage, LessonWalk } from './support/lab-page.ts';

const PAGE = 'http://localhost:8100';
const ATTACKER = 'http://localhost:8300';
const PARTNER = 'http://example.localhost:8300';
const EVIL = 'http://evil-example.localhost:8300';
const ACCOUNT = /learner-[0-9a-f]{8}@cors-lab\.test/;

/** The Origin server01 received for an entry's actual request. */
async function originOf(lab: LabPage, entry: Locator): Promise<Locator> {
  return headerRow(await lab.exchange(entry, 'actual'), /^Request headers/, 'Origin');
}

test('lesson 12 (security): another site reads through an echoed Origin, a trusted null, an unanchored pattern', async ({ page, context }) => {
  // Four steps, a dozen sends through three kinds of frame, and a second tab.
  test.slow();
  const lab = new LabPage(page);
  await lab.open();
  const lesson = new LessonWalk(lab);
  await lesson.open(/^Security: who else can read it\?/);

  // Step 1: reflect + credentials. The learner logs in, reads /me, then sends it from the attacker's page.
  await lesson.stepTitle(/Echo any Origin with credentials/);
  await expect(lab.field('URL')).toHaveValue('http://localhost:8000/login');
  await expect(lab.field('Sent from')).toHaveValue('');
  await lesson.notPassed(/from the page on http:\/\/localhost:8300/);
  const login = await lab.send();
  await expect(headerRow(await lab.exchange(login, 'actual'), /^Response headers/, 'Set-Cookie')).toContainText(`${SESSION_COOKIE}=`);
  await lab.request({ url: 'http://localhost:8000/me' });
  const own = await lab.send();
  await expect(own.getByTestId('script-body')).toContainText(ACCOUNT);
  const account = ((await own.getByTestId('script-body').textContent()) ?? '').match(ACCOUNT)?.[0] ?? 'no account';
  await lesson.notPassed();
  await lab.field('Sent from').selectOption(ATTACKER);
  const stolen = await lab.send();
  await expect(stolen).toHaveAttribute('data-tone', 'allowed');
  await expect(stolen.locator('.entry-request')).toContainText(`from ${ATTACKER}`);
  await expect(stolen.getByTestId('script-body')).toContainText(account);
  await expect(await originOf(lab, stolen)).toHaveText(ATTACKER);
  await lesson.passed();
  // The attacker's own page, opened in a new tab, reads the same data with the same cookie.
  const attackerTab = await context.newPage();
  await attackerTab.goto(`${ATTACKER}/`);
  await expect(attackerTab.getByTestId('stolen')).toContainText(account);
  await expect(attackerTab.getByTestId('stolen')).toHaveAttribute('data-outcome', 'read');
  await attackerTab.close();

  // Step 2 (challenge): the exact origin keeps the page and shuts out the attacker.
  await lesson.next();
  await lesson.stepTitle(/Keep your page, shut the attacker out/);
  await expect(lab.field('Sent from')).toHaveValue(ATTACKER);
  await expect(lab.field('URL')).toHaveValue('http://localhost:8000/me');
  await lesson.notPassed(/under a policy that blocks it/);
  await lab.allowOrigin('list', [PAGE]);
  const shutOut = await lab.send();
  await expect(shutOut).toHaveAttribute('data-tone', 'blocked');
  // CORS does not stop the request: it reached server01 with the cookie; only the answer was kept from the script.
  await expect(headerRow(await lab.exchange(shutOut, 'actual'), /^Request headers/, 'Cookie')).toContainText(`${SESSION_COOKIE}=`);
  await lesson.notPassed(/from this page/);
  await lab.field('Sent from').selectOption('');
  const kept = await lab.send();
  await expect(kept.getByTestId('script-body')).toContainText(account);
  await lesson.passed();

  // Step 3: null listed; the sandboxed iframe reads; with null gone, it is blocked.
  await lesson.next();
  await lesson.stepTitle(/Trusting null trusts every sandbox/);
  await expect(lab.field('Sent from')).toHaveValue('null');
  await expect(lab.field('Allowed origins')).toHaveValue(`${PAGE}\nnull`);
  await lesson.notPassed(/while the list holds null/);
  const sandboxed = await lab.send();
  await expect(sandboxed).toHaveAttribute('data-tone', 'allowed');
  await expect(sandboxed.locator('.entry-request')).toContainText('from null');
  await expect(await originOf(lab, sandboxed)).toHaveText('null');
  // Chromium counts an opaque origin's request as cross-site: the SameSite=Lax cookie stays home, and /me says 401.
  await expect(headerRow(await lab.exchange(sandboxed, 'actual'), /^Request headers/, 'Cookie')).toHaveCount(0);
  await expect(headerRow(await lab.exchange(sandboxed, 'actual'), /^Response headers/, 'Access-Control-Allow-Origin')).toHaveText('null');
  await lesson.notPassed(/remove null/);
  await lab.allowOrigin('list', [PAGE]);
  const closed = await lab.send();
  await expect(closed).toHaveAttribute('data-tone', 'blocked');
  await lesson.passed();

  // Step 4 (challenge): example.localhost:8300$ admits evil-example.localhost:8300 until anchored and escaped.
  await lesson.next();
  await lesson.stepTitle(/A pattern without anchors admits a look-alike/);
  await expect(lab.field('Sent from')).toHaveValue(PARTNER);
  await expect(lab.field('Allowed origin patterns')).toHaveValue('example.localhost:8300$');
  const partner = await lab.send();
  await expect(partner.getByTestId('script-body')).toHaveText(DATA_BODY);
  await lab.field('Sent from').selectOption(EVIL);
  const lookalike = await lab.send();
  await expect(lookalike).toHaveAttribute('data-tone', 'allowed');
  await expect(await originOf(lab, lookalike)).toHaveText(EVIL);
  await lesson.notPassed(/under a policy that blocks it/);
  // A pattern that could take exponential time is refused with the field named.
  await lab.field('Allowed origin patterns').fill('(a+)+$');
  await expect(page.getByTestId('policy-sync')).toHaveText('not applied: fix the marked fields');
  await expect(page.getByRole('alert').filter({ hasText: 'originPatterns[0] repeats a group' })).toBeVisible();
  await lab.policyText('Allowed origin patterns', '^http://example\\.localhost:8300$');
  const anchored = await lab.send();
  await expect(anchored).toHaveAttribute('data-tone', 'blocked');
  // The partner read earlier only under the loose pattern: the challenge wants a read under the fixed one.
  await lesson.notPassed(/still lets a look-alike in/);
  await lab.field('Sent from').selectOption(PARTNER);
  const partnerAgain = await lab.send();
  await expect(partnerAgain).toHaveAttribute('data-tone', 'allowed');
  await lesson.passed();
  await lesson.realServersShown();
});
