/**
 * Whether Chromium holds a cached preflight answer for a request, read from
 * server01's records: the lab cannot look inside the browser's cache, but it
 * saw every preflight that filled it. fetch.spec.whatwg.org/#cors-preflight-cache
 */
import type { ServerRecord } from '../wire.ts';
import { classify, type LabRequest } from '../request-classification.ts';
import { cacheCovers, cacheEntry } from './preflight-cache.ts';

/** One earlier send that reached server01 with a preflight. */
export interface SentPreflight {
  readonly request: LabRequest;
  readonly pageOrigin: string;
  readonly preflight: ServerRecord;
  /** The actual request that followed it, or null: the browser sends it only after the preflight passed. */
  readonly actual: ServerRecord | null;
}

export interface PreflightCacheStatus {
  /** A live entry covers this request: the next send skips OPTIONS. */
  readonly cached: boolean;
  /** Whether the entry's methods, headers and credentials mode cover this request, live or not. */
  readonly covers: boolean;
  /** Epoch ms when the entry stops counting. */
  readonly expiresAt: number;
  /** Seconds the entry lives, as Chromium read Access-Control-Max-Age; 0 caches nothing. */
  readonly maxAge: number;
  /** The method as it goes on the wire. */
  readonly method: string;
}

/**
 * The newest entry for this request's origin and URL (a later preflight
 * replaces the entry, PreflightCache::AppendEntry), or null when the request
 * needs no preflight or no passed preflight left an entry.
 *
 * Chromium also keys the cache by network isolation key (the top-level
 * site); the lab's sends all come from one page, so that part is ignored.
 */
export function preflightCacheStatus(sent: readonly SentPreflight[], request: LabRequest, pageOrigin: string, now: number): PreflightCacheStatus | null {
  const c = classify(request, pageOrigin);
  if (!c.needsPreflight || c.forbiddenMethod || c.bypassesPreflightCache) return null;
  for (let i = sent.length - 1; i >= 0; i--) {
    const s = sent[i]!;
    if (s.request.url !== request.url || s.pageOrigin !== pageOrigin) continue;
    // No actual request: the preflight failed, and a failed preflight leaves no entry.
    // A conditional request neither reads nor fills the cache.
    if (s.actual === null || classify(s.request, s.pageOrigin).bypassesPreflightCache) continue;
    const entry = cacheEntry(s.preflight.response.headers, classify(s.request, s.pageOrigin).withCredentials);
    // Max-Age 0 or below: the answer was good for that one request only, and covers nothing after it.
    if (entry === null) return { cached: false, covers: false, expiresAt: s.actual.receivedAt, maxAge: 0, method: c.method };
    // Chromium stores the entry when the preflight answer arrives, between server01 answering it and
    // receiving the actual request; the later time never says "expired" too early. (Server clock: the lab
    // serves the page from the same machine; a skewed clock on another machine shifts the countdown.)
    const expiresAt = s.actual.receivedAt + entry.maxAge * 1000;
    const covers = cacheCovers(entry, c.method, c.unsafeHeaderNames, c.withCredentials);
    return { cached: covers && now < expiresAt, covers, expiresAt, maxAge: entry.maxAge, method: c.method };
  }
  return null;
}
