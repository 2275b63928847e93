/**
 * Hands one request to a real library behind server01 and writes its answer
 * back unchanged: status, header lines (names as the library wrote them,
 * repeats kept) and body. Only hop-by-hop headers are server01's own.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';

/** Headers of one connection, not of the message (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

/** Request headers as received, for the library; names lowercased by Node are fine to a server. */
function forwardedHeaders(req: IncomingMessage): Record<string, string | string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (HOP_BY_HOP.has(name.toLowerCase())) continue;
    (out[name] ??= []).push(req.rawHeaders[i + 1]!);
  }
  // Host (and any single header) must be a string to Node; repeated ones stay lists.
  return Object.fromEntries(Object.entries(out).map(([n, v]) => [n, v.length === 1 ? v[0]! : v]));
}

/** Proxies `req` (path without the lab prefix) to 127.0.0.1:`port`; `writing` sees the body just before it goes out. */
export function proxyToBackend(port: number, path: string, req: IncomingMessage, res: ServerResponse, writing: (body: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port, method: req.method ?? 'GET', path, headers: forwardedHeaders(req), setHost: false, timeout: 15_000 },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('error', reject);
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          res.statusCode = answer.statusCode ?? 502;
          if (answer.statusMessage !== undefined) res.statusMessage = answer.statusMessage;
          const lines = new Map<string, string[]>();
          for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) {
            const name = answer.rawHeaders[i]!;
            if (HOP_BY_HOP.has(name.toLowerCase()) || name.toLowerCase() === 'content-length') continue;
            lines.set(name, [...(lines.get(name) ?? []), answer.rawHeaders[i + 1]!]);
          }
          for (const [name, values] of lines) res.setHeader(name, values.length === 1 ? values[0]! : values);
          const bodyless = req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
          if (!bodyless) res.setHeader('Content-Length', body.length);
          writing(bodyless ? Buffer.alloc(0) : body);
          res.end(bodyless ? undefined : body);
          resolve();
        });
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('the backend did not answer within 15 s')));
    upstream.on('error', reject);
    req.pipe(upstream);
  });
}

/**
 * For a request Node's parser refused (`VIEW`, a lowercase `patch`): the
 * library gets the bytes as the browser sent them, with the lab prefix taken
 * off the target and `Connection: close`, and its answer comes back as bytes.
 */
export function forwardRawToBackend(port: number, raw: Buffer, path: string): Promise<Buffer> {
  const text = raw.toString('latin1');
  const headEnd = text.indexOf('\r\n\r\n');
  const [startLine = '', ...lines] = (headEnd === -1 ? text : text.slice(0, headEnd)).split('\r\n');
  const [method = '', , version = 'HTTP/1.1'] = startLine.split(' ');
  const kept = lines.filter((l) => !HOP_BY_HOP.has(l.slice(0, l.indexOf(':')).trim().toLowerCase()));
  const head = [`${method} ${path} ${version}`, ...kept, 'Connection: close'].join('\r\n');
  const body = headEnd === -1 ? Buffer.alloc(0) : raw.subarray(headEnd + 4);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body])));
    socket.setTimeout(15_000, () => socket.destroy(new Error('the backend did not answer within 15 s')));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => (chunks.length > 0 ? resolve(Buffer.concat(chunks)) : reject(new Error('the backend closed the connection without an answer'))));
  });
}
