/**
 * An exchange's record, made from references taken as the answer finished.
 * Taking them costs next to nothing; serializing the record is left to the
 * lab, which does it once, when someone needs it.
 */
import type { HeaderLine, PendingRecord, ServerRecord } from '@cors-lab/shared';
import { bodyText, type CapturedLines } from './wire-capture.ts';

/** A string as JSON. */
const str = (s: string) => JSON.stringify(s);
/** A number as JSON (`String` gives the same text for every finite number). */
const num = (n: number) => (Number.isFinite(n) ? String(n) : 'null');

/** A time kept to the microsecond, as a record carries it: epoch milliseconds with at most three decimals. */
const toMicroseconds = (ms: number) => Math.round(ms * 1000) / 1000;

/** The decimals of each number of microseconds, as JSON writes them: '', '.001', …, '.01', …, '.999'. */
const DECIMALS = Array.from({ length: 1000 }, (_, us) => (us === 0 ? '' : `.${String(us).padStart(3, '0').replace(/0+$/, '')}`));
/**
 * Below it a millisecond holds more than 1,000 doubles (2^43 ms is in the
 * year 2248), so a time kept to the microsecond is the double nearest its
 * decimals, and they are its shortest form: its JSON, trailing zeros cut.
 */
const EXACT_MS = 2 ** 43;
let lastMs = -1;
let lastMsText = '';

/**
 * `JSON.stringify(t)` of a time kept to the microsecond. Turning a double
 * with decimals into its shortest text is the dearest step of a record, done
 * twice for each; this writes the whole milliseconds (the same for twenty
 * records in a row under load) and looks the decimals up.
 */
function timeJson(t: number): string {
  const us = Math.round(t * 1000);
  if (!(us >= 0 && us < EXACT_MS * 1000 && us / 1000 === t)) return num(t);
  const decimals = us % 1000;
  const ms = (us - decimals) / 1000;
  if (ms !== lastMs) {
    lastMs = ms;
    lastMsText = String(ms);
  }
  return lastMsText + DECIMALS[decimals]!;
}

/**
 * What a record is made of, as it was when the answer finished; nothing here
 * changes afterwards. Kept until its record is made: a class, not an object
 * literal. V8 counts how many objects of each literal outlive a minor GC;
 * when a burst of them all has, it allocates that literal in the old
 * generation from then on (allocation-site pretenuring). An unwatched lab
 * keeps its last exchanges for a moment, so that could happen here, and then
 * every dead exchange, old, kept the young request data it points to alive
 * until the next full GC: each minor GC promoted 1.4 MB and took 6 ms instead
 * of 2 (seen in 3 of 8 runs under load). Objects made by a constructor carry
 * no allocation site, so they are never pretenured. The constructor takes
 * the same fields as a literal, which dies at once.
 */
export class FinishedExchange implements PendingRecord {
  readonly kind: ServerRecord['kind'];
  readonly answeredBy: ServerRecord['answeredBy'];
  /** The library that answered, if one did. */
  readonly backend: string | undefined;
  /** As received. */
  readonly method: string;
  /** As received, lab prefix included. */
  readonly url: string;
  readonly httpVersion: string;
  /** In the order received, names as the client wrote them. */
  readonly requestHeaders: CapturedLines;
  readonly requestBody: unknown;
  readonly status: number;
  /** As Node wrote them. */
  readonly responseHeaders: CapturedLines;
  /** undefined when no body went on the wire (HEAD, 204, 304). */
  readonly responseBody: unknown;
  /** Epoch milliseconds, to the microsecond. */
  readonly receivedAt: number;
  readonly respondedAt: number;

  constructor(f: Omit<FinishedExchange, 'eventJson'>) {
    this.kind = f.kind;
    this.answeredBy = f.answeredBy;
    this.backend = f.backend;
    this.method = f.method;
    this.url = f.url;
    this.httpVersion = f.httpVersion;
    this.requestHeaders = f.requestHeaders;
    this.requestBody = f.requestBody;
    this.status = f.status;
    this.responseHeaders = f.responseHeaders;
    this.responseBody = f.responseBody;
    this.receivedAt = toMicroseconds(f.receivedAt);
    this.respondedAt = toMicroseconds(f.respondedAt);
  }

