import { describe, expect, it } from 'vitest';
import type { Policy } from '../policy.ts';
import type { HeaderLine } from '../policy-answer.ts';
import { checkOf, evidenceOf, openResult, PAGE, textProblems, textsOf } from './evidence-fixtures.ts';
import { SERVER01, SERVER01_OTHER, simulateHttp } from './evidence-http-fixtures.ts';
import { credentialsLesson as lesson } from './lesson-07-credentials.ts';

const EXACT: Partial<Policy> = { allowOrigin: 'list', originList: [PAGE], allowCredentials: true };
const COOKIE: HeaderLine = ['Cookie', 'labsession=6f1c2b1e-0000-4000-8000-000000000000'];
const SET_COOKIE: HeaderLine = ['Set-Cookie', 'labsession=6f1c2b1e-0000-4000-8000-000000000000; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax'];

/** A credentialed GET to a server01 path, with or without the cookie the browser adds. */
const get = (base: string, path: string, policy: Partial<Policy>, opts: { cookie?: boolean; setCookie?: boolean; credentials?: 'include' | 'omit'; number?: number } = {}) =>
  simulateHttp({
    request: { url: `${base}${path}`, credentials: opts.credentials ?? 'include' },
    policy,
    ...(opts.cookie === true ? { browserHeaders: [COOKIE] } : {}),
    ...(opts.setCookie === true ? { route: { headers: [SET_COOKIE] } } : {}),
    ...(opts.number === undefined ? {} : { number: opts.number }),
  });

describe('lesson 7: credentials and cookies', () => {
  it('every step is open before the learner sends anything', () => {
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false]);
  });

  it('* refused: passes on a credentialed send blocked for *, not on an anonymous one or another failure', () => {
    const check = checkOf(lesson, 'star-refused');
    expect(check(evidenceOf(get(SERVER01, '/getData.html', { allowOrigin: '*' })))).toEqual({ passed: true });
    const open = openResult(lesson, 'star-refused');
    expect(check(evidenceOf(get(SERVER01, '/getData.html', { allowOrigin: '*' }, { credentials: 'omit' })))).toEqual(open);
    expect(check(evidenceOf(get(SERVER01, '/getData.html', { allowOrigin: 'list', originList: [PAGE] })))).toEqual(open);
  });

  describe('challenge: the exact origin and Allow-Credentials', () => {
    const check = checkOf(lesson, 'exact-origin');

    it('passes when the cookie rode on a GET read under exactly the page\'s origin with credentials', () => {
      expect(check(evidenceOf(get(SERVER01, '/login', EXACT, { setCookie: true }), get(SERVER01, '/getData.html', EXACT, { cookie: true, number: 2 })))).toEqual({ passed: true });
    });

    it('is open without the cookie, or when the script could not read', () => {
      const open = openResult(lesson, 'exact-origin');
      expect(check(evidenceOf(get(SERVER01, '/getData.html', EXACT)))).toEqual(open);
      expect(check(evidenceOf(get(SERVER01, '/getData.html', { ...EXACT, allowCredentials: false }, { cookie: true })))).toEqual(open);
      expect(check(evidenceOf(get(SERVER01, '/login', EXACT, { cookie: true })))).toEqual(open);
    });

    it('refuses reflecting, a longer list and extra methods or headers, with the too-loose hint', () => {
      const loose: Partial<Policy>[] = [
        { ...EXACT, allowOrigin: 'reflect' },
        { ...EXACT, originList: [PAGE, 'https://evil.example'] },
        { ...EXACT, allowMethods: ['PUT'] },
        { ...EXACT, allowHeaders: ['X-Custom-Header'] },
      ];
      for (const p of loose) {
        const r = check(evidenceOf(get(SERVER01, '/getData.html', p, { cookie: true })));
        expect(r.passed ? '' : r.hint.en).toMatch(/allows more than this page/);
      }
    });
  });

  describe('another site', () => {
    const check = checkOf(lesson, 'cross-site');
    const REFLECT: Partial<Policy> = { allowOrigin: 'reflect', allowCredentials: true };

    it('passes on a login through 127.0.0.1, then an allowed GET there that carried no cookie', () => {
      expect(check(evidenceOf(get(SERVER01_OTHER, '/login', REFLECT, { setCookie: true }), get(SERVER01_OTHER, '/getData.html', REFLECT, { number: 2 })))).toEqual({ passed: true });
    });

    it('is open on the same site, without the login, when the cookie did ride, or when the GET was blocked', () => {
      const open = openResult(lesson, 'cross-site');
      const login = get(SERVER01_OTHER, '/login', REFLECT, { setCookie: true });
      expect(check(evidenceOf(get(SERVER01, '/login', REFLECT, { setCookie: true }), get(SERVER01, '/getData.html', REFLECT, { number: 2 })))).toEqual(open);
      expect(check(evidenceOf(get(SERVER01_OTHER, '/getData.html', REFLECT)))).toEqual(open);
      expect(check(evidenceOf(login, get(SERVER01_OTHER, '/getData.html', REFLECT, { cookie: true, number: 2 })))).toEqual(open);
      expect(check(evidenceOf(login, get(SERVER01_OTHER, '/getData.html', { allowOrigin: '*' }, { number: 2 })))).toEqual(open);
      // The GET must come after the login.
      expect(check(evidenceOf(get(SERVER01_OTHER, '/getData.html', REFLECT), get(SERVER01_OTHER, '/login', REFLECT, { setCookie: true, number: 2 })))).toEqual(open);
    });
  });

  it('every text has both languages, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});
