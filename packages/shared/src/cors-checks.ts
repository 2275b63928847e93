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
  'redirect-loop': { spec: `${SPEC}#http-redirect-fetch`, title: 'The answer redirects, and every hop gets it again' },
  'invalid-allow-methods': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Access-Control-Allow-Methods is not a list of methods' },
  'invalid-allow-headers': { spec: `${SPEC}#cors-preflight-fetch`, title: 'Access-Control-Allow-Headers is not a list of header names' },
} as const;

export type FailureCode = keyof typeof FAILURES;

export interface Failure {
  readonly code: FailureCode;
  /** Plain words, naming the header and the value. */
  readonly text: string;
  readonly spec: string;
  /** The smallest change to the server's answer that would pass this check. */
  readonly fix: string;
}

const fail = (code: FailureCode, text: string, fix: string): Failure => ({ code, text, spec: FAILURES[code].spec, fix });

/**
 * A redirect in a scenario: its server answers every request the same way, so
 * each hop redirects again and the browser gives up after 20
 * (fetch.spec.whatwg.org/#http-redirect-fetch): a network error for the script.
 */
export function redirectLoop(status: number, headers: readonly HeaderLine[]): Failure | null {
  if (![301, 302, 303, 307, 308].includes(status) || headerGet(headers, 'Location') === null) return null;
  return {
    code: 'redirect-loop',
    text: `The answer is a ${status} redirect to ${headerGet(headers, 'Location')}, and the server answers the next hop the same way; after 20 redirects the browser gives up with a network error.`,
    spec: FAILURES['redirect-loop'].spec,
    fix: 'Answer with the resource itself (2xx), or redirect once to a URL that answers with the CORS headers.',
  };
}

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

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A comma-separated list of tokens as Chromium parses it: items trimmed of
 * spaces and tabs, empty items skipped; null when an item is not a token
 * (fetch.spec.whatwg.org/#extract-header-list-values fails the same way).
 */
export function tokenList(value: string | null): string[] | null {
  if (value === null) return [];
  const items = value.split(',').map((s) => s.replace(/^[ \t]+|[ \t]+$/g, '')).filter((s) => s !== '');
  return items.every((i) => TOKEN.test(i)) ? items : null;
}

/** fetch.spec.whatwg.org/#cors-check */
export function corsCheck(headers: readonly HeaderLine[], origin: string, withCredentials: boolean): Failure | null {
  const values = headerValues(headers, 'Access-Control-Allow-Origin');
  if (values.length === 0) {
    return fail('no-allow-origin', `The response has no Access-Control-Allow-Origin header, so the browser does not let ${origin} read it.`, `Send Access-Control-Allow-Origin: ${withCredentials ? origin : '*'}${withCredentials ? '' : ` (or ${origin})`}.`);
  }
  const allow = values.join(', ');
  if (values.length > 1 || allow.includes(',')) {
    return fail('multiple-allow-origin', `Access-Control-Allow-Origin is "${allow}": it must be exactly one origin or *; a server with a list must pick the one that matches.`, `Send one Access-Control-Allow-Origin line with exactly ${origin}.`);
  }
  if (allow === '*' && !withCredentials) return null;
  if (allow === '*') {
    return fail('wildcard-with-credentials', 'Access-Control-Allow-Origin is *, but the request carries credentials: then the server must name the origin exactly.', `Send Access-Control-Allow-Origin: ${origin} instead of *, and Access-Control-Allow-Credentials: true.`);
  }
  if (allow !== origin) {
    return fail('origin-mismatch', `Access-Control-Allow-Origin is "${allow}", but the page's origin is "${origin}"; they must match byte for byte.`, `Send Access-Control-Allow-Origin: ${origin}, byte for byte.`);
  }
  if (!withCredentials) return null;
  const credentials = headerGet(headers, 'Access-Control-Allow-Credentials');
  if (credentials !== 'true') {
    return fail('credentials-not-true', `The request carries credentials, so Access-Control-Allow-Credentials must be exactly "true"; it is ${credentials === null ? 'absent' : `"${credentials}"`}.`, 'Send Access-Control-Allow-Credentials: true.');
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
    return fail('preflight-status', `The preflight was answered ${status}; the browser needs a 2xx ("ok") status before it sends the actual request.`, 'Answer the preflight (OPTIONS) with 200 or 204.');
  }
  const methodsValue = headerGet(headers, 'Access-Control-Allow-Methods');
  const methods = tokenList(methodsValue);
  if (methods === null) {
    return fail('invalid-allow-methods', `Access-Control-Allow-Methods is "${methodsValue}": every item must be a method name (an HTTP token), so the browser rejects the whole preflight.`, `Send Access-Control-Allow-Methods as a comma-separated list of method names, e.g. ${ask.method}.`);
  }
  const headersValue = headerGet(headers, 'Access-Control-Allow-Headers');
  const allowedList = tokenList(headersValue);
  if (allowedList === null) {
    return fail('invalid-allow-headers', `Access-Control-Allow-Headers is "${headersValue}": every item must be a header name (an HTTP token), so the browser rejects the whole preflight.`, 'Send Access-Control-Allow-Headers as a comma-separated list of header names.');
  }
  // Method names are case-sensitive: "put" does not allow PUT.
  const methodOk = isCorsSafelistedMethod(ask.method) || methods.includes(ask.method) || (!ask.withCredentials && methods.includes('*'));
  if (!methodOk) {
    const got = methods.length === 0 ? 'the preflight answer has no Access-Control-Allow-Methods' : `Access-Control-Allow-Methods is "${methods.join(', ')}"`;
    const caseNote = methods.some((m) => m.toLowerCase() === ask.method.toLowerCase()) ? ' (method names match case-sensitively)' : '';
    return fail('method-not-allowed', `${ask.method} needs to be allowed, but ${got}${methods.includes('*') ? ' (* does not count with credentials)' : caseNote}.`, `Add ${ask.method} to Access-Control-Allow-Methods in the preflight answer.`);
  }
  const allowed = allowedList.map((h) => h.toLowerCase());
  // Chromium 156 lets * cover Authorization on a fresh preflight (its
  // CorsNonWildcardRequestHeadersSupport feature is off by default); the
  // standard says it never does: fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name
  const wildcard = !ask.withCredentials && allowed.includes('*');
  for (const name of ask.unsafeHeaderNames) {
    if (allowed.includes(name) || wildcard) continue;
    const got = allowed.length === 0 ? 'the preflight answer has no Access-Control-Allow-Headers' : `Access-Control-Allow-Headers is "${allowed.join(', ')}"`;
    return fail('header-not-allowed', `The request header ${name} needs to be allowed, but ${got}${allowed.includes('*') ? ' (* does not count with credentials)' : ''}.`, `Add ${name} to Access-Control-Allow-Headers in the preflight answer.`);
  }
  return null;
}
