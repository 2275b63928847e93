/**
 * The browser's checks on server01's answers, as Fetch defines them.
 * Each failure is a member of a closed catalogue with its words and its link.
 */
import type { HeaderLine } from './policy-answer.ts';
import { isCorsSafelistedMethod } from './http-syntax.ts';

const SPEC = 'https://fetch.spec.whatwg.org/';

export const FAILURES = {
  'no-allow-origin': { spec: `${SPEC}#cors-check`, title: 'No Access-Control-Allow-Origin' },
  'multiple-allow-origin': { spec: `${SPEC}#cors-check`, title: 'More than one Access-Control-Allow-Origin' },
  'origin-mismatch': { spec: `${SPEC}#cors-check`, title: 'Access-Control-Allow-Origin names another origin' },
  'wildcard-with-credentials': { spec: `${SPEC}#cors-check`, title: '* with credentials' },
  'credentials-not-true': { spec: `${SPEC}#cors-check`, title: 'Access-Control-Allow-Credentials is not true' },
  'preflight-status': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Preflight status is not 2xx' },
  'method-not-allowed': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Method not in Access-Control-Allow-Methods' },
  'header-not-allowed': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Header not in Access-Control-Allow-Headers' },
} as const;

export type FailureCode = keyof typeof FAILURES;

export interface Failure {
  readonly code: FailureCode;
  /** Plain words, naming the header and the value. */
  readonly text: string;
  readonly spec: string;
}

const fail = (code: FailureCode, text: string): Failure => ({ code, text, spec: FAILURES[code].spec });

/** Every value of a header, in order (names compare case-insensitively). */
export function headerValues(headers: readonly HeaderLine[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

/** The header's values combined as Fetch does, joined with ", "; null if absent. */
export function headerGet(headers: readonly HeaderLine[], name: string): string | null {
  const values = headerValues(headers, name);
  return values.length === 0 ? null : values.join(', ');
}

const listOf = (value: string | null) =>
  value === null ? [] : value.split(',').map((s) => s.trim()).filter((s) => s !== '');

/** fetch.spec.whatwg.org/#cors-check */
export function corsCheck(headers: readonly HeaderLine[], origin: string, withCredentials: boolean): Failure | null {
  const values = headerValues(headers, 'Access-Control-Allow-Origin');
  if (values.length === 0) {
    return fail('no-allow-origin', `The response has no Access-Control-Allow-Origin header, so the browser does not let ${origin} read it.`);
  }
  const allow = values.join(', ');
  if (values.length > 1 || allow.includes(',')) {
    return fail('multiple-allow-origin', `Access-Control-Allow-Origin is "${allow}": it must be exactly one origin or *; a server with a list must pick the one that matches.`);
  }
  if (allow === '*' && !withCredentials) return null;
  if (allow === '*') {
    return fail('wildcard-with-credentials', 'Access-Control-Allow-Origin is *, but the request carries credentials: then the server must name the origin exactly.');
  }
  if (allow !== origin) {
    return fail('origin-mismatch', `Access-Control-Allow-Origin is "${allow}", but the page's origin is "${origin}"; they must match byte for byte.`);
  }
  if (!withCredentials) return null;
  const credentials = headerGet(headers, 'Access-Control-Allow-Credentials');
  if (credentials !== 'true') {
    return fail('credentials-not-true', `The request carries credentials, so Access-Control-Allow-Credentials must be exactly "true"; it is ${credentials === null ? 'absent' : `"${credentials}"`}.`);
  }
  return null;
}

export interface PreflightAsk {
  /** The actual request's method, normalized. */
  readonly method: string;
  /** What Access-Control-Request-Headers listed. */
  readonly unsafeHeaderNames: readonly string[];
  readonly withCredentials: boolean;
}

/** fetch.spec.whatwg.org/#cors-preflight-fetch, steps after the response arrives. */
export function preflightCheck(status: number, headers: readonly HeaderLine[], origin: string, ask: PreflightAsk): Failure | null {
  const access = corsCheck(headers, origin, ask.withCredentials);
  if (access !== null) return access;
  if (status < 200 || status > 299) {
    return fail('preflight-status', `The preflight was answered ${status}; the browser needs a 2xx ("ok") status before it sends the actual request.`);
  }
  const methods = listOf(headerGet(headers, 'Access-Control-Allow-Methods'));
  const methodOk = isCorsSafelistedMethod(ask.method) || methods.includes(ask.method) || (!ask.withCredentials && methods.includes('*'));
  if (!methodOk) {
    const got = methods.length === 0 ? 'the preflight answer has no Access-Control-Allow-Methods' : `Access-Control-Allow-Methods is "${methods.join(', ')}"`;
    return fail('method-not-allowed', `${ask.method} needs to be allowed, but ${got}${methods.includes('*') ? ' (* does not count with credentials)' : ''}.`);
  }
  const allowed = listOf(headerGet(headers, 'Access-Control-Allow-Headers')).map((h) => h.toLowerCase());
  const wildcard = !ask.withCredentials && allowed.includes('*');
  for (const name of ask.unsafeHeaderNames) {
    // Authorization is a CORS non-wildcard request-header name: * never covers it
    // (fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name).
    const nonWildcard = name === 'authorization';
    if (allowed.includes(name) || (wildcard && !nonWildcard)) continue;
    const got = allowed.length === 0 ? 'the preflight answer has no Access-Control-Allow-Headers' : `Access-Control-Allow-Headers is "${allowed.join(', ')}"`;
    const why = !allowed.includes('*') ? '' : nonWildcard ? ' (* does not cover Authorization)' : ' (* does not count with credentials)';
    return fail('header-not-allowed', `The request header ${name} needs to be allowed, but ${got}${why}.`);
  }
  return null;
}
