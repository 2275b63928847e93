import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type RecordEvent, type ServerRecord } from '@cors-lab/shared';
import type { TimelineSend } from '../store/timeline-slice.ts';
import { countRequests } from './request-count.ts';

const send = (number: number, seqFrom: number, seqTo: number | null): TimelineSend => ({
  id: `s${number}`,
  number,
  request: { api: 'fetch', method: 'PUT', url: 'http://localhost:8000/getData.html', headers: [], body: '', credentials: 'same-origin' },
  pageOrigin: 'http://localhost:8100',
  startedAt: 0,
  result: null,
  seqFrom,
  seqTo,
  policy: EMPTY_POLICY,
});

const record = (seq: number, kind: ServerRecord['kind']): RecordEvent => ({
  type: 'record',
  seq,
  record: {
    kind,
    parser: 'node',
    answeredBy: 'policy',
    request: { method: kind === 'preflight' ? 'OPTIONS' : 'PUT', url: '/getData.html', httpVersion: '1.1', headers: [], body: '', bodyBytes: 0 },
    response: { status: 200, headers: [], body: '', bodyBytes: 0 },
    receivedAt: 0,
    respondedAt: 0,
  },
});

describe('countRequests', () => {
  it('counts the OPTIONS and actual requests of the timeline\'s sends, not records of no send', () => {
    // #1 preflighted, #2 from the preflight cache, #3 in flight with its preflight in; seq 5 belongs to no send.
    const sends = [send(1, 0, 2), send(2, 2, 3), send(3, 6, null)];
    const records = [record(1, 'preflight'), record(2, 'actual'), record(3, 'actual'), record(5, 'actual'), record(7, 'preflight')];
    expect(countRequests(sends, records)).toEqual({ preflights: 2, actuals: 2 });
    expect(countRequests([], records)).toEqual({ preflights: 0, actuals: 0 });
  });
});
