/**
 * The preflight server01 answers itself goes out through writeHead with the
 * answer's headers as one list: on a real socket Node takes a path inject
 * never does (inject's response always has headers set beforehand), so this
 * test opens a real (ephemeral) port and reads the bytes.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type ServerRecord } from '@cors-lab/shared';
import { nextRecord, PAGE, useServerOnPort } from './inject-server.ts';


const server = useServerOnPort();

/** Sends the bytes and resolves with the first answer's head, and the record the lab published for it. */
function preflight(bytes: string): Promise<{ head: string; record: ServerRecord }> {
  const recorded = nextRecord(server.lab);
  const answered = new Promise<string>((resolve, reject) => {
    const socket = connect({ port: server.port, host: '127.0.0.1' });
    let text = '';
    socket.on('data', (c: Buffer) => {
      text += c.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.destroy();
      resolve(text.slice(0, end + 4));
    });
    socket.on('error', reject);
    socket.write(bytes);
  });
  return Promise.all([answered, recorded]).then(([head, record]) => ({ head, record }));
}

describe('server01 on a port: the preflight it answers itself', () => {
  it('writes the policy headers in order, names as the policy spells them, and records the head it wrote', async () => {
    server.lab.setPolicy({ ...EMPTY_POLICY, allowOrigin: 'list', originList: [PAGE], allowMethods: ['PUT'], allowHeaders: ['X-Custom-Header'], allowCredentials: true, maxAge: 600, varyOrigin: true });
    const { head, record } = await preflight(
      `OPTIONS /getData.html HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${PAGE}\r\nAccess-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: x-custom-header\r\n\r\n`,
    );
    const lines = head.split('\r\n').slice(0, -2);
    const wire = lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]);
    expect({ status: lines[0], names: wire.map(([n]) => n), record: record.response }).toEqual({
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
