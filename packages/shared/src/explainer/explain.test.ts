// The explainer end to end: a scenario in, Chromium 156's verdict out.
// The fixture is /work/shared/cors-scenarios/examples.json, verdicts a real Chromium produced.
/* eslint-disable no-restricted-imports -- only the test reads a file; the model it checks stays pure */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
/* eslint-enable no-restricted-imports */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { explain } from './explain.ts';
import { OBSERVED_FIELDS, ScenarioSchema, VerdictSchema, type Scenario, type Verdict } from './scenario.ts';

const PAGE = 'http://localhost:8100';
const TARGET = 'http://localhost:8000/data';

// ---------------------------------------------------------------------------
// Helpers: a scenario with defaults, and the verdict shapes most tests expect.

type ScenarioRequest = Scenario['request'];
type ScenarioServer = Scenario['server'];

/** A request to another origin; the server answers the actual request with Access-Control-Allow-Origin: *. */
function scenario(request: Partial<ScenarioRequest>, server: Partial<ScenarioServer> = {}): Scenario {
  return {
    id: 't',
    page: PAGE,
    request: { url: TARGET, method: 'GET', ...request },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } }, ...server },
  };
}

const preflightAnswer = (headers: Record<string, string | string[]>, status = 204): Partial<ScenarioServer> => ({ preflight: { status, headers } });

const withoutReason = ({ reason: _reason, ...rest }: Verdict) => rest;

type Observed = Omit<Verdict, 'reason'>;
const simpleAllowed: Observed = { id: 't', preflight: false, preflights: 0, actualSent: true, outcome: 'allowed', blockedAt: null, exposedHeaders: [] };
const preflightedAllowed: Observed = { ...simpleAllowed, preflight: true, preflights: 1 };
const blockedAtPreflight: Observed = { id: 't', preflight: true, preflights: 1, actualSent: false, outcome: 'blocked', blockedAt: 'preflight', exposedHeaders: [] };
const blockedAtActual: Observed = { ...simpleAllowed, outcome: 'blocked', blockedAt: 'actual' };
const notSent: Observed = { id: 't', preflight: false, preflights: 0, actualSent: false, outcome: 'not-sent', blockedAt: null, exposedHeaders: [] };

/** The whole verdict, its reason checked for one key phrase only. */
const withReason = (observed: Observed, phrase: string) => ({ ...observed, reason: expect.stringContaining(phrase) });

// ---------------------------------------------------------------------------
// The examples real Chromium 156 decided.

const ExampleSchema = Type.Intersect([ScenarioSchema, Type.Object({ expected: Type.Omit(VerdictSchema, ['id', 'reason']) })]);
type Example = Static<typeof ExampleSchema>;

/** The repo root is four levels up from packages/shared/src/explainer; shared/ sits beside it. */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
// A copy of ../shared/cors-scenarios/examples.json: the verdicts real Chromium 156 produced.
const EXAMPLES_PATH = join(REPO_ROOT, 'fixtures', 'cors-examples.json');

function readExamples(): Example[] {
  const data: unknown = JSON.parse(readFileSync(EXAMPLES_PATH, 'utf8'));
  const error = Value.Errors(Type.Array(ExampleSchema), data).First();
  if (error !== undefined) throw new Error(`${EXAMPLES_PATH}: ${error.path || '/'}: ${error.message}`);
  return data as Example[];
}

const examples = readExamples();
const observedFields = (v: Verdict) => Object.fromEntries(OBSERVED_FIELDS.map((f) => [f, v[f]]));

