import { describe, expect, it } from 'vitest';
import type { Policy } from '../policy.ts';
import type { HeaderLine } from '../policy-answer.ts';
import { checkOf, evidenceOf, openResult, PAGE, textProblems, textsOf } from './evidence-fixtures.ts';
import { SERVER01, simulateHttp } from './evidence-http-fixtures.ts';
import { conditionalLesson as lesson } from './lesson-10-conditional.ts';

const URL = `${SERVER01}/resource.json`;
const validators = (v: number): HeaderLine[] => [['ETag', `"v${v}"`], ['Last-Modified', 'Fri, 02 Jan 2026 03:04:05 GMT'], ['Cache-Control', 'no-store']];

/** A send to /resource.json as server01 answers it (apps/server01/src/conditional-resource.ts). */
function resource(method: 'GET' | 'PUT', status: number, policy: Partial<Policy>, headers: HeaderLine[] = [], number = 1) {
  const json = status === 200 || status === 412 ? [['Content-Type', 'application/json; charset=utf-8'] as HeaderLine] : [];
  const route = status === 412 ? [['ETag', '"v2"'] as HeaderLine, ...json] : status === 428 ? json : [...validators(method === 'PUT' ? 2 : 1), ...json];
  return simulateHttp({
    request: { method, url: URL, headers, ...(method === 'PUT' ? { body: 'my edit' } : {}) },
    policy,
    route: { status, headers: route, body: status === 304 ? '' : '{}' },
    number,
  });
}

const INM: HeaderLine[] = [['If-None-Match', '"v1"']];
const IF_MATCH: HeaderLine[] = [['If-Match', '"v1"']];
const MINIMAL: Partial<Policy> = { allowOrigin: 'list', originList: [PAGE], allowMethods: ['PUT'], allowHeaders: ['If-Match'], exposeHeaders: ['ETag'] };

