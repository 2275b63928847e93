import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { EMPTY_POLICY, LabHub, type Policy, type ServerRecord } from '@cors-lab/shared';
import { buildServer02 } from './app.ts';

const PAGE = 'http://localhost:8100';
/** What the lab page sends: same origin as server02. */
const SAME_ORIGIN = { host: 'localhost:8100', origin: PAGE };

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function setup() {
  const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 50 });
  app = buildServer02({ hub });
  return { app, hub, lab: hub.lab('default') };
}

const STAR: Policy = { ...structuredClone(EMPTY_POLICY), allowOrigin: '*', allowMethods: ['PUT'], maxAge: 600 };

function record(n: number): ServerRecord {
  return {
    kind: 'actual',
    parser: 'node',
    answeredBy: 'routes',
    request: { method: 'GET', url: `/getData.html?n=${n}`, httpVersion: '1.1', headers: [['Origin', PAGE]], body: '', bodyBytes: 0 },
    response: { status: 200, headers: [['Access-Control-Allow-Origin', '*']], body: 'server----001', bodyBytes: 13 },
    receivedAt: n,
    respondedAt: n + 0.5,
  };
}

/** A bad policy: the empty one with `edit` applied. */
function badPolicy(edit: (p: Record<string, any>) => void): string {
  const p = structuredClone(EMPTY_POLICY) as unknown as Record<string, any>;
  edit(p);
  return JSON.stringify(p);
}

const putPolicy = (app: FastifyInstance, payload: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'PUT', url: '/api/policy', headers: { ...SAME_ORIGIN, 'content-type': 'application/json', ...headers }, payload });

const TOKEN_WORDS = "an HTTP token (letters, digits, ! # $ % & ' * + - . ^ _ ` | ~)";

describe('server02 control plane over inject', () => {
  it('GET /api/policy returns the current policy', async () => {
    const { app, lab } = setup();
    lab.setPolicy(STAR);
    const res = await app.inject({ method: 'GET', url: '/api/policy' });
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 200, body: STAR });
  });

  it('PUT /api/policy with a valid policy answers 200 and changes the lab', async () => {
    const { app, lab } = setup();
    const res = await putPolicy(app, JSON.stringify(STAR));
    expect({ status: res.statusCode, body: res.json(), policy: lab.policy, head: lab.head }).toEqual({
      status: 200,
      body: { seq: 1, policy: STAR },
      policy: STAR,
      head: 1,
    });
  });

  it('PUT /api/policy without an Origin (curl) is allowed too', async () => {
    const { app, lab } = setup();
    const res = await app.inject({ method: 'PUT', url: '/api/policy', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(STAR) });
    expect([res.statusCode, lab.policy]).toEqual([200, STAR]);
  });

  it.each([
    {
      what: 'an origin with a trailing slash',
      payload: badPolicy((p) => {
        p.originList = ['http://localhost:8100/'];
      }),
      field: '/originList/0',
      message: 'originList[0] must be a serialized origin such as http://localhost:8100: scheme://host[:port], lowercase, no path, no trailing slash (got "http://localhost:8100/")',
    },
    {
      what: 'a header name that is not a token',
      payload: badPolicy((p) => {
        p.allowHeaders = ['X-Custom-Header', 'X Custom'];
      }),
      field: '/allowHeaders/1',
      message: `allowHeaders[1] must be a header name or *: ${TOKEN_WORDS}, no spaces (got "X Custom")`,
    },
    {
      what: 'a raw header name that is not a token',
      payload: badPolicy((p) => {
        p.raw.actual.headers = { 'X-A:': 'v' };
      }),
      field: '/raw/actual/headers/X-A:',
      message: `raw.actual.headers["X-A:"]: "X-A:" is not a header name; a header name must be ${TOKEN_WORDS}, no spaces or colons`,
    },
    {
      what: 'CR LF in a raw header value',
      payload: badPolicy((p) => {
        p.raw.actual.headers = { 'X-A': 'v\r\nSet-Cookie: a=b' };
      }),
      field: '/raw/actual/headers/X-A',
      message:
        'raw.actual.headers["X-A"] must be a header value (no CR, LF or NUL, no control characters, no leading or trailing space) or a list of 1 to 16 of them (got "v\\r\\nSet-Cookie: a=b")',
    },
    {
      what: 'a method with a space',
      payload: badPolicy((p) => {
        p.allowMethods = ['PUT X'];
      }),
      field: '/allowMethods/0',
      message: `allowMethods[0] must be a method or *: ${TOKEN_WORDS}, no spaces (got "PUT X")`,
    },
  ])('PUT /api/policy with $what answers 400 naming the field, and keeps the policy', async ({ payload, field, message }) => {
    const { app, lab } = setup();
    const res = await putPolicy(app, payload);
    expect({ status: res.statusCode, body: res.json(), policy: lab.policy }).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message, errors: [{ field, message }] },
      policy: EMPTY_POLICY,
    });
  });

  it('refuses a body that is not JSON with 400, about the body', async () => {
    const { app } = setup();
    const res = await putPolicy(app, '{"allowOrigin": "*",');
    expect({ status: res.statusCode, body: res.json() }).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'body: is not valid JSON', errors: [{ field: '', message: 'body: is not valid JSON' }] },
    });
  });

  it('refuses a body over 64 KiB with 413, about the body', async () => {
    const { app } = setup();
    const res = await putPolicy(app, JSON.stringify({ ...EMPTY_POLICY, padding: 'x'.repeat(64 * 1024) }));
    const message = 'body: larger than the limit of 65536 bytes';
    expect({ status: res.statusCode, body: res.json() }).toEqual({
      status: 413,
      body: { statusCode: 413, error: 'Payload Too Large', message, errors: [{ field: '', message }] },
    });
  });

  it('refuses a text/plain body with 415: the policy comes as application/json only', async () => {
    const { app, lab } = setup();
    const res = await putPolicy(app, JSON.stringify(STAR), { 'content-type': 'text/plain;charset=UTF-8' });
    const message = 'body: must be sent as Content-Type: application/json';
    expect({ status: res.statusCode, body: res.json(), policy: lab.policy }).toEqual({
      status: 415,
      body: { statusCode: 415, error: 'Unsupported Media Type', message, errors: [{ field: '', message }] },
      policy: EMPTY_POLICY,
    });
  });

  it('refuses a change from another origin with 403, and keeps the policy', async () => {
    const { app, lab } = setup();
    const put = await putPolicy(app, JSON.stringify(STAR), { origin: 'http://evil.example' });
    lab.setPolicy(STAR);
    const reset = await app.inject({ method: 'POST', url: '/api/reset', headers: { host: 'localhost:8100', origin: 'http://localhost:8000' } });
    expect({ put: [put.statusCode, put.json()], reset: reset.statusCode, policy: lab.policy, head: lab.head }).toEqual({
      put: [
        403,
        {
          statusCode: 403,
          error: 'Forbidden',
          message: 'Origin: http://evil.example may not change this lab; only its own page may',
          errors: [{ field: 'Origin', message: 'Origin: http://evil.example may not change this lab; only its own page may' }],
        },
      ],
      reset: 403,
      policy: STAR,
      head: 1,
    });
  });

  it('POST /api/reset restores the empty policy', async () => {
    const { app, lab } = setup();
    await putPolicy(app, JSON.stringify(STAR));
    const reset = await app.inject({ method: 'POST', url: '/api/reset', headers: SAME_ORIGIN });
    const policy = await app.inject({ method: 'GET', url: '/api/policy' });
    expect({ reset: [reset.statusCode, reset.json()], policy: policy.json(), lab: lab.policy }).toEqual({
      reset: [200, { seq: 2 }],
      policy: EMPTY_POLICY,
      lab: EMPTY_POLICY,
    });
  });

  it('GET /api/history?after=N returns the events after N, with rising seq', async () => {
    const { app, lab } = setup();
    lab.setPolicy(STAR);
    lab.record(record(1));
    lab.record(record(2));
    const all = await app.inject({ method: 'GET', url: '/api/history?after=0' });
    const later = await app.inject({ method: 'GET', url: '/api/history?after=2' });
    expect([all.json(), later.json()]).toEqual([
      {
        events: [
          { type: 'policy', seq: 1, policy: STAR },
          { type: 'record', seq: 2, record: record(1) },
          { type: 'record', seq: 3, record: record(2) },
        ],
        head: 3,
        gap: false,
      },
      { events: [{ type: 'record', seq: 3, record: record(2) }], head: 3, gap: false },
    ]);
  });

  it('GET /api/history?after=abc answers 400 naming after', async () => {
    const { app } = setup();
    const res = await app.inject({ method: 'GET', url: '/api/history?after=abc' });
    expect({ status: res.statusCode, body: res.json() }).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'querystring/after must be a whole number',
        errors: [{ field: '/after', message: 'querystring/after must be a whole number' }],
      },
    });
  });
});

