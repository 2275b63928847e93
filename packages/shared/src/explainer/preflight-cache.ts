/**
 * The browser's preflight cache as Chromium keeps it: per origin, URL and
 * credentials mode; 5 s when Access-Control-Max-Age is absent; at most 2 h;
 * 0 caches nothing. fetch.spec.whatwg.org/#cors-preflight-cache
 */
import { headerGet, tokenList } from '../cors-checks.ts';
import { isCorsSafelistedMethod } from '../http-syntax.ts';
import type { HeaderLine } from '../policy-answer.ts';

/** Chromium's default when Max-Age is absent (the standard says 5 s too). */
export const DEFAULT_MAX_AGE_S = 5;
/** Chromium's cap; older articles say 10 minutes, which was an earlier Chromium's. */
export const MAX_AGE_CAP_S = 7200;

export interface CacheEntry {
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  readonly withCredentials: boolean;
  /** Seconds the entry lives. */
  readonly maxAge: number;
}


/**
 * Seconds the preflight answer may be cached for, as Chromium reads
 * Access-Control-Max-Age (base::StringToInt64): absent, not a number, two
 * lines or out of range give the 5 s default; a sign is allowed; below 0
 * counts as 0; above 7200 is cut to 7200.
 */
export function cacheSeconds(headers: readonly HeaderLine[]): number {
  const raw = headerGet(headers, 'Access-Control-Max-Age');
  if (raw === null || !/^[+-]?\d+$/.test(raw)) return DEFAULT_MAX_AGE_S;
  const n = BigInt(raw.replace(/^\+/, ''));
  if (n > 9223372036854775807n || n < -9223372036854775808n) return DEFAULT_MAX_AGE_S;
  return n <= 0n ? 0 : n >= BigInt(MAX_AGE_CAP_S) ? MAX_AGE_CAP_S : Number(n);
}

/** The cache entry a passed preflight leaves, or null when it caches nothing. */
export function cacheEntry(headers: readonly HeaderLine[], withCredentials: boolean): CacheEntry | null {
  const maxAge = cacheSeconds(headers);
  if (maxAge <= 0) return null;
  return {
    methods: tokenList(headerGet(headers, 'Access-Control-Allow-Methods')) ?? [],
    headers: (tokenList(headerGet(headers, 'Access-Control-Allow-Headers')) ?? []).map((h) => h.toLowerCase()),
    withCredentials,
    maxAge,
  };
}

/** Whether a live entry lets this request skip its preflight. */
export function cacheCovers(entry: CacheEntry, method: string, unsafeHeaderNames: readonly string[], withCredentials: boolean): boolean {
  if (withCredentials && !entry.withCredentials) return false;
  // `*` is literal for a credentialed request, and in an entry a credentialed preflight made.
  const wildcard = !withCredentials && !entry.withCredentials;
  const methodOk = isCorsSafelistedMethod(method) || entry.methods.includes(method) || (wildcard && entry.methods.includes('*'));
  // A cached * never covers Authorization in Chromium, though a fresh preflight's does.
  const headersOk = unsafeHeaderNames.every(
    (h) => entry.headers.includes(h) || (wildcard && entry.headers.includes('*') && h !== 'authorization'),
  );
  return methodOk && headersOk;
}
