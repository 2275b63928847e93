/** Reads what actually went on the wire out of Node's request and response objects. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderLine } from '@cors-lab/shared';

/** Most body bytes a record keeps. */
export const RECORDED_BODY_LIMIT = 4096;

/** Request headers in the order received, names as the client wrote them (`rawHeaders` of Node's request). */
export function receivedHeaders(raw: Readonly<IncomingMessage['rawHeaders']>): HeaderLine[] {
  const lines: HeaderLine[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) lines.push([raw[i]!, raw[i + 1]!]);
  return lines;
}

/** The response head as Node serialized it, or the header lines set when there is none: what `writtenHeaders` reads. */
export type WrittenHead = string | HeaderLine[];

/**
 * Node keeps the serialized head in `_header` once it is sent; before that
 * (or if it is gone) fall back to the headers that were set.
 */
export function writtenHead(res: ServerResponse): WrittenHead {
  const head = (res as unknown as { _header?: unknown })._header;
  if (typeof head === 'string') return head;
  return Object.entries(res.getHeaders()).flatMap(([n, v]) =>
    (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined).map((x): HeaderLine => [n, String(x)]),
  );
}

/** Response headers exactly as Node serialized them, Date, Connection and Keep-Alive included. */
export function writtenHeaders(written: ServerResponse | WrittenHead): HeaderLine[] {
  const head = typeof written === 'string' || Array.isArray(written) ? written : writtenHead(written);
  return typeof head === 'string' ? parsedHead(head).map(([name, value]): HeaderLine => [name, value]) : head;
}

/** Heads parsed lately, newest last: from one answer to the next, a head changes little more often than its Date does. */
const recentHeads: { readonly head: string; readonly headers: readonly HeaderLine[] }[] = [];
const RECENT_HEADS = 4;

/** The header lines of a head, parsed once while it keeps coming back (the caller copies them). */
function parsedHead(head: string): readonly HeaderLine[] {
  for (const recent of recentHeads) if (recent.head === head) return recent.headers;
  const { headers } = parseHeaderBlock(head);
  if (recentHeads.length === RECENT_HEADS) recentHeads.shift();
  recentHeads.push({ head, headers });
  return headers;
}

/**
 * Splits an HTTP/1.x head (start line, header lines) into its parts. An
 * indexOf walk rather than split(): server01 runs it on every exchange it
 * records, and it allocates only the lines it keeps.
 */
export function parseHeaderBlock(head: string): { startLine: string; headers: HeaderLine[] } {
  const headers: HeaderLine[] = [];
  const first = head.indexOf('\r\n');
  if (first === -1) return { startLine: head, headers };
  for (let start = first + 2; start < head.length; ) {
    const next = head.indexOf('\r\n', start);
    const end = next === -1 ? head.length : next;
    const colon = head.indexOf(':', start);
    if (colon > start && colon < end) headers.push([head.slice(start, colon), head.slice(colon + 1, end).trim()]);
    start = end + 2;
  }
  return { startLine: head.slice(0, first), headers };
}

/** The start of a body as text, and its full length in bytes. */
export function bodyText(payload: unknown): { body: string; bodyBytes: number } {
  if (payload === undefined || payload === null) return { body: '', bodyBytes: 0 };
  if (typeof payload === 'string') {
    const bytes = Buffer.byteLength(payload);
    // As many bytes as characters: all ASCII, so the text is its own UTF-8 round trip.
    if (bytes === payload.length && bytes <= RECORDED_BODY_LIMIT) return { body: payload, bodyBytes: bytes };
  }
  const buf = Buffer.isBuffer(payload) ? payload : typeof payload === 'string' ? Buffer.from(payload) : null;
  if (buf === null) return { body: '(streamed body)', bodyBytes: 0 };
  return { body: buf.subarray(0, RECORDED_BODY_LIMIT).toString('utf8'), bodyBytes: buf.length };
}
