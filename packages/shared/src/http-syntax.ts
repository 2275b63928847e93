/**
 * HTTP syntax rules the lab checks before anything reaches the wire.
 * Pure predicates: the policy schema, server01 and the editor share them.
 */

/** RFC 9110 §5.6.2 token: what a method and a header name must be. */
export const TOKEN_PATTERN = "^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$";
const tokenRe = new RegExp(TOKEN_PATTERN);

/**
 * A header value Node will write and Fetch accepts: no CR, LF or NUL
 * (fetch.spec.whatwg.org/#header-value), only HTAB, visible ASCII, space and
 * obs-text bytes, and no leading or trailing whitespace.
 */
export const HEADER_VALUE_PATTERN = '^(?:[\\x21-\\x7e\\x80-\\xff](?:[\\t\\x20-\\x7e\\x80-\\xff]*[\\x21-\\x7e\\x80-\\xff])?)?$';
const headerValueRe = new RegExp(HEADER_VALUE_PATTERN);

/**
 * A serialized origin (html.spec.whatwg.org/#ascii-serialisation-of-an-origin):
 * lowercase scheme, `://`, lowercase host, and a port only when it is not the
 * scheme's default; no path, no trailing slash. Or the opaque origin `null`.
 */
export const ORIGIN_PATTERN =
  '^(?:null|[a-z][a-z0-9+.\\-]*://(?:[a-z0-9\\-._~%!$&\'()*+,;=]+|\\[[0-9a-f:.]+\\])(?::(?:0|[1-9][0-9]{0,4}))?)$';
const originRe = new RegExp(ORIGIN_PATTERN);

export function isToken(s: string): boolean {
  return tokenRe.test(s);
}

export function isHeaderValue(s: string): boolean {
  return headerValueRe.test(s);
}

const defaultPorts: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' };

export function isSerializedOrigin(s: string): boolean {
  if (!originRe.test(s)) return false;
  if (s === 'null') return true;
  const port = /:(\d+)$/.exec(s.slice(s.indexOf('://') + 3))?.[1];
  if (port === undefined) return true;
  const scheme = s.slice(0, s.indexOf('://'));
  return Number(port) <= 65535 && defaultPorts[scheme] !== port;
}

/** Methods Fetch byte-uppercases (fetch.spec.whatwg.org/#concept-method-normalize); others are sent as typed. */
const NORMALIZED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'] as const;

/** Fetch's method normalization: `patch` stays `patch`, `put` becomes `PUT`. */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return (NORMALIZED_METHODS as readonly string[]).includes(upper) ? upper : method;
}

/** fetch.spec.whatwg.org/#forbidden-method: the browser refuses to send these. */
export function isForbiddenMethod(method: string): boolean {
  return ['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase());
}

/** fetch.spec.whatwg.org/#cors-safelisted-method */
export function isCorsSafelistedMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'POST';
}

/** Methods Node's HTTP parser (llhttp) accepts; any other method it rejects before a route runs. */
export const NODE_PARSER_METHODS: readonly string[] = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH',
  'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST',
  'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE',
  'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE',
];
