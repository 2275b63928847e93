import { describe, expect, it } from 'vitest';
import type { Policy } from '../policy.ts';
import type { HeaderLine } from '../policy-answer.ts';
import { checkOf, evidenceOf, openResult, PAGE, textProblems, textsOf } from './evidence-fixtures.ts';
import { SERVER01, simulateHttp } from './evidence-http-fixtures.ts';
import { securityLesson as lesson, LOOKALIKES } from './lesson-12-security.ts';
import { parseSharedState } from './shared-state.ts';
import { EMPTY_POLICY } from '../policy.ts';

const ATTACKER = 'http://localhost:8300';
const PARTNER = 'http://example.localhost:8300';
const EVIL = 'http://evil-example.localhost:8300';
const COOKIE: HeaderLine[] = [['Cookie', 'labsession=0b7d1e2f']];
const DATA = '{"account":"learner-1a2b3c4d@cors-lab.test","session":"1a2b3c4d","notes":"private notes"}';

/** A credentialed GET of /me from `from`, with or without the session cookie (server01 answers 401 without it). */
const me = (policy: Partial<Policy>, from: string | undefined, opts: { cookie?: boolean; number?: number } = {}) => {
  const cookie = opts.cookie ?? true;
  return simulateHttp({
    request: { url: `${SERVER01}/me`, credentials: 'include', ...(from !== undefined ? { from } : {}) },
    policy,
    browserHeaders: cookie ? COOKIE : [],
    route: cookie ? { body: DATA } : { status: 401, body: '{"error":"not logged in"}' },
    number: opts.number ?? 1,
  });
};

const data = (policy: Partial<Policy>, from: string, number = 1) => simulateHttp({ request: { from }, policy, route: { body: 'server----001' }, number });

const REFLECT: Partial<Policy> = { allowOrigin: 'reflect', allowCredentials: true };
const EXACT: Partial<Policy> = { allowOrigin: 'list', originList: [PAGE], allowCredentials: true };

