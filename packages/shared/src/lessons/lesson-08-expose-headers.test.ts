import { describe, expect, it } from 'vitest';
import type { Policy } from '../policy.ts';
import type { HeaderLine } from '../policy-answer.ts';
import { checkOf, evidenceOf, openResult, textProblems, textsOf } from './evidence-fixtures.ts';
import { SERVER01, simulateHttp } from './evidence-http-fixtures.ts';
import { exposeHeadersLesson as lesson } from './lesson-08-expose-headers.ts';

/** What server01's /headers.html sends (apps/server01/src/routes-headers.ts), with Content-Type and Date. */
const ROUTE: HeaderLine[] = [
  ['Cache-Control', 'no-store'],
  ['Content-Language', 'en'],
  ['Expires', 'Thu, 01 Jan 1970 00:00:00 GMT'],
  ['Last-Modified', 'Mon, 01 Jan 2024 00:00:00 GMT'],
  ['Pragma', 'no-cache'],
  ['FooBar', '1'],
  ['X-Powered-By', 'server01'],
  ['Content-Type', 'text/plain; charset=utf-8'],
  ['Date', 'Fri, 02 Jan 2026 03:04:05 GMT'],
];

const headersRoute = (policy: Partial<Policy>, credentials: 'omit' | 'include' | 'same-origin' = 'same-origin', number = 1) =>
  simulateHttp({ request: { url: `${SERVER01}/headers.html`, credentials }, policy, route: { headers: ROUTE, body: 'server01 answered with FooBar: 1' }, number });

const names = (s: ReturnType<typeof headersRoute>) => (s.result.kind === 'response' ? s.result.headers.map(([n]) => n) : []);

describe('lesson 8: reading response headers', () => {
  it('every step is open before the learner sends anything', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false]);
  });

  it('the fixture reads as Chromium does: the safelisted headers, not FooBar, X-Powered-By or Date', () => {
    expect(names(headersRoute({ allowOrigin: '*' }))).toEqual(['Cache-Control', 'Content-Language', 'Expires', 'Last-Modified', 'Pragma', 'Content-Type']);
  });

  it('safelisted: passes when the script read the answer without FooBar; open when blocked, exposed or on another route', () => {
    const check = checkOf(lesson, 'safelisted');
    const open = openResult(lesson, 'safelisted');
    expect(check(evidenceOf(headersRoute({ allowOrigin: '*' })))).toEqual({ passed: true });
    expect(check(evidenceOf(headersRoute({})))).toEqual(open);
    expect(check(evidenceOf(headersRoute({ allowOrigin: '*', exposeHeaders: ['FooBar'] })))).toEqual(open);
    expect(check(evidenceOf(simulateHttp({ policy: { allowOrigin: '*' } })))).toEqual(open);
  });

  it('expose FooBar: passes when named (in any case), not with * or another name', () => {
    const check = checkOf(lesson, 'expose-foobar');
    const open = openResult(lesson, 'expose-foobar');
    expect([check(evidenceOf(headersRoute({ allowOrigin: '*', exposeHeaders: ['FooBar'] }))), check(evidenceOf(headersRoute({ allowOrigin: '*', exposeHeaders: ['foobar', 'X-Powered-By'] })))]).toEqual([
      { passed: true },
      { passed: true },
    ]);
    expect(check(evidenceOf(headersRoute({ allowOrigin: '*', exposeHeaders: ['*'] })))).toEqual(open);
    expect(check(evidenceOf(headersRoute({ allowOrigin: '*', exposeHeaders: ['X-Powered-By'] })))).toEqual(open);
  });

  it('* until credentials: passes on * read without credentials and * ignored with them; open on either alone', () => {
    const check = checkOf(lesson, 'wildcard-credentials');
    const open = openResult(lesson, 'wildcard-credentials');
    const star: Partial<Policy> = { allowOrigin: 'reflect', allowCredentials: true, exposeHeaders: ['*'] };
    const anonymous = headersRoute(star, 'omit');
    const credentialed = headersRoute(star, 'include', 2);
    expect([names(anonymous).includes('FooBar'), names(credentialed).includes('FooBar')]).toEqual([true, false]);
    expect(check(evidenceOf(anonymous, credentialed))).toEqual({ passed: true });
    expect(check(evidenceOf(anonymous))).toEqual(open);
    expect(check(evidenceOf(credentialed))).toEqual(open);
    // With credentials and FooBar named, FooBar is readable: not the lesson's point.
    expect(check(evidenceOf(anonymous, headersRoute({ ...star, exposeHeaders: ['FooBar'] }, 'include', 2)))).toEqual(open);
    // A blocked credentialed send does not count.
    expect(check(evidenceOf(anonymous, headersRoute({ allowOrigin: '*', exposeHeaders: ['*'] }, 'include', 2)))).toEqual(open);
  });

  it('every text has both languages, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});
