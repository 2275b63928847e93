/** Where a recorded request went, as an absolute URL, and the size of what server01 kept of its body. */
import { headerGet } from '../cors-checks.ts';
import type { WireRequest } from '../wire.ts';

/**
 * The absolute URL of a request as server01 received it: the scheme of
 * `origin` (server01's, e.g. http://localhost:8000), the Host header the
 * browser sent (localhost:8000 or 127.0.0.1:8000, whichever the script
 * named; `origin`'s own when there is none), and the path as received.
 */
export function requestUrl(request: WireRequest, origin: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(origin)?.[0] ?? 'http://';
  const host = headerGet(request.headers, 'Host') ?? origin.slice(scheme.length).replace(/\/.*$/, '');
  return `${scheme}${host}${request.url}`;
}

/** Bytes of a string in UTF-8, without TextEncoder (packages/shared has no DOM or Node types). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** server01 keeps only the start of a body: true when `body` is not all of its `bodyBytes`. */
export function isBodyCut(body: string, bodyBytes: number): boolean {
  return utf8Length(body) < bodyBytes;
}
