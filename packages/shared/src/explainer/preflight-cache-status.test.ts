import { describe, expect, it } from 'vitest';
import type { HeaderLine } from '../policy-answer.ts';
import type { LabRequest } from '../request-classification.ts';
import type { ServerRecord } from '../wire.ts';
import { preflightCacheStatus, type SentPreflight } from './preflight-cache-status.ts';

const PAGE = 'http://localhost:8100';
const URL = 'http://localhost:8000/getData.html';
const put: LabRequest = { api: 'fetch', method: 'PUT', url: URL, headers: [], body: '', credentials: 'same-origin' };

const record = (kind: ServerRecord['kind'], at: number, headers: HeaderLine[] = []): ServerRecord => ({
  kind, parser: 'node', answeredBy: 'policy',
  request: { method: kind === 'preflight' ? 'OPTIONS' : 'PUT', url: '/getData.html', httpVersion: '1.1', headers: [], body: '', bodyBytes: 0 },
  response: { status: 204, headers, body: '', bodyBytes: 0 },
  receivedAt: at, respondedAt: at + 1,
});

/** A passed preflight at t=1000 ms answered with `answer`, the actual request received at t=1010 ms. */
const sent = (answer: HeaderLine[], request: LabRequest = put, actual = true): SentPreflight => ({
  request, pageOrigin: PAGE,
  preflight: record('preflight', 1000, [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'PUT'], ...answer]),
  actual: actual ? record('actual', 1010) : null,
});

// fetch.spec.whatwg.org/#cors-preflight-cache, fetch.spec.whatwg.org/#http-access-control-max-age
describe('preflightCacheStatus', () => {
  it('without Max-Age the answer lives 5 s from when the browser had it, then the PUT preflights again', () => {
    const seen = [sent([])];
    expect([3000, 6009, 6010].map((now) => preflightCacheStatus(seen, put, PAGE, now))).toEqual([
      { cached: true, covers: true, expiresAt: 6010, maxAge: 5, method: 'PUT' },
      { cached: true, covers: true, expiresAt: 6010, maxAge: 5, method: 'PUT' },
      { cached: false, covers: true, expiresAt: 6010, maxAge: 5, method: 'PUT' },
    ]);
  });

  it('reads Max-Age as the explainer does: 600 s, capped at 7200 s, 0 and below cache nothing', () => {
    const at = (maxAge: string) => preflightCacheStatus([sent([['Access-Control-Max-Age', maxAge]])], put, PAGE, 1500);
    expect([at('600'), at('86400'), at('0'), at('-1')]).toEqual([
      { cached: true, covers: true, expiresAt: 601_010, maxAge: 600, method: 'PUT' },
      { cached: true, covers: true, expiresAt: 7_201_010, maxAge: 7200, method: 'PUT' },
      { cached: false, covers: false, expiresAt: 1010, maxAge: 0, method: 'PUT' },
      { cached: false, covers: false, expiresAt: 1010, maxAge: 0, method: 'PUT' },
    ]);
  });

  it('knows nothing when the preflight failed (no actual request followed) or the request needs none', () => {
    const get = { ...put, method: 'GET' };
    expect([
      preflightCacheStatus([sent([], put, false)], put, PAGE, 1500),
      preflightCacheStatus([], put, PAGE, 1500),
      preflightCacheStatus([sent([])], get, PAGE, 1500),
    ]).toEqual([null, null, null]);
  });

  it('is keyed by URL and page origin; the newest preflight for that key wins', () => {
    const other = { ...put, url: `${URL}?v=2` };
    const newer: SentPreflight = { ...sent([['Access-Control-Max-Age', '600']]), actual: record('actual', 2000) };
    expect([
      preflightCacheStatus([sent([])], other, PAGE, 1500),
      preflightCacheStatus([sent([])], put, 'http://127.0.0.1:8100', 1500),
      preflightCacheStatus([sent([]), newer], put, PAGE, 1500)?.expiresAt,
      preflightCacheStatus([newer, sent([])], put, PAGE, 1500)?.expiresAt,
    ]).toEqual([null, null, 602_000, 6010]);
  });

  it('a live entry that does not cover the method, a header or credentials leaves the request to preflight', () => {
    const seen = [sent([['Access-Control-Allow-Headers', 'X-Custom']])];
    const ask = (r: Partial<LabRequest>) => preflightCacheStatus(seen, { ...put, ...r }, PAGE, 1500);
    expect([
      ask({ headers: [['x-custom', '1']] }),
      ask({ method: 'DELETE' }),
      ask({ headers: [['X-Other', '1']] }),
      ask({ credentials: 'include' }),
    ].map((s) => s && [s.cached, s.covers])).toEqual([[true, true], [false, false], [false, false], [false, false]]);
  });

  it('a conditional request neither reads nor fills the cache', () => {
    const conditional = { ...put, headers: [['If-Match', '"x"']] as HeaderLine[] };
    expect([
      preflightCacheStatus([sent([])], conditional, PAGE, 1500),
      preflightCacheStatus([sent([], conditional)], put, PAGE, 1500),
    ]).toEqual([null, null]);
  });
});
