import { describe, expect, it } from 'vitest';
import { corsCheck, FAILURES, headerGet, headerValues, preflightCheck, redirectLoop, tokenList, type PreflightAsk } from './cors-checks.ts';
import type { HeaderLine } from './policy-answer.ts';

const PAGE = 'http://localhost:8100';
const SPEC = 'https://fetch.spec.whatwg.org/';
const ask = (a: Partial<PreflightAsk>): PreflightAsk => ({ method: 'PUT', unsafeHeaderNames: [], withCredentials: false, ...a });
const acao = (value: string): HeaderLine => ['Access-Control-Allow-Origin', value];
const acam = (value: string): HeaderLine => ['Access-Control-Allow-Methods', value];
const acah = (value: string): HeaderLine => ['Access-Control-Allow-Headers', value];
const credentialsTrue: HeaderLine = ['Access-Control-Allow-Credentials', 'true'];

const noAllowOrigin = {
  code: 'no-allow-origin',
  text: 'The response has no Access-Control-Allow-Origin header, so the browser does not let http://localhost:8100 read it.',
  spec: `${SPEC}#cors-check`,
  fix: 'Send Access-Control-Allow-Origin: * (or http://localhost:8100).',
};

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
      'redirect-loop': `${SPEC}#http-redirect-fetch`,
      'invalid-allow-methods': `${SPEC}#cors-preflight-fetch`,
      'invalid-allow-headers': `${SPEC}#cors-preflight-fetch`,
    });
  });
});

describe('headerGet', () => {
  it('combines repeated lines, names compared without case', () => {
    const headers: HeaderLine[] = [['X-A', '1'], ['x-a', '2'], ['X-B', '3']];
    expect([headerGet(headers, 'X-A'), headerGet(headers, 'x-b'), headerGet(headers, 'X-C'), headerValues(headers, 'X-A')]).toEqual(['1, 2', '3', null, ['1', '2']]);
  });
});

// fetch.spec.whatwg.org/#extract-header-list-values, as Chromium parses Access-Control-Allow-* lists
describe('tokenList', () => {
  it('trims items, skips empty ones, and gives [] for an absent header', () => {
    expect([tokenList(null), tokenList(''), tokenList(','), tokenList('PUT'), tokenList(' PUT ,\tDELETE\t'), tokenList('PUT,,DELETE,'), tokenList('*')]).toEqual([
      [],
      [],
      [],
      ['PUT'],
      ['PUT', 'DELETE'],
      ['PUT', 'DELETE'],
      ['*'],
    ]);
  });

  it('fails the whole list when one item is not a token; quotes are not stripped', () => {
    expect([tokenList('"PUT"'), tokenList('PUT, "DELETE"'), tokenList('PUT DELETE'), tokenList('PUT;q=1'), tokenList('X-A, X/B'), tokenList('PUT, DELETE')]).toEqual([
      null,
      null,
      null,
      null,
      null,
      ['PUT', 'DELETE'],
    ]);
  });
});