describe('explain reproduces the verdicts of examples.json (Chromium 156, live)', () => {
  it('reads a non-empty file of scenarios with unique ids', () => {
    const ids = examples.map((e) => e.id);
    expect({ some: ids.length > 0, unique: new Set(ids).size === ids.length }).toEqual({ some: true, unique: true });
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s', (_id, example) => {
    const verdict = explain(example);
    expect({ id: verdict.id, ...observedFields(verdict) }).toEqual({ id: example.id, ...example.expected });
  });

  it('every blocked verdict says the smallest fix', () => {
    const blocked = examples.map(explain).filter((v) => v.outcome === 'blocked');
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.filter((v) => !v.reason.includes('Smallest fix:')).map((v) => v.id)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Not sent: fetch() throws before any traffic.

// fetch.spec.whatwg.org/#dom-request (method token, forbidden method, body on GET/HEAD),
// fetch.spec.whatwg.org/#dom-headers-append (header name and value), fetch.spec.whatwg.org/#scheme-fetch
describe('explain: requests fetch() refuses to send', () => {
  it('an invalid method token, even when the server would allow everything', () => {
    expect([explain(scenario({ method: 'GE T' })), explain(scenario({ method: 'PUT{}' }))]).toEqual([
      withReason(notSent, '"GE T" is not a valid method name'),
      withReason(notSent, '"PUT{}" is not a valid method name'),
    ]);
  });

  // fetch.spec.whatwg.org/#forbidden-method
  it('a forbidden method in any case, over every repeat', () => {
    const methods = ['TRACE', 'trace', 'Connect', 'TRACK'];
    expect(methods.map((method) => explain(scenario({ method, repeat: 3 })))).toEqual([
      withReason(notSent, 'TRACE is a forbidden method'),
      withReason(notSent, 'TRACE is a forbidden method'),
      withReason(notSent, 'CONNECT is a forbidden method'),
      withReason(notSent, 'TRACK is a forbidden method'),
    ]);
  });

  it('an invalid header name', () => {
    expect([explain(scenario({ headers: { 'X Bad': '1' } })), explain(scenario({ headers: { 'X-A:': '1' } }))]).toEqual([
      withReason(notSent, '"X Bad" is not a valid header name'),
      withReason(notSent, '"X-A:" is not a valid header name'),
    ]);
  });

  it('a header value with NUL, CR or LF inside it', () => {
    const values = ['a\nb', 'a\rb', 'a\0b', 'a\r\nX-Injected: 1'];
    expect(values.map((v) => explain(scenario({ headers: { 'X-A': v } })))).toEqual(values.map(() => withReason(notSent, 'contains NUL, CR or LF')));
  });

  // fetch.spec.whatwg.org/#concept-header-value-normalize runs before the validity check.
  it('but a value with leading or trailing CR, LF or whitespace is normalized and sent', () => {
    const s = scenario({ method: 'PUT', headers: { 'X-A': '\r\n v \n' } }, preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'X-A' }));
    expect(withoutReason(explain(s))).toEqual(preflightedAllowed);
  });

  // fetch.spec.whatwg.org/#header-value: a header value is a byte sequence (ByteString in the IDL).
  it('a header value with a character outside ISO-8859-1; Latin-1 characters are sent', () => {
    const allowX = preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'X-A' });
    expect([explain(scenario({ headers: { 'X-A': 'caf\u00e9' } }, allowX)), explain(scenario({ headers: { 'X-A': '\u20ac1' } }, allowX))]).toEqual([
      withReason(preflightedAllowed, 'It needs a preflight because the header x-a'),
      withReason(notSent, 'outside ISO-8859-1'),
    ]);
  });

  it('a body on GET or HEAD, in any case', () => {
    const methods = ['GET', 'get', 'HEAD'];
    expect(methods.map((method) => explain(scenario({ method, body: 'x' })))).toEqual([
      withReason(notSent, 'A GET request cannot have a body'),
      withReason(notSent, 'A GET request cannot have a body'),
      withReason(notSent, 'A HEAD request cannot have a body'),
    ]);
  });

  it('a URL that is not http(s)', () => {
    const urls = ['ftp://localhost:8000/data', 'file:///etc/passwd', 'data:text/plain,hi'];
    expect(urls.map((url) => explain(scenario({ url })))).toEqual(urls.map((url) => withReason(notSent, `${url} is not an http(s) URL`)));
  });
});

// ---------------------------------------------------------------------------
// Does it need a preflight? (the request side)

