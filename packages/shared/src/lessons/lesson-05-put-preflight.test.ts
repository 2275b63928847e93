import { describe, expect, it } from 'vitest';
import type { Policy } from '../policy.ts';
import { checkOf, evidenceOf, openResult, PAGE, simulate, textProblems, textsOf } from './evidence-fixtures.ts';
import { putPreflightLesson as lesson } from './lesson-05-put-preflight.ts';

const PUT = { method: 'PUT', body: 'new data' };
const EXACT: Partial<Policy> = { allowOrigin: 'list', originList: [PAGE], allowMethods: ['PUT'], maxAge: 0 };

describe('lesson 5: PUT and the preflight', () => {
  it('every step is open before the learner sends anything', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false, false]);
  });

  it('the PUT that never left: passes on a PUT stopped at its preflight, not on one that went through', () => {
    const check = checkOf(lesson, 'put-blocked');
    const stopped = simulate({ request: PUT, policy: { allowOrigin: '*' } });
    expect([stopped.preflight?.request.method, stopped.actual]).toEqual(['OPTIONS', null]);
    expect(check(evidenceOf(stopped))).toEqual({ passed: true });
    expect(check(evidenceOf(simulate({ request: PUT, policy: { allowOrigin: '*', allowMethods: ['PUT'] } })))).toEqual(openResult(lesson, 'put-blocked'));
    expect(check(evidenceOf(simulate({ request: { method: 'DELETE' }, policy: { allowOrigin: '*' } })))).toEqual(openResult(lesson, 'put-blocked'));
  });

  describe('challenge: allow exactly PUT', () => {
    const check = checkOf(lesson, 'allow-exactly-put');
    const tooLoose = check(evidenceOf(simulate({ request: PUT, policy: { allowOrigin: '*', allowMethods: ['*'] } })));

    it('is open until a PUT works, then says when the policy allows too much', () => {
      expect(check(evidenceOf(simulate({ request: PUT, policy: { allowOrigin: '*' } })))).toEqual(openResult(lesson, 'allow-exactly-put'));
      expect(tooLoose.passed).toBe(false);
      expect(tooLoose.passed ? '' : tooLoose.hint.en).toMatch(/allows more than it needs/);
    });

    it('refuses every over-permissive policy that still lets the PUT through', () => {
      const loose: Partial<Policy>[] = [
        { ...EXACT, allowOrigin: '*' },
        { ...EXACT, allowOrigin: 'reflect' },
        { ...EXACT, originList: [PAGE, 'https://app.example.com'] },
        { ...EXACT, allowMethods: ['*'] },
        { ...EXACT, allowMethods: ['PUT', 'DELETE'] },
        { ...EXACT, allowHeaders: ['X-Custom-Header'] },
        { ...EXACT, allowCredentials: true },
      ];
      for (const policy of loose) {
        const s = simulate({ request: PUT, policy });
        expect(s.tone).toBe('allowed');
        expect(check(evidenceOf(s))).toEqual(tooLoose);
      }
    });

    it('passes on exactly the page origin and exactly PUT, after a fresh preflight', () => {
      expect(check(evidenceOf(simulate({ request: PUT, policy: { allowOrigin: '*', allowMethods: ['*'] } }), simulate({ request: PUT, policy: EXACT })))).toEqual({ passed: true });
      // "put" does not allow PUT: method names compare case-sensitively.
      const lower = simulate({ request: PUT, policy: { ...EXACT, allowMethods: ['put'] } });
      expect(lower.tone).toBe('blocked');
      expect(check(evidenceOf(lower))).toEqual(openResult(lesson, 'allow-exactly-put'));
      // A PUT the preflight cache let through proves nothing about the policy it was sent under.
      expect(check(evidenceOf(simulate({ request: PUT, policy: EXACT, fromCache: true })))).toEqual(tooLoose);
    });
  });

  it('VIEW: passes when the script read the answer server01 gave from the raw bytes', () => {
    const check = checkOf(lesson, 'custom-view');
    const blocked = simulate({ request: { method: 'VIEW' }, policy: { allowOrigin: '*', allowMethods: ['PUT'] } });
    expect(check(evidenceOf(blocked))).toEqual(openResult(lesson, 'custom-view'));
    const view = simulate({ request: { method: 'VIEW' }, policy: { allowOrigin: '*', allowMethods: ['PUT', 'VIEW'] } });
    expect([view.actual?.request.method, view.actual?.parser, view.tone]).toEqual(['VIEW', 'raw', 'allowed']);
    expect(check(evidenceOf(blocked, view))).toEqual({ passed: true });
    // A method Node parses is not the lesson: PUT goes through Node's parser.
    expect(check(evidenceOf(simulate({ request: PUT, policy: { allowOrigin: '*', allowMethods: ['PUT'] } })))).toEqual(openResult(lesson, 'custom-view'));
  });

  it('lowercase patch: PATCH does not allow it; patch does, and server01 reads it from the raw bytes', () => {
    const check = checkOf(lesson, 'lowercase-patch');
    const patch = { method: 'patch', body: 'a change' };
    const upperAllowed = simulate({ request: patch, policy: { allowOrigin: '*', allowMethods: ['PATCH'] } });
    expect(upperAllowed.failure?.code).toBe('method-not-allowed');
    expect(check(evidenceOf(upperAllowed))).toEqual(openResult(lesson, 'lowercase-patch'));
    expect(check(evidenceOf(simulate({ request: patch, policy: { allowOrigin: '*', allowMethods: ['PATCH', 'patch'] } })))).toEqual({ passed: true });
    // Typed as PATCH it works too, but through Node's parser: the step asks for the lowercase one.
    expect(check(evidenceOf(simulate({ request: { ...patch, method: 'PATCH' }, policy: { allowOrigin: '*', allowMethods: ['PATCH'] } })))).toEqual(openResult(lesson, 'lowercase-patch'));
  });

  it('every text is in English and Chinese, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});
