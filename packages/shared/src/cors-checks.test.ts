import { describe, expect, it } from 'vitest';
import { corsCheck, FAILURES, headerGet, preflightCheck, type PreflightAsk } from './cors-checks.ts';
import type { HeaderLine } from './policy-answer.ts';

const PAGE = 'http://localhost:8100';
const SPEC = 'https://fetch.spec.whatwg.org/';
const ask = (a: Partial<PreflightAsk>): PreflightAsk => ({ method: 'PUT', unsafeHeaderNames: [], withCredentials: false, ...a });
const acao = (value: string): HeaderLine => ['Access-Control-Allow-Origin', value];

describe('FAILURES', () => {
  it('links every reason to its Fetch standard section', () => {
    expect(Object.fromEntries(Object.entries(FAILURES).map(([code, f]) => [code, f.spec]))).toEqual({
      'no-allow-origin': `${SPEC}#cors-check`,
      'multiple-allow-origin': `${SPEC}#cors-check`,
      'origin-mismatch': `${SPEC}#cors-check`,
      'wildcard-with-credentials': `${SPEC}#cors-check`,
      'credentials-not-true': `${SPEC}#cors-check`,
      'preflight-status': `${SPEC}#cors-preflight-fetch`,
      'method-not-allowed': `${SPEC}#cors-preflight-fetch`,
      'header-not-allowed': `${SPEC}#cors-preflight-fetch`,
    });
  });
});

describe('headerGet', () => {
  it('combines repeated lines, names compared without case', () => {
    const headers: HeaderLine[] = [['X-A', '1'], ['x-a', '2'], ['X-B', '3']];
    expect([headerGet(headers, 'X-A'), headerGet(headers, 'x-b'), headerGet(headers, 'X-C')]).toEqual(['1, 2', '3', null]);
  });
});

describe('corsCheck', () => {
  it('passes *, and the exact origin, without credentials; the exact origin with Allow-Credentials: true', () => {
    expect([
      corsCheck([acao('*')], PAGE, false),
      corsCheck([['access-control-allow-origin', PAGE]], PAGE, false),
      corsCheck([acao(PAGE), ['Access-Control-Allow-Credentials', 'true']], PAGE, true),
    ]).toEqual([null, null, null]);
  });

  it('no-allow-origin: the response has no Access-Control-Allow-Origin', () => {
    expect(corsCheck([['Content-Type', 'text/plain']], PAGE, false)).toEqual({
      code: 'no-allow-origin',
      text: 'The response has no Access-Control-Allow-Origin header, so the browser does not let http://localhost:8100 read it.',
      spec: `${SPEC}#cors-check`,
    });
  });

  it('multiple-allow-origin: two lines, or a list in one line', () => {
    expect([corsCheck([acao(PAGE), acao('*')], PAGE, false), corsCheck([acao(`${PAGE}, https://example.com`)], PAGE, false)]).toEqual([
      {
        code: 'multiple-allow-origin',
        text: 'Access-Control-Allow-Origin is "http://localhost:8100, *": it must be exactly one origin or *; a server with a list must pick the one that matches.',
        spec: `${SPEC}#cors-check`,
      },
      {
        code: 'multiple-allow-origin',
        text: 'Access-Control-Allow-Origin is "http://localhost:8100, https://example.com": it must be exactly one origin or *; a server with a list must pick the one that matches.',
        spec: `${SPEC}#cors-check`,
      },
    ]);
  });

  it('origin-mismatch: another origin, or the right one with a trailing slash', () => {
    expect([corsCheck([acao('https://example.com')], PAGE, false), corsCheck([acao(`${PAGE}/`)], PAGE, false)]).toEqual([
      {
        code: 'origin-mismatch',
        text: 'Access-Control-Allow-Origin is "https://example.com", but the page\'s origin is "http://localhost:8100"; they must match byte for byte.',
        spec: `${SPEC}#cors-check`,
      },
      {
        code: 'origin-mismatch',
        text: 'Access-Control-Allow-Origin is "http://localhost:8100/", but the page\'s origin is "http://localhost:8100"; they must match byte for byte.',
        spec: `${SPEC}#cors-check`,
      },
    ]);
  });

  it('wildcard-with-credentials: * does not let a credentialed request read, even with Allow-Credentials', () => {
    expect(corsCheck([acao('*'), ['Access-Control-Allow-Credentials', 'true']], PAGE, true)).toEqual({
      code: 'wildcard-with-credentials',
      text: 'Access-Control-Allow-Origin is *, but the request carries credentials: then the server must name the origin exactly.',
      spec: `${SPEC}#cors-check`,
    });
  });

  it('credentials-not-true: absent, or not exactly "true"', () => {
    expect([corsCheck([acao(PAGE)], PAGE, true), corsCheck([acao(PAGE), ['Access-Control-Allow-Credentials', 'TRUE']], PAGE, true)]).toEqual([
      {
        code: 'credentials-not-true',
        text: 'The request carries credentials, so Access-Control-Allow-Credentials must be exactly "true"; it is absent.',
        spec: `${SPEC}#cors-check`,
      },
      {
        code: 'credentials-not-true',
        text: 'The request carries credentials, so Access-Control-Allow-Credentials must be exactly "true"; it is "TRUE".',
        spec: `${SPEC}#cors-check`,
      },
    ]);
  });
});