describe('server02 labs', () => {
  const ID = 'AbCdEfGhIjKlMnOpQrStUv';

  it('keeps each lab apart: a policy PUT with ?lab=<id> changes that lab only', async () => {
    const { app, hub, lab } = setup();
    const res = await app.inject({ method: 'PUT', url: `/api/policy?lab=${ID}`, headers: { ...SAME_ORIGIN, 'content-type': 'application/json' }, payload: JSON.stringify(STAR) });
    expect(res.statusCode).toBe(200);
    expect([hub.lab(ID).policy, lab.policy]).toEqual([STAR, EMPTY_POLICY]);
    const mine = await app.inject({ method: 'GET', url: `/api/policy?lab=${ID}` });
    const other = await app.inject({ method: 'GET', url: '/api/policy' });
    expect([mine.json(), other.json()]).toEqual([STAR, EMPTY_POLICY]);
  });

  it('gives each lab its own history', async () => {
    const { app, hub } = setup();
    hub.lab(ID).record(record(1));
    const mine = (await app.inject({ method: 'GET', url: `/api/history?lab=${ID}` })).json();
    const other = (await app.inject({ method: 'GET', url: '/api/history' })).json();
    expect([mine.events.length, mine.head, other.events.length, other.head]).toEqual([1, 1, 0, 0]);
  });

  it('refuses a lab id that is not one with a 400 naming the lab field', async () => {
    const { app } = setup();
    const res = await app.inject({ method: 'GET', url: '/api/policy?lab=../x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('querystring/lab must be default or a lab id of 16 to 64 letters, digits, - or _');
    expect(res.json().errors[0].field).toBe('/lab');
  });

  it('tells the page how labs are run', async () => {
    const { app } = setup();
    expect((await app.inject({ method: 'GET', url: '/api/config' })).json()).toEqual({ labs: 'shared', instance: 'default', historyLimit: 500 });
  });
});

