/**
 * An exchange's record, made from references taken as the answer finished.
 * Taking them costs next to nothing; making the record (header tuples, body
 * text) is left to the lab, which does it once, when someone needs it.
 */
import type { ServerRecord } from '@cors-lab/shared';
import { bodyText, receivedHeaders, writtenHeaders, type WrittenHead } from './wire-capture.ts';

/** What a record is made of, as it was when the answer finished. Nothing here changes afterwards. */
export interface FinishedExchange {
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
