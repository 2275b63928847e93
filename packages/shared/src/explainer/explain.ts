/**
 * The explainer: from a scenario (page, request, server answers) to the
 * verdict Chromium reaches, and why, in plain words. Pure: the page, the
 * servers and the CLI run this same code.
 */
import { corsCheck, headerGet, preflightCheck, redirectLoop, type Failure } from '../cors-checks.ts';
import { isForbiddenMethod, isToken } from '../http-syntax.ts';
import type { HeaderLine } from '../policy-answer.ts';
import { classify, combineHeaders, originOfUrl, type Classification, type LabRequest } from '../request-classification.ts';
import { readableHeaders } from './exposed-headers.ts';
import { cacheCovers, cacheEntry, cacheSeconds, MAX_AGE_CAP_S, type CacheEntry } from './preflight-cache.ts';
import { scenarioHeaderLines, type Scenario, type ScenarioAnswer, type Verdict } from './scenario.ts';

/** fetch.spec.whatwg.org/#concept-header-value-normalize */
const normalizeValue = (v: string) => v.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');

/** Why fetch() itself throws before anything is sent, or null. */
export function refusedBeforeSending(request: LabRequest): string | null {
  if (!isToken(request.method)) return `"${request.method}" is not a valid method name, so fetch() throws before sending anything.`;
  if (isForbiddenMethod(request.method)) {
    return `${request.method.toUpperCase()} is a forbidden method (fetch.spec.whatwg.org/#forbidden-method): fetch() throws a TypeError and nothing goes on the wire.`;
  }
  for (const [name, value] of request.headers) {
    if (!isToken(name)) return `"${name}" is not a valid header name, so fetch() throws before sending anything.`;
    if (/[\0\r\n]/.test(value)) return `The value of ${name} contains NUL, CR or LF, so fetch() throws before sending anything.`;
    // Header values are byte strings: a character above U+00FF cannot be sent.
    if (/[^\u0000-\u00ff]/.test(value)) return `The value of ${name} has a character outside ISO-8859-1, so fetch() throws before sending anything.`;
  }
  if (request.body !== '' && ['GET', 'HEAD'].includes(request.method.toUpperCase())) {
    return `A ${request.method.toUpperCase()} request cannot have a body: fetch() throws a TypeError before sending anything.`;
  }
  if (originOfUrl(request.url) === null) return `${request.url} is not an http(s) URL, so fetch() fails without sending anything.`;
  return null;
}

/** The scenario's request as the page's script would make it. */
export function scenarioRequest(s: Scenario): LabRequest {
  return {
    api: 'fetch',
    method: s.request.method,
    url: s.request.url,
    headers: combineHeaders(Object.entries(s.request.headers ?? {}).map(([n, v]): HeaderLine => [n, normalizeValue(v)])),
    body: s.request.body ?? '',
    credentials: s.request.credentials ?? 'same-origin',
  };
}

/** A server that does not answer OPTIONS on its own answers it like any other request. */
function preflightAnswer(s: Scenario): ScenarioAnswer {
  return s.server.preflight ?? s.server.actual;
}

interface SendResult {
  readonly preflighted: boolean;
  readonly actualSent: boolean;
  readonly blockedAt: 'preflight' | 'actual' | null;
  readonly failure: Failure | null;
  readonly fromCache: boolean;
}

function describeClassification(c: Classification): string {
  if (!c.crossOrigin) return 'The page and the URL are the same origin: no CORS checks apply.';
  const dropped = c.droppedHeaders.length > 0 ? ` The browser silently drops ${c.droppedHeaders.join(', ')} (forbidden request header).` : '';
  if (!c.needsPreflight) return `A simple request: no preflight.${dropped}`;
  return `It needs a preflight because ${c.because.join(', and ')}.${dropped}`;
}

