/**
 * Which response headers the page's script can read.
 * fetch.spec.whatwg.org/#cors-safelisted-response-header-name and
 * fetch.spec.whatwg.org/#concept-filtered-response-cors
 */
import { headerGet, tokenList } from '../cors-checks.ts';
import type { HeaderLine } from '../policy-answer.ts';

/** fetch.spec.whatwg.org/#cors-safelisted-response-header-name */
export const SAFELISTED_RESPONSE_HEADERS = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];

/** fetch.spec.whatwg.org/#forbidden-response-header-name: never readable by a script. */
export const FORBIDDEN_RESPONSE_HEADERS = ['set-cookie', 'set-cookie2'];

/** Names listed in Access-Control-Expose-Headers, lowercased; one item that is not a token voids the whole list. */
export function exposeList(headers: readonly HeaderLine[]): string[] {
  return (tokenList(headerGet(headers, 'Access-Control-Expose-Headers')) ?? []).map((s) => s.toLowerCase());
}

/**
 * The lowercased, sorted names among `headers` a script can read from a CORS
 * response: the safelisted ones, those exposed by name, and with `*` (only
 * without credentials) all of them; never Set-Cookie.
 */
export function readableHeaders(headers: readonly HeaderLine[], withCredentials: boolean, crossOrigin: boolean): string[] {
  const exposed = exposeList(headers);
  const all = !withCredentials && exposed.includes('*');
  const names = new Set(headers.map(([n]) => n.toLowerCase()));
  return [...names]
    .filter((n) => !FORBIDDEN_RESPONSE_HEADERS.includes(n))
    .filter((n) => !crossOrigin || all || SAFELISTED_RESPONSE_HEADERS.includes(n) || exposed.includes(n))
    .sort();
}
