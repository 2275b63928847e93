/**
 * Requests Node's parser refuses never reach inject(): these tests open an
 * ephemeral port and write the bytes themselves.
 */
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { EMPTY_POLICY, LabHub } from '@cors-lab/shared';
import { buildServer02 } from './app.ts';

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = buildServer02({ hub: new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 10 }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await app.close();
});

/** Writes the bytes; resolves with the status, the head lines that frame the answer, and the JSON body. */
function send(bytes: string): Promise<{ status: string; contentType: string | undefined; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const lines = head.split('\r\n');
      resolve({ status: lines[0] ?? '', contentType: lines.find((l) => l.startsWith('Content-Type: '))?.slice(14), body: JSON.parse(body) });
    });
    socket.setTimeout(5000, () => socket.destroy(new Error('server02 did not close the connection')));
    socket.end(Buffer.from(bytes, 'latin1'));
  });
}

const head = (lines: string[]) => `PUT /api/policy HTTP/1.1\r\nHost: 127.0.0.1\r\n${lines.map((l) => `${l}\r\n`).join('')}\r\n`;

describe('server02: requests the HTTP parser refuses', () => {
  it('names the header whose name holds a NUL', async () => {
    const message = 'header "X-\\u0000": Invalid header token; a header name must be an HTTP token and a value may not hold CR, LF, NUL or other control characters';
    expect(await send(head(['Content-Type: application/json', 'X-\0: 1']))).toEqual({
      status: 'HTTP/1.1 400 Bad Request',
      contentType: 'application/json; charset=utf-8',
      body: { statusCode: 400, error: 'Bad Request', message, errors: [{ field: 'X-\0', message }] },
    });
  });

  it('names Content-Length when it is not a plain number', async () => {
    const message = 'Content-Length: Invalid character in Content-Length; it must be one whole number of bytes';
    expect(await send(head(['Content-Length: +2']) + '{}')).toEqual({
      status: 'HTTP/1.1 400 Bad Request',
      contentType: 'application/json; charset=utf-8',
      body: { statusCode: 400, error: 'Bad Request', message, errors: [{ field: 'Content-Length', message }] },
    });
  });

  it('refuses a head over 16 KiB with 431, about the headers', async () => {
    const message = 'headers: larger than the 16384 bytes the server reads';
    expect(await send(head([`X-Pad: ${'x'.repeat(20_000)}`]))).toEqual({
      status: 'HTTP/1.1 431 Request Header Fields Too Large',
      contentType: 'application/json; charset=utf-8',
      body: { statusCode: 431, error: 'Request Header Fields Too Large', message, errors: [{ field: 'headers', message }] },
    });
  });
});
