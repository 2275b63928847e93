import { describe, expect, it } from 'vitest';
import type { HeaderLine } from '../policy-answer.ts';
import type { LabRequest } from '../request-classification.ts';
import type { ScriptResult, SendObservation } from '../send-verdict.ts';
import type { ServerRecord } from '../wire.ts';
import { sequenceOf, type SequenceMessage } from './sequence.ts';

const PAGE = 'http://localhost:8100';

function send(request: Partial<LabRequest>, result: ScriptResult | null): SendObservation {
  return {
    id: 's',
    pageOrigin: PAGE,
    startedAt: 0,
    result,
    request: { api: 'fetch', method: 'GET', url: 'http://localhost:8000/getData.html', headers: [], body: '', credentials: 'same-origin', ...request },
  };
}

function rec(kind: ServerRecord['kind'], method: string, status: number, headers: HeaderLine[]): ServerRecord {
  return {
    kind,
    parser: 'node',
    answeredBy: 'policy',
    request: { method, url: '/getData.html', httpVersion: '1.1', headers: [['Origin', PAGE]], body: '', bodyBytes: 0 },
    response: { status, headers, body: '', bodyBytes: 0 },
    receivedAt: 0,
    respondedAt: 1,
  };
}

const ok: ScriptResult = { kind: 'response', status: 200, body: 'server----001', headers: [] };
const failed: ScriptResult = { kind: 'error', message: 'TypeError: Failed to fetch' };
const ANY: HeaderLine = ['Access-Control-Allow-Origin', '*'];
const arrows = (messages: readonly SequenceMessage[]) => messages.map((m) => `${m.from} → ${m.to}: ${m.label} [${m.tone}]`);

describe('sequenceOf', () => {
  it('draws an allowed preflighted PUT: call, OPTIONS, its status, the PUT, its status, the response', () => {
    const seq = sequenceOf(send({ method: 'PUT' }, ok), [
      rec('preflight', 'OPTIONS', 204, [ANY, ['Access-Control-Allow-Methods', 'PUT']]),
      rec('actual', 'PUT', 200, [ANY]),
    ]);
    expect(seq.lifelines.map((l) => l.label)).toEqual(['page (script)', 'browser', 'server01']);
    expect(arrows(seq.messages)).toEqual([
      'page → browser: fetch PUT /getData.html [call]',
      'browser → server01: OPTIONS /getData.html (preflight) [request]',
      'server01 → browser: 204 No Content [answer]',
      'browser → server01: PUT /getData.html [request]',
      'server01 → browser: 200 OK [answer]',
      'browser → page: response: status 200 [allowed]',
    ]);
    expect(seq.summary).toBe('Sequence diagram: fetch PUT /getData.html, OPTIONS then PUT to server01. Allowed: the script read status 200.');
  });

  it('marks the preflight as the blocking point, naming the failed check, and sends no PUT', () => {
    const seq = sequenceOf(send({ method: 'PUT' }, failed), [rec('preflight', 'OPTIONS', 204, [ANY])]);
    expect(arrows(seq.messages)).toEqual([
      'page → browser: fetch PUT /getData.html [call]',
      'browser → server01: OPTIONS /getData.html (preflight) [request]',
      'server01 → browser: 204 No Content [blocked]',
      'browser → browser: Blocked: Method not in Access-Control-Allow-Methods [blocked]',
      'browser → page: network error: TypeError: Failed to fetch [blocked]',
    ]);
  });

  it('marks the answer the browser hid from the script', () => {
    const seq = sequenceOf(send({ api: 'xhr' }, { kind: 'error', message: 'XHR error (status 0)' }), [rec('actual', 'GET', 200, [])]);
    expect(arrows(seq.messages)).toEqual([
      'page → browser: XHR GET /getData.html [call]',
      'browser → server01: GET /getData.html [request]',
      'server01 → browser: 200 OK [blocked]',
      'browser → browser: Blocked: No Access-Control-Allow-Origin [blocked]',
      'browser → page: network error: XHR error (status 0) [blocked]',
    ]);
  });

  it('notes a preflight answered from the browser\'s cache', () => {
    const seq = sequenceOf(send({ method: 'PUT' }, ok), [rec('actual', 'PUT', 200, [ANY])]);
    expect(arrows(seq.messages).slice(1, 3)).toEqual([
      'browser → browser: Preflight cache: no OPTIONS sent [cache]',
      'browser → server01: PUT /getData.html [request]',
    ]);
  });

  it('stops at the browser for a forbidden method, and while a send is in flight waits', () => {
    expect(arrows(sequenceOf(send({ method: 'TRACE' }, failed), []).messages)).toEqual([
      'page → browser: fetch TRACE /getData.html [call]',
      'browser → browser: Refused: TRACE is a forbidden method [blocked]',
      'browser → page: network error: TypeError: Failed to fetch [blocked]',
    ]);
    const pending = sequenceOf(send({}, null), []);
    expect(arrows(pending.messages)).toEqual(['page → browser: fetch GET /getData.html [call]', 'browser → page: waiting… [pending]']);
    expect(pending.summary).toBe('Sequence diagram: fetch GET /getData.html, nothing went to server01. Sending.');
  });

  it('says when nothing reached server01', () => {
    const seq = sequenceOf(send({ url: 'http://localhost:1/x' }, failed), []);
    expect(arrows(seq.messages)).toEqual(['page → browser: fetch GET /x [call]', 'browser → page: network error: TypeError: Failed to fetch [blocked]']);
    expect(seq.summary).toBe('Sequence diagram: fetch GET /x, nothing went to server01. Nothing reached server01.');
  });
});
