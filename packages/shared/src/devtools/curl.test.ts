// curlOf is pure; the second half of this file proves its quoting by running
// the command with sh and curl against a local server, as a person pasting it would.
/* eslint-disable no-restricted-imports -- only the test runs a server and a shell; the function it checks stays pure */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
/* eslint-enable no-restricted-imports */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeaderLine } from '../policy-answer.ts';
import type { ServerRecord } from '../wire.ts';
import { curlOf, shellQuote } from './curl.ts';

const run = promisify(execFile);

function record(request: Partial<ServerRecord['request']> & { headers: HeaderLine[] }, kind: ServerRecord['kind'] = 'actual'): ServerRecord {
  const body = request.body ?? '';
  return {
    kind,
    parser: 'node',
    answeredBy: 'policy',
    request: { method: 'GET', url: '/getData.html', httpVersion: '1.1', body, bodyBytes: Buffer.byteLength(body), ...request },
    response: { status: 204, headers: [], body: '', bodyBytes: 0 },
    receivedAt: 1_700_000_000_000,
    respondedAt: 1_700_000_000_004,
  };
}

const CHROMIUM_PREFLIGHT: HeaderLine[] = [
  ['Host', 'localhost:8000'],
  ['Connection', 'keep-alive'],
  ['Accept', '*/*'],
  ['Access-Control-Request-Method', 'PUT'],
  ['Access-Control-Request-Headers', 'x-custom'],
  ['Origin', 'http://localhost:8100'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0'],
  ['Sec-Fetch-Mode', 'cors'],
];

describe('curlOf', () => {
  it('writes a preflight as the OPTIONS it was, with every received header but Host and Connection', () => {
    expect(curlOf(record({ method: 'OPTIONS', headers: CHROMIUM_PREFLIGHT }, 'preflight'), 'http://localhost:8000')).toBe(
      [
        "curl -i -X OPTIONS 'http://localhost:8000/getData.html'",
        "-H 'Accept: */*'",
        "-H 'Access-Control-Request-Method: PUT'",
        "-H 'Access-Control-Request-Headers: x-custom'",
        "-H 'Origin: http://localhost:8100'",
        "-H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0'",
        "-H 'Sec-Fetch-Mode: cors'",
      ].join(' \\\n  '),
    );
  });

  it('takes the host the browser named, and the origin only when the request named none', () => {
    const viaOther = record({ headers: [['Host', '127.0.0.1:8000'], ['Accept', '*/*'], ['User-Agent', 'x']] });
    expect(curlOf(viaOther, 'http://localhost:8000').split(' \\\n')[0]).toBe("curl -i -X GET 'http://127.0.0.1:8000/getData.html'");
    const noHost = record({ url: '/l/abc/getData.html', headers: [['Accept', '*/*'], ['User-Agent', 'x']] });
    expect(curlOf(noHost, 'http://localhost:8000').split(' \\\n')[0]).toBe("curl -i -X GET 'http://localhost:8000/l/abc/getData.html'");
  });

  it('quotes a method the shell would read, and uses --head for HEAD', () => {
    const odd = curlOf(record({ method: 'GET$X', headers: [['Accept', '*/*'], ['User-Agent', 'x']] }), 'http://localhost:8000');
    expect(odd.startsWith("curl -i -X 'GET$X' ")).toBe(true);
    const head = curlOf(record({ method: 'HEAD', headers: [['Accept', '*/*'], ['User-Agent', 'x']] }), 'http://localhost:8000');
    expect(head.startsWith("curl --head 'http://localhost:8000/getData.html'")).toBe(true);
  });

  it('says when server01 kept only the start of the body', () => {
    const cut = record({ method: 'POST', body: 'abc', bodyBytes: 9000, headers: [['Content-Type', 'text/plain']] });
    expect(curlOf(cut, 'http://localhost:8000').split('\n')[0]).toBe(
      '# server01 kept only the start of this 9000-byte body: the command sends that start.',
    );
  });

  it('quotes for a POSIX shell', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });
});

/** What a server got from the generated command: run by sh, sent by curl. */
interface Received {
  method: string;
  url: string;
  headers: HeaderLine[];
  body: string;
}

describe('curlOf, run by sh and curl against a local server', () => {
  let server: Server;
  let host = '';
  const received: Received[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers: HeaderLine[] = [];
        for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
        received.push({ method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Runs the command as a person pasting it would, and returns what the server received. */
  async function replay(r: ServerRecord): Promise<Received> {
    received.length = 0;
    await run('sh', ['-c', curlOf(r, 'http://localhost:1')], { timeout: 10_000 });
    expect(received).toHaveLength(1);
    return received[0]!;
  }

  /** The record's headers less those curl writes itself; the server's less those too. */
  const comparable = (headers: readonly HeaderLine[]) =>
    headers.filter(([n]) => !['host', 'content-length', 'connection'].includes(n.toLowerCase()));

  it('sends the preflight again: OPTIONS, the same headers in the same order', async () => {
    const headers: HeaderLine[] = CHROMIUM_PREFLIGHT.map(([n, v]) => [n, n === 'Host' ? host : v]);
    const got = await replay(record({ method: 'OPTIONS', headers }, 'preflight'));
    expect({ ...got, headers: comparable(got.headers) }).toEqual({ method: 'OPTIONS', url: '/getData.html', headers: comparable(headers), body: '' });
  });

  it('keeps quotes, dollars, backticks, backslashes, newlines and non-ASCII exactly as they were', async () => {
    const body = `it's "quoted" $HOME \`id\` $(id) \\n back\\slash !! ; & | *\nsecond line\tünïcødé 😀 '`;
    const headers: HeaderLine[] = [
      ['Host', host],
      ['Accept', '*/*'],
      ['User-Agent', "O'Brien $(id) `id`"],
      ['Content-Type', 'text/plain;charset=UTF-8'],
      ['X-Empty', ''],
      ['X-Dup', 'one'],
      ['X-Dup', "two's"],
      ['Origin', 'http://localhost:8100'],
    ];
    const url = "/getData.html?q=a'b&glob=[1]{2}&d=$HOME";
    const got = await replay(record({ method: 'PUT', url, headers, body }));
    expect({ ...got, headers: comparable(got.headers) }).toEqual({ method: 'PUT', url, headers: comparable(headers), body });
  });

  it('adds none of curl\'s own headers when the browser sent none', async () => {
    const body = 'x'.repeat(2000);
    const got = await replay(record({ method: 'POST', headers: [['Host', host], ['X-Only', '1']], body }));
    expect({ ...got, headers: comparable(got.headers) }).toEqual({ method: 'POST', url: '/getData.html', headers: [['X-Only', '1']], body });
  });
});
