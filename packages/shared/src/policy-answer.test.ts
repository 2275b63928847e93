import { describe, expect, it } from 'vitest';
import { answerFor, isPreflight, type CorsRequest } from './policy-answer.ts';
import { EMPTY_POLICY, type Policy } from './policy.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const actual = (origin: string | undefined, method = 'GET'): CorsRequest => ({ method, origin, isPreflight: false });
const preflight = (origin: string | undefined): CorsRequest => ({ method: 'OPTIONS', origin, isPreflight: true });

describe('isPreflight', () => {
  it('is an OPTIONS request carrying Access-Control-Request-Method, nothing else', () => {
    expect([isPreflight('OPTIONS', 'PUT'), isPreflight('OPTIONS', undefined), isPreflight('PUT', 'PUT'), isPreflight('options', 'PUT')]).toEqual([true, false, false, false]);
  });
});

describe('answerFor', () => {
  it('sends no CORS headers under the empty policy, to a preflight or an actual request', () => {
    expect([answerFor(EMPTY_POLICY, preflight(PAGE)), answerFor(EMPTY_POLICY, actual(PAGE))]).toEqual([
      { answeredBy: 'policy', status: 204, headers: [] },
      { answeredBy: 'routes', status: null, headers: [] },
    ]);
  });

  it('sends * to any origin, and to a request without Origin', () => {
    const p = policy({ allowOrigin: '*' });
    expect([answerFor(p, actual(PAGE)), answerFor(p, actual(undefined))]).toEqual([
      { answeredBy: 'routes', status: null, headers: [['Access-Control-Allow-Origin', '*']] },
      { answeredBy: 'routes', status: null, headers: [['Access-Control-Allow-Origin', '*']] },
    ]);
  });

  it('names a listed origin, exactly as it came', () => {
    const p = policy({ allowOrigin: 'list', originList: ['https://example.com', PAGE] });
    expect(answerFor(p, actual(PAGE))).toEqual({ answeredBy: 'routes', status: null, headers: [['Access-Control-Allow-Origin', PAGE]] });
  });

  it('sends nothing to an origin not on the list, nor to one that differs only by a trailing slash', () => {
    const p = policy({ allowOrigin: 'list', originList: ['https://example.com', `${PAGE}/`] });
    expect([answerFor(p, actual(PAGE)), answerFor(p, actual(undefined))]).toEqual([
      { answeredBy: 'routes', status: null, headers: [] },
      { answeredBy: 'routes', status: null, headers: [] },
    ]);
  });

  it('reflects whatever Origin came, and sends nothing without one', () => {
    const p = policy({ allowOrigin: 'reflect' });
    expect([answerFor(p, actual('http://evil.example')), answerFor(p, actual(undefined))]).toEqual([
      { answeredBy: 'routes', status: null, headers: [['Access-Control-Allow-Origin', 'http://evil.example']] },
      { answeredBy: 'routes', status: null, headers: [] },
    ]);
  });

  it('adds Allow-Credentials only next to an Allow-Origin', () => {
    const p = policy({ allowOrigin: 'list', originList: [PAGE], allowCredentials: true });
    expect([answerFor(p, actual(PAGE)), answerFor(p, actual('http://other.example'))]).toEqual([
      { answeredBy: 'routes', status: null, headers: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Credentials', 'true']] },
      { answeredBy: 'routes', status: null, headers: [] },
    ]);
  });

  it('answers a preflight with origin, credentials, methods, headers and max-age, at the preflight status', () => {
    const p = policy({
      allowOrigin: 'reflect',
      allowCredentials: true,
      allowMethods: ['PUT', 'patch'],
      allowHeaders: ['X-Custom-Header', 'Content-Type'],
      exposeHeaders: ['X-Total'],
      maxAge: 0,
      preflightStatus: 200,
    });
    expect(answerFor(p, preflight(PAGE))).toEqual({
      answeredBy: 'policy',
      status: 200,
      headers: [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Allow-Methods', 'PUT, patch'],
        ['Access-Control-Allow-Headers', 'X-Custom-Header, Content-Type'],
        ['Access-Control-Max-Age', '0'],
      ],
    });
  });

  it('keeps methods, headers and max-age off a preflight whose origin is not allowed', () => {
    const p = policy({ allowOrigin: 'list', originList: ['https://example.com'], allowMethods: ['PUT'], allowHeaders: ['X-A'], maxAge: 60 });
    expect(answerFor(p, preflight(PAGE))).toEqual({ answeredBy: 'policy', status: 204, headers: [] });
  });

  it('exposes headers on the actual response, not methods, headers or max-age', () => {
    const p = policy({ allowOrigin: '*', allowMethods: ['PUT'], allowHeaders: ['X-A'], maxAge: 60, exposeHeaders: ['X-Total', 'X-Page'] });
    expect(answerFor(p, actual(PAGE, 'PUT'))).toEqual({
      answeredBy: 'routes',
      status: null,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Expose-Headers', 'X-Total, X-Page'],
      ],
    });
  });

  it('sends Vary: Origin on every answer when asked, allowed or not', () => {
    const p = policy({ allowOrigin: 'list', originList: [PAGE], varyOrigin: true, allowMethods: ['PUT'] });
    expect([answerFor(p, preflight(PAGE)), answerFor(p, actual(PAGE)), answerFor(p, actual('http://other.example'))]).toEqual([
      {
        answeredBy: 'policy',
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Methods', 'PUT'],
          ['Vary', 'Origin'],
        ],
      },
      { answeredBy: 'routes', status: null, headers: [['Access-Control-Allow-Origin', PAGE], ['Vary', 'Origin']] },
      { answeredBy: 'routes', status: null, headers: [['Vary', 'Origin']] },
    ]);
  });

  it("in 'routes' mode sends a preflight to the routes with the actual response's headers", () => {
    const p = policy({ allowOrigin: '*', preflight: 'routes', allowMethods: ['PUT'], maxAge: 60, exposeHeaders: ['X-Total'] });
    expect(answerFor(p, preflight(PAGE))).toEqual({
      answeredBy: 'routes',
      status: null,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Expose-Headers', 'X-Total'],
      ],
    });
  });

  it('in raw mode answers with exactly the raw status and headers, a list value as repeated lines', () => {
    const p = policy({
      allowOrigin: 'reflect',
      allowMethods: ['GET'],
      raw: {
        enabled: true,
        preflight: { status: 200, headers: { 'Access-Control-Allow-Origin': [PAGE, '*'], 'access-control-allow-methods': 'PUT' } },
        actual: { status: 418, headers: { 'Access-Control-Allow-Origin': '*', 'X-Lesson': ['one', 'two'] }, body: 'raw body' },
      },
    });
    expect([answerFor(p, preflight(PAGE)), answerFor(p, actual(PAGE, 'PUT'))]).toEqual([
      {
        answeredBy: 'raw',
        status: 200,
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Origin', '*'],
          ['access-control-allow-methods', 'PUT'],
        ],
      },
      {
        answeredBy: 'raw',
        status: 418,
        headers: [
          ['Access-Control-Allow-Origin', '*'],
          ['X-Lesson', 'one'],
          ['X-Lesson', 'two'],
        ],
        body: 'raw body',
      },
    ]);
  });
});
