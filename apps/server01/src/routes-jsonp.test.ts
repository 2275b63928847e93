/** server01's JSONP route over inject (lesson 13): the call, the evil extra, and the callback check. */
import { describe, expect, it } from 'vitest';
import { DATA_BODY, type LabEvent } from '@cors-lab/shared';
import { answerOf as answer, LAB, PAGE, useInjectServer } from './inject-server.ts';
import { EVIL_CODE } from './routes-jsonp.ts';

const setup = useInjectServer();

const CALL = `/**/ typeof cb_1 === 'function' && cb_1({"data":"${DATA_BODY}"});`;

describe('/data.jsonp', () => {
  it('answers a good callback with a script that calls it with the data, and no CORS headers under the empty policy', async () => {
    const { app } = setup();
    const res = await app.inject({ method: 'GET', url: '/data.jsonp?callback=cb_1' });
    expect(answer(res)).toEqual({
      status: 200,
      headers: {
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        'content-type': 'text/javascript; charset=utf-8',
        'content-length': String(CALL.length),
      },
      body: CALL,
    });
  });

  it('takes dotted names, as jQuery and others generate them', async () => {
    const { app } = setup();
    const res = await app.inject({ method: 'GET', url: '/data.jsonp?callback=jQuery.cb$2' });
    expect([res.statusCode, res.body]).toEqual([200, `/**/ typeof jQuery.cb$2 === 'function' && jQuery.cb$2({"data":"${DATA_BODY}"});`]);
  });

  it('with evil=1 runs server01\'s own code first, then the same call', async () => {
    const { app } = setup();
    const res = await app.inject({ method: 'GET', url: '/data.jsonp?callback=cb_1&evil=1' });
    expect([res.statusCode, res.headers['content-type'], res.body]).toEqual([200, 'text/javascript; charset=utf-8', `${EVIL_CODE}\n${CALL}`]);
    expect(EVIL_CODE).toContain('document.title =');
  });

  it.each([
    ['alert(document.cookie)//', 'script in the name'],
    ['cb;alert(1)', 'a statement after the name'],
    ['1cb', 'a digit first'],
    ['cb..x', 'an empty path step'],
    ['名字', 'non-ASCII'],
    ['a'.repeat(129), 'too long'],
  ])('refuses %j (%s) with a 400 naming callback, and never echoes it', async (callback) => {
    const { app } = setup();
    const res = await app.inject({ method: 'GET', url: `/data.jsonp?callback=${encodeURIComponent(callback)}` });
    const message = 'callback: must be a JavaScript identifier or a dotted path of them (letters, digits, _ and $, at most 128 characters); anything else would let the URL write script into the answer';
    expect([res.statusCode, res.headers['content-type'], res.headers['x-content-type-options'], res.json()]).toEqual([
      400,
      'application/json; charset=utf-8',
      'nosniff',
      { statusCode: 400, error: 'Bad Request', message, errors: [{ field: 'callback', message }] },
    ]);
    expect(res.body).not.toContain(callback);
  });

  it('refuses a missing callback and a bad evil, naming each', async () => {
    const { app } = setup();
    const missing = await app.inject({ method: 'GET', url: '/data.jsonp' });
    const evil = await app.inject({ method: 'GET', url: '/data.jsonp?callback=cb&evil=yes' });
    expect([missing.statusCode, missing.json().errors, evil.statusCode, evil.json().errors]).toEqual([
      400,
      [{ field: 'callback', message: 'callback: required: name the function to call, e.g. ?callback=handleData' }],
      400,
      [{ field: 'evil', message: 'evil: must be 1 when given' }],
    ]);
  });

  it('is GET-only: PUT gets 405 with Allow', async () => {
    const { app } = setup({ allowOrigin: '*' });
    const res = await app.inject({ method: 'PUT', url: '/data.jsonp?callback=cb', headers: { origin: PAGE } });
    expect([res.statusCode, res.headers.allow, res.headers['access-control-allow-origin'], res.body]).toEqual([
      405,
      'GET, HEAD',
      '*',
      '405: JSONP is GET-only: a script element cannot send PUT',
    ]);
  });

  it('answers under a lab prefix and records the exchange in that lab\'s timeline', async () => {
    const { app, hub } = setup();
    const res = await app.inject({ method: 'GET', url: `/l/${LAB}/data.jsonp?callback=cb_1`, headers: { 'sec-fetch-dest': 'script', 'sec-fetch-mode': 'no-cors' } });
    expect(res.body).toBe(CALL);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const records = hub.lab(LAB).since(0).events.filter((e): e is Extract<LabEvent, { type: 'record' }> => e.type === 'record');
    expect(records.map((e) => [e.record.kind, e.record.request.method, e.record.request.url, e.record.response.status, e.record.response.body])).toEqual([
      ['actual', 'GET', `/l/${LAB}/data.jsonp?callback=cb_1`, 200, CALL],
    ]);
    expect(hub.lab('default').since(0).events.filter((e) => e.type === 'record')).toEqual([]);
  });
});
