import { describe, expect, it } from 'vitest';
import { useInjectServer } from './inject-server.ts';

const inject = useInjectServer();
/** Every answer gets `*`, and OPTIONS goes to the routes like any method. */
const setup = () => inject({ allowOrigin: '*', preflight: 'routes' }).app;

describe('error routes (lesson 11)', () => {
  it('/crash.html answers 500 without the CORS headers the policy gives every other answer', async () => {
    const a = setup();
    const crash = await a.inject({ method: 'GET', url: '/crash.html', headers: { origin: 'http://localhost:8100' } });
    const missing = await a.inject({ method: 'GET', url: '/missing.html', headers: { origin: 'http://localhost:8100' } });
    expect([crash.statusCode, crash.headers['access-control-allow-origin']]).toEqual([500, undefined]);
    expect([missing.statusCode, missing.headers['access-control-allow-origin']]).toEqual([404, '*']);
  });

  it('/private.html wants Authorization, so a preflight passed to the routes gets 401', async () => {
    const a = setup();
    const preflight = await a.inject({ method: 'OPTIONS', url: '/private.html', headers: { origin: 'http://localhost:8100', 'access-control-request-method': 'PUT' } });
    const signedIn = await a.inject({ method: 'PUT', url: '/private.html', headers: { authorization: 'Bearer x' } });
    expect([preflight.statusCode, signedIn.statusCode, signedIn.body]).toEqual([401, 200, 'private data for a signed-in user']);
  });
});
