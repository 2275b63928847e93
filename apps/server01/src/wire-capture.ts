/** Reads what actually went on the wire out of Node's request and response objects. */
import type { ServerResponse } from 'node:http';
import type { HeaderLine } from '@cors-lab/shared';

/** Most body bytes a record keeps. */
export const RECORDED_BODY_LIMIT = 4096;

/**
 * A list of header lines as it went on the wire, and its JSON, each made once,
 * when first asked for. Equal lists captured close together share one: a page
 * sends the same few requests again and again, and server01's answers to them
 * differ only in their Date, so a captured exchange points at a list kept
 * anyway instead of keeping its own strings, and a list is serialized once
 * however many records carry it. The lines are shared: copy them to change them.
 */
export abstract class CapturedLines {
  #lines: readonly HeaderLine[] | undefined;
  #json: string | undefined;

  protected abstract parse(): readonly HeaderLine[];

  get lines(): readonly HeaderLine[] {
    return (this.#lines ??= this.parse());
  }

  /** `JSON.stringify(this.lines)`; the lines it is made of are kept only if they were asked for (records are kept as JSON). */
  get json(): string {
    return (this.#json ??= JSON.stringify(this.#lines ?? this.parse()));
  }
}

/** Request headers in the order received, names as the client wrote them (`rawHeaders` of Node's request). */
class ReceivedLines extends CapturedLines {
  constructor(readonly raw: readonly string[]) {
    super();
  }

  protected parse(): HeaderLine[] {
    const { raw } = this;
    const lines: HeaderLine[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) lines.push([raw[i]!, raw[i + 1]!]);
    return lines;
  }

  sameAs(raw: readonly string[]): boolean {
    if (raw.length !== this.raw.length) return false;
    for (let i = 0; i < raw.length; i++) if (raw[i] !== this.raw[i]) return false;
    return true;
  }
}

/** Response headers exactly as Node serialized them in the head it wrote, Date, Connection and Keep-Alive included. */
class WrittenLines extends CapturedLines {
  constructor(readonly head: string) {
    super();
  }

  protected parse(): HeaderLine[] {
    return parseHeaderBlock(this.head).headers;
  }
}

/** The header lines set on a response that has no serialized head. */
class SetLines extends CapturedLines {
  constructor(private readonly set: HeaderLine[]) {
    super();
  }

  protected parse(): HeaderLine[] {
    return this.set;
  }
}

/** Lists captured lately, newest last. */
const RECENT = 4;
const recentReceived: ReceivedLines[] = [];
const recentWritten: WrittenLines[] = [];

function remember<T>(recent: T[], lines: T): T {
  if (recent.length === RECENT) recent.shift();
  recent.push(lines);
  return lines;
}

/** A request's header lines (`rawHeaders` of Node's request): the list captured lately if it is the same. */
export function receivedLines(raw: readonly string[]): CapturedLines {
  for (const recent of recentReceived) if (recent.sameAs(raw)) return recent;
  return remember(recentReceived, new ReceivedLines(raw));
}

/**
 * A response's header lines as written: Node keeps the serialized head in
 * `_header` once it is sent; before that (or if it is gone) the headers that
 * were set stand in.
 */
export function writtenLines(res: ServerResponse): CapturedLines {
  const head = (res as unknown as { _header?: unknown })._header;
  if (typeof head !== 'string') {
    const set = Object.entries(res.getHeaders()).flatMap(([n, v]) =>
      (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined).map((x): HeaderLine => [n, String(x)]),
    );
    return new SetLines(set);
  }
  for (const recent of recentWritten) if (recent.head === head) return recent;
  return remember(recentWritten, new WrittenLines(head));
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
  // Decoded in place: a subarray would be one more object on every recorded exchange.
  return { body: buf.toString('utf8', 0, Math.min(buf.length, RECORDED_BODY_LIMIT)), bodyBytes: buf.length };
}
