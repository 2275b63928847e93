import { describe, expect, it } from 'vitest';
import { SCRIPT_REQUEST_HEADERS, jsonpRecord, simulateScript } from '../lessons/lesson-13-jsonp-fixtures.ts';
import type { HeaderLine } from '../policy-answer.ts';
import { sendVerdict } from '../send-verdict.ts';
import { explainScriptLoad, scriptRuns } from './script-load.ts';
import { explainSend } from './send-explanation.ts';

const js: HeaderLine[] = [['Content-Type', 'text/javascript; charset=utf-8']];
const typed = (type: string, extra: HeaderLine[] = []): HeaderLine[] => [['Content-Type', type], ...extra];

/** The explainer on a simulated send, as the timeline calls it. */
function explained(s: ReturnType<typeof simulateScript>, lang: 'en' | 'zh-CN' = 'en') {
  const send = { id: 's', request: s.request, pageOrigin: s.pageOrigin, startedAt: 0, result: s.result };
  return explainSend(send, s.preflight, s.actual, null, lang);
}

describe('a script element\'s answer: runs or fires error, whatever the CORS headers say', () => {
  it.each([
    ['JavaScript', 200, js, 'cb({})', true],
    ['obsolete application/javascript', 200, typed('application/javascript'), 'cb({})', true],
    ['a 400', 400, js, 'cb({})', false],
    ['a 404 in text', 404, typed('text/plain'), 'no route', false],
    ['JSON data (ORB)', 200, typed('application/json'), '{"version":1}', false],
    ['HTML (ORB)', 200, typed('text/html'), '<!doctype html><p>hi', false],
    ['JSONP served as JSON (does not sniff as JSON)', 200, typed('application/json'), 'cb({"a":1})', true],
    ['text/plain that is no JSON, HTML or XML', 200, typed('text/plain; charset=utf-8'), 'server----001', true],
    ['text/plain with nosniff', 200, typed('text/plain', [['X-Content-Type-Options', 'nosniff']]), 'cb({})', false],
    ['an image', 200, typed('image/png'), 'x', false],
  ])('%s', (_name, status, headers, body, runs) => {
    expect(scriptRuns({ status, headers, body }).runs).toBe(runs);
  });

  it('predicts no preflight and nothing readable but the callback, in both languages', () => {
    const v = explainScriptLoad('d', { status: 200, headers: js, body: 'cb({})' });
    expect({ ...v, reason: '' }).toEqual({ id: 'd', preflight: false, preflights: 0, actualSent: true, outcome: 'allowed', blockedAt: null, exposedHeaders: [], reason: '' });
    expect(v.reason).toMatch(/^A script element loads its URL as a no-cors request: the browser adds no Origin header and never preflights/);
    expect(explainScriptLoad('d', null, 'zh-CN').reason).toMatch(/^script 元素以 no-cors 模式请求它的 URL/);
    expect(explainScriptLoad('d', { status: 400, headers: js, body: '' })).toMatchObject({ outcome: 'blocked', blockedAt: 'actual' });
  });
});

describe('the explainer beside Chromium on a script send', () => {
  it('agrees on a load that ran and on one that failed with 400', () => {
    expect(explained(simulateScript())?.mismatch).toBeNull();
    expect(explained(simulateScript({ status: 400, contentType: 'application/json' }))?.mismatch).toBeNull();
  });

  it('speaks up when Chromium sent an Origin, a preflight, or refused a script it should have run', () => {
    const withOrigin = simulateScript({ requestHeaders: [...SCRIPT_REQUEST_HEADERS, ['Origin', 'http://localhost:8100']] });
    const preflight = jsonpRecord('preflight', 'OPTIONS', 'http://localhost:8000/data.jsonp', [], 204, [], '');
    expect([
      explained(withOrigin)?.mismatch,
      explained(simulateScript({ preflight }))?.mismatch,
      explained(simulateScript({ result: { kind: 'error', message: 'script element: error event' } }))?.mismatch,
    ]).toEqual([
      'The explainer and Chromium disagree on the Origin header: predicted none on a no-cors GET, Chromium sent one.',
      'The explainer and Chromium disagree on a preflight: predicted none for a script load, Chromium sent one.',
      'The explainer and Chromium disagree on the outcome: predicted allowed, Chromium blocked.',
    ]);
  });
});

describe('the timeline\'s verdict on a script send', () => {
  const verdictOf = (s: ReturnType<typeof simulateScript>, lang: 'en' | 'zh-CN' = 'en') =>
    sendVerdict({ id: 's', request: s.request, pageOrigin: s.pageOrigin, startedAt: 0, result: s.result }, [s.actual!], lang);

  it('ran: no-cors, the data in the callback, and the Sec-Fetch-Dest Chromium sent', () => {
    const v = verdictOf(simulateScript());
    expect([v.tone, v.headline, v.failure]).toEqual(['no-cors', 'No CORS: the script ran and handed the callback the data', null]);
    expect(v.detail).toContain('Chromium marked it Sec-Fetch-Dest: script.');
    expect(verdictOf(simulateScript({ result: { titleChanged: { from: 'a', to: 'b' } } }), 'zh-CN').detail).toContain('它还修改了页面');
  });

  it('failed: says the status, and that CORS played no part', () => {
    const v = verdictOf(simulateScript({ status: 400, contentType: 'application/json' }));
    expect([v.tone, v.headline]).toEqual(['blocked', 'The script did not run: server01 answered 400']);
    expect(v.detail).toMatch(/^server01 answered 400: a script element fires error for any status outside 200–299 and runs nothing\. This is not CORS/);
  });
});
