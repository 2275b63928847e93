import { describe, expect, it } from 'vitest';
import type { Policy } from '../policy.ts';
import { checkOf, evidenceOf, openResult, PAGE, simulate, textProblems, textsOf } from './evidence-fixtures.ts';
import { customHeadersLesson as lesson } from './lesson-06-custom-headers.ts';

const CUSTOM = { headers: [['X-Custom-Header', '1']] as [string, string][] };
const EXACT: Partial<Policy> = { allowOrigin: 'list', originList: [PAGE], allowHeaders: ['X-Custom-Header'], maxAge: 0 };
const AUTH = { headers: [['Authorization', 'Bearer lab-token']] as [string, string][] };
const STAR_HEADERS: Partial<Policy> = { allowOrigin: '*', allowHeaders: ['*'], maxAge: 600 };

describe('lesson 6: custom headers', () => {
  it('every step is open before the learner sends anything', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false, false]);
  });

  describe('challenge: allow exactly X-Custom-Header', () => {
    const check = checkOf(lesson, 'exactly-x-custom-header');
    const tooLoose = check(evidenceOf(simulate({ request: CUSTOM, policy: { allowOrigin: '*', allowHeaders: ['*'] } })));

    it('is open while blocked, then says when the policy allows too much', () => {
      const blocked = simulate({ request: CUSTOM, policy: { allowOrigin: '*' } });
      expect(blocked.preflight?.request.headers).toContainEqual(['Access-Control-Request-Headers', 'x-custom-header']);
      expect(check(evidenceOf(blocked))).toEqual(openResult(lesson, 'exactly-x-custom-header'));
      expect(tooLoose.passed ? '' : tooLoose.hint.en).toMatch(/allows more than it needs/);
    });

    it('refuses every over-permissive policy that still lets the header through', () => {
      const loose: Partial<Policy>[] = [
        { ...EXACT, allowOrigin: '*' },
        { ...EXACT, allowOrigin: 'reflect' },
        { ...EXACT, allowHeaders: ['*'] },
        { ...EXACT, allowHeaders: ['X-Custom-Header', 'Authorization'] },
        { ...EXACT, allowMethods: ['PUT'] },
        { ...EXACT, allowCredentials: true },
      ];
      for (const policy of loose) {
        const s = simulate({ request: CUSTOM, policy });
        expect(s.tone).toBe('allowed');
        expect(check(evidenceOf(s))).toEqual(tooLoose);
      }
    });

    it('passes on exactly the page origin and exactly X-Custom-Header (any case), after a fresh preflight', () => {
      expect(check(evidenceOf(simulate({ request: CUSTOM, policy: EXACT })))).toEqual({ passed: true });
      expect(check(evidenceOf(simulate({ request: CUSTOM, policy: { ...EXACT, allowHeaders: ['x-custom-header'] } })))).toEqual({ passed: true });
      // A GET the preflight cache let through proves nothing about the policy it was sent under.
      expect(check(evidenceOf(simulate({ request: CUSTOM, policy: EXACT, fromCache: true })))).toEqual(tooLoose);
    });
  });

  it('x-csrftoken: passes once the preflight asked for x-csrftoken and the POST was read', () => {
    const check = checkOf(lesson, 'x-csrftoken');
    const csrf = { method: 'POST', headers: [['X-CSRFToken', 'lab-token']] as [string, string][], body: 'comment=hello' };
    const blocked = simulate({ request: csrf, policy: { allowOrigin: '*', allowHeaders: ['X-Custom-Header'] } });
    expect(blocked.failure?.code).toBe('header-not-allowed');
    expect(check(evidenceOf(blocked))).toEqual(openResult(lesson, 'x-csrftoken'));
    expect(check(evidenceOf(blocked, simulate({ request: csrf, policy: { allowOrigin: '*', allowHeaders: ['X-Custom-Header', 'x-csrftoken'] } })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulate({ request: csrf, policy: { allowOrigin: '*', allowHeaders: ['X-CSRFToken'] } })))).toEqual({ passed: true });
  });

  it('* and Authorization: passes on two sends that each went through a fresh preflight under *, not one', () => {
    const check = checkOf(lesson, 'authorization-star');
    const open = openResult(lesson, 'authorization-star');
    const byStar = simulate({ request: AUTH, policy: STAR_HEADERS });
    // Chromium 156: a fresh * covers Authorization; the standard says it never does.
    expect(byStar.tone).toBe('allowed');
    expect(check(evidenceOf(byStar))).toEqual(open);
    expect(check(evidenceOf(byStar, simulate({ request: AUTH, policy: STAR_HEADERS, number: 2 })))).toEqual({ passed: true });
    // Named, the second send comes from the cache: not what this step shows.
    const named: Partial<Policy> = { ...STAR_HEADERS, allowHeaders: ['*', 'Authorization'] };
    expect(check(evidenceOf(simulate({ request: AUTH, policy: named }), simulate({ request: AUTH, policy: named, fromCache: true })))).toEqual(open);
    // With Max-Age 0 every send preflights anyway, so two preflights prove nothing about the cache.
    const noCache = { ...STAR_HEADERS, maxAge: 0 };
    expect(check(evidenceOf(simulate({ request: AUTH, policy: noCache }), simulate({ request: AUTH, policy: noCache })))).toEqual(open);
  });

  it('Authorization named: passes when a send with Authorization went out on the cached preflight', () => {
    const check = checkOf(lesson, 'authorization-named');
    const named: Partial<Policy> = { ...STAR_HEADERS, allowHeaders: ['Authorization'] };
    expect(check(evidenceOf(simulate({ request: AUTH, policy: named })))).toEqual(openResult(lesson, 'authorization-named'));
    expect(check(evidenceOf(simulate({ request: AUTH, policy: named }), simulate({ request: AUTH, policy: named, fromCache: true })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulate({ request: AUTH, policy: STAR_HEADERS }), simulate({ request: AUTH, policy: STAR_HEADERS })))).toEqual(openResult(lesson, 'authorization-named'));
  });

  it('every text is in English and Chinese, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});
