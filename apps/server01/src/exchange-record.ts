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
   * between, and the header lists' JSON made once for all the exchanges
   * that share them (see CapturedLines). Under load a watched lab does this
   * for every exchange, and `JSON.stringify` of the record had taken a tenth
   * of its CPU (exchange-record.test.ts holds this text to it).
   */
  eventJson(seq: number): string {
    const received = bodyText(this.requestBody);
    const sent = bodyText(this.responseBody);
    return (
      `{"type":"record","seq":${num(seq)},"record":{"kind":${str(this.kind)},"parser":"node","answeredBy":${str(this.answeredBy)}` +
      (this.backend === undefined ? '' : `,"backend":${str(this.backend)}`) +
      `,"request":{"method":${str(this.method)},"url":${str(this.url)},"httpVersion":${str(this.httpVersion)}` +
      `,"headers":${this.requestHeaders.json},"body":${str(received.body)},"bodyBytes":${num(received.bodyBytes)}}` +
      `,"response":{"status":${num(this.status)},"headers":${this.responseHeaders.json},"body":${str(sent.body)},"bodyBytes":${num(sent.bodyBytes)}}` +
      `,"receivedAt":${timeJson(this.receivedAt)},"respondedAt":${timeJson(this.respondedAt)}}}`
    );
  }
}

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