// fetch.spec.whatwg.org/#cors-check
describe('corsCheck', () => {
  it('passes *, and the exact origin, without credentials; the exact origin with Allow-Credentials: true', () => {
    expect([
      corsCheck([acao('*')], PAGE, false),
      corsCheck([['access-control-allow-origin', PAGE]], PAGE, false),
      corsCheck([acao(PAGE), credentialsTrue], PAGE, true),
    ]).toEqual([null, null, null]);
  });

  it('no-allow-origin: the response has no Access-Control-Allow-Origin', () => {
    expect([corsCheck([['Content-Type', 'text/plain']], PAGE, false), corsCheck([], PAGE, true)]).toEqual([
      noAllowOrigin,
      { ...noAllowOrigin, fix: 'Send Access-Control-Allow-Origin: http://localhost:8100.' },
    ]);
  });

  it('multiple-allow-origin: two lines, or a list in one line', () => {
    expect([corsCheck([acao(PAGE), acao('*')], PAGE, false), corsCheck([acao(`${PAGE}, https://example.com`)], PAGE, false), corsCheck([acao('*'), acao('*')], PAGE, false)]).toEqual([
      {
        code: 'multiple-allow-origin',
        text: 'Access-Control-Allow-Origin is "http://localhost:8100, *": it must be exactly one origin or *; a server with a list must pick the one that matches.',
        spec: `${SPEC}#cors-check`,
        fix: 'Send one Access-Control-Allow-Origin line with exactly http://localhost:8100.',
      },
      {
        code: 'multiple-allow-origin',
        text: 'Access-Control-Allow-Origin is "http://localhost:8100, https://example.com": it must be exactly one origin or *; a server with a list must pick the one that matches.',
        spec: `${SPEC}#cors-check`,
        fix: 'Send one Access-Control-Allow-Origin line with exactly http://localhost:8100.',
      },
      {
        code: 'multiple-allow-origin',
        text: 'Access-Control-Allow-Origin is "*, *": it must be exactly one origin or *; a server with a list must pick the one that matches.',
        spec: `${SPEC}#cors-check`,
        fix: 'Send one Access-Control-Allow-Origin line with exactly http://localhost:8100.',
      },
    ]);
  });

  it('origin-mismatch: another origin, the right one with a trailing slash, or in another case', () => {
    const mismatch = (allow: string) => ({
      code: 'origin-mismatch',
      text: `Access-Control-Allow-Origin is "${allow}", but the page's origin is "http://localhost:8100"; they must match byte for byte.`,
      spec: `${SPEC}#cors-check`,
      fix: 'Send Access-Control-Allow-Origin: http://localhost:8100, byte for byte.',
    });
    const values = ['https://example.com', `${PAGE}/`, 'HTTP://LOCALHOST:8100', 'null'];
    expect(values.map((v) => corsCheck([acao(v)], PAGE, false))).toEqual(values.map(mismatch));
  });

  it('wildcard-with-credentials: * does not let a credentialed request read, even with Allow-Credentials', () => {
    expect(corsCheck([acao('*'), credentialsTrue], PAGE, true)).toEqual({
      code: 'wildcard-with-credentials',
      text: 'Access-Control-Allow-Origin is *, but the request carries credentials: then the server must name the origin exactly.',
      spec: `${SPEC}#cors-check`,
      fix: 'Send Access-Control-Allow-Origin: http://localhost:8100 instead of *, and Access-Control-Allow-Credentials: true.',
    });
  });

  it('credentials-not-true: absent, or not exactly "true"', () => {
    expect([corsCheck([acao(PAGE)], PAGE, true), corsCheck([acao(PAGE), ['Access-Control-Allow-Credentials', 'TRUE']], PAGE, true)]).toEqual([
      {
        code: 'credentials-not-true',
        text: 'The request carries credentials, so Access-Control-Allow-Credentials must be exactly "true"; it is absent.',
        spec: `${SPEC}#cors-check`,
        fix: 'Send Access-Control-Allow-Credentials: true.',
      },
      {
        code: 'credentials-not-true',
        text: 'The request carries credentials, so Access-Control-Allow-Credentials must be exactly "true"; it is "TRUE".',
        spec: `${SPEC}#cors-check`,
        fix: 'Send Access-Control-Allow-Credentials: true.',
      },
    ]);
  });

  it('ignores Access-Control-Allow-Credentials without credentials', () => {
    expect([corsCheck([acao(PAGE), ['Access-Control-Allow-Credentials', 'false']], PAGE, false), corsCheck([acao('*')], PAGE, false)]).toEqual([null, null]);
  });
});