  /**
   * `JSON.stringify({ type: 'record', seq, record: recordOf(this) })`, byte
   * for byte, written straight from what was captured: no record object in
   * between. Under load a watched lab does this for every exchange, and
   * `JSON.stringify` of the record had taken a tenth of its CPU
   * (exchange-record.test.ts holds this text to it). Most of the text is
   * the same as the last exchange's with the same header lists (see
   * `samePart`): only the sequence number and the times are new.
   */
  eventJson(seq: number): string {
    return (
      `{"type":"record","seq":${num(seq)},"record":{` +
      samePart(requestParts, this.requestHeaders, this, requestKeyEqual, requestText) +
      samePart(bodyParts, this.requestHeaders, this.requestBody, sameBody, bodyJson) +
      samePart(responseParts, this.responseHeaders, this, responseKeyEqual, responseText) +
      `,"receivedAt":${timeJson(this.receivedAt)},"respondedAt":${timeJson(this.respondedAt)}}}`
    );
  }
}

/**
 * A part of a record's JSON kept with the header list it holds, for the next
 * exchange captured with the same list (a page sends the same few requests
 * again and again, and equal lists captured close together are one object):
 * the part is made again only when what else it is made of differs. Its key
 * is that exchange, or its body.
 */
interface Kept<K> {
  readonly key: K;
  readonly text: string;
}

function samePart<K>(kept: WeakMap<CapturedLines, Kept<K>>, lines: CapturedLines, key: K, same: (a: K, b: K) => boolean, make: (key: K) => string): string {
  const found = kept.get(lines);
  if (found !== undefined && same(found.key, key)) return found.text;
  const text = make(key);
  kept.set(lines, { key, text });
  return text;
}

const requestParts = new WeakMap<CapturedLines, Kept<FinishedExchange>>();
const bodyParts = new WeakMap<CapturedLines, Kept<unknown>>();
const responseParts = new WeakMap<CapturedLines, Kept<FinishedExchange>>();

/** The record up to the request's body: what it was and how it came, and its header lines. */
const requestText = (f: FinishedExchange) =>
  `"kind":${str(f.kind)},"parser":"node","answeredBy":${str(f.answeredBy)}` +
  (f.backend === undefined ? '' : `,"backend":${str(f.backend)}`) +
  `,"request":{"method":${str(f.method)},"url":${str(f.url)},"httpVersion":${str(f.httpVersion)},"headers":${f.requestHeaders.json}`;

const requestKeyEqual = (a: FinishedExchange, b: FinishedExchange) =>
  a.method === b.method && a.url === b.url && a.kind === b.kind && a.answeredBy === b.answeredBy && a.backend === b.backend && a.httpVersion === b.httpVersion;

/** The request's body, and the end of the request. */
function bodyJson(payload: unknown): string {
  const { body, bodyBytes } = bodyText(payload);
  return `,"body":${str(body)},"bodyBytes":${num(bodyBytes)}}`;
}

/** A body Buffer is new on every request: a short one is compared by its bytes. */
const sameBody = (a: unknown, b: unknown) => a === b || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && b.length <= 256 && a.equals(b));

/** The response: status, header lines and body. */
function responseText(f: FinishedExchange): string {
  const { body, bodyBytes } = bodyText(f.responseBody);
  return `,"response":{"status":${num(f.status)},"headers":${f.responseHeaders.json},"body":${str(body)},"bodyBytes":${num(bodyBytes)}}`;
}

const responseKeyEqual = (a: FinishedExchange, b: FinishedExchange) => a.status === b.status && sameBody(a.responseBody, b.responseBody);

const copied = (captured: CapturedLines) => captured.lines.map(([name, value]): HeaderLine => [name, value]);

/** The record as an object: the definition `eventJson` serializes. */
export function recordOf(f: FinishedExchange): ServerRecord {
  const received = bodyText(f.requestBody);
  const sent = bodyText(f.responseBody);
  const request = {
    method: f.method,
    url: f.url,
    httpVersion: f.httpVersion,
    headers: copied(f.requestHeaders),
    body: received.body,
    bodyBytes: received.bodyBytes,
  };
  const response = { status: f.status, headers: copied(f.responseHeaders), body: sent.body, bodyBytes: sent.bodyBytes };
  const { kind, answeredBy, backend, receivedAt, respondedAt } = f;
  return backend === undefined
    ? { kind, parser: 'node', answeredBy, request, response, receivedAt, respondedAt }
    : { kind, parser: 'node', answeredBy, backend, request, response, receivedAt, respondedAt };
}
