import { describe, expect, it } from 'vitest';
import { parsedEvents, type ServerRecord } from '@cors-lab/shared';
import { corsHeaders, DATE, PAGE, policy, preflightHeaders, recordsOf, settle, useInjectServer } from './inject-server.ts';

const inject = useInjectServer();
const setup = (options: { now?: () => number } = {}) => inject({}, options.now);

describe('server01 over inject', () => {
  it('answers GET /getData.html with server----001 and, under the empty policy, no CORS headers', async () => {
    const { app } = setup();
    const res = await app.inject({ method: 'GET', url: '/getData.html', headers: { origin: PAGE } });
    expect({ status: res.statusCode, body: res.body, type: res.headers['content-type'], cors: corsHeaders(res.headers) }).toEqual({
      status: 200,
      body: 'server----001',
      type: 'text/plain; charset=utf-8',
      cors: {},
    });
  });

  it('applies a policy change to the next request, without a rebuild', async () => {
    const { app, lab } = setup();
    const before = await app.inject({ method: 'GET', url: '/getData.html', headers: { origin: PAGE } });
    lab.setPolicy(policy({ allowOrigin: '*' }));
    const after = await app.inject({ method: 'GET', url: '/getData.html', headers: { origin: PAGE } });
    expect([corsHeaders(before.headers), corsHeaders(after.headers), after.body]).toEqual([{}, { 'access-control-allow-origin': '*' }, 'server----001']);
  });

  it('answers a preflight from the policy, at its preflight status, with the full set of CORS headers', async () => {
    const { app, lab } = setup();
    lab.setPolicy(
      policy({
        allowOrigin: 'list',
        originList: [PAGE],
        allowCredentials: true,
        allowMethods: ['PUT', 'patch'],
        allowHeaders: ['X-Custom-Header'],
        exposeHeaders: ['X-Total'],
        maxAge: 600,
        varyOrigin: true,
        preflightStatus: 200,
      }),
    );
    const res = await app.inject({ method: 'OPTIONS', url: '/getData.html', headers: preflightHeaders });
    expect({ status: res.statusCode, body: res.body, cors: corsHeaders(res.headers) }).toEqual({
      status: 200,
      body: '',
      cors: {
        'access-control-allow-origin': PAGE,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'PUT, patch',
        'access-control-allow-headers': 'X-Custom-Header',
        'access-control-max-age': '600',
        vary: 'Origin',
      },
    });
  });

  it('records each exchange as it went on the wire: preflight, then the actual PUT with its body', async () => {
    let clock = 1000;
    const { app, lab } = setup({ now: () => ++clock });
    lab.setPolicy(policy({ allowOrigin: 'reflect', allowMethods: ['PUT'], varyOrigin: true }));
    const records = recordsOf(lab);
    const client = { host: 'localhost:8000', 'user-agent': 'lab-test' };
    await app.inject({ method: 'OPTIONS', url: '/getData.html', headers: { ...client, ...preflightHeaders } });
    // Any media type is taken as bytes: a lesson's request is never refused for its body.
    await app.inject({ method: 'PUT', url: '/getData.html?x=1', headers: { ...client, origin: PAGE, 'content-type': 'application/json' }, payload: '{not json' });
    await settle();
    expect(records).toEqual([
      {
        kind: 'preflight',
        parser: 'node',
        answeredBy: 'policy',
        request: {
          method: 'OPTIONS',
          url: '/getData.html',
          httpVersion: '1.1',
          headers: [
            ['host', 'localhost:8000'],
            ['user-agent', 'lab-test'],
            ['origin', PAGE],
            ['access-control-request-method', 'PUT'],
            ['access-control-request-headers', 'x-custom-header'],
          ],
          body: '',
          bodyBytes: 0,
        },
        response: {
          status: 204,
          headers: [
            ['Access-Control-Allow-Origin', PAGE],
            ['Access-Control-Allow-Methods', 'PUT'],
            ['Vary', 'Origin'],
            ['Date', DATE],
            ['Connection', 'keep-alive'],
          ],
          body: '',
          bodyBytes: 0,
        },
        receivedAt: 1001,
        respondedAt: 1002,
      },
      {
        kind: 'actual',
        parser: 'node',
        answeredBy: 'routes',
        request: {
          method: 'PUT',
          url: '/getData.html?x=1',
          httpVersion: '1.1',
          headers: [
            ['host', 'localhost:8000'],
            ['user-agent', 'lab-test'],
            ['origin', PAGE],
            ['content-type', 'application/json'],
            ['content-length', '9'],
          ],
          body: '{not json',
          bodyBytes: 9,
        },
        response: {
          status: 200,
          headers: [
            ['Access-Control-Allow-Origin', PAGE],
            ['Vary', 'Origin'],
            ['content-type', 'text/plain; charset=utf-8'],
            ['content-length', '13'],
            ['Date', DATE],
            ['Connection', 'keep-alive'],
          ],
          body: 'server----001',
          bodyBytes: 13,
        },
        receivedAt: 1003,
        respondedAt: 1004,
      },
    ]);
  });

  it('records an exchange nobody watched just the same, made when the history is read', async () => {
    const { app, lab } = setup();
    lab.setPolicy(policy({ allowOrigin: 'reflect', allowMethods: ['PUT'], varyOrigin: true }));
    const exchange = async () => {
      await app.inject({ method: 'OPTIONS', url: '/getData.html', headers: preflightHeaders });
      await app.inject({ method: 'PUT', url: '/getData.html', headers: { origin: PAGE, 'content-type': 'text/plain' }, payload: 'new value' });
      await settle();
    };
    const watched: ServerRecord[] = [];
    const stop = lab.subscribe(parsedEvents((e) => e.type === 'record' && watched.push(e.record)));
    await exchange();
    stop();
    await exchange();
    const kept = lab.since(0).events.flatMap((e) => (e.type === 'record' ? [e.record] : []));
    // Only the clock may differ between the two runs.
    const untimed = (r: ServerRecord) => ({
      ...r,
      receivedAt: 0,
      respondedAt: 0,
      response: { ...r.response, headers: r.response.headers.map(([n, v]) => [n, n === 'Date' ? 'DATE' : v]) },
    });
    expect(kept.map(untimed)).toEqual([...watched, ...watched].map(untimed));
  });

  it("in 'routes' mode sends OPTIONS to the route, which answers 200 server----001 with the actual headers", async () => {
    const { app, lab } = setup();
    lab.setPolicy(policy({ allowOrigin: '*', preflight: 'routes', allowMethods: ['PUT'], maxAge: 60 }));
    const records = recordsOf(lab);
    const res = await app.inject({ method: 'OPTIONS', url: '/getData.html', headers: preflightHeaders });
    await settle();
    expect({
      status: res.statusCode,
      body: res.body,
      cors: corsHeaders(res.headers),
      recorded: records.map((r) => [r.kind, r.answeredBy, r.response.status]),
    }).toEqual({
      status: 200,
      body: 'server----001',
      cors: { 'access-control-allow-origin': '*' },
      recorded: [['preflight', 'routes', 200]],
    });
  });

  it('/login sets the session cookie and /logout clears it', async () => {
    const { app } = setup();
    const login = await app.inject({ method: 'POST', url: '/login', headers: { origin: PAGE } });
    const logout = await app.inject({ method: 'GET', url: '/logout' });
    expect([
      [login.statusCode, login.body, login.headers['set-cookie']],
      [logout.statusCode, logout.body, logout.headers['set-cookie']],
    ]).toEqual([
      [200, 'logged in: server01 set a session cookie', expect.stringMatching(/^labsession=[0-9a-f-]{36}; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/)],
      [200, 'logged out: server01 cleared the session cookie', 'labsession=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax'],
    ]);
  });

  it('answers an unknown path 404, naming the path, still with the policy headers', async () => {
    const { app, lab } = setup();
    lab.setPolicy(policy({ allowOrigin: '*' }));
    const res = await app.inject({ method: 'GET', url: '/nope?x=1', headers: { origin: PAGE } });
    expect({ status: res.statusCode, body: res.body, cors: corsHeaders(res.headers) }).toEqual({
      status: 404,
      body: 'server01 has no route /nope',
      cors: { 'access-control-allow-origin': '*' },
    });
  });

  it('keeps each lab apart: /l/<id>/ applies that lab\'s policy and records there, the classic URL the default lab\'s', async () => {
    const { app, hub, lab } = setup();
    const mine = hub.lab('AbCdEfGhIjKlMnOpQrStUv');
    mine.setPolicy(policy({ allowOrigin: '*' }));
    const [defaults, own] = [recordsOf(lab), recordsOf(mine)];
    const inLab = await app.inject({ method: 'GET', url: '/l/AbCdEfGhIjKlMnOpQrStUv/getData.html?n=1', headers: { origin: PAGE } });
    const classic = await app.inject({ method: 'GET', url: '/getData.html', headers: { origin: PAGE } });
    await settle();
    expect([inLab.statusCode, inLab.body, inLab.headers['access-control-allow-origin']]).toEqual([200, 'server----001', '*']);
    expect([classic.statusCode, classic.headers['access-control-allow-origin']]).toEqual([200, undefined]);
    expect(own.map((r) => r.request.url)).toEqual(['/l/AbCdEfGhIjKlMnOpQrStUv/getData.html?n=1']);
    expect(defaults.map((r) => r.request.url)).toEqual(['/getData.html']);
  });
});
