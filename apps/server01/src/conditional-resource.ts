/**
 * A small resource with real validators, for the conditional-requests lesson:
 * a strong ETag and Last-Modified; If-None-Match and If-Modified-Since on a
 * read (304), If-Match on a write (412 when stale, 428 when missing).
 * RFC 9110 §13 (www.rfc-editor.org/rfc/rfc9110#section-13), RFC 6585 §3 (428).
 * Pure: the clock comes in as a number.
 */
import type { HeaderLine } from '@cors-lab/shared';

export interface ResourceVersion {
  readonly version: number;
  readonly value: string;
  /** Epoch milliseconds, whole seconds: an HTTP-date has no finer grain. */
  readonly lastModified: number;
}

/** What a fresh resource holds. */
export const INITIAL_VALUE = 'the first version';
/** Most characters a PUT may store. */
export const VALUE_LIMIT = 1024;

export interface ConditionalRequest {
  readonly method: string;
  readonly ifMatch?: string | undefined;
  readonly ifNoneMatch?: string | undefined;
  readonly ifModifiedSince?: string | undefined;
  readonly body: string;
}

export interface ResourceAnswer {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
  /** Empty for 304 and 204. */
  readonly body: string;
  /** The resource after this request: a new version only after a successful PUT. */
  readonly next: ResourceVersion;
}

const ALLOW = 'GET, HEAD, PUT';
const JSON_TYPE = 'application/json; charset=utf-8';

const wholeSeconds = (ms: number) => Math.floor(ms / 1000) * 1000;

export function freshResource(now: number): ResourceVersion {
  return { version: 1, value: INITIAL_VALUE, lastModified: wholeSeconds(now) };
}

/** A strong validator: the version, so a learner can read and type it (`"v3"`). */
export function etagOf(r: ResourceVersion): string {
  return `"v${r.version}"`;
}

/**
 * An If-Match or If-None-Match value: `*`, or its entity tags; null when it
 * does not parse (RFC 9110 §8.8.3: `1#entity-tag`, each `[W/]"opaque"`).
 */
export function entityTags(value: string): '*' | { weak: boolean; tag: string }[] | null {
  if (value.trim() === '*') return '*';
  const tags: { weak: boolean; tag: string }[] = [];
  for (const item of value.split(',')) {
    const t = item.trim();
    if (t === '') continue;
    const m = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/.exec(t);
    if (m === null) return null;
    tags.push({ weak: m[1] !== undefined, tag: m[2]! });
  }
  return tags.length === 0 ? null : tags;
}

/** RFC 9110 §13.1.1: If-Match uses the strong comparison, so a weak tag never matches. */
function ifMatchPasses(value: string, current: string): boolean {
  const tags = entityTags(value);
  if (tags === '*') return true;
  return tags !== null && tags.some((t) => !t.weak && `"${t.tag}"` === current);
}

/** RFC 9110 §13.1.2: If-None-Match uses the weak comparison. */
function ifNoneMatchMatches(value: string, current: string): boolean {
  const tags = entityTags(value);
  if (tags === '*') return true;
  return tags !== null && tags.some((t) => `"${t.tag}"` === current);
}

function validators(r: ResourceVersion): HeaderLine[] {
  // no-store: only the script's own conditional headers reach server01; with
  // no-cache the browser's HTTP cache would revalidate by itself, unseen by the script.
  return [['ETag', etagOf(r)], ['Last-Modified', new Date(r.lastModified).toUTCString()], ['Cache-Control', 'no-store']];
}

const representation = (r: ResourceVersion) => JSON.stringify({ version: r.version, value: r.value });

/** How the resource answers one request, and what it holds afterwards. */
export function answerResource(current: ResourceVersion, req: ConditionalRequest, now: number): ResourceAnswer {
  const method = req.method.toUpperCase();
  const etag = etagOf(current);
  const same = { next: current };

  if (method === 'GET' || method === 'HEAD') {
    // RFC 9110 §13.2.2: If-None-Match first; If-Modified-Since only without it.
    const notModified =
      req.ifNoneMatch !== undefined
        ? ifNoneMatchMatches(req.ifNoneMatch, etag)
        : req.ifModifiedSince !== undefined && isNotModifiedSince(current, req.ifModifiedSince);
    if (notModified) return { status: 304, headers: validators(current), body: '', ...same };
    return { status: 200, headers: [...validators(current), ['Content-Type', JSON_TYPE]], body: representation(current), ...same };
  }

  if (method === 'PUT') {
    if (req.ifMatch === undefined) {
      return {
        status: 428,
        headers: [['Content-Type', JSON_TYPE]],
        body: JSON.stringify({ error: 'Precondition Required: send If-Match with the ETag you read, so an edit never overwrites a newer one' }),
        ...same,
      };
    }
    if (!ifMatchPasses(req.ifMatch, etag)) {
      return {
        status: 412,
        headers: [['ETag', etag], ['Content-Type', JSON_TYPE]],
        body: JSON.stringify({ error: `Precondition Failed: If-Match ${req.ifMatch} is not the current ETag ${etag}` }),
        ...same,
      };
    }
    // Each version gets a later Last-Modified, even two PUTs in one second.
    const next: ResourceVersion = {
      version: current.version + 1,
      value: req.body.slice(0, VALUE_LIMIT),
      lastModified: Math.max(wholeSeconds(now), current.lastModified + 1000),
    };
    return { status: 200, headers: [...validators(next), ['Content-Type', JSON_TYPE]], body: representation(next), next };
  }

  // OPTIONS reaches here only when the policy hands preflights to the routes.
  if (method === 'OPTIONS') return { status: 204, headers: [['Allow', ALLOW]], body: '', ...same };
  return { status: 405, headers: [['Allow', ALLOW], ['Content-Type', JSON_TYPE]], body: JSON.stringify({ error: `Method Not Allowed: ${ALLOW}` }), ...same };
}

/** RFC 9110 §13.1.3: not modified when Last-Modified is no later than the date; an invalid date is ignored. */
function isNotModifiedSince(r: ResourceVersion, value: string): boolean {
  const since = Date.parse(value);
  return !Number.isNaN(since) && r.lastModified <= since;
}
