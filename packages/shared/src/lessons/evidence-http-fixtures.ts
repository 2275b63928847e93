/**
 * Hand-built evidence for lessons about what a route says beyond CORS:
 * cookies, exposed headers, validators, timing. server01 answers from the
 * policy plus the route's own status and headers; the browser checks as the
 * explainer does and lets the script read what readableHeaders allows.
 * Not exported from the package.
 */
import { corsCheck, preflightCheck } from '../cors-checks.ts';
import { readableHeaders } from '../explainer/exposed-headers.ts';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { actualHeaders, preflightHeaders, type HeaderLine } from '../policy-answer.ts';
import { classify, senderOrigin, type LabRequest } from '../request-classification.ts';
import type { ServerRecord } from '../wire.ts';
import { pathOf } from './checks.ts';
import { sendEvidence } from './evidence.ts';
import { PAGE } from './evidence-fixtures.ts';
import type { SendEvidence } from './types.ts';

export const SERVER01 = 'http://localhost:8000';
export const SERVER01_OTHER = 'http://127.0.0.1:8000';

export interface HttpSendOptions {
  readonly request?: Partial<LabRequest>;
  readonly policy?: Partial<Policy>;
  /** What the route answers besides the policy's CORS headers. */
  readonly route?: { readonly status?: number; readonly headers?: readonly HeaderLine[]; readonly body?: string };
  /** Headers the browser adds to the actual request (a Cookie). */
  readonly browserHeaders?: readonly HeaderLine[];
  /** The browser's preflight cache answered: no OPTIONS reaches server01. */
  readonly fromCache?: boolean;
  /** When server01 received this send's first request, epoch ms. */
  readonly at?: number;
  readonly number?: number;
}

function record(kind: ServerRecord['kind'], method: string, url: string, headers: HeaderLine[], status: number, answer: HeaderLine[], body: string, at: number): ServerRecord {
  return {
    kind,
    parser: 'node',
    answeredBy: 'policy',
    request: { method, url: pathOf(url), httpVersion: '1.1', headers, body: '', bodyBytes: 0 },
    response: { status, headers: answer, body, bodyBytes: body.length },
    receivedAt: at,
    respondedAt: at + 1,
  };
}

/** One send to a route of server01, as the lab would see it. */
export function simulateHttp(opts: HttpSendOptions = {}): SendEvidence {
  const policy: Policy = { ...EMPTY_POLICY, ...opts.policy };
  const request: LabRequest = { api: 'fetch', method: 'GET', url: `${SERVER01}/getData.html`, headers: [], body: '', credentials: 'same-origin', ...opts.request };
  // A request `from` another origin (lesson 12) carries that Origin, and the browser checks for it.
  const page = senderOrigin(request, PAGE);
  const c = classify(request, page);
  const at = opts.at ?? 0;
  const origin: HeaderLine = ['Origin', page];
  const records: ServerRecord[] = [];
  let blocked = false;
  if (c.needsPreflight && opts.fromCache !== true) {
    const asked: HeaderLine[] = [origin, ['Access-Control-Request-Method', c.method]];
    if (c.unsafeHeaderNames.length > 0) asked.push(['Access-Control-Request-Headers', c.unsafeHeaderNames.join(',')]);
    const answer = preflightHeaders(policy, page);
    records.push(record('preflight', 'OPTIONS', request.url, asked, policy.preflightStatus, answer, '', at));
    blocked = preflightCheck(policy.preflightStatus, answer, page, { method: c.method, unsafeHeaderNames: c.unsafeHeaderNames, withCredentials: c.withCredentials }) !== null;
  }
  const status = opts.route?.status ?? 200;
  const body = opts.route?.body ?? '';
  const answer = [...actualHeaders(policy, page), ...(opts.route?.headers ?? [])];
  if (!blocked) {
    records.push(record('actual', c.method, request.url, [...request.headers, origin, ...(opts.browserHeaders ?? [])], status, answer, body, at + 2));
    blocked = corsCheck(answer, page, c.withCredentials) !== null;
  }
  const readable = readableHeaders(answer, c.withCredentials, c.crossOrigin);
  const result = blocked
    ? { kind: 'error' as const, message: 'TypeError: Failed to fetch' }
    : { kind: 'response' as const, status, body, headers: answer.filter(([n]) => readable.includes(n.toLowerCase())) };
  const send = { id: 's', number: opts.number ?? 1, request, pageOrigin: page, startedAt: at, result, policy };
  const evidence = sendEvidence(send, records);
  if (evidence === null) throw new Error('a settled send always gives evidence');
  return evidence;
}