// fetch.spec.whatwg.org/#cors-preflight-fetch
describe('preflightCheck', () => {
  it('passes a preflight that allows the method and every unsafe header', () => {
    const headers: HeaderLine[] = [acao(PAGE), acam('GET, PUT'), acah('X-Custom-Header, content-type')];
    expect([
      preflightCheck(204, headers, PAGE, ask({ unsafeHeaderNames: ['content-type', 'x-custom-header'] })),
      preflightCheck(200, [acao('*'), acam('*'), acah('*')], PAGE, ask({ method: 'patch', unsafeHeaderNames: ['x-a'] })),
      // A safelisted method needs no Allow-Methods.
      preflightCheck(204, [acao(PAGE), acah('x-a')], PAGE, ask({ method: 'POST', unsafeHeaderNames: ['x-a'] })),
    ]).toEqual([null, null, null]);
  });

  it('fails the CORS check first, before looking at status or methods', () => {
    expect(preflightCheck(404, [], PAGE, ask({}))).toEqual(noAllowOrigin);
  });

  it('preflight-status: a non-2xx answer stops the actual request; any 2xx is ok', () => {
    const headers: HeaderLine[] = [acao('*'), acam('PUT')];
    const failed = (status: number) => ({
      code: 'preflight-status',
      text: `The preflight was answered ${status}; the browser needs a 2xx ("ok") status before it sends the actual request.`,
      spec: `${SPEC}#cors-preflight-fetch`,
      fix: 'Answer the preflight (OPTIONS) with 200 or 204.',
    });
    const statuses = [200, 204, 299, 199, 300, 304, 405, 500];
    expect(statuses.map((s) => preflightCheck(s, headers, PAGE, ask({})))).toEqual([null, null, null, failed(199), failed(300), failed(304), failed(405), failed(500)]);
  });

  const methodNotAllowed = (method: string, got: string) => ({
    code: 'method-not-allowed',
    text: `${method} needs to be allowed, but ${got}.`,
    spec: `${SPEC}#cors-preflight-fetch`,
    fix: `Add ${method} to Access-Control-Allow-Methods in the preflight answer.`,
  });

  it('method-not-allowed: no Allow-Methods, a case mismatch, and * with credentials', () => {
    expect([
      preflightCheck(204, [acao(PAGE)], PAGE, ask({})),
      preflightCheck(204, [acao(PAGE), acam('PATCH')], PAGE, ask({ method: 'patch' })),
      preflightCheck(204, [acao(PAGE), credentialsTrue, acam('*')], PAGE, ask({ withCredentials: true })),
    ]).toEqual([
      methodNotAllowed('PUT', 'the preflight answer has no Access-Control-Allow-Methods'),
      methodNotAllowed('patch', 'Access-Control-Allow-Methods is "PATCH" (method names match case-sensitively)'),
      methodNotAllowed('PUT', 'Access-Control-Allow-Methods is "*" (* does not count with credentials)'),
    ]);
  });

  it('Chromium 156: method names match case-sensitively both ways ("put" does not allow PUT, "patch" allows patch)', () => {
    expect([
      preflightCheck(204, [acao('*'), acam('put')], PAGE, ask({ method: 'PUT' })),
      preflightCheck(204, [acao('*'), acam('patch')], PAGE, ask({ method: 'patch' })),
      preflightCheck(204, [acao('*'), acam('patch')], PAGE, ask({ method: 'PATCH' })),
    ]).toEqual([
      methodNotAllowed('PUT', 'Access-Control-Allow-Methods is "put" (method names match case-sensitively)'),
      null,
      methodNotAllowed('PATCH', 'Access-Control-Allow-Methods is "patch" (method names match case-sensitively)'),
    ]);
  });

  it('* in Allow-Methods allows any method only without credentials; with them a listed method still passes', () => {
    expect([
      preflightCheck(204, [acao('*'), acam('*')], PAGE, ask({ method: 'DELETE' })),
      preflightCheck(204, [acao(PAGE), credentialsTrue, acam('*, DELETE')], PAGE, ask({ method: 'DELETE', withCredentials: true })),
    ]).toEqual([null, null]);
  });

  it('reads Allow-Methods over several lines, items trimmed and empty items skipped', () => {
    expect([
      preflightCheck(204, [acao('*'), acam('GET'), acam('PUT')], PAGE, ask({})),
      preflightCheck(204, [acao('*'), acam(' , PUT ,, ')], PAGE, ask({})),
      preflightCheck(204, [acao('*'), acam('PUT'), acah(',x-a,\t,')], PAGE, ask({ unsafeHeaderNames: ['x-a'] })),
    ]).toEqual([null, null, null]);
  });

  it('invalid-allow-methods: one item that is not a token fails the whole preflight, even when the method is listed or safelisted', () => {
    const invalid = (value: string, method: string) => ({
      code: 'invalid-allow-methods',
      text: `Access-Control-Allow-Methods is "${value}": every item must be a method name (an HTTP token), so the browser rejects the whole preflight.`,
      spec: `${SPEC}#cors-preflight-fetch`,
      fix: `Send Access-Control-Allow-Methods as a comma-separated list of method names, e.g. ${method}.`,
    });
    expect([
      preflightCheck(204, [acao('*'), acam('"PUT"')], PAGE, ask({})),
      preflightCheck(204, [acao('*'), acam('PUT, "DELETE"')], PAGE, ask({})),
      preflightCheck(204, [acao('*'), acam('GET, PUT DELETE'), acah('x-a')], PAGE, ask({ method: 'GET', unsafeHeaderNames: ['x-a'] })),
    ]).toEqual([invalid('"PUT"', 'PUT'), invalid('PUT, "DELETE"', 'PUT'), invalid('GET, PUT DELETE', 'GET')]);
  });

  it('invalid-allow-headers: one item that is not a token fails the whole preflight, even when the header is listed', () => {
    const invalid = (value: string) => ({
      code: 'invalid-allow-headers',
      text: `Access-Control-Allow-Headers is "${value}": every item must be a header name (an HTTP token), so the browser rejects the whole preflight.`,
      spec: `${SPEC}#cors-preflight-fetch`,
      fix: 'Send Access-Control-Allow-Headers as a comma-separated list of header names.',
    });
    expect([
      preflightCheck(204, [acao('*'), acam('PUT'), acah('X-A, "X-B"')], PAGE, ask({ unsafeHeaderNames: ['x-a'] })),
      preflightCheck(204, [acao('*'), acam('PUT'), acah('X-A, X B')], PAGE, ask({ unsafeHeaderNames: ['x-a'] })),
      // Checked even when the request has no unsafe header at all.
      preflightCheck(204, [acao('*'), acam('PUT'), acah('x-a:1')], PAGE, ask({})),
    ]).toEqual([invalid('X-A, "X-B"'), invalid('X-A, X B'), invalid('x-a:1')]);
  });

  const headerNotAllowed = (name: string, got: string) => ({
    code: 'header-not-allowed',
    text: `The request header ${name} needs to be allowed, but ${got}.`,
    spec: `${SPEC}#cors-preflight-fetch`,
    fix: `Add ${name} to Access-Control-Allow-Headers in the preflight answer.`,
  });

  it('header-not-allowed: missing from the list, no Allow-Headers, and * with credentials', () => {
    const allowPut = acam('PUT');
    expect([
      preflightCheck(204, [acao(PAGE), allowPut, acah('X-Other')], PAGE, ask({ unsafeHeaderNames: ['x-custom-header'] })),
      preflightCheck(204, [acao(PAGE), allowPut], PAGE, ask({ unsafeHeaderNames: ['content-type'] })),
      preflightCheck(204, [acao(PAGE), credentialsTrue, allowPut, acah('*')], PAGE, ask({ unsafeHeaderNames: ['x-a'], withCredentials: true })),
    ]).toEqual([
      headerNotAllowed('x-custom-header', 'Access-Control-Allow-Headers is "x-other"'),
      headerNotAllowed('content-type', 'the preflight answer has no Access-Control-Allow-Headers'),
      headerNotAllowed('x-a', 'Access-Control-Allow-Headers is "*" (* does not count with credentials)'),
    ]);
  });

  it('header names match without case', () => {
    expect(preflightCheck(204, [acao('*'), acam('PUT'), acah('X-CUSTOM-HEADER, Content-Type')], PAGE, ask({ unsafeHeaderNames: ['content-type', 'x-custom-header'] }))).toBeNull();
  });

  // fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name says * never covers Authorization;
  // Chromium 156 ships with CorsNonWildcardRequestHeadersSupport off, so a fresh preflight's * does.
  it('Chromium 156: a fresh preflight\'s * covers Authorization without credentials (the standard says it never does)', () => {
    const headers: HeaderLine[] = [acao('*'), acam('PUT'), acah('*')];
    expect([
      preflightCheck(204, headers, PAGE, ask({ unsafeHeaderNames: ['authorization', 'x-a'] })),
      preflightCheck(204, [acao('*'), acam('PUT'), acah('*, Authorization')], PAGE, ask({ unsafeHeaderNames: ['authorization', 'x-a'] })),
    ]).toEqual([null, null]);
  });

  it('with credentials * is a literal name, so Authorization must be listed by name', () => {
    const cred: HeaderLine[] = [acao(PAGE), credentialsTrue, acam('PUT')];
    expect([
      preflightCheck(204, [...cred, acah('*')], PAGE, ask({ unsafeHeaderNames: ['authorization'], withCredentials: true })),
      preflightCheck(204, [...cred, acah('Authorization')], PAGE, ask({ unsafeHeaderNames: ['authorization'], withCredentials: true })),
    ]).toEqual([headerNotAllowed('authorization', 'Access-Control-Allow-Headers is "*" (* does not count with credentials)'), null]);
  });
});

// fetch.spec.whatwg.org/#http-redirect-fetch: a redirect status with a Location; the scenario's server repeats it on every hop.
describe('redirectLoop', () => {
  it('redirect-loop: a 301, 302, 303, 307 or 308 with a Location; nothing for other statuses or without Location', () => {
    const loop = (status: number) => ({
      code: 'redirect-loop',
      text: `The answer is a ${status} redirect to /next, and the server answers the next hop the same way; after 20 redirects the browser gives up with a network error.`,
      spec: `${SPEC}#http-redirect-fetch`,
      fix: 'Answer with the resource itself (2xx), or redirect once to a URL that answers with the CORS headers.',
    });
    const location: HeaderLine[] = [['Location', '/next']];
    expect([301, 302, 303, 307, 308, 200, 304, 300].map((s) => redirectLoop(s, location))).toEqual([loop(301), loop(302), loop(303), loop(307), loop(308), null, null, null]);
    expect(redirectLoop(302, [])).toBeNull();
  });
});
