/** server01's lesson routes over inject: /headers.html (Expose-Headers) and /resource.json (conditional requests). */
import { describe, expect, it } from 'vitest';
import { answerOf as answer, LAB, PAGE, useInjectServer } from './inject-server.ts';

const inject = useInjectServer();
const setup = (p: Parameters<typeof inject>[0] = {}) => inject(p).app;

describe('/headers.html', () => {
  it('sends FooBar, X-Powered-By and every safelisted response header, with the policy\'s CORS headers', async () => {
    const app = setup({ allowOrigin: 'list', originList: [PAGE], exposeHeaders: ['FooBar'] });
    const res = await app.inject({ method: 'GET', url: '/headers.html', headers: { origin: PAGE } });
    expect(answer(res)).toEqual({
      status: 200,
      headers: {
        'access-control-allow-origin': PAGE,
        'access-control-expose-headers': 'FooBar',
        'cache-control': 'no-store',
        'content-language': 'en',
        expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
        'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT',
        pragma: 'no-cache',
        foobar: '1',
        'x-powered-by': 'server01',
        'content-type': 'text/plain; charset=utf-8',
        'content-length': '32',
      },
      body: 'server01 answered with FooBar: 1',
    });
  });
});

describe('/resource.json', () => {
  it('reads, revalidates (304), updates with If-Match (200, new ETag) and refuses the stale ETag (412), with CORS headers on each', async () => {
    const app = setup({ allowOrigin: 'list', originList: [PAGE], exposeHeaders: ['ETag'] });
    const send = (method: string, headers: Record<string, string> = {}, payload?: string) =>
      app.inject({ method, url: '/resource.json', headers: { origin: PAGE, ...headers }, ...(payload === undefined ? {} : { payload }) });
    const read = await send('GET');
    const etag = read.headers.etag as string;
    const notModified = await send('GET', { 'if-none-match': etag });
    const sinceModified = await send('GET', { 'if-modified-since': read.headers['last-modified'] as string });
    const put = await send('PUT', { 'if-match': etag, 'content-type': 'text/plain' }, 'edited');
    const stale = await send('PUT', { 'if-match': etag, 'content-type': 'text/plain' }, 'again');
    const missing = await send('PUT', { 'content-type': 'text/plain' }, 'again');
    const after = await send('GET');
    const view = (r: typeof read) => [r.statusCode, r.headers.etag, r.headers['access-control-allow-origin'], r.headers['access-control-expose-headers'], r.body];
    expect([read, notModified, sinceModified, put, stale, missing, after].map(view)).toEqual([
      [200, '"v1"', PAGE, 'ETag', JSON.stringify({ version: 1, value: 'the first version' })],
      [304, '"v1"', PAGE, 'ETag', ''],
      [304, '"v1"', PAGE, 'ETag', ''],
      [200, '"v2"', PAGE, 'ETag', JSON.stringify({ version: 2, value: 'edited' })],
      [412, '"v2"', PAGE, 'ETag', JSON.stringify({ error: 'Precondition Failed: If-Match "v1" is not the current ETag "v2"' })],
      [428, undefined, PAGE, 'ETag', expect.stringContaining('Precondition Required')],
      [200, '"v2"', PAGE, 'ETag', JSON.stringify({ version: 2, value: 'edited' })],
    ]);
    expect([read.headers['cache-control'], read.headers['last-modified']]).toEqual(['no-store', expect.stringMatching(/ GMT$/)]);
  });

  it('keeps one resource per lab: an edit in /l/<id>/ leaves the default lab\'s alone', async () => {
    const app = setup();
    await app.inject({ method: 'PUT', url: `/l/${LAB}/resource.json`, headers: { 'if-match': '"v1"', 'content-type': 'text/plain' }, payload: 'mine' });
    const [mine, classic] = await Promise.all([app.inject({ method: 'GET', url: `/l/${LAB}/resource.json` }), app.inject({ method: 'GET', url: '/resource.json' })]);
    expect([mine.headers.etag, classic.headers.etag]).toEqual(['"v2"', '"v1"']);
  });

  it('answers its preflight from the policy like every route: If-Match must be allowed there', async () => {
    const app = setup({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['PUT'], allowHeaders: ['If-Match'] });
    const res = await app.inject({ method: 'OPTIONS', url: '/resource.json', headers: { origin: PAGE, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'if-match' } });
    expect(answer(res)).toEqual({
      status: 204,
      headers: { 'access-control-allow-origin': PAGE, 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': 'If-Match' },
      body: '',
    });
  });
});
