/**
 * The only path inject cannot reach: Node's parser refuses the method and
 * hands the raw bytes to clientError. This test opens a real (ephemeral) port.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY } from '@cors-lab/shared';
import { nextRecord, PAGE, useServerOnPort } from './inject-server.ts';

const DATE = /^Date: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/m;

const server = useServerOnPort();

/** Writes the bytes on a fresh connection; resolves with everything server01 sent before it closed. */
function exchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port: server.port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.setTimeout(5000, () => socket.destroy(new Error('server01 did not close the connection')));
    socket.write(bytes);
  });
}

describe('server01 on a port: methods Node refuses', () => {
  it('answers VIEW /getData.html from the raw bytes, with the policy headers, and records it', async () => {
    server.lab.setPolicy({ ...EMPTY_POLICY, allowOrigin: 'reflect', varyOrigin: true });
    const recorded = nextRecord(server.lab);
    const wire = await exchange(`VIEW /getData.html HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${PAGE}\r\n\r\n`);
    const date = DATE.exec(wire)?.[0].slice('Date: '.length);
    const headers = [
      ['Access-Control-Allow-Origin', PAGE],
      ['Vary', 'Origin'],
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Content-Length', '13'],
      ['Date', date],
      ['Connection', 'close'],
    ];
    expect({ wire, record: await recorded }).toEqual({
      wire: `HTTP/1.1 200 OK\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\nserver----001`,
      record: {
        kind: 'actual',
        parser: 'raw',
        answeredBy: 'routes',
        request: {
          method: 'VIEW',
          url: '/getData.html',
          httpVersion: '1.1',
          headers: [
            ['Host', `127.0.0.1:${server.port}`],
            ['Origin', PAGE],
          ],
          body: '',
          bodyBytes: 0,
        },
        response: { status: 200, headers, body: 'server----001', bodyBytes: 13 },
        receivedAt: expect.any(Number),
        respondedAt: expect.any(Number),
      },
    });
  });

  it('keeps a lowercase patch lowercase, with its body, and answers with no CORS headers under the empty policy', async () => {
    server.lab.reset();
    const recorded = nextRecord(server.lab);
    const wire = await exchange(`patch /getData.html HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${PAGE}\r\nContent-Length: 5\r\n\r\nhello`);
    const record = await recorded;
    expect({
      statusLine: wire.split('\r\n')[0],
      headerNames: wire.split('\r\n\r\n')[0]!.split('\r\n').slice(1).map((l) => l.split(':')[0]),
      body: wire.split('\r\n\r\n')[1],
      request: [record.parser, record.request.method, record.request.body, record.request.bodyBytes],
    }).toEqual({
      statusLine: 'HTTP/1.1 200 OK',
      headerNames: ['Content-Type', 'Content-Length', 'Date', 'Connection'],
      body: 'server----001',
      request: ['raw', 'patch', 'hello', 5],
    });
  });

  it('still answers 400 to bytes that are not HTTP at all, and records nothing', async () => {
    const before = server.lab.head;
    const wire = await exchange('\x16\x03\x01\x00\x05hello\r\n\r\n');
    expect({ wire, recorded: server.lab.head - before }).toEqual({ wire: 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', recorded: 0 });
  });
});
