/** server01's /me (lesson 12) over inject: private data only with the session cookie, and the policy's CORS headers on it. */
import { describe, expect, it } from 'vitest';
import { answerOf as answer, useInjectServer } from './inject-server.ts';
import { privateDataOf, sessionOf } from './routes-session.ts';

const ATTACKER = 'http://localhost:8300';

const setup = useInjectServer();

describe('/me', () => {
  it('answers the session\'s private data with the cookie that /login set, echoed to any Origin under reflect', async () => {
    const { app } = setup({ allowOrigin: 'reflect', allowCredentials: true });
    const login = await app.inject({ method: 'GET', url: '/login' });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const res = await app.inject({ method: 'GET', url: '/me', headers: { origin: ATTACKER, cookie: `theme=dark; ${cookie}` } });
    const data = privateDataOf(cookie.slice(cookie.indexOf('=') + 1));
    expect(answer(res)).toEqual({
      status: 200,
      headers: {
        'access-control-allow-origin': ATTACKER,
        'access-control-allow-credentials': 'true',
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(res.body.length),
      },
      body: JSON.stringify(data),
    });
    expect(data.account).toMatch(/^learner-[0-9a-f]{8}@cors-lab\.test$/);
  });

  it('answers 401 without the cookie, or with an empty one, and different data for another session', async () => {
    const { app } = setup({ allowOrigin: 'list', originList: ['http://localhost:8100'], allowCredentials: true });
    const none = await app.inject({ method: 'GET', url: '/me', headers: { origin: ATTACKER } });
    const empty = await app.inject({ method: 'GET', url: '/me', headers: { cookie: 'labsession=' } });
    expect([none.statusCode, none.headers['access-control-allow-origin'], empty.statusCode]).toEqual([401, undefined, 401]);
    expect(JSON.parse(none.body)).toEqual({ error: 'not logged in: no labsession cookie; send /login first' });
    expect(privateDataOf('a').session).not.toBe(privateDataOf('b').session);
  });

  it('is recorded in the lab of its URL, with the Origin and Cookie as received', async () => {
    const { app, hub } = setup({});
    const lab = 'AbCdEfGhIjKlMnOpQrStUv';
    await app.inject({ method: 'GET', url: `/l/${lab}/me`, headers: { origin: ATTACKER, cookie: 'labsession=x' } });
    const events = hub.lab(lab).since(0).events.filter((e) => e.type === 'record');
    expect(events.map((e) => (e.type === 'record' ? [e.record.request.url, e.record.response.status, e.record.request.headers.filter(([n]) => /^(origin|cookie)$/i.test(n))] : null))).toEqual([
      [`/l/${lab}/me`, 200, [['origin', ATTACKER], ['cookie', 'labsession=x']]],
    ]);
  });
});

describe('sessionOf', () => {
  it('finds labsession among other cookies, keeps = inside the value, and gives null without it', () => {
    expect([sessionOf('a=1; labsession=x=y; b=2'), sessionOf('labsessionx=1'), sessionOf(undefined)]).toEqual(['x=y', null, null]);
  });
});