describe('lesson 10: conditional requests', () => {
  it('every step is open before the learner sends anything', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false]);
  });

  it('validators: passes when the script read ETag and Last-Modified; open while ETag is hidden', () => {
    const check = checkOf(lesson, 'validators');
    expect([check(evidenceOf(resource('GET', 200, { allowOrigin: '*', exposeHeaders: ['ETag'] }))), check(evidenceOf(resource('GET', 200, { allowOrigin: '*', exposeHeaders: ['*'] })))]).toEqual([
      { passed: true },
      { passed: true },
    ]);
    expect(check(evidenceOf(resource('GET', 200, { allowOrigin: '*' })))).toEqual(openResult(lesson, 'validators'));
    expect(check(evidenceOf(simulateHttp({ policy: { allowOrigin: '*', exposeHeaders: ['ETag'] }, route: { headers: validators(1) } })))).toEqual(openResult(lesson, 'validators'));
  });

  describe('If-None-Match: 304', () => {
    const check = checkOf(lesson, 'not-modified');
    const open = openResult(lesson, 'not-modified');
    const ALLOWED: Partial<Policy> = { allowOrigin: '*', exposeHeaders: ['ETag'], allowHeaders: ['If-None-Match'], maxAge: 600 };

    it('passes on two 304s, each preflighted under Max-Age 600 (also with If-Modified-Since)', () => {
      expect(check(evidenceOf(resource('GET', 304, ALLOWED, INM), resource('GET', 304, ALLOWED, INM, 2)))).toEqual({ passed: true });
      const ims: HeaderLine[] = [['If-Modified-Since', 'Fri, 02 Jan 2026 03:04:05 GMT']];
      const imsAllowed = { ...ALLOWED, allowHeaders: ['If-Modified-Since'] };
      expect(check(evidenceOf(resource('GET', 304, imsAllowed, ims), resource('GET', 304, imsAllowed, ims, 2)))).toEqual({ passed: true });
    });

    it('is open on one 304, on a 200 (a stale ETag), when blocked at the preflight, or without Max-Age', () => {
      expect(check(evidenceOf(resource('GET', 304, ALLOWED, INM)))).toEqual(open);
      expect(check(evidenceOf(resource('GET', 200, ALLOWED, [['If-None-Match', '"v0"']]), resource('GET', 200, ALLOWED, [['If-None-Match', '"v0"']], 2)))).toEqual(open);
      const notAllowed = { ...ALLOWED, allowHeaders: [] };
      const blocked = resource('GET', 304, notAllowed, INM);
      expect([blocked.tone, blocked.actual]).toEqual(['blocked', null]);
      expect(check(evidenceOf(blocked, resource('GET', 304, notAllowed, INM, 2)))).toEqual(open);
      const noMaxAge = { ...ALLOWED, maxAge: null };
      expect(check(evidenceOf(resource('GET', 304, noMaxAge, INM), resource('GET', 304, noMaxAge, INM, 2)))).toEqual(open);
    });
  });

  describe('challenge: If-Match, exactly', () => {
    const check = checkOf(lesson, 'lost-update');
    const WIDE: Partial<Policy> = { allowOrigin: '*', allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: ['*'] };
    const hintOf = (r: ReturnType<typeof check>) => (r.passed ? '' : r.hint.en);

    it('passes on a 200 then a stale 412 the script read, with the ETag, under the minimal policy', () => {
      expect(check(evidenceOf(resource('PUT', 200, MINIMAL, IF_MATCH), resource('PUT', 412, MINIMAL, IF_MATCH, 2)))).toEqual({ passed: true });
      // The 200 may have gone out under the wide setup; the 412 under the minimal one is the challenge.
      expect(check(evidenceOf(resource('PUT', 200, WIDE, IF_MATCH), resource('PUT', 412, WIDE, IF_MATCH, 2), resource('PUT', 412, MINIMAL, IF_MATCH, 3)))).toEqual({ passed: true });
    });

    it('asks for the 200 first, then the 412', () => {
      expect(hintOf(check(evidenceOf(resource('PUT', 412, MINIMAL, IF_MATCH))))).toMatch(/current ETag in If-Match/);
      expect(hintOf(check(evidenceOf(resource('PUT', 200, MINIMAL, IF_MATCH))))).toMatch(/stale If-Match/);
      // 428 without If-Match is neither.
      expect(hintOf(check(evidenceOf(resource('PUT', 200, MINIMAL, IF_MATCH), resource('PUT', 428, MINIMAL, [], 2))))).toMatch(/stale If-Match/);
    });

    it('refuses each wider policy with the too-loose hint', () => {
      const loose: Partial<Policy>[] = [
        WIDE,
        { ...MINIMAL, allowOrigin: '*' },
        { ...MINIMAL, allowOrigin: 'reflect' },
        { ...MINIMAL, allowMethods: ['PUT', 'DELETE'] },
        { ...MINIMAL, allowHeaders: ['If-Match', 'If-None-Match'] },
        { ...MINIMAL, allowHeaders: ['*'] },
        { ...MINIMAL, exposeHeaders: ['*'] },
        { ...MINIMAL, exposeHeaders: ['ETag', 'Last-Modified'] },
        { ...MINIMAL, allowOrigin: 'list', allowCredentials: true },
      ];
      for (const p of loose) expect(hintOf(check(evidenceOf(resource('PUT', 200, p, IF_MATCH), resource('PUT', 412, p, IF_MATCH, 2))))).toMatch(/allows more than it needs/);
    });

    it('does not count a 412 whose ETag the script could not read', () => {
      const hidden = { ...MINIMAL, exposeHeaders: [] };
      expect(hintOf(check(evidenceOf(resource('PUT', 200, MINIMAL, IF_MATCH), resource('PUT', 412, hidden, IF_MATCH, 2))))).toMatch(/stale If-Match/);
    });
  });

  it('every text has both languages, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});
