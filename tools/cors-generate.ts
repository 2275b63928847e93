/**
 * `pnpm --silent cors:generate [--seed N] [--count N]`: prints a JSON array of
 * varied scenarios, the same for the same seed, for the replay check. Each
 * dimension mixes the ordinary with the edge cases where browsers, the
 * standard and old articles part ways.
 */
import { parseArgs } from 'node:util';
import type { Scenario, ScenarioHeaders } from '@cors-lab/shared';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, count: { type: 'string', default: '320' } } });

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(Number(values.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const chance = (p: number) => random() < p;

const PAGE = 'http://localhost:8100';
const OTHER_PAGE = 'http://127.0.0.1:8100';

const METHODS = ['GET', 'GET', 'POST', 'POST', 'HEAD', 'PUT', 'PUT', 'DELETE', 'PATCH', 'patch', 'put', 'get', 'post', 'VIEW', 'OPTIONS', 'delete', 'TRACE', 'CONNECT'];

const REQUEST_HEADERS: readonly (Record<string, string> | null)[] = [
  null, null, null,
  { 'X-Custom-Header': 'hello' },
  { 'x-csrftoken': 'abc123' },
  { 'Content-Type': 'application/json' },
  { 'Content-Type': 'text/plain' },
  { 'Content-Type': 'text/plain;charset=UTF-8' },
  { 'Content-Type': 'multipart/form-data; boundary=x' },
  { 'Content-Type': 'application/x-www-form-urlencoded' },
  { 'Content-Type': 'text/plain; a="b@c"' },
  { 'Content-Type': 'text/html' },
  { Accept: 'application/json' },
  { Accept: 'text/(html)' },
  { 'Accept-Language': 'en-US,en;q=0.9' },
  { 'Accept-Language': 'zh-CN' },
  { 'Accept-Language': 'en_US' },
  { 'Content-Language': 'de' },
  { Range: 'bytes=0-99' },
  { Range: 'bytes=0-' },
  { Range: 'bytes=0-9,20-29' },
  { Range: 'bytes=-50' },
  { Authorization: 'Bearer token123' },
  { 'Last-Event-ID': '42' },
  { 'If-Match': '"v1"' },
  { 'If-None-Match': '"v1"' },
  { 'Cache-Control': 'no-cache' },
  { Cookie: 'a=b' },
  { Origin: 'http://evil.example' },
  { 'Sec-Fetch-Mode': 'no-cors' },
  { 'Proxy-Authorization': 'x' },
  { 'X-HTTP-Method-Override': 'TRACE' },
  { 'X-HTTP-Method-Override': 'PUT' },
  { DPR: '2' },
  { 'Save-Data': 'on' },
  { 'Device-Memory': '4' },
  { 'Viewport-Width': '800' },
  { 'User-Agent': 'lab' },
  { Accept: 'x'.repeat(129) },
  { 'X-Custom-Header': 'hello', 'X-Other': '1' },
  { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
  { 'Content-Type': 'TEXT/PLAIN' },
  { 'Content-Type': 'text/plain, text/html' },
  { 'Content-Type': 'text /plain' },
  { 'Content-Type': ' text/plain' },
  { 'Content-Type': 'text/plain;' },
  { DPR: '2.5' },
  { DPR: 'x' },
  { ECT: '4g' },
  { ECT: '5g' },
  { Width: '100' },
  { RTT: '50' },
  { Downlink: '1.5' },
  { 'Save-Data': 'off' },
  { Intervention: 'x' },
  { Range: 'bytes=5-1' },
  { Range: 'BYTES=0-1' },
  { 'If-Modified-Since': 'Tue, 01 Jan 2030 00:00:00 GMT' },
  { 'If-Range': '"v1"' },
  { Pragma: 'no-cache' },
  { 'X-Method-Override': 'connect' },
  { 'Accept-Language': '' },
  { 'Accept-Language': '  en  ' },
  { Accept: 'caf\u00e9' },
  { 'X-A': '1', 'x-a': '2' },
  { Accept: 'a'.repeat(70), accept: 'b'.repeat(70) },
  { 'Content-Language': 'de;q=1' },
  { Accept: 'a'.repeat(128) },
  { Accept: 'a'.repeat(128), 'Accept-Language': 'b'.repeat(128), 'Content-Language': 'c'.repeat(128), 'Content-Type': 'text/plain', DPR: '1', Width: '1', 'X-Y': '1', Range: 'bytes=0-1' },
];

function allowOrigin(credentials: boolean): string | string[] | undefined {
  return pick<string | string[] | undefined>([
    undefined, '*', '*', PAGE, PAGE, PAGE, `${PAGE}/`, 'http://localhost:8101', 'HTTP://LOCALHOST:8100', 'null',
    [PAGE, PAGE], `${PAGE}, http://example.com`, credentials ? PAGE : '*', ' http://localhost:8100',
  ]);
}

const list = (method: string, header: string | null) => [
  undefined, '', method, method.toUpperCase(), method.toLowerCase(), `GET, ${method}`, `${method},DELETE`, '*', 'GET', `GET ,  ${method} `,
  ...(header ? [header, header.toLowerCase(), `${header}, X-Other`, '*', `${header}, bad name`, `,,${header},`, `"${header}"`] : []),
];

function maybe(headers: ScenarioHeaders, name: string, value: string | string[] | undefined): void {
  if (value !== undefined) headers[name] = value;
}

function scenario(i: number): Scenario {
  const method = pick(METHODS);
  const reqHeaders = pick(REQUEST_HEADERS);
  const credentials = pick<'omit' | 'same-origin' | 'include' | undefined>([undefined, 'omit', 'same-origin', 'include', 'include']);
  const creds = credentials === 'include';
  const page = chance(0.06) ? OTHER_PAGE : PAGE;
  const sameOrigin = chance(0.05);
  const path = `/data/${i}${chance(0.2) ? '?q=1' : ''}`;
  const url = sameOrigin ? `${page}${path}` : `http://localhost:8000${path}`;
  const body = ['GET', 'HEAD', 'get'].includes(method) ? undefined : chance(0.5) ? 'payload' : undefined;
  const headerName = reqHeaders ? Object.keys(reqHeaders)[0]! : null;

  const pre: ScenarioHeaders = {};
  maybe(pre, 'Access-Control-Allow-Origin', allowOrigin(creds));
  maybe(pre, 'Access-Control-Allow-Credentials', pick([undefined, 'true', 'true', 'TRUE', 'false']));
  maybe(pre, 'Access-Control-Allow-Methods', pick([...list(method, null), `${method}, GE T`, `"${method}"`, `,,${method},`]));
  maybe(pre, 'Access-Control-Allow-Headers', headerName ? pick(list(method, headerName).slice(10)) : pick([undefined, '*', 'X-Other']));
  maybe(pre, 'Access-Control-Max-Age', pick<string | string[] | undefined>([undefined, undefined, '0', '600', '86400', '-1', 'abc', '5', '+600', '99999999999999999999', ['600', '600'], '7200']));

  const act: ScenarioHeaders = {};
  maybe(act, 'Access-Control-Allow-Origin', chance(0.8) ? pre['Access-Control-Allow-Origin'] : allowOrigin(creds));
  maybe(act, 'Access-Control-Allow-Credentials', chance(0.8) ? pre['Access-Control-Allow-Credentials'] : pick([undefined, 'true']));
  maybe(act, 'Access-Control-Expose-Headers', pick([undefined, undefined, 'FooBar', 'ETag', '*', 'foobar, etag', 'Set-Cookie', 'FooBar, X-Missing', 'FooBar, bad name', '"FooBar"', ',FooBar,,', 'Content-Length, X-Powered-By']));
  for (const [name, value] of [
    ['Content-Type', 'text/plain'], ['FooBar', 'baz'], ['ETag', '"v2"'], ['Cache-Control', 'no-store'], ['X-Powered-By', 'lab'],
    ['Set-Cookie', 'x=1; Path=/'], ['Expires', '0'], ['Pragma', 'no-cache'], ['Content-Language', 'en'], ['Last-Modified', 'Tue, 01 Jan 2030 00:00:00 GMT'],
    ['Content-Length', '13'], ['Date', 'Tue, 01 Jan 2030 00:00:00 GMT'], ['Vary', 'Origin'],
  ] as const) {
    if (chance(0.3)) act[name] = value;
  }

  // A redirect: every hop gets the same answer, so the browser follows until it
  // gives up. Only for simple requests: the explainer does not model preflights of redirect hops.
  if (reqHeaders === null && ['GET', 'POST', 'HEAD'].includes(method) && chance(0.15)) act.Location = pick(['/elsewhere', 'http://localhost:8000/data/other']);
  const withPreflight = chance(0.9);
  return {
    id: `gen-${values.seed}-${i}`,
    page,
    request: {
      url,
      method,
      ...(reqHeaders ? { headers: reqHeaders } : {}),
      ...(credentials ? { credentials } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(chance(0.25) ? { repeat: pick([2, 2, 3]) } : {}),
    },
    server: {
      ...(withPreflight ? { preflight: { status: pick([200, 204, 204, 204, 404, 500, 301]), headers: pre } } : {}),
      actual: { status: act.Location !== undefined ? pick([301, 302, 303, 307, 308]) : pick([200, 200, 201, 404, 500, 302]), headers: act, body: 'server----001' },
    },
  };
}

const count = Number(values.count);
process.stdout.write(`${JSON.stringify(Array.from({ length: count }, (_, i) => scenario(i)), null, 1)}\n`);