describe('lesson 12: security', () => {
  it('every step is open before the learner sends anything', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false, false]);
  });

  it('the fixture reads as Chromium does: a reflected Origin with credentials lets the attacker read; an exact list does not', () => {
    expect([me(REFLECT, ATTACKER).tone, me(EXACT, ATTACKER).tone, me(EXACT, undefined).tone]).toEqual(['allowed', 'blocked', 'allowed']);
  });

  it('reflect steals: passes when the attacker page read /me with the cookie; open from the page itself, without the cookie, or blocked', () => {
    const check = checkOf(lesson, 'reflect-steals');
    const open = openResult(lesson, 'reflect-steals');
    expect(check(evidenceOf(me(REFLECT, ATTACKER)))).toEqual({ passed: true });
    expect(check(evidenceOf(me(REFLECT, undefined)))).toEqual(open);
    expect(check(evidenceOf(me(REFLECT, ATTACKER, { cookie: false })))).toEqual(open);
    expect(check(evidenceOf(me(EXACT, ATTACKER)))).toEqual(open);
    // Another host on port 8300 is not this step's attacker (another site: no Lax cookie).
    expect(check(evidenceOf(me(REFLECT, EVIL)))).toEqual(open);
  });

  it('exact origin: passes when the attacker was blocked and the page read under exactly its origin with credentials', () => {
    const check = checkOf(lesson, 'exact-origin');
    const [attackerHint, todo, tooLoose] = [openResult(lesson, 'exact-origin'), check(evidenceOf(me(EXACT, ATTACKER))), check(evidenceOf(me(EXACT, ATTACKER), me({ ...EXACT, originList: [PAGE, 'null'] }, undefined, { number: 2 })))];
    expect(check(evidenceOf(me(EXACT, ATTACKER), me(EXACT, undefined, { number: 2 })))).toEqual({ passed: true });
    // The page alone is not enough: the attacker must have been seen failing.
    expect(check(evidenceOf(me(EXACT, undefined)))).toEqual(attackerHint);
    expect(todo.passed ? null : todo.hint.en).toMatch(/^Now send the GET with credentials to \/me from this page/);
    expect(tooLoose.passed ? null : tooLoose.hint.en).toMatch(/allows more than this page/);
    // A pattern that also admits the page is looser than the exact origin.
    const pattern = { ...EXACT, originList: [], originPatterns: ['localhost'] };
    expect(check(evidenceOf(me(EXACT, ATTACKER), me(pattern, undefined, { number: 2 })))).toEqual(tooLoose);
    // Reflecting makes the page work and never blocks the attacker.
    expect(check(evidenceOf(me(REFLECT, ATTACKER), me(REFLECT, undefined, { number: 2 })))).toEqual(attackerHint);
  });

  it('trusted null: passes when the sandbox read with null listed and was blocked once null was gone', () => {
    const check = checkOf(lesson, 'trusted-null');
    const withNull: Partial<Policy> = { allowOrigin: 'list', originList: [PAGE, 'null'], allowCredentials: true };
    const read = me(withNull, 'null', { cookie: false });
    const blocked = me(EXACT, 'null', { cookie: false, number: 2 });
    expect([read.tone, read.result.kind === 'response' ? read.result.status : 0, blocked.tone]).toEqual(['allowed', 401, 'blocked']);
    expect(check(evidenceOf(read, blocked))).toEqual({ passed: true });
    const [first, second] = [check(evidenceOf()), check(evidenceOf(read))];
    expect(first).toEqual(openResult(lesson, 'trusted-null'));
    expect(second.passed ? null : second.hint.en).toMatch(/^Now remove null/);
    // Blocked with none of the policy's origins at all is not the point: null must have been removed from a list.
    expect(check(evidenceOf(read, me({}, 'null', { cookie: false, number: 2 })))).toEqual(second);
    expect(check(evidenceOf(me(withNull, undefined), blocked))).toEqual(first);
  });

  it('unanchored pattern: example.localhost:8300$ admits the look-alike; an anchored, escaped pattern admits only the partner', () => {
    const check = checkOf(lesson, 'unanchored-pattern');
    const loose: Partial<Policy> = { allowOrigin: 'list', originList: [PAGE], originPatterns: ['example.localhost:8300$'] };
    const anchored: Partial<Policy> = { ...loose, originPatterns: ['^http://example\\.localhost:8300$'] };
    const listed: Partial<Policy> = { allowOrigin: 'list', originList: [PAGE, PARTNER] };
    expect([data(loose, EVIL).tone, data(anchored, EVIL).tone, data(anchored, PARTNER).tone]).toEqual(['allowed', 'blocked', 'allowed']);
    expect(check(evidenceOf(data(anchored, EVIL), data(anchored, PARTNER, 2)))).toEqual({ passed: true });
    expect(check(evidenceOf(data(listed, EVIL), data(listed, PARTNER, 2)))).toEqual({ passed: true });
    const open = openResult(lesson, 'unanchored-pattern');
    expect(check(evidenceOf(data(loose, EVIL), data(loose, PARTNER, 2)))).toEqual(open);
    // Blocked by an anchored pattern whose dots still match anything: the partner reads, but the check says too loose.
    const dotty: Partial<Policy> = { ...loose, originPatterns: ['^http://example.localhost:8300$'] };
    const r = check(evidenceOf(data(dotty, EVIL), data(dotty, PARTNER, 2)));
    expect(r.passed ? null : r.hint.en).toMatch(/still lets a look-alike in/);
  });

  it('the look-alikes are what an unanchored or unescaped pattern admits', () => {
    expect(LOOKALIKES).toEqual([EVIL, 'http://exampleXlocalhost:8300', 'http://example.localhost:8300.evil.localhost', 'https://example.localhost:8300']);
  });

  it('a shared state carries the sender and the patterns; an older one without them still opens', () => {
    const request = { api: 'fetch', method: 'GET', url: '{server01}/me', headers: [], body: '', credentials: 'include' } as const;
    const now = { v: 1, request: { ...request, from: 'null' }, policy: { ...EMPTY_POLICY, allowOrigin: 'list', originPatterns: ['^http://example\\.localhost:8300$'] } };
    const { originPatterns: _none, ...olderPolicy } = EMPTY_POLICY;
    expect(parseSharedState(now)).toEqual({ ok: true, state: now });
    expect(parseSharedState({ v: 1, request, policy: olderPolicy })).toEqual({ ok: true, state: { v: 1, request, policy: olderPolicy } });
    expect(parseSharedState({ ...now, policy: { ...now.policy, originPatterns: ['(a+)+'] } })).toMatchObject({ ok: false, error: expect.stringContaining('policy: originPatterns[0] repeats a group') });
  });

  it('every text has both languages, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});
