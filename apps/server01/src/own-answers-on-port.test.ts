/**
 * The answers server01 writes itself, past Fastify's reply (the preflight
 * its policy answers, the actual requests to the classic demo's data), go
 * out through writeHead with the answer's headers as one list: on a real
 * socket Node takes a path inject never does (inject's response always has
 * headers set beforehand), so these tests open a real (ephemeral) port and
 * read the bytes.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DATA_BODY, EMPTY_POLICY, type Policy, type ServerRecord } from '@cors-lab/shared';
import { nextRecord, PAGE, useServerOnPort } from './inject-server.ts';

const server = useServerOnPort();

const CLASSIC: Policy = {
  ...EMPTY_POLICY,
  allowOrigin: 'list',
  originList: [PAGE],
  allowMethods: ['PUT'],
  allowHeaders: ['X-Custom-Header'],
  allowCredentials: true,
  maxAge: 600,
  varyOrigin: true,
};

/** Sends the bytes and resolves with the first answer (its head, and as much of its body as came with it), and the record the lab published for it. */
function exchange(bytes: string): Promise<{ head: string; body: string; record: ServerRecord }> {
  const recorded = nextRecord(server.lab);
  const answered = new Promise<string>((resolve, reject) => {
    const socket = connect({ port: server.port, host: '127.0.0.1' });
    let text = '';
    socket.on('data', (c: Buffer) => {
      text += c.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(text)?.[1] ?? 0);
      // A HEAD's Content-Length announces a body that is never sent.
      if (!bytes.startsWith('HEAD') && text.length < end + 4 + length) return;
      socket.destroy();
      resolve(text);
    });
    socket.on('error', reject);
    socket.write(bytes);
  });
  return Promise.all([answered, recorded]).then(([text, record]) => {
    const end = text.indexOf('\r\n\r\n') + 4;
    return { head: text.slice(0, end), body: text.slice(end), record };
  });
}

/** A head's status line, and its header lines as [name, value]. */
function parsed(head: string) {
  const lines = head.split('\r\n').slice(0, -2);
  return { status: lines[0], wire: lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]) };
}

describe('server01 on a port: the preflight it answers itself', () => {
  it('writes the policy headers in order, names as the policy spells them, and records the head it wrote', async () => {
    server.lab.setPolicy(CLASSIC);
    const { head, record } = await exchange(
      `OPTIONS /getData.html HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${PAGE}\r\nAccess-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: x-custom-header\r\n\r\n`,
    );
    const { status, wire } = parsed(head);
    expect({ status, names: wire.map(([n]) => n), record: record.response }).toEqual({
      status: 'HTTP/1.1 204 No Content',
      names: ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Max-Age', 'Vary', 'Date', 'Connection', 'Keep-Alive'],
      record: { status: 204, headers: wire, body: '', bodyBytes: 0 },
    });
    expect(Object.fromEntries(wire.slice(0, 6))).toEqual({
      'Access-Control-Allow-Origin': PAGE,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'PUT',
      'Access-Control-Allow-Headers': 'X-Custom-Header',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    });
  });
});

describe('server01 on a port: the classic demo’s data, written past Fastify’s reply', () => {
  it('writes the CORS headers, then Content-Type and Content-Length as Fastify would, and the body, and records them and the request body', async () => {
    server.lab.setPolicy(CLASSIC);
    const { head, body, record } = await exchange(
      `PUT /getData.html HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${PAGE}\r\nX-Custom-Header: 1\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnew value`,
    );
    const { status, wire } = parsed(head);
    expect({ status, wire: wire.slice(0, 5), names: wire.slice(5).map(([n]) => n) }).toEqual({
      status: 'HTTP/1.1 200 OK',
      wire: [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Vary', 'Origin'],
        ['content-type', 'text/plain; charset=utf-8'],
        ['content-length', String(Buffer.byteLength(DATA_BODY))],
      ],
      names: ['Date', 'Connection', 'Keep-Alive'],
    });
    expect({ body, request: record.request.body, response: record.response }).toEqual({
      body: DATA_BODY,
      request: 'new value',
      response: { status: 200, headers: wire, body: DATA_BODY, bodyBytes: Buffer.byteLength(DATA_BODY) },
    });
  });

  it('sends the same head for a GET and a HEAD, with no body for the HEAD, and records none', async () => {
    server.lab.setPolicy(CLASSIC);
    const request = (method: string) => exchange(`${method} /getData.html HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${PAGE}\r\n\r\n`);
    const get = await request('GET');
    const head = await request('HEAD');
    const withoutDate = (h: string) => parsed(h).wire.filter(([n]) => n !== 'Date');
    expect({ get: get.body, head: head.body, headLines: withoutDate(head.head), recorded: head.record.response.body }).toEqual({
      get: DATA_BODY,
      head: '',
      headLines: withoutDate(get.head),
      recorded: '',
    });
  });
});
