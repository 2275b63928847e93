import { describe, expect, it } from 'vitest';
import type { HeaderLine } from './policy-answer.ts';
import { classify, type LabRequest } from './request-classification.ts';
import { sendVerdict, type ScriptResult, type SendObservation } from './send-verdict.ts';
import type { ServerRecord } from './wire.ts';

const PAGE = 'http://localhost:8100';
const API = 'http://localhost:8000/getData.html';
const SPEC = 'https://fetch.spec.whatwg.org/';

const request = (r: Partial<LabRequest>): LabRequest => ({ api: 'fetch', method: 'GET', url: API, headers: [], body: '', credentials: 'same-origin', ...r });
const send = (req: LabRequest, result: ScriptResult | null): SendObservation => ({ id: 's1', request: req, pageOrigin: PAGE, startedAt: 1000, result });

function record(kind: ServerRecord['kind'], method: string, status: number, headers: HeaderLine[]): ServerRecord {
  return {
    kind,
    parser: 'node',
    answeredBy: kind === 'preflight' ? 'policy' : 'routes',
    request: { method, url: '/getData.html', httpVersion: '1.1', headers: [['Origin', PAGE]], body: '', bodyBytes: 0 },
    response: { status, headers, body: kind === 'preflight' ? '' : 'server----001', bodyBytes: kind === 'preflight' ? 0 : 13 },
    receivedAt: 1001,
    respondedAt: 1002,
  };
}

const failedToFetch: ScriptResult = { kind: 'error', message: 'TypeError: Failed to fetch' };
const read200: ScriptResult = { kind: 'response', status: 200, body: 'server----001', headers: [['content-type', 'text/plain; charset=utf-8']] };

describe('sendVerdict', () => {
  it('blocked: server01 answered, without Access-Control-Allow-Origin', () => {
    const req = request({});
    const actual = record('actual', 'GET', 200, [['Content-Type', 'text/plain; charset=utf-8']]);
    const text = 'The response has no Access-Control-Allow-Origin header, so the browser does not let http://localhost:8100 read it.';
    expect(sendVerdict(send(req, failedToFetch), [actual])).toEqual({
      classification: classify(req, PAGE),
      preflight: null,
      actual,
      preflightFromCache: false,
      tone: 'blocked',
      headline: 'server01 answered 200, but the browser hid the response from the script',
      detail: text,
      failure: { code: 'no-allow-origin', text, spec: `${SPEC}#cors-check`, fix: 'Send Access-Control-Allow-Origin: * (or http://localhost:8100).' },
    });
  });

  it('blocked at the preflight: no Access-Control-Allow-Methods for PUT', () => {
    const req = request({ method: 'PUT' });
    const preflight = record('preflight', 'OPTIONS', 204, [['Access-Control-Allow-Origin', PAGE]]);
    const text = 'PUT needs to be allowed, but the preflight answer has no Access-Control-Allow-Methods.';
    expect(sendVerdict(send(req, failedToFetch), [preflight])).toEqual({
      classification: classify(req, PAGE),
      preflight,
      actual: null,
      preflightFromCache: false,
      tone: 'blocked',
      headline: 'Blocked at the preflight: the browser never sent the PUT',
      detail: text,
      failure: { code: 'method-not-allowed', text, spec: `${SPEC}#cors-preflight-fetch`, fix: 'Add PUT to Access-Control-Allow-Methods in the preflight answer.' },
    });
  });

  it('allowed: the script read the response, after a preflight', () => {
    const req = request({ method: 'PUT' });
    const preflight = record('preflight', 'OPTIONS', 204, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'PUT']]);
    const actual = record('actual', 'PUT', 200, [['Access-Control-Allow-Origin', '*']]);
    expect(sendVerdict(send(req, read200), [actual, preflight])).toEqual({
      classification: classify(req, PAGE),
      preflight,
      actual,
      preflightFromCache: false,
      tone: 'allowed',
      headline: 'Allowed: the script read status 200',
      detail: 'Access-Control-Allow-Origin: * lets http://localhost:8100 read the response. The preflight allowed the method and headers first.',
      failure: null,
    });
  });

  it('preflight from cache: a PUT that needed a preflight reached server01 alone', () => {
    const req = request({ method: 'PUT' });
    const actual = record('actual', 'PUT', 200, [['access-control-allow-origin', PAGE]]);
    expect(sendVerdict(send(req, read200), [actual])).toEqual({
      classification: classify(req, PAGE),
      preflight: null,
      actual,
      preflightFromCache: true,
      tone: 'allowed',
      headline: 'Allowed: the script read status 200',
      detail:
        "Access-Control-Allow-Origin: http://localhost:8100 lets http://localhost:8100 read the response. No OPTIONS this time: the browser used its preflight cache, filled by an earlier preflight's Access-Control-Max-Age.",
      failure: null,
    });
  });

  it('pending, not sent (a forbidden method, named as typed), same origin, and nothing reached server01', () => {
    const pending = request({});
    const trace = request({ method: 'trace' });
    const same = request({ method: 'DELETE', url: `${PAGE}/api/policy` });
    const lost = request({ url: 'http://localhost:9999/x' });
    expect([
      sendVerdict(send(pending, null), []),
      sendVerdict(send(trace, failedToFetch), []),
      sendVerdict(send(same, { kind: 'response', status: 404, body: '', headers: [] }), []),
      sendVerdict(send(lost, failedToFetch), []),
    ]).toEqual([
      { classification: classify(pending, PAGE), preflight: null, actual: null, preflightFromCache: false, tone: 'pending', headline: 'Sending…', detail: '', failure: null },
      {
        classification: classify(trace, PAGE),
        preflight: null,
        actual: null,
        preflightFromCache: false,
        tone: 'not-sent',
        headline: 'The browser refused to send trace',
        detail: 'trace is a forbidden method (fetch.spec.whatwg.org/#forbidden-method): the script gets an error and nothing goes on the wire.',
        failure: null,
      },
      {
        classification: classify(same, PAGE),
        preflight: null,
        actual: null,
        preflightFromCache: false,
        tone: 'same-origin',
        headline: 'Same origin: the script read status 404',
        detail: 'The page and the URL share scheme, host and port, so no CORS check applies.',
        failure: null,
      },
      {
        classification: classify(lost, PAGE),
        preflight: null,
        actual: null,
        preflightFromCache: false,
        tone: 'blocked',
        headline: 'Nothing reached server01',
        detail: 'The script got an error (TypeError: Failed to fetch) and server01 recorded no request: it may be down, or the URL may point elsewhere.',
        failure: null,
      },
    ]);
  });
});
