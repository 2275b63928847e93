import { describe, expect, it } from 'vitest';
import type { HeaderLine } from '../policy-answer.ts';
import { exposeList, FORBIDDEN_RESPONSE_HEADERS, readableHeaders, SAFELISTED_RESPONSE_HEADERS } from './exposed-headers.ts';

const expose = (value: string): HeaderLine => ['Access-Control-Expose-Headers', value];

/** An actual response carrying every kind of header: safelisted, custom, CORS, and Set-Cookie. */
const response: HeaderLine[] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Cache-Control', 'no-cache'],
  ['Content-Language', 'en'],
  ['Content-Length', '13'],
  ['Content-Type', 'text/plain'],
  ['Expires', '0'],
  ['Last-Modified', 'Wed, 25 Nov 2026 19:00:00 GMT'],
  ['Pragma', 'no-cache'],
  ['ETag', '"v2"'],
  ['X-Foo', '1'],
  ['Set-Cookie', 'labsession=1'],
  ['Set-Cookie2', 'old=1'],
];

const SAFELISTED = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];

// fetch.spec.whatwg.org/#cors-safelisted-response-header-name, #forbidden-response-header-name
describe('the response header name lists', () => {
  it('safelists the seven names of the standard, and forbids Set-Cookie and Set-Cookie2', () => {
    expect([SAFELISTED_RESPONSE_HEADERS, FORBIDDEN_RESPONSE_HEADERS]).toEqual([SAFELISTED, ['set-cookie', 'set-cookie2']]);
  });
});

// fetch.spec.whatwg.org/#http-access-control-expose-headers, parsed as Chromium does
describe('exposeList', () => {
  it('lowercases the names, trims them and skips empty items, over several lines', () => {
    expect([
      exposeList([]),
      exposeList([expose('ETag')]),
      exposeList([expose(' ETag ,, X-Foo ,')]),
      exposeList([expose('ETag'), expose('X-Foo')]),
      exposeList([expose('*')]),
    ]).toEqual([[], ['etag'], ['etag', 'x-foo'], ['etag', 'x-foo'], ['*']]);
  });

  it('Chromium 156: one item that is not a token voids the whole list; quotes are not stripped', () => {
    expect([exposeList([expose('ETag, "X-Foo"')]), exposeList([expose('"ETag"')]), exposeList([expose('ETag, X Foo')]), exposeList([expose('*, x/y')])]).toEqual([[], [], [], []]);
  });
});

// fetch.spec.whatwg.org/#concept-filtered-response-cors
describe('readableHeaders', () => {
  it('a CORS response without Expose-Headers shows only the safelisted names, lowercased and sorted', () => {
    expect(readableHeaders(response, false, true)).toEqual(SAFELISTED);
  });

  it('adds the names listed in Expose-Headers, in any case', () => {
    expect([readableHeaders([...response, expose('etag, X-FOO')], false, true), readableHeaders([...response, expose('ETag')], true, true)]).toEqual([
      [...SAFELISTED, 'etag', 'x-foo'].sort(),
      [...SAFELISTED, 'etag'].sort(),
    ]);
  });

  it('only names the headers the response has: an exposed name that is absent is not listed', () => {
    expect(readableHeaders([['Content-Type', 'text/plain'], expose('X-Missing, X-Foo'), ['X-Foo', '1'], ['x-foo', '2']], false, true)).toEqual(['content-type', 'x-foo']);
  });

  it('* exposes every header without credentials, but never Set-Cookie or Set-Cookie2', () => {
    expect(readableHeaders([...response, expose('*')], false, true)).toEqual([
      'access-control-allow-origin',
      'access-control-expose-headers',
      'cache-control',
      'content-language',
      'content-length',
      'content-type',
      'etag',
      'expires',
      'last-modified',
      'pragma',
      'x-foo',
    ]);
  });

  it('with credentials * is a literal name: only the names listed beside it are exposed', () => {
    expect([readableHeaders([...response, expose('*')], true, true), readableHeaders([...response, expose('*, X-Foo')], true, true)]).toEqual([
      SAFELISTED,
      [...SAFELISTED, 'x-foo'],
    ]);
  });

  it('Set-Cookie stays hidden even when Expose-Headers names it', () => {
    expect(readableHeaders([...response, expose('Set-Cookie, Set-Cookie2, ETag')], false, true)).toEqual([...SAFELISTED, 'etag'].sort());
  });

  it('Chromium 156: an invalid item voids the whole list, * included, leaving the safelisted names', () => {
    expect([
      readableHeaders([...response, expose('ETag, "X-Foo"')], false, true),
      readableHeaders([...response, expose('*, "ETag"')], false, true),
    ]).toEqual([SAFELISTED, SAFELISTED]);
  });

  // fetch.spec.whatwg.org/#concept-filtered-response-basic
  it('a same-origin response shows every header except Set-Cookie and Set-Cookie2, without Expose-Headers', () => {
    expect(readableHeaders(response, true, false)).toEqual([
      'access-control-allow-origin',
      'cache-control',
      'content-language',
      'content-length',
      'content-type',
      'etag',
      'expires',
      'last-modified',
      'pragma',
      'x-foo',
    ]);
  });
});
