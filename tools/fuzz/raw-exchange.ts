/** One request over a fresh TCP connection, answer read until the server closes it (every case asks `Connection: close`). */
import { connect } from 'node:net';

export interface RawAnswer {
  /** Everything the server sent. */
  readonly bytes: Buffer;
  /** The status code, or null when no status line came back. */
  readonly status: number | null;
  /** The head, without the blank line that ends it; null when the head never ended. */
  readonly head: Buffer | null;
  readonly body: Buffer;
  /** How the connection ended abnormally, if it did: a socket error code or `timeout`. */
  readonly failure: string | null;
}

export function exchange(port: number, request: Buffer, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    let failure: string | null = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(chunks), failure));
    };
    const timer = setTimeout(() => {
      failure = 'timeout';
      socket.destroy();
      finish();
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    // The server may answer (413, 431, 400) and close before it has read the whole request: a reset then is expected.
    socket.on('error', (e: NodeJS.ErrnoException) => {
      failure = e.code ?? e.message;
    });
    socket.on('close', finish);
    socket.end(request);
  });
}

function parseAnswer(bytes: Buffer, failure: string | null): RawAnswer {
  const end = bytes.indexOf('\r\n\r\n');
  const head = end === -1 ? null : bytes.subarray(0, end);
  const status = /^HTTP\/\d\.\d (\d{3})/.exec(bytes.subarray(0, 16).toString('latin1'))?.[1];
  return {
    bytes,
    status: status === undefined ? null : Number(status),
    head,
    body: end === -1 ? Buffer.alloc(0) : bytes.subarray(end + 4),
    failure,
  };
}
