/**
 * HTTP/1.1 requests as bytes, so a case can carry what no HTTP client would
 * send: CR, LF, NUL or non-ASCII in a header name or value, broken framing.
 * A string is written one byte per character (latin1): `'caf\xe9'` is 4 bytes.
 */
export type Bytes = string | Buffer;

export interface RequestParts {
  readonly method?: Bytes;
  readonly target: Bytes;
  readonly version?: Bytes;
  /** In order, as written; `Host` first when the case does not give one. */
  readonly headers: readonly (readonly [name: Bytes, value: Bytes])[];
  readonly body?: Buffer;
  /** length: a correct Content-Length; chunked: Transfer-Encoding chunks; none: the case frames the body itself. */
  readonly framing?: 'length' | 'chunked' | 'none';
  /** Line ending of the head, `\r\n` unless a case breaks it. */
  readonly eol?: string;
}

const bytes = (b: Bytes) => (typeof b === 'string' ? Buffer.from(b, 'latin1') : b);

/** Serializes a request; every request closes its connection, so the answer ends where the socket does. */
export function requestBytes(parts: RequestParts, host: string): Buffer {
  const eol = parts.eol ?? '\r\n';
  const body = parts.body ?? Buffer.alloc(0);
  const framing = parts.framing ?? 'length';
  const names = parts.headers.map(([n]) => bytes(n).toString('latin1').toLowerCase());
  const lines: Buffer[] = [Buffer.concat([bytes(parts.method ?? 'PUT'), Buffer.from(' '), bytes(parts.target), Buffer.from(' '), bytes(parts.version ?? 'HTTP/1.1')])];
  if (!names.includes('host')) lines.push(Buffer.from(`Host: ${host}`));
  for (const [name, value] of parts.headers) lines.push(Buffer.concat([bytes(name), Buffer.from(': '), bytes(value)]));
  if (!names.includes('connection')) lines.push(Buffer.from('Connection: close'));
  if (framing === 'length') lines.push(Buffer.from(`Content-Length: ${body.length}`));
  if (framing === 'chunked') lines.push(Buffer.from('Transfer-Encoding: chunked'));
  const head = Buffer.from(lines.map((l) => l.toString('latin1')).join(eol) + eol + eol, 'latin1');
  return Buffer.concat([head, framing === 'chunked' ? chunked(body) : body]);
}

/** The body in chunks of up to 8 KiB, then the last chunk. */
function chunked(body: Buffer): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += 8192) {
    const chunk = body.subarray(i, i + 8192);
    out.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
  }
  out.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(out);
}