/** What the preflight cache did, where Chromium, the standard and old articles differ. */
function cacheNotes(c: Classification, pre: readonly HeaderLine[], repeat: number): string[] {
  if (!c.needsPreflight) return [];
  const notes: string[] = [];
  const maxAge = headerGet(pre, 'Access-Control-Max-Age');
  const wildcard = (headerGet(pre, 'Access-Control-Allow-Headers') ?? '').split(',').some((h) => h.trim() === '*');
  if (c.unsafeHeaderNames.includes('authorization') && wildcard && !c.withCredentials) {
    notes.push('Chromium 156 lets * in Access-Control-Allow-Headers cover Authorization on a fresh preflight; the Fetch standard says * never covers it (fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name), and Chromium\'s preflight cache already follows the standard, so each such request is preflighted again.');
  }
  if (repeat > 1 && c.bypassesPreflightCache) {
    notes.push('A conditional request (If-Match, If-None-Match, If-Modified-Since…) gets cache mode no-store, so Chromium neither reads nor fills its preflight cache for it: every send is preflighted.');
  }
  if (repeat > 1 && maxAge === null) notes.push('Without Access-Control-Max-Age Chromium keeps a preflight for 5 seconds.');
  if (maxAge !== null && cacheSeconds(pre) === MAX_AGE_CAP_S && /^\+?\d+$/.test(maxAge) && Number(maxAge) > MAX_AGE_CAP_S) {
    notes.push(`Chromium caps Access-Control-Max-Age at ${MAX_AGE_CAP_S} seconds (2 hours; articles that say 10 minutes describe older Chromium).`);
  }
  return notes;
}

export function explain(s: Scenario): Verdict {
  const request = scenarioRequest(s);
  const refused = refusedBeforeSending(request);
  const repeat = s.request.repeat ?? 1;
  if (refused !== null) {
    return { id: s.id, preflight: false, preflights: 0, actualSent: false, outcome: 'not-sent', blockedAt: null, exposedHeaders: [], reason: refused };
  }
  const c = classify(request, s.page);
  // HTTP parsing trims spaces and tabs around each header value.
  const trimmed = (lines: HeaderLine[]) => lines.map(([n, v]): HeaderLine => [n, v.replace(/^[ \t]+|[ \t]+$/g, '')]);
  const pre = trimmed(scenarioHeaderLines(preflightAnswer(s).headers));
  const actual = trimmed(scenarioHeaderLines(s.server.actual.headers));

  let cache: CacheEntry | null = null;
  const sends: SendResult[] = [];
  for (let i = 0; i < repeat; i++) {
    const fromCache = cache !== null && !c.bypassesPreflightCache && cacheCovers(cache, c.method, c.unsafeHeaderNames, c.withCredentials);
    const preflighted = c.needsPreflight && !fromCache;
    if (preflighted) {
      const failure = preflightCheck(preflightAnswer(s).status, pre, s.page, {
        method: c.method, unsafeHeaderNames: c.unsafeHeaderNames, withCredentials: c.withCredentials,
      });
      if (failure !== null) {
        sends.push({ preflighted, actualSent: false, blockedAt: 'preflight', failure, fromCache });
        continue;
      }
      // A new preflight's result replaces the entry for this URL as a whole.
      cache = c.bypassesPreflightCache ? null : cacheEntry(pre, c.withCredentials);
    }
    const failure = (c.crossOrigin ? corsCheck(actual, s.page, c.withCredentials) : null) ?? redirectLoop(s.server.actual.status, actual);
    sends.push({ preflighted, actualSent: true, blockedAt: failure === null ? null : 'actual', failure, fromCache });
  }

  const last = sends[sends.length - 1]!;
  const outcome = last.blockedAt === null ? 'allowed' : 'blocked';
  const preflights = sends.filter((x) => x.preflighted).length;
  const parts = [describeClassification(c)];
  if (last.failure !== null) {
    parts.push(last.blockedAt === 'preflight' ? `The preflight fails: ${last.failure.text} The actual request is never sent.` : `The actual response fails the CORS check: ${last.failure.text}`);
    parts.push(`Smallest fix: ${last.failure.fix}`);
  } else parts.push(c.crossOrigin ? 'The response passes the CORS check, so the script can read it.' : 'The script can read the response.');
  if (repeat > 1) parts.push(`Over ${repeat} sends the browser sent ${preflights} preflight${preflights === 1 ? '' : 's'}${sends.some((x) => x.fromCache) ? ': later sends used its preflight cache' : ''}.`);
  parts.push(...c.chromiumNotes, ...cacheNotes(c, pre, repeat));
  return {
    id: s.id,
    preflight: sends[0]!.preflighted,
    preflights,
    actualSent: sends.some((x) => x.actualSent),
    outcome,
    blockedAt: last.blockedAt,
    exposedHeaders: outcome === 'allowed' ? readableHeaders(actual, c.withCredentials, c.crossOrigin) : [],
    reason: parts.join(' '),
  };
}
