/**
 * Requests Node's HTTP parser refuses (a lowercase `patch`, a custom `VIEW`:
 * HPE_INVALID_METHOD) never reach a route. A page can still send them, so
 * server01 reads the raw bytes Node hands to `clientError`, answers on purpose
 * with the policy's CORS headers, and records the exchange like any other.
 */
import { STATUS_CODES } from 'node:http';
import { answerFor, isToken, splitLabPath, type HeaderLine, type Policy, type ServerRecord, type WireRequest } from '@cors-lab/shared';
import { routeAnswer } from './routes.ts';
import { parseHeaderBlock, RECORDED_BODY_LIMIT } from './wire-capture.ts';

/** Parses the request line and headers out of the bytes Node could not parse; null if they are not HTTP/1.x. */
export function parseRejectedRequest(raw: Buffer): WireRequest | null {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end === -1 ? text : text.slice(0, end);
  const [startLine = '', ...lines] = head.split('\r\n');
  const m = /^(\S+) (\S+) HTTP\/(1\.[01])$/.exec(startLine);
  if (!m || !isToken(m[1]!)) return null;
  const headers: HeaderLine[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  const bodyBuf = end === -1 ? Buffer.alloc(0) : raw.subarray(end + 4);
  const declared = Number(headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1] ?? bodyBuf.length);
  return {
    method: m[1]!,
    url: m[2]!,
    httpVersion: m[3]!,
    headers,
    body: bodyBuf.subarray(0, RECORDED_BODY_LIMIT).toString('utf8'),
    bodyBytes: Number.isFinite(declared) ? declared : bodyBuf.length,
  };
}

/** The answer server01 writes for a refused request, and the record of it. */
export function answerRejected(
  request: WireRequest,
  policy: Policy,
  times: { receivedAt: number; respondedAt: number; date: string },
): { bytes: Buffer; record: ServerRecord } {
  const origin = request.headers.find(([n]) => n.toLowerCase() === 'origin')?.[1];
  const cors = answerFor(policy, { method: request.method, origin, isPreflight: false });
  const path = splitLabPath(request.url).path;
  const route = routeAnswer(path.split('?')[0] ?? path);
  const status = cors.status ?? route.status;
  const body = Buffer.from(cors.body ?? route.body);
  const named = new Set(cors.headers.map(([n]) => n.toLowerCase()));
  const headers: HeaderLine[] = [
    ...cors.headers,
    ...(named.has('content-type') ? [] : [['Content-Type', route.contentType] satisfies HeaderLine]),
    ['Content-Length', String(body.length)],
    ['Date', times.date],
    // Node's parser cannot resume on this connection, so it ends here.
    ['Connection', 'close'],
  ];
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  return {
    bytes: Buffer.concat([Buffer.from(head, 'latin1'), body]),
    record: {
      kind: 'actual',
      parser: 'raw',
      answeredBy: cors.answeredBy,
      request,
      response: { status, headers, body: body.subarray(0, RECORDED_BODY_LIMIT).toString('utf8'), bodyBytes: body.length },
      receivedAt: times.receivedAt,
      respondedAt: times.respondedAt,
    },
  };
}

/** The record of a refused request that a real library answered: its answer, as bytes, taken apart. */
export function recordOfRawAnswer(
  request: WireRequest,
  answer: Buffer,
  times: { receivedAt: number; respondedAt: number; backend: string },
): ServerRecord {
  const split = answer.indexOf('\r\n\r\n');
  const { startLine, headers } = parseHeaderBlock(answer.subarray(0, split === -1 ? answer.length : split).toString('latin1'));
  const body = split === -1 ? Buffer.alloc(0) : answer.subarray(split + 4);
  return {
    kind: 'actual',
    parser: 'raw',
    answeredBy: 'backend',
    backend: times.backend,
    request,
    response: { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(startLine)?.[1] ?? 502), headers, body: body.subarray(0, RECORDED_BODY_LIMIT).toString('utf8'), bodyBytes: body.length },
    receivedAt: times.receivedAt,
    respondedAt: times.respondedAt,
  };
}
