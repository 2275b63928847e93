// The lab's own check: the explainer's prediction for a send against what Chromium did.
import { describe, expect, it } from 'vitest';
import type { SendObservation } from '../send-verdict.ts';
import type { ServerRecord } from '../wire.ts';
import { explainSend } from './send-explanation.ts';

const PAGE = 'http://localhost:8100';

const send = (method: string, result: SendObservation['result']): SendObservation => ({
  id: 's1',
  pageOrigin: PAGE,
  startedAt: 0,
  request: { api: 'fetch', method, url: 'http://localhost:8000/getData.html', headers: [], body: '', credentials: 'same-origin' },
  result,
});

const record = (kind: 'preflight' | 'actual', status: number, headers: [string, string][]): ServerRecord => ({
  kind,
  parser: 'node',
  answeredBy: 'policy',
  request: { method: kind === 'preflight' ? 'OPTIONS' : 'PUT', url: '/getData.html', httpVersion: '1.1', headers: [], body: '', bodyBytes: 0 },
  response: { status, headers, body: '', bodyBytes: 0 },
  receivedAt: 0,
  respondedAt: 1,
});

const ok = { kind: 'response', status: 200, body: 'server----001', headers: [] } as const;
const error = { kind: 'error', message: 'TypeError: Failed to fetch' } as const;

describe('explainSend', () => {
  it('agrees when Chromium blocks a GET without Access-Control-Allow-Origin', () => {
    const r = explainSend(send('GET', error), null, record('actual', 200, []), null);
    expect({ outcome: r?.verdict.outcome, mismatch: r?.mismatch }).toEqual({ outcome: 'blocked', mismatch: null });
  });

  it('reports a disagreement when the script read a response the explainer says is blocked', () => {
    const r = explainSend(send('GET', ok), null, record('actual', 200, []), null);
    expect(r?.mismatch).toBe('The explainer and Chromium disagree on the outcome: predicted blocked, Chromium allowed.');
  });

  it('reports a preflight the explainer did not predict', () => {
    const allow: [string, string][] = [['Access-Control-Allow-Origin', '*']];
    const r = explainSend(send('GET', ok), record('preflight', 204, allow), record('actual', 200, allow), null);
    expect(r?.mismatch).toBe('The explainer and Chromium disagree on a preflight: predicted none, Chromium sent one.');
  });

  it('accepts a missing preflight when an earlier one could have been cached', () => {
    const pre: [string, string][] = [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Max-Age', '600']];
    const r = explainSend(send('PUT', ok), null, record('actual', 200, [['Access-Control-Allow-Origin', '*']]), record('preflight', 204, pre));
    expect(r?.mismatch).toBeNull();
  });

  it('does not blame the explainer when nothing reached server01 (server down)', () => {
    expect(explainSend(send('GET', error), null, null, null)?.mismatch).toBeNull();
  });
});
