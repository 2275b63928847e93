/**
 * Lesson 12's steps: a page on another origin of the same site
 * (localhost:8300) reads the user's private data through an echoed Origin
 * with credentials, and so does the attacker's own page in a new tab; the
 * exact origin shuts it out; a sandboxed iframe (Origin: null) gets in while
 * null is listed; and an unanchored pattern admits evil-example.localhost
 * until it is anchored.
 */
import { DATA_BODY, SESSION_COOKIE } from '@cors-lab/shared';
import { expect, type Locator } from '@playwright/test';
import { headerRow, type LabPage } from '../support/lab-page.ts';
import type { LessonScript } from './step-script.ts';

const PAGE = 'http://localhost:8100';
const ATTACKER = 'http://localhost:8300';
const PARTNER = 'http://example.localhost:8300';
const EVIL = 'http://evil-example.localhost:8300';
const ACCOUNT = /learner-[0-9a-f]{8}@cors-lab\.test/;

/** The Origin server01 received for an entry's actual request. */
async function originOf(lab: LabPage, entry: Locator): Promise<Locator> {
  return headerRow(await lab.exchange(entry, 'actual'), lab.words.requestHeaders, 'Origin');
}

export const securitySteps: LessonScript = {
  lessonId: 'security',
  steps: [
    {
      // Reflect + credentials: the learner logs in, reads /me, then sends it from the attacker's page.
      id: 'reflect-steals',
      run: async ({ lab, lesson, t, words, memo }) => {
        await expect(lab.field('URL')).toHaveValue('http://localhost:8000/login');
        await expect(lab.field(words.sentFrom)).toHaveValue('');
        await lesson.notPassed(t(/from the page on http:\/\/localhost:8300/, /从 http:\/\/localhost:8300 上的页面/));
        const login = await lab.send();
        await expect(headerRow(await lab.exchange(login, 'actual'), words.responseHeaders, 'Set-Cookie')).toContainText(`${SESSION_COOKIE}=`);
        await lab.request({ url: 'http://localhost:8000/me' });
        const own = await lab.send();
        await expect(own.getByTestId('script-body')).toContainText(ACCOUNT);
        const account = ((await own.getByTestId('script-body').textContent()) ?? '').match(ACCOUNT)?.[0] ?? 'no account';
        memo.set('account', account);
        await lesson.notPassed();
        await lab.sendFrom(ATTACKER);
        const stolen = await lab.send();
        await expect(stolen).toHaveAttribute('data-tone', 'allowed');
        await expect(stolen.locator('.entry-request')).toContainText(t(`from ${ATTACKER}`, `发自 ${ATTACKER}`));
        await expect(stolen.getByTestId('script-body')).toContainText(account);
        await expect(await originOf(lab, stolen)).toHaveText(ATTACKER);
        await lesson.passed();
        // The attacker's own page, opened in a new tab, reads the same data with the same cookie.
        await lab.inNewTab(`${ATTACKER}/`, async (tab) => {
          await expect(tab.getByTestId('stolen')).toContainText(account);
          await expect(tab.getByTestId('stolen')).toHaveAttribute('data-outcome', 'read');
        });
      },
    },
    {
      // The exact origin keeps the page and shuts out the attacker.
      id: 'exact-origin',
      run: async ({ lab, lesson, t, words, memo }) => {
        await expect(lab.field(words.sentFrom)).toHaveValue(ATTACKER);
        await expect(lab.field('URL')).toHaveValue('http://localhost:8000/me');
        await lesson.notPassed(t(/under a policy that blocks it/, /在会拦截它的策略下/));
        await lab.allowOrigin('list', [PAGE]);
        const shutOut = await lab.send();
        await expect(shutOut).toHaveAttribute('data-tone', 'blocked');
        // CORS does not stop the request: it reached server01 with the cookie; only the answer was kept from the script.
        await expect(headerRow(await lab.exchange(shutOut, 'actual'), words.requestHeaders, 'Cookie')).toContainText(`${SESSION_COOKIE}=`);
        await lesson.notPassed(t(/from this page/, /从本页面向 \/me/));
        await lab.sendFrom('');
        const kept = await lab.send();
        await expect(kept.getByTestId('script-body')).toContainText(memo.get('account') ?? 'no account');
      },
    },
    {
      // null listed: the sandboxed iframe reads; with null gone, it is blocked.
      id: 'trusted-null',
      run: async ({ lab, lesson, t, words }) => {
        await expect(lab.field(words.sentFrom)).toHaveValue('null');
        await expect(lab.field(words.allowedOrigins)).toHaveValue(`${PAGE}\nnull`);
        await lesson.notPassed(t(/while the list holds null/, /在列表包含 null 时/));
        const sandboxed = await lab.send();
        await expect(sandboxed).toHaveAttribute('data-tone', 'allowed');
        await expect(sandboxed.locator('.entry-request')).toContainText(t('from null', '发自 null'));
        await expect(await originOf(lab, sandboxed)).toHaveText('null');
        // Chromium counts an opaque origin's request as cross-site: the SameSite=Lax cookie stays home, and /me says 401.
        await expect(headerRow(await lab.exchange(sandboxed, 'actual'), words.requestHeaders, 'Cookie')).toHaveCount(0);
        await expect(headerRow(await lab.exchange(sandboxed, 'actual'), words.responseHeaders, 'Access-Control-Allow-Origin')).toHaveText('null');
        await lesson.notPassed(t(/remove null/, /把 null 从“允许的源”中删掉/));
        await lab.allowOrigin('list', [PAGE]);
        const closed = await lab.send();
        await expect(closed).toHaveAttribute('data-tone', 'blocked');
      },
    },
    {
      // example.localhost:8300$ admits evil-example.localhost:8300 until anchored and escaped.
      id: 'unanchored-pattern',
      run: async ({ page, lab, lesson, t, words }) => {
        await expect(lab.field(words.sentFrom)).toHaveValue(PARTNER);
        await expect(lab.field(words.originPatterns)).toHaveValue('example.localhost:8300$');
        const partner = await lab.send();
        await expect(partner.getByTestId('script-body')).toHaveText(DATA_BODY);
        await lab.sendFrom(EVIL);
        const lookalike = await lab.send();
        await expect(lookalike).toHaveAttribute('data-tone', 'allowed');
        await expect(await originOf(lab, lookalike)).toHaveText(EVIL);
        await lesson.notPassed(t(/under a policy that blocks it/, /在会拦截它的策略下/));
        // A pattern that could take exponential time is refused with the field named.
        await lab.fill(words.originPatterns, '(a+)+$');
        await expect(page.getByTestId('policy-sync')).toHaveText(t('not applied: fix the marked fields', '未生效：请修正标出的字段'));
        await expect(page.getByRole('alert').filter({ hasText: 'originPatterns[0] repeats a group' })).toBeVisible();
        await lab.policyText(words.originPatterns, '^http://example\\.localhost:8300$');
        const anchored = await lab.send();
        await expect(anchored).toHaveAttribute('data-tone', 'blocked');
        // The partner read earlier only under the loose pattern: the challenge wants a read under the fixed one.
        await lesson.notPassed(t(/still lets a look-alike in/, /仍会放进仿冒网站/));
        await lab.sendFrom(PARTNER);
        const partnerAgain = await lab.send();
        await expect(partnerAgain).toHaveAttribute('data-tone', 'allowed');
      },
    },
  ],
};
