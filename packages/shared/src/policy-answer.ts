/**
 * Policy to headers: the one function that decides what server01 sends.
 * server01 answers with it; the editor previews with it.
 */
import { matchesOriginPattern } from './origin-patterns.ts';
import type { Policy, RawHeaders } from './policy.ts';

export type HeaderLine = [name: string, value: string];

/** What server01 needs to know of a request to answer it. */
export interface CorsRequest {
  readonly method: string;
  /** The request's Origin header, if any. */
  readonly origin: string | undefined;
  /** OPTIONS with an Access-Control-Request-Method header. */
  readonly isPreflight: boolean;
}

export type AnsweredBy = 'policy' | 'raw' | 'routes';

export interface CorsAnswer {
  readonly answeredBy: AnsweredBy;
  /** null: the route decides the status. */
  readonly status: number | null;
  readonly headers: readonly HeaderLine[];
  /** Set only by a raw answer that gives a body. */
  readonly body?: string;
}

/** fetch.spec.whatwg.org/#cors-preflight-request: an OPTIONS request carrying Access-Control-Request-Method. */
export function isPreflight(method: string, requestMethodHeader: string | undefined): boolean {
  return method === 'OPTIONS' && requestMethodHeader !== undefined;
}

/** The Access-Control-Allow-Origin value the policy gives this Origin, or null for none. */
export function allowOriginValue(policy: Policy, origin: string | undefined): string | null {
  switch (policy.allowOrigin) {
    case 'none':
      return null;
    case '*':
      return '*';
    case 'list':
      // `null` is listed like any origin, and then every sandboxed document and data: URL shares it.
      return origin !== undefined && (policy.originList.includes(origin) || matchesOriginPattern(policy.originPatterns ?? [], origin)) ? origin : null;
    case 'reflect':
      return origin ?? null;
  }
}

/** Expands raw headers, a list value giving one line per value. */
export function rawHeaderLines(headers: RawHeaders): HeaderLine[] {
  return Object.entries(headers).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((x): HeaderLine => [name, x]));
}

// A response whose Access-Control-Allow-Origin depends on Origin must say so to
// caches: fetch.spec.whatwg.org/#cors-protocol-and-http-caches
function varyLines(policy: Policy): HeaderLine[] {
  return policy.varyOrigin ? [['Vary', 'Origin']] : [];
}

function originLines(policy: Policy, origin: string | undefined): HeaderLine[] | null {
  const allow = allowOriginValue(policy, origin);
  if (allow === null) return null;
  const lines: HeaderLine[] = [['Access-Control-Allow-Origin', allow]];
  if (policy.allowCredentials) lines.push(['Access-Control-Allow-Credentials', 'true']);
  return lines;
}

/** Headers of a preflight answer: fetch.spec.whatwg.org/#http-responses */
export function preflightHeaders(policy: Policy, origin: string | undefined): HeaderLine[] {
  const base = originLines(policy, origin);
  if (base === null) return varyLines(policy);
  const lines = [...base];
  if (policy.allowMethods.length > 0) lines.push(['Access-Control-Allow-Methods', policy.allowMethods.join(', ')]);
  if (policy.allowHeaders.length > 0) lines.push(['Access-Control-Allow-Headers', policy.allowHeaders.join(', ')]);
  if (policy.maxAge !== null) lines.push(['Access-Control-Max-Age', String(policy.maxAge)]);
  return [...lines, ...varyLines(policy)];
}

/** Headers of an actual (non-preflight) answer. */
export function actualHeaders(policy: Policy, origin: string | undefined): HeaderLine[] {
  const base = originLines(policy, origin);
  if (base === null) return varyLines(policy);
  const lines = [...base];
  if (policy.exposeHeaders.length > 0) lines.push(['Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')]);
  return [...lines, ...varyLines(policy)];
}

/** How server01 answers this request under this policy. */
export function answerFor(policy: Policy, req: CorsRequest): CorsAnswer {
  if (policy.raw.enabled) {
    const raw = req.isPreflight ? policy.raw.preflight : policy.raw.actual;
    const headers = rawHeaderLines(raw.headers);
    return raw.body === undefined
      ? { answeredBy: 'raw', status: raw.status, headers }
      : { answeredBy: 'raw', status: raw.status, headers, body: raw.body };
  }
  if (req.isPreflight && policy.preflight === 'policy') {
    return { answeredBy: 'policy', status: policy.preflightStatus, headers: preflightHeaders(policy, req.origin) };
  }
  // A server without preflight handling runs OPTIONS through its routes, and
  // its CORS middleware adds the same headers it adds to every response.
  return { answeredBy: 'routes', status: null, headers: actualHeaders(policy, req.origin) };
}
