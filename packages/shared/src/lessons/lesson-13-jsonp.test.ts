import { describe, expect, it } from 'vitest';
import type { Policy } from '../policy.ts';
import { DATA_BODY } from '../ports.ts';
import { checkOf, evidenceOf, openResult, textProblems, textsOf } from './evidence-fixtures.ts';
import { SERVER01, simulateHttp } from './evidence-http-fixtures.ts';
import { SCRIPT_REQUEST_HEADERS, simulateScript } from './lesson-13-jsonp-fixtures.ts';
import { callbackData, jsonpLesson as lesson } from './lesson-13-jsonp.ts';
import { LESSONS } from './catalog.ts';

const PAGE = 'http://localhost:8100';
const EVIL = `${SERVER01}/data.jsonp?callback=?&evil=1`;
const changed = { titleChanged: { from: 'CORS Lab', to: 'Taken over by server01' }, elementsAdded: 1 };

describe('lesson 13: CORS vs JSONP', () => {
  it('is in the course, last, and every step is open before the learner sends anything', () => {
    expect(LESSONS.at(-1)?.id).toBe('jsonp');
    expect(lesson.steps.map((s) => s.check(evidenceOf()).passed)).toEqual([false, false, false, false]);
  });

  it('a script load reads as the timeline shows it: no CORS tone, no preflight, the data in the callback', () => {
    const s = simulateScript();
    expect([s.tone, s.preflight, s.failure, callbackData(s)]).toEqual(['no-cors', null, null, { data: 'server----001' }]);
  });

  it('script tag: passes on a script load that called back under the empty policy; open for fetch, a failed load, or an Origin on the wire', () => {
    const check = checkOf(lesson, 'script-tag');
    const open = openResult(lesson, 'script-tag');
    expect(check(evidenceOf(simulateScript()))).toEqual({ passed: true });
    // fetch to the same URL is blocked, and a fetch is not a script load anyway.
    expect(check(evidenceOf(simulateHttp({ request: { url: `${SERVER01}/data.jsonp?callback=cb` } })))).toEqual(open);
    expect(check(evidenceOf(simulateScript({ url: `${SERVER01}/data.jsonp?callback=a(b`, status: 400 })))).toEqual(open);
    expect(check(evidenceOf(simulateScript({ result: { received: null } })))).toEqual(open);
    expect(check(evidenceOf(simulateScript({ requestHeaders: [...SCRIPT_REQUEST_HEADERS, ['Origin', PAGE]] })))).toEqual(open);
    // With Access-Control-Allow-Origin on the answer, the point "no CORS needed" is not made.
    expect(check(evidenceOf(simulateScript({ policy: { allowOrigin: '*' } })))).toEqual(open);
  });

  it('GET only: passes when fetch or XHR asks for PUT or a header and a preflight goes out; open for a script load or a simple GET', () => {
    const check = checkOf(lesson, 'get-only');
    const open = openResult(lesson, 'get-only');
    const url = `${SERVER01}/data.jsonp?callback=?`;
    expect(check(evidenceOf(simulateHttp({ request: { url, method: 'PUT' } })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulateHttp({ request: { url, api: 'xhr', headers: [['X-Custom-Header', '1']] } })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulateScript()))).toEqual(open);
    expect(check(evidenceOf(simulateHttp({ request: { url } })))).toEqual(open);
    expect(check(evidenceOf(simulateHttp({ request: { url: `${SERVER01}/getData.html`, method: 'PUT' } })))).toEqual(open);
  });

  it('evil: passes when the evil load called back and changed the page; open when the page stayed as it was', () => {
    const check = checkOf(lesson, 'evil');
    const open = openResult(lesson, 'evil');
    expect(check(evidenceOf(simulateScript({ url: EVIL, result: changed })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulateScript({ url: EVIL, result: { titleChanged: null, elementsAdded: 1 } })))).toEqual({ passed: true });
    expect(check(evidenceOf(simulateScript({ url: EVIL })))).toEqual(open);
    expect(check(evidenceOf(simulateScript({ url: EVIL, result: { ...changed, received: null } })))).toEqual(open);
  });

  it('fetch and CORS: passes on a read under exactly the page\'s origin; too loose under * or with credentials; open when blocked or by script', () => {
    const check = checkOf(lesson, 'fetch-cors');
    const open = openResult(lesson, 'fetch-cors');
    const read = (policy: Partial<Policy>) => evidenceOf(simulateHttp({ policy, route: { body: DATA_BODY } }));
    const star = check(read({ allowOrigin: '*' }));
    expect([star.passed, star]).not.toEqual([false, open]);
    expect(check(read({ allowOrigin: 'list', originList: [PAGE] }))).toEqual({ passed: true });
    expect(check(read({ allowOrigin: 'list', originList: [PAGE], allowCredentials: true }))).toEqual(star);
    expect(check(read({ allowOrigin: 'reflect' }))).toEqual(star);
    expect(star.passed).toBe(false);
    expect(check(read({}))).toEqual(open);
    expect(check(evidenceOf(simulateScript({ policy: { allowOrigin: 'list', originList: [PAGE] } })))).toEqual(open);
  });

  it('every text has both languages, with the same placeholders and code', () => {
    expect(textsOf(lesson).flatMap(textProblems)).toEqual([]);
  });
});