// fetch.spec.whatwg.org/#cors-safelisted-request-header
describe('explain: which requests are preflighted', () => {
  /** With no preflight answer of its own, the server answers OPTIONS like the GET: no Allow-Headers, so a preflight fails. */
  const preflightOf = (headers: Record<string, string>, method = 'GET') => explain(scenario({ method, headers, ...(method === 'POST' ? { body: 'x' } : {}) })).preflight;

  it('Content-Type: lowercased essence in the three; two type/subtype tokens', () => {
    const values = ['text/plain', 'TEXT/PLAIN', 'text/plain;', 'multipart/form-data; boundary=x', 'text/plain, text/html', 'text /plain', 'application/json'];
    expect(values.map((v) => [v, preflightOf({ 'Content-Type': v }, 'POST')])).toEqual([
      ['text/plain', false],
      ['TEXT/PLAIN', false],
      ['text/plain;', false],
      ['multipart/form-data; boundary=x', false],
      ['text/plain, text/html', true],
      ['text /plain', true],
      ['application/json', true],
    ]);
  });

  // fetch.spec.whatwg.org/#simple-range-header-value
  it('Range: bytes=N- and bytes=N-M with M >= N only', () => {
    const values = ['bytes=0-', 'bytes=0-1', 'BYTES=0-1', 'bytes=5-1', 'bytes=+5-'];
    expect(values.map((v) => [v, preflightOf({ Range: v })])).toEqual([
      ['bytes=0-', false],
      ['bytes=0-1', false],
      ['BYTES=0-1', true],
      ['bytes=5-1', true],
      ['bytes=+5-', true],
    ]);
  });

  it('Chromium 156: a client hint with a valid value is simple, and the reason says other browsers would preflight it', () => {
    expect([explain(scenario({ headers: { DPR: '2' } })), explain(scenario({ headers: { ECT: 'slow-2g', 'Save-Data': 'ON' } }))]).toEqual([
      withReason(simpleAllowed, 'Chromium safelists the client hint DPR'),
      withReason(simpleAllowed, 'Chromium safelists the client hint Save-Data'),
    ]);
  });

  it('Chromium 156: a client hint with a value outside its rule is preflighted', () => {
    const hints = { ECT: '5g', RTT: '50.5', Downlink: '.5', Width: '800px', 'Save-Data': 'off' };
    expect(Object.entries(hints).map(([n, v]) => [n, preflightOf({ [n]: v })])).toEqual([
      ['ECT', true],
      ['RTT', true],
      ['Downlink', true],
      ['Width', true],
      ['Save-Data', true],
    ]);
  });

  it('Last-Event-ID is not safelisted: the preflight must allow it', () => {
    expect(explain(scenario({ headers: { 'Last-Event-ID': '42' } }))).toEqual(withReason(blockedAtPreflight, 'Smallest fix: Add last-event-id to Access-Control-Allow-Headers'));
  });

  // fetch.spec.whatwg.org/#forbidden-request-header
  it('Chromium 156: User-Agent is dropped, so it causes no preflight', () => {
    expect(explain(scenario({ headers: { 'User-Agent': 'lab/1.0' } }))).toEqual(withReason(simpleAllowed, 'Chromium still drops a User-Agent'));
  });

  it('a method-override header naming TRACE is dropped; naming PUT it is an ordinary unsafe header', () => {
    expect([explain(scenario({ headers: { 'X-HTTP-Method-Override': 'TRACE' } })), explain(scenario({ headers: { 'X-HTTP-Method-Override': 'PUT' } }))]).toEqual([
      withReason(simpleAllowed, 'silently drops X-HTTP-Method-Override'),
      withReason(blockedAtPreflight, 'Smallest fix: Add x-http-method-override to Access-Control-Allow-Headers'),
    ]);
  });

  // fetch.spec.whatwg.org/#concept-header-list-combine: a name repeated in another case becomes one value, checked whole.
  it('a request header repeated in another case is joined with ", " before it is classified', () => {
    expect([
      preflightOf({ 'Content-Type': 'text/plain', 'content-type': 'text/plain' }, 'POST'),
      preflightOf({ Accept: 'text/plain', accept: 'text/html' }),
    ]).toEqual([true, false]);
  });

  // fetch.spec.whatwg.org/#cors-unsafe-request-header-names
  it('safelisted values over 1024 bytes together need a preflight; names do not count', () => {
    const eight = {
      Accept: 'a'.repeat(128),
      'Content-Language': 'a'.repeat(128),
      Range: `bytes=0-${'1'.repeat(120)}`,
      Intervention: 'a'.repeat(128),
      DPR: '1'.repeat(128),
      'Device-Memory': '1'.repeat(128),
      Width: '1'.repeat(128),
      'Viewport-Width': '1'.repeat(128),
    };
    expect([preflightOf(eight), preflightOf({ ...eight, 'Accept-Language': 'e' })]).toEqual([false, true]);
  });
});

