import { describe, expect, it } from 'vitest';
import type { Policy } from '../policy.ts';
import { checkOf, evidenceOf, openResult, textProblems, textsOf } from './evidence-fixtures.ts';
import { SERVER01, simulateHttp } from './evidence-http-fixtures.ts';
import { preflightCacheLesson as lesson } from './lesson-09-preflight-cache.ts';

const ALLOW: Partial<Policy> = { allowOrigin: '*', allowMethods: ['PUT'] };

/** The n-th PUT of a step, sent at `at` ms; `cached` when the preflight cache answered. */
const put = (n: number, maxAge: number | null, opts: { at?: number; cached?: boolean; url?: string; policy?: Partial<Policy> } = {}) =>
  simulateHttp({
    request: { method: 'PUT', body: 'new data', url: opts.url ?? `${SERVER01}/getData.html` },
    policy: { ...ALLOW, maxAge, ...opts.policy },
    number: n,
    at: opts.at ?? n * 1000,
    ...(opts.cached === true ? { fromCache: true } : {}),
  });

describe('lesson 9: the preflight cache', () => {
  it('every step is open before the learner sends anything', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false]);
  });

  it('every time: passes on two PUTs each preflighted with Max-Age 0; open on one, or without Max-Age 0 on the wire', () => {
    const check = checkOf(lesson, 'every-time');
    const open = openResult(lesson, 'every-time');
    expect(check(evidenceOf(put(1, 0), put(2, 0)))).toEqual({ passed: true });
    expect(check(evidenceOf(put(1, 0)))).toEqual(open);
    expect(check(evidenceOf(put(1, null), put(2, null)))).toEqual(open);
    // Blocked PUTs (no Allow-Methods) do not count.
    expect(check(evidenceOf(put(1, 0, { policy: { allowMethods: [] } }), put(2, 0, { policy: { allowMethods: [] } })))).toEqual(open);
  });

  describe('five seconds', () => {
    const check = checkOf(lesson, 'five-seconds');
    const open = openResult(lesson, 'five-seconds');

    it('passes on a preflight, a cached PUT, then a preflight more than 5 s after the first', () => {
      expect(check(evidenceOf(put(1, null, { at: 0 }), put(2, null, { at: 1000, cached: true }), put(3, null, { at: 5600 })))).toEqual({ passed: true });
    });

    it('is open when the second preflight came within 5 s, without a cached send, or with a Max-Age', () => {
      expect(check(evidenceOf(put(1, null, { at: 0 }), put(2, null, { at: 1000, cached: true }), put(3, null, { at: 4000 })))).toEqual(open);
      expect(check(evidenceOf(put(1, null, { at: 0 }), put(2, null, { at: 6000 })))).toEqual(open);
      expect(check(evidenceOf(put(1, 600, { at: 0 }), put(2, 600, { at: 1000, cached: true }), put(3, 600, { at: 7000 })))).toEqual(open);
      expect(check(evidenceOf(put(1, null, { at: 0 }), put(2, null, { at: 1000, cached: true })))).toEqual(open);
    });

    it('is open when the sends went to different URLs', () => {
      const other = `${SERVER01}/getData.html?v=9`;
      expect(check(evidenceOf(put(1, null, { at: 0 }), put(2, null, { at: 1000, cached: true, url: other }), put(3, null, { at: 5600, url: other })))).toEqual(open);
    });
  });

  describe('Max-Age cuts the traffic', () => {
    const check = checkOf(lesson, 'max-age');
    const open = openResult(lesson, 'max-age');

    it('passes on one preflight with Max-Age 600, then two PUTs from the cache', () => {
      expect(check(evidenceOf(put(1, 600), put(2, 600, { cached: true }), put(3, 600, { cached: true })))).toEqual({ passed: true });
    });

    it('is open on one cached PUT, on cached PUTs with no preflight in the step, or on the 5 s default', () => {
      expect(check(evidenceOf(put(1, 600), put(2, 600, { cached: true })))).toEqual(open);
      expect(check(evidenceOf(put(1, 600, { cached: true }), put(2, 600, { cached: true }), put(3, 600, { cached: true })))).toEqual(open);
      expect(check(evidenceOf(put(1, null), put(2, null, { cached: true }), put(3, null, { cached: true })))).toEqual(open);
      expect(check(evidenceOf(put(1, 5), put(2, 5, { cached: true }), put(3, 5, { cached: true })))).toEqual(open);
    });
  });

  it('every text has both languages, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});
