/**
 * An exchange's record, made from references taken as the answer finished.
 * Taking them costs next to nothing; making the record (header tuples, body
 * text) is left to the lab, which does it once, when someone needs it.
 */
import type { ServerRecord } from '@cors-lab/shared';
import { bodyText, receivedHeaders, writtenHeaders, type WrittenHead } from './wire-capture.ts';

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
export class FinishedExchange {
  readonly kind: ServerRecord['kind'];
  readonly answeredBy: ServerRecord['answeredBy'];
  /** The library that answered, if one did. */
  readonly backend: string | undefined;
  /** As received. */
  readonly method: string;
  /** As received, lab prefix included. */
  readonly url: string;
  readonly httpVersion: string;
  /** Node's `rawHeaders`: names and values in the order received. */
  readonly rawHeaders: readonly string[];
  readonly requestBody: unknown;
  readonly status: number;
  readonly written: WrittenHead;
  /** undefined when no body went on the wire (HEAD, 204, 304). */
  readonly responseBody: unknown;
  readonly receivedAt: number;
  readonly respondedAt: number;

  constructor(f: FinishedExchange) {
    this.kind = f.kind;
    this.answeredBy = f.answeredBy;
    this.backend = f.backend;
    this.method = f.method;
    this.url = f.url;
    this.httpVersion = f.httpVersion;
    this.rawHeaders = f.rawHeaders;
    this.requestBody = f.requestBody;
    this.status = f.status;
    this.written = f.written;
    this.responseBody = f.responseBody;
    this.receivedAt = f.receivedAt;
    this.respondedAt = f.respondedAt;
  }
}

export function recordOf(f: FinishedExchange): ServerRecord {
  const received = bodyText(f.requestBody);
  const sent = bodyText(f.responseBody);
  const request = {
    method: f.method,
    url: f.url,
    httpVersion: f.httpVersion,
    headers: receivedHeaders(f.rawHeaders),
    body: received.body,
    bodyBytes: received.bodyBytes,
  };
  const response = { status: f.status, headers: writtenHeaders(f.written), body: sent.body, bodyBytes: sent.bodyBytes };
  const { kind, answeredBy, backend, receivedAt, respondedAt } = f;
  return backend === undefined
    ? { kind, parser: 'node', answeredBy, request, response, receivedAt, respondedAt }
    : { kind, parser: 'node', answeredBy, backend, request, response, receivedAt, respondedAt };
}
