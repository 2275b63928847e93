/**
 * Hand-built evidence for lesson 13: a `<script src>` load as the lab sees
 * it. server01 receives a GET with no Origin (a no-cors request) and answers
 * from its JSONP route; the page reports what the callback received and what
 * the loaded script did. Not exported from the package.
 */
import type { ScriptLoad } from '../jsonp.ts';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { actualHeaders, type HeaderLine } from '../policy-answer.ts';
import type { LabRequest } from '../request-classification.ts';
import type { ScriptResult } from '../send-verdict.ts';
import type { ServerRecord } from '../wire.ts';
import { pathOf } from './checks.ts';
import { sendEvidence } from './evidence.ts';
import { PAGE } from './evidence-fixtures.ts';
import { SERVER01 } from './evidence-http-fixtures.ts';
import type { SendEvidence } from './types.ts';

export const CALLBACK = 'corsLabJsonp_t1';
export const JSONP_CALL = `/**/ typeof ${CALLBACK} === 'function' && ${CALLBACK}({"data":"server----001"});`;
export const RECEIVED = '{"data":"server----001"}';

/** What a browser adds to a script element's request on a trustworthy origin. */
export const SCRIPT_REQUEST_HEADERS: readonly HeaderLine[] = [
  ['Accept', '*/*'],
  ['Sec-Fetch-Site', 'same-site'],
  ['Sec-Fetch-Mode', 'no-cors'],
  ['Sec-Fetch-Dest', 'script'],
  ['Referer', `${PAGE}/`],
];

export interface ScriptSendOptions {
  /** As the learner typed it; `callback=?` is filled with CALLBACK on the wire. */
  readonly url?: string;
  readonly policy?: Partial<Policy>;
  readonly status?: number;
  readonly contentType?: string;
  readonly body?: string;
  /** What the page saw; a load by default, an error event for a status outside 200–299. */
  readonly result?: Partial<ScriptLoad> | { readonly kind: 'error'; readonly message: string };
  /** Headers the browser sent, when they differ from a script element's (an Origin, to test the mismatch). */
  readonly requestHeaders?: readonly HeaderLine[];
  /** A preflight record, to test what the explainer says when one shows up. */
  readonly preflight?: ServerRecord;
  readonly number?: number;
}

/** A server01 record of one exchange for lesson 13's fixtures. */
export function jsonpRecord(kind: ServerRecord['kind'], method: string, url: string, headers: readonly HeaderLine[], status: number, answer: readonly HeaderLine[], body: string): ServerRecord {
  return {
    kind,
    parser: 'node',
    answeredBy: 'policy',
    request: { method, url: pathOf(url).concat(url.includes('?') ? url.slice(url.indexOf('?')) : ''), httpVersion: '1.1', headers: [...headers], body: '', bodyBytes: 0 },
    response: { status, headers: [...answer], body, bodyBytes: body.length },
    receivedAt: 0,
    respondedAt: 1,
  };
}

/** What the page saw: a load that called back, unless told otherwise; an error event for a status outside 200–299. */
function resultOf(r: ScriptSendOptions['result'], status: number): ScriptResult {
  if (r !== undefined && 'message' in r) return r;
  if (r === undefined && (status < 200 || status > 299)) return { kind: 'error', message: 'script element: error event' };
  return { kind: 'script', received: RECEIVED, titleChanged: null, elementsAdded: 0, thrown: null, ...r };
}

/** One script-tag send to server01, as the lab would see it. */
export function simulateScript(opts: ScriptSendOptions = {}): SendEvidence {
  const policy: Policy = { ...EMPTY_POLICY, ...opts.policy };
  const url = opts.url ?? `${SERVER01}/data.jsonp?callback=?`;
  const request: LabRequest = { api: 'script', method: 'GET', url, headers: [], body: '', credentials: 'include' };
  const status = opts.status ?? 200;
  const body = opts.body ?? JSONP_CALL;
  // A script load has no Origin, so a policy that answers by Origin adds nothing; `*` still shows.
  const answer: HeaderLine[] = [...actualHeaders(policy, undefined), ['Content-Type', opts.contentType ?? 'text/javascript; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']];
  const wireUrl = url.replace('callback=?', `callback=${CALLBACK}`);
  const records = [...(opts.preflight === undefined ? [] : [opts.preflight]), jsonpRecord('actual', 'GET', wireUrl, opts.requestHeaders ?? SCRIPT_REQUEST_HEADERS, status, answer, body)];
  const result = resultOf(opts.result, status);
  const send = { id: 's', number: opts.number ?? 1, request, pageOrigin: PAGE, startedAt: 0, result, policy };
  const evidence = sendEvidence(send, records);
  if (evidence === null) throw new Error('a settled send always gives evidence');
  return evidence;
}
