/** Reads what actually went on the wire out of Node's request and response objects. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderLine } from '@cors-lab/shared';

/** Most body bytes a record keeps. */
export const RECORDED_BODY_LIMIT = 4096;

/** Request headers in the order received, names as the client wrote them. */
export function receivedHeaders(req: IncomingMessage): HeaderLine[] {
  const raw = req.rawHeaders;
  const lines: HeaderLine[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) lines.push([raw[i]!, raw[i + 1]!]);
  return lines;
}

/**
 * Response headers exactly as Node serialized them, Date, Connection and
 * Keep-Alive included. Node keeps the serialized head in `_header` once it is
 * sent; before that (or if it is gone) fall back to the headers that were set.
 */
export function writtenHeaders(res: ServerResponse): HeaderLine[] {
  const head = (res as unknown as { _header?: unknown })._header;
  if (typeof head === 'string') return parseHeaderBlock(head).headers;
  return Object.entries(res.getHeaders()).flatMap(([n, v]) =>
    (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined).map((x): HeaderLine => [n, String(x)]),
  );
}

/** Splits an HTTP/1.x head (start line, header lines) into its parts. */
export function parseHeaderBlock(head: string): { startLine: string; headers: HeaderLine[] } {
  const lines = head.split('\r\n');
  const headers: HeaderLine[] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return { startLine: lines[0] ?? '', headers };
}

/** The start of a body as text, and its full length in bytes. */
export function bodyText(payload: unknown): { body: string; bodyBytes: number } {
  if (payload === undefined || payload === null) return { body: '', bodyBytes: 0 };
  const buf = Buffer.isBuffer(payload) ? payload : typeof payload === 'string' ? Buffer.from(payload) : null;
  if (buf === null) return { body: '(streamed body)', bodyBytes: 0 };
  return { body: buf.subarray(0, RECORDED_BODY_LIMIT).toString('utf8'), bodyBytes: buf.length };
}
