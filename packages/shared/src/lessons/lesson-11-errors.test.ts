import { describe, expect, it } from 'vitest';
import { checkOf, evidenceOf, openResult, textProblems, textsOf } from './evidence-fixtures.ts';
import { SERVER01, simulateHttp } from './evidence-http-fixtures.ts';
import { errorsLesson as lesson } from './lesson-11-errors.ts';

const PRIVATE = { method: 'PUT', url: `${SERVER01}/private.html`, headers: [['Authorization', 'Bearer token123']] as [string, string][], body: 'new value' };
const AUTH_POLICY = { allowOrigin: '*' as const, allowMethods: ['PUT'], allowHeaders: ['Authorization'] };

describe('lesson 11: errors without CORS headers', () => {
  it('every step is open before the learner sends anything, and its texts are complete in both languages', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false]);
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });

  it('a 404 counts only when the script read it', () => {
    const check = checkOf(lesson, 'readable-404');
    const url = `${SERVER01}/nothing-here.html`;
    expect(check(evidenceOf(simulateHttp({ request: { url }, policy: { allowOrigin: '*' }, route: { status: 404 } })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulateHttp({ request: { url }, route: { status: 404 } })))).toEqual(openResult(lesson, 'readable-404'));
  });

  it('the crash counts when a 500 without CORS headers was hidden from the script', () => {
    const check = checkOf(lesson, 'crash-500');
    const url = `${SERVER01}/crash.html`;
    expect(check(evidenceOf(simulateHttp({ request: { url }, route: { status: 500 } })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulateHttp({ request: { url }, policy: { allowOrigin: '*' }, route: { status: 500 } })))).toEqual(openResult(lesson, 'crash-500'));
  });

  it('the preflight step needs both: a preflight refused with 401, then the signed-in PUT read', () => {
    const check = checkOf(lesson, 'preflight-401');
    const refused = simulateHttp({ request: PRIVATE, policy: { ...AUTH_POLICY, preflightStatus: 401 } });
    const passed = simulateHttp({ request: PRIVATE, policy: AUTH_POLICY, route: { status: 200, body: 'private data' } });
    expect(check(evidenceOf(refused))).toEqual(openResult(lesson, 'preflight-401'));
    expect(check(evidenceOf(passed))).toEqual(openResult(lesson, 'preflight-401'));
    expect(check(evidenceOf(refused, passed))).toEqual({ passed: true });
  });
});