// ---------------------------------------------------------------------------
// The preflight answer.

// fetch.spec.whatwg.org/#cors-preflight-fetch
describe('explain: the preflight answer', () => {
  const put = (preflightHeaders: Record<string, string | string[]>, request: Partial<ScenarioRequest> = {}, status = 204) =>
    explain(scenario({ method: 'PUT', body: 'v', ...request }, preflightAnswer(preflightHeaders, status)));

  it('a non-2xx status fails it', () => {
    expect(put({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' }, {}, 405)).toEqual(withReason(blockedAtPreflight, 'Smallest fix: Answer the preflight (OPTIONS) with 200 or 204.'));
  });

  it('Allow-Methods: items trimmed and empty items skipped', () => {
    expect(withoutReason(put({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': ' , GET ,, PUT ,' }))).toEqual(preflightedAllowed);
  });

  it('Allow-Methods: any non-token item fails the whole preflight, quotes included', () => {
    const values = ['"PUT"', 'PUT, "DELETE"', 'PUT, DEL ETE', 'PUT;'];
    expect(values.map((v) => put({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': v }))).toEqual(
      values.map(() => withReason(blockedAtPreflight, 'Smallest fix: Send Access-Control-Allow-Methods as a comma-separated list of method names')),
    );
  });

  it('Allow-Headers: any non-token item fails the whole preflight, though the header is listed', () => {
    const s = put({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'X-A, X B' }, { headers: { 'X-A': '1' } });
    expect(s).toEqual(withReason(blockedAtPreflight, 'Smallest fix: Send Access-Control-Allow-Headers as a comma-separated list of header names.'));
  });

  it('Chromium 156: method names match case-sensitively ("put" does not allow PUT; "patch" allows patch, "PATCH" does not)', () => {
    const allowing = (methods: string, method: string) => explain(scenario({ method }, preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': methods })));
    expect([allowing('put', 'PUT'), allowing('patch', 'patch'), allowing('PATCH', 'patch')]).toEqual([
      withReason(blockedAtPreflight, 'Smallest fix: Add PUT to Access-Control-Allow-Methods'),
      withReason(preflightedAllowed, 'It needs a preflight because the method patch'),
      withReason(blockedAtPreflight, 'Smallest fix: Add patch to Access-Control-Allow-Methods'),
    ]);
  });

  it('* in Allow-Methods allows any method without credentials, none with them', () => {
    const credentialed = explain(
      scenario(
        { method: 'DELETE', credentials: 'include' },
        {
          preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': '*' } },
          actual: { status: 200, headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' } },
        },
      ),
    );
    const anonymous = explain(scenario({ method: 'DELETE' }, preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': '*' })));
    expect([anonymous, credentialed]).toEqual([withReason(preflightedAllowed, 'DELETE'), withReason(blockedAtPreflight, '* does not count with credentials')]);
  });

  it('Chromium 156: a fresh * in Allow-Headers covers Authorization, but the cache never does, so every send preflights', () => {
    const s = scenario(
      { method: 'PUT', headers: { Authorization: 'Bearer x' }, repeat: 3 },
      preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '600' }),
    );
    expect(explain(s)).toEqual(withReason({ ...preflightedAllowed, preflights: 3 }, 'Chromium 156 lets * in Access-Control-Allow-Headers cover Authorization on a fresh preflight'));
  });

  it('Authorization listed by name is cached like any header', () => {
    const s = scenario(
      { method: 'PUT', headers: { Authorization: 'Bearer x' }, repeat: 3 },
      preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*, Authorization', 'Access-Control-Max-Age': '600' }),
    );
    expect(withoutReason(explain(s))).toEqual(preflightedAllowed);
  });

  it('with credentials * in Allow-Headers does not cover Authorization (nor anything)', () => {
    const s = scenario(
      { headers: { Authorization: 'Bearer x' }, credentials: 'include' },
      preflightAnswer({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Headers': '*' }),
    );
    expect(explain(s)).toEqual(withReason(blockedAtPreflight, 'Smallest fix: Add authorization to Access-Control-Allow-Headers'));
  });
});

// ---------------------------------------------------------------------------
// The preflight cache over repeated sends.

// fetch.spec.whatwg.org/#cors-preflight-cache, fetch.spec.whatwg.org/#http-access-control-max-age
describe('explain: the preflight cache', () => {
  const putRepeated = (maxAge: string | string[] | null, extra: Partial<ScenarioRequest> = {}, allowHeaders = '') =>
    scenario(
      { method: 'PUT', body: 'v', repeat: 3, ...extra },
      preflightAnswer({
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'PUT',
        ...(allowHeaders !== '' ? { 'Access-Control-Allow-Headers': allowHeaders } : {}),
        ...(maxAge !== null ? { 'Access-Control-Max-Age': maxAge } : {}),
      }),
    );

  it('Chromium 156: Max-Age decides how many of three sends preflight (absent 5 s, + allowed, negative 0, garbage 5 s, capped)', () => {
    const cases: [string, string | string[] | null, number][] = [
      ['absent', null, 1],
      ['600', '600', 1],
      ['+600', '+600', 1],
      ['86400', '86400', 1],
      ['0', '0', 3],
      ['-1', '-1', 3],
      ['abc', 'abc', 1],
      ['two lines', ['0', '0'], 1],
      ['beyond int64', '99999999999999999999', 1],
    ];
    expect(cases.map(([label, maxAge]) => [label, withoutReason(explain(putRepeated(maxAge)))])).toEqual(
      cases.map(([label, , preflights]) => [label, { ...preflightedAllowed, preflights }]),
    );
  });

  it('the reason explains the 5 s default and the 7200 s cap', () => {
    expect([explain(putRepeated(null)).reason, explain(putRepeated('86400')).reason]).toEqual([
      expect.stringContaining('Without Access-Control-Max-Age Chromium keeps a preflight for 5 seconds'),
      expect.stringContaining('Chromium caps Access-Control-Max-Age at 7200 seconds'),
    ]);
  });

  it('Chromium 156: a conditional request neither reads nor fills the cache: every send preflights', () => {
    const names = ['If-Match', 'If-None-Match', 'If-Modified-Since', 'If-Unmodified-Since', 'If-Range'];
    expect(names.map((n) => [n, explain(putRepeated('600', { headers: { [n]: '"v1"' } }, n))])).toEqual(
      names.map((n) => [n, withReason({ ...preflightedAllowed, preflights: 3 }, 'A conditional request (If-Match, If-None-Match, If-Modified-Since…) gets cache mode no-store')]),
    );
  });

  it('Cache-Control and Pragma request headers do not bypass the cache', () => {
    const names = ['Cache-Control', 'Pragma'];
    expect(names.map((n) => [n, withoutReason(explain(putRepeated('600', { headers: { [n]: 'no-cache' } }, n)))])).toEqual(names.map((n) => [n, preflightedAllowed]));
  });

  it('an entry made with credentials covers the same credentialed request', () => {
    const s = scenario(
      { method: 'PUT', credentials: 'include', repeat: 3 },
      {
        preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' } },
      },
    );
    expect(explain(s)).toEqual(withReason(preflightedAllowed, 'later sends used its preflight cache'));
  });

  it('a failed preflight is not cached: each send preflights and fails again', () => {
    const s = scenario({ method: 'PUT', repeat: 3 }, preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Max-Age': '600' }));
    expect(explain(s)).toEqual(withReason({ ...blockedAtPreflight, preflights: 3 }, 'Smallest fix: Add PUT to Access-Control-Allow-Methods'));
  });

  it('a simple request never preflights, however often it is sent', () => {
    expect(withoutReason(explain(scenario({ repeat: 5 })))).toEqual(simpleAllowed);
  });
});

// ---------------------------------------------------------------------------
// The actual response: the CORS check and the headers the script can read.

// fetch.spec.whatwg.org/#cors-check
describe('explain: the actual response', () => {
  it('a passed preflight, then an actual response without Access-Control-Allow-Origin: blocked at the actual request', () => {
    const s = scenario(
      { method: 'PUT' },
      { preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' } }, actual: { status: 200, headers: { 'Content-Type': 'text/plain' } } },
    );
    expect(explain(s)).toEqual(withReason({ ...blockedAtActual, preflight: true, preflights: 1 }, 'Smallest fix: Send Access-Control-Allow-Origin: * (or http://localhost:8100).'));
  });

  it('* is enough without credentials, whether omit or same-origin to another origin', () => {
    expect([withoutReason(explain(scenario({ credentials: 'omit' }))), withoutReason(explain(scenario({ credentials: 'same-origin' })))]).toEqual([simpleAllowed, simpleAllowed]);
  });

  it('with credentials the origin must be named and Allow-Credentials be exactly true', () => {
    const answer = (headers: Record<string, string>) => explain(scenario({ credentials: 'include' }, { actual: { status: 200, headers } }));
    expect([
      answer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }),
      answer({ 'Access-Control-Allow-Origin': PAGE }),
      answer({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'TRUE' }),
      answer({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' }),
    ]).toEqual([
      withReason(blockedAtActual, 'Smallest fix: Send Access-Control-Allow-Origin: http://localhost:8100 instead of *'),
      withReason(blockedAtActual, 'Smallest fix: Send Access-Control-Allow-Credentials: true.'),
      withReason(blockedAtActual, 'Smallest fix: Send Access-Control-Allow-Credentials: true.'),
      withReason(simpleAllowed, 'passes the CORS check'),
    ]);
  });

  it('two Access-Control-Allow-Origin lines fail, even both *', () => {
    expect(explain(scenario({}, { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': ['*', '*'] } } }))).toEqual(
      withReason(blockedAtActual, 'Smallest fix: Send one Access-Control-Allow-Origin line'),
    );
  });

  it('a non-2xx actual response is still readable when it passes the CORS check', () => {
    expect(withoutReason(explain(scenario({}, { actual: { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } } })))).toEqual(simpleAllowed);
  });
});

// fetch.spec.whatwg.org/#http-redirect-fetch: a scenario's server answers every hop alike, so a redirect loops.
describe('explain: a redirecting actual response', () => {
  it('is blocked at the actual request once the redirect limit is reached; a 304 without Location is not a redirect', () => {
    const answer = (status: number, headers: Record<string, string>) => explain(scenario({}, { actual: { status, headers: { 'Access-Control-Allow-Origin': '*', ...headers } } }));
    expect([answer(302, { Location: '/other' }), answer(308, { Location: 'http://localhost:8000/x' }), answer(304, {}), answer(302, {})]).toEqual([
      withReason(blockedAtActual, 'Smallest fix:'),
      withReason(blockedAtActual, 'Smallest fix:'),
      withReason(simpleAllowed, 'passes the CORS check'),
      withReason(simpleAllowed, 'passes the CORS check'),
    ]);
  });
});

// fetch.spec.whatwg.org/#cors-safelisted-response-header-name, fetch.spec.whatwg.org/#concept-filtered-response-cors
describe('explain: exposed headers', () => {
  const body = { 'Content-Type': 'text/plain', ETag: '"v2"', 'X-Foo': '1', 'Set-Cookie': 'labsession=1' };
  const answered = (headers: Record<string, string>, credentials: ScenarioRequest['credentials'] = 'omit') =>
    explain(scenario({ credentials }, { actual: { status: 200, headers: { ...body, ...headers } } })).exposedHeaders;
  const credentialed = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' };

  it('safelisted names, names exposed by name, * only without credentials, never Set-Cookie', () => {
    expect([
      answered({ 'Access-Control-Allow-Origin': '*' }),
      answered({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'etag' }),
      answered({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': '*' }),
      answered({ ...credentialed, 'Access-Control-Expose-Headers': '*' }, 'include'),
      answered({ ...credentialed, 'Access-Control-Expose-Headers': '*, X-Foo, Set-Cookie' }, 'include'),
    ]).toEqual([
      ['content-type'],
      ['content-type', 'etag'],
      ['access-control-allow-origin', 'access-control-expose-headers', 'content-type', 'etag', 'x-foo'],
      ['content-type'],
      ['content-type', 'x-foo'],
    ]);
  });

  it('Chromium 156: one non-token item voids the whole Expose-Headers list', () => {
    expect([
      answered({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, "X-Foo"' }),
      answered({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': '*, X Foo' }),
    ]).toEqual([['content-type'], ['content-type']]);
  });

  it('nothing is exposed when the response is blocked', () => {
    expect(answered({ 'Access-Control-Expose-Headers': '*' })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Same origin.

// fetch.spec.whatwg.org/#concept-main-fetch: a same-origin request takes the basic response, no CORS.
describe('explain: same-origin requests', () => {
  it('are never preflighted or checked, and the script reads every header but Set-Cookie', () => {
    const s: Scenario = {
      id: 't',
      page: 'http://localhost:8000',
      request: { url: TARGET, method: 'PUT', headers: { 'X-Custom-Header': '1', 'Content-Type': 'application/json' }, body: '{}', repeat: 2 },
      server: { actual: { status: 200, headers: { 'Content-Type': 'application/json', 'X-Foo': '1', 'Set-Cookie': 'a=1' } } },
    };
    expect(explain(s)).toEqual(withReason({ ...simpleAllowed, exposedHeaders: ['content-type', 'x-foo'] }, 'same origin'));
  });

  it('the default port makes http://localhost and http://localhost:80 the same origin', () => {
    const s = scenario({ url: 'http://localhost:80/data', method: 'DELETE' }, { actual: { status: 204, headers: {} } });
    expect(withoutReason(explain({ ...s, page: 'http://localhost' }))).toEqual(simpleAllowed);
  });
});

// ---------------------------------------------------------------------------
// The reason.

describe('explain: the reason of a blocked verdict', () => {
  it('always ends in the smallest fix, whichever check failed', () => {
    const blocked = [
      scenario({}, { actual: { status: 200, headers: {} } }),
      scenario({ credentials: 'include' }),
      scenario({ method: 'PUT' }, preflightAnswer({ 'Access-Control-Allow-Origin': '*' })),
      scenario({ method: 'PUT' }, preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' }, 500)),
      scenario({ headers: { 'X-A': '1' } }, preflightAnswer({ 'Access-Control-Allow-Origin': '*' })),
      scenario({ method: 'PUT' }, preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': '"PUT"' })),
      scenario({ headers: { 'X-A': '1' } }, preflightAnswer({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'X-A, "X-B"' })),
      scenario({ method: 'PUT' }, preflightAnswer({ 'Access-Control-Allow-Origin': 'https://example.com', 'Access-Control-Allow-Methods': 'PUT' })),
    ];
    const verdicts = blocked.map(explain);
    expect(verdicts.map((v) => v.outcome)).toEqual(blocked.map(() => 'blocked'));
    expect(verdicts.filter((v) => !/Smallest fix: \S/.test(v.reason)).map((v) => v.reason)).toEqual([]);
  });

  it('an allowed or not-sent verdict offers no fix', () => {
    const verdicts = [explain(scenario({})), explain(scenario({ method: 'TRACE' }))];
    expect(verdicts.map((v) => [v.outcome, v.reason.includes('Smallest fix:')])).toEqual([
      ['allowed', false],
      ['not-sent', false],
    ]);
  });
});
