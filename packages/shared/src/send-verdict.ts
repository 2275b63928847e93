/**
 * Joins one send (what the page's script got) with what server01 recorded
 * for it, and says in plain words what happened and why.
 */
import { corsCheck, preflightCheck, type Failure } from './cors-checks.ts';
import type { HeaderLine } from './policy-answer.ts';
import { classify, type Classification, type LabRequest } from './request-classification.ts';
import type { ServerRecord } from './wire.ts';

/** What the script was allowed to see. */
export type ScriptResult =
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly headers: readonly HeaderLine[] }
  /** fetch rejected with a TypeError, or XHR ended with status 0. */
  | { readonly kind: 'error'; readonly message: string };

export interface SendObservation {
  readonly id: string;
  readonly request: LabRequest;
  readonly pageOrigin: string;
  readonly startedAt: number;
  /** null while the request is in flight. */
  readonly result: ScriptResult | null;
}

export type Tone = 'pending' | 'allowed' | 'blocked' | 'not-sent' | 'same-origin';

export interface SendVerdict {
  readonly classification: Classification;
  readonly preflight: ServerRecord | null;
  readonly actual: ServerRecord | null;
  /** A preflight was needed, none reached server01, and the actual request did: the browser's preflight cache answered. */
  readonly preflightFromCache: boolean;
  readonly tone: Tone;
  readonly headline: string;
  readonly detail: string;
  readonly failure: Failure | null;
}

export function sendVerdict(send: SendObservation, records: readonly ServerRecord[]): SendVerdict {
  const classification = classify(send.request, send.pageOrigin);
  const preflight = records.find((r) => r.kind === 'preflight') ?? null;
  const actual = records.find((r) => r.kind === 'actual') ?? null;
  const preflightFromCache = classification.needsPreflight && preflight === null && actual !== null;
  const base = { classification, preflight, actual, preflightFromCache };
  const method = classification.method;
  const result = send.result;

  if (result === null) return { ...base, tone: 'pending', headline: 'Sending…', detail: '', failure: null };

  if (classification.forbiddenMethod) {
    return { ...base, tone: 'not-sent', failure: null, headline: `The browser refused to send ${method}`, detail: `${method} is a forbidden method (fetch.spec.whatwg.org/#forbidden-method): the script gets an error and nothing goes on the wire.` };
  }

  const cacheNote = preflightFromCache ? ' No OPTIONS this time: the browser used its preflight cache, filled by an earlier preflight\'s Access-Control-Max-Age.' : '';

  if (result.kind === 'response') {
    if (!classification.crossOrigin) {
      return { ...base, tone: 'same-origin', failure: null, headline: `Same origin: the script read status ${result.status}`, detail: 'The page and the URL share scheme, host and port, so no CORS check applies.' };
    }
    const allow = actual?.response.headers.find(([n]) => n.toLowerCase() === 'access-control-allow-origin')?.[1];
    const pre = preflight !== null ? ' The preflight allowed the method and headers first.' : '';
    return {
      ...base, tone: 'allowed', failure: null,
      headline: `Allowed: the script read status ${result.status}`,
      detail: `${allow === undefined ? 'The response passed the CORS check.' : `Access-Control-Allow-Origin: ${allow} lets ${send.pageOrigin} read the response.`}${pre}${cacheNote}`,
    };
  }

  const withCredentials = classification.withCredentials;
  if (preflight !== null && actual === null) {
    const failure = preflightCheck(preflight.response.status, preflight.response.headers, send.pageOrigin, {
      method, unsafeHeaderNames: classification.unsafeHeaderNames, withCredentials,
    });
    return {
      ...base, tone: 'blocked', failure,
      headline: `Blocked at the preflight: the browser never sent the ${method}`,
      detail: failure?.text ?? `The preflight looked fine to the lab, yet the browser said: ${result.message}`,
    };
  }
  if (actual !== null) {
    const failure = corsCheck(actual.response.headers, send.pageOrigin, withCredentials);
    return {
      ...base, tone: 'blocked', failure,
      headline: `server01 answered ${actual.response.status}, but the browser hid the response from the script`,
      detail: `${failure?.text ?? `The response looked fine to the lab, yet the browser said: ${result.message}`}${cacheNote}`,
    };
  }
  return {
    ...base, tone: 'blocked', failure: null,
    headline: 'Nothing reached server01',
    detail: `The script got an error (${result.message}) and server01 recorded no request: it may be down, or the URL may point elsewhere.`,
  };
}