describe('preflightCheck', () => {
  it('passes a preflight that allows the method and every unsafe header', () => {
    const headers: HeaderLine[] = [acao(PAGE), ['Access-Control-Allow-Methods', 'GET, PUT'], ['Access-Control-Allow-Headers', 'X-Custom-Header, content-type']];
    expect([
      preflightCheck(204, headers, PAGE, ask({ unsafeHeaderNames: ['content-type', 'x-custom-header'] })),
      preflightCheck(200, [acao('*'), ['Access-Control-Allow-Methods', '*'], ['Access-Control-Allow-Headers', '*']], PAGE, ask({ method: 'patch', unsafeHeaderNames: ['x-a'] })),
      // A safelisted method needs no Allow-Methods.
      preflightCheck(204, [acao(PAGE), ['Access-Control-Allow-Headers', 'x-a']], PAGE, ask({ method: 'POST', unsafeHeaderNames: ['x-a'] })),
    ]).toEqual([null, null, null]);
  });

  it('fails the CORS check first, before looking at status or methods', () => {
    expect(preflightCheck(404, [], PAGE, ask({}))).toEqual({
      code: 'no-allow-origin',
      text: 'The response has no Access-Control-Allow-Origin header, so the browser does not let http://localhost:8100 read it.',
      spec: `${SPEC}#cors-check`,
    });
  });

  it('preflight-status: a non-2xx answer stops the actual request', () => {
    expect(preflightCheck(405, [acao('*'), ['Access-Control-Allow-Methods', 'PUT']], PAGE, ask({}))).toEqual({
      code: 'preflight-status',
      text: 'The preflight was answered 405; the browser needs a 2xx ("ok") status before it sends the actual request.',
      spec: `${SPEC}#cors-preflight-fetch`,
    });
  });

  it('method-not-allowed: no Allow-Methods, a case mismatch, and * with credentials', () => {
    expect([
      preflightCheck(204, [acao(PAGE)], PAGE, ask({})),
      preflightCheck(204, [acao(PAGE), ['Access-Control-Allow-Methods', 'PATCH']], PAGE, ask({ method: 'patch' })),
      preflightCheck(204, [acao(PAGE), ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Methods', '*']], PAGE, ask({ withCredentials: true })),
    ]).toEqual([
      { code: 'method-not-allowed', text: 'PUT needs to be allowed, but the preflight answer has no Access-Control-Allow-Methods.', spec: `${SPEC}#cors-preflight-fetch` },
      { code: 'method-not-allowed', text: 'patch needs to be allowed, but Access-Control-Allow-Methods is "PATCH".', spec: `${SPEC}#cors-preflight-fetch` },
      {
        code: 'method-not-allowed',
        text: 'PUT needs to be allowed, but Access-Control-Allow-Methods is "*" (* does not count with credentials).',
        spec: `${SPEC}#cors-preflight-fetch`,
      },
    ]);
  });

  it('header-not-allowed: missing from the list, no Allow-Headers, and * with credentials', () => {
    const allowPut: HeaderLine = ['Access-Control-Allow-Methods', 'PUT'];
    expect([
      preflightCheck(204, [acao(PAGE), allowPut, ['Access-Control-Allow-Headers', 'X-Other']], PAGE, ask({ unsafeHeaderNames: ['x-custom-header'] })),
      preflightCheck(204, [acao(PAGE), allowPut], PAGE, ask({ unsafeHeaderNames: ['content-type'] })),
      preflightCheck(204, [acao(PAGE), ['Access-Control-Allow-Credentials', 'true'], allowPut, ['Access-Control-Allow-Headers', '*']], PAGE, ask({ unsafeHeaderNames: ['x-a'], withCredentials: true })),
    ]).toEqual([
      {
        code: 'header-not-allowed',
        text: 'The request header x-custom-header needs to be allowed, but Access-Control-Allow-Headers is "x-other".',
        spec: `${SPEC}#cors-preflight-fetch`,
      },
      {
        code: 'header-not-allowed',
        text: 'The request header content-type needs to be allowed, but the preflight answer has no Access-Control-Allow-Headers.',
        spec: `${SPEC}#cors-preflight-fetch`,
      },
      {
        code: 'header-not-allowed',
        text: 'The request header x-a needs to be allowed, but Access-Control-Allow-Headers is "*" (* does not count with credentials).',
        spec: `${SPEC}#cors-preflight-fetch`,
      },
    ]);
  });

  // fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name: Authorization must be listed by name.
  it('header-not-allowed: * never covers Authorization, even without credentials', () => {
    const headers: HeaderLine[] = [acao('*'), ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', '*']];
    expect([
      preflightCheck(204, headers, PAGE, ask({ unsafeHeaderNames: ['authorization', 'x-a'] })),
      preflightCheck(204, [...headers.slice(0, 2), ['Access-Control-Allow-Headers', '*, Authorization']], PAGE, ask({ unsafeHeaderNames: ['authorization', 'x-a'] })),
    ]).toEqual([
      {
        code: 'header-not-allowed',
        text: 'The request header authorization needs to be allowed, but Access-Control-Allow-Headers is "*" (* does not cover Authorization).',
        spec: `${SPEC}#cors-preflight-fetch`,
      },
      null,
    ]);
  });
});
