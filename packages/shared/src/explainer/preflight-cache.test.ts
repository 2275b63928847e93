import { describe, expect, it } from 'vitest';
import type { HeaderLine } from '../policy-answer.ts';
import { cacheCovers, cacheEntry, cacheSeconds, DEFAULT_MAX_AGE_S, MAX_AGE_CAP_S, type CacheEntry } from './preflight-cache.ts';

const maxAge = (...values: string[]): HeaderLine[] => values.map((v): HeaderLine => ['Access-Control-Max-Age', v]);
const entry = (e: Partial<CacheEntry>): CacheEntry => ({ methods: [], headers: [], withCredentials: false, maxAge: 600, ...e });

/** Pairs [Max-Age value, seconds], so a failure names the value. */
function seconds(table: readonly (readonly [string, number])[]) {
  return { actual: table.map(([v]) => [v, cacheSeconds(maxAge(v))]), expected: table };
}

// fetch.spec.whatwg.org/#http-access-control-max-age, fetch.spec.whatwg.org/#cors-preflight-cache
describe('cacheSeconds', () => {
  it('uses 5 s when Access-Control-Max-Age is absent, and 7200 s as the cap', () => {
    expect([DEFAULT_MAX_AGE_S, MAX_AGE_CAP_S, cacheSeconds([]), cacheSeconds([['Access-Control-Allow-Origin', '*']])]).toEqual([5, 7200, 5, 5]);
  });

  it('reads a plain number of seconds', () => {
    const { actual, expected } = seconds([
      ['1', 1],
      ['600', 600],
      ['7199', 7199],
      ['0600', 600],
    ]);
    expect(actual).toEqual(expected);
  });

  it('Chromium 156: caps a larger number at 7200 s (2 hours), up to the end of the int64 range', () => {
    const { actual, expected } = seconds([
      ['7200', 7200],
      ['7201', 7200],
      ['86400', 7200],
      ['9223372036854775807', 7200],
    ]);
    expect(actual).toEqual(expected);
  });

  it('Chromium 156: 0 and any negative number cache nothing (0 s)', () => {
    const { actual, expected } = seconds([
      ['0', 0],
      ['-0', 0],
      ['-1', 0],
      ['-600', 0],
      ['-9223372036854775808', 0],
    ]);
    expect(actual).toEqual(expected);
  });

  it('Chromium 156: a leading + is allowed', () => {
    const { actual, expected } = seconds([
      ['+600', 600],
      ['+0', 0],
      ['+86400', 7200],
    ]);
    expect(actual).toEqual(expected);
  });

  it('Chromium 156: a value that is not an int64 gives the 5 s default', () => {
    const { actual, expected } = seconds([
      ['', 5],
      ['abc', 5],
      ['1.5', 5],
      ['600s', 5],
      ['1e3', 5],
      ['++1', 5],
      ['6 00', 5],
      ['0x10', 5],
      ['9223372036854775808', 5],
      ['-9223372036854775809', 5],
      ['99999999999999999999', 5],
    ]);
    expect(actual).toEqual(expected);
  });

  it('Chromium 156: two Access-Control-Max-Age lines give the 5 s default, whatever they say', () => {
    expect([cacheSeconds(maxAge('600', '600')), cacheSeconds(maxAge('0', '0')), cacheSeconds(maxAge('-1', '7200'))]).toEqual([5, 5, 5]);
  });
});

describe('cacheEntry', () => {
  it('keeps the methods as sent, the header names lowercased, the credentials mode and the seconds', () => {
    const headers: HeaderLine[] = [
      ['Access-Control-Allow-Methods', 'PUT, patch'],
      ['Access-Control-Allow-Headers', 'X-Custom-Header, Authorization'],
      ['Access-Control-Max-Age', '600'],
    ];
    expect([cacheEntry(headers, false), cacheEntry(headers, true)]).toEqual([
      { methods: ['PUT', 'patch'], headers: ['x-custom-header', 'authorization'], withCredentials: false, maxAge: 600 },
      { methods: ['PUT', 'patch'], headers: ['x-custom-header', 'authorization'], withCredentials: true, maxAge: 600 },
    ]);
  });

  it('lives 5 s without Access-Control-Max-Age', () => {
    expect(cacheEntry([['Access-Control-Allow-Methods', 'PUT']], false)).toEqual({ methods: ['PUT'], headers: [], withCredentials: false, maxAge: 5 });
  });

  it('Chromium 156: Max-Age 0 or negative leaves no entry at all', () => {
    expect([cacheEntry(maxAge('0'), false), cacheEntry(maxAge('-1'), false), cacheEntry(maxAge('-1'), true)]).toEqual([null, null, null]);
  });
});

// fetch.spec.whatwg.org/#concept-cache-match: method cache entry and header-name cache entry matches
describe('cacheCovers', () => {
  it('covers a listed method, matched case-sensitively, and the safelisted methods without a listing', () => {
    const e = entry({ methods: ['PUT', 'patch'] });
    const methods = ['PUT', 'patch', 'put', 'PATCH', 'DELETE', 'GET', 'HEAD', 'POST'];
    expect(methods.map((m) => [m, cacheCovers(e, m, [], false)])).toEqual([
      ['PUT', true],
      ['patch', true],
      ['put', false],
      ['PATCH', false],
      ['DELETE', false],
      ['GET', true],
      ['HEAD', true],
      ['POST', true],
    ]);
  });

  it('covers a request only when every unsafe header name is listed', () => {
    const e = entry({ methods: ['PUT'], headers: ['x-a', 'content-type'] });
    expect([
      cacheCovers(e, 'PUT', [], false),
      cacheCovers(e, 'PUT', ['content-type', 'x-a'], false),
      cacheCovers(e, 'PUT', ['x-a', 'x-b'], false),
    ]).toEqual([true, true, false]);
  });

  it('a cached * covers any method and header name without credentials', () => {
    const e = entry({ methods: ['*'], headers: ['*'] });
    expect([cacheCovers(e, 'DELETE', ['x-a', 'content-type'], false), cacheCovers(e, 'patch', [], false)]).toEqual([true, true]);
  });

  it('Chromium 156: a cached * never covers Authorization, though a fresh preflight\'s * does; a listed Authorization is covered', () => {
    expect([
      cacheCovers(entry({ methods: ['PUT'], headers: ['*'] }), 'PUT', ['authorization'], false),
      cacheCovers(entry({ methods: ['PUT'], headers: ['*'] }), 'PUT', ['authorization', 'x-a'], false),
      cacheCovers(entry({ methods: ['PUT'], headers: ['*', 'authorization'] }), 'PUT', ['authorization', 'x-a'], false),
    ]).toEqual([false, false, true]);
  });

  it('an entry made without credentials does not cover a credentialed request, even for a listed method and header', () => {
    const e = entry({ methods: ['PUT'], headers: ['x-a'], withCredentials: false });
    expect([cacheCovers(e, 'PUT', ['x-a'], true), cacheCovers(e, 'GET', [], true), cacheCovers(e, 'PUT', ['x-a'], false)]).toEqual([false, false, true]);
  });

  it('an entry made with credentials covers a credentialed request for listed names, where * is only a literal name', () => {
    const e = entry({ methods: ['PUT', '*'], headers: ['x-a', '*'], withCredentials: true });
    expect([cacheCovers(e, 'PUT', ['x-a'], true), cacheCovers(e, 'DELETE', [], true), cacheCovers(e, 'PUT', ['x-b'], true)]).toEqual([true, false, false]);
  });
});
