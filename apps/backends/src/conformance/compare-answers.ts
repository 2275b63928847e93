/**
 * Compares a library's answer with the lab's, as a browser reads them: only
 * the CORS headers and Vary, names case-insensitive, comma lists as sets
 * (fetch.spec.whatwg.org/#concept-header-list-get-decode-split), and for a
 * preflight the status class (fetch.spec.whatwg.org/#cors-preflight-fetch: ok status).
 */
import type { ObservedAnswer } from './request-matrix.ts';

export type Difference =
  | { readonly kind: 'header'; readonly name: string; readonly lab: string | null; readonly library: string | null }
  | { readonly kind: 'status'; readonly lab: number; readonly library: number };

/** An answer as compared: its status and its CORS headers, names lowercased, repeated lines combined with `, `. */
export interface CorsView {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
}

/** Lists whose members are header names or tokens (case-insensitive), and methods (case-sensitive, fetch's byte-case rules). */
const NAME_LISTS = new Set(['access-control-allow-headers', 'access-control-expose-headers', 'vary']);
const METHOD_LISTS = new Set(['access-control-allow-methods']);

const isCorsHeader = (name: string) => name.startsWith('access-control-') || name === 'vary';

export function corsView(answer: ObservedAnswer): CorsView {
  const headers = new Map<string, string>();
  for (const [rawName, value] of answer.headers) {
    const name = rawName.toLowerCase();
    if (!isCorsHeader(name)) continue;
    const before = headers.get(name);
    headers.set(name, before === undefined ? value.trim() : `${before}, ${value.trim()}`);
  }
  return { status: answer.status, headers };
}

/** The members of a comma list, as a sorted set; lowercased for names. */
export function listMembers(value: string, caseInsensitive: boolean): string[] {
  const members = value
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '')
    .map((m) => (caseInsensitive ? m.toLowerCase() : m));
  return [...new Set(members)].sort();
}

/** The form two values are compared in. */
export function normalValue(name: string, value: string): string {
  if (NAME_LISTS.has(name)) return listMembers(value, true).join(',');
  if (METHOD_LISTS.has(name)) return listMembers(value, false).join(',');
  return value.trim();
}

/** Every way the library's answer differs from the lab's, header by header (sorted by name), then the preflight status class. */
export function compareAnswers(lab: CorsView, library: CorsView, preflight: boolean): Difference[] {
  const names = [...new Set([...lab.headers.keys(), ...library.headers.keys()])].sort();
  const diffs: Difference[] = [];
  for (const name of names) {
    const l = lab.headers.get(name) ?? null;
    const r = library.headers.get(name) ?? null;
    const same = l === null || r === null ? l === r : normalValue(name, l) === normalValue(name, r);
    if (!same) diffs.push({ kind: 'header', name, lab: l, library: r });
  }
  if (preflight && Math.floor(lab.status / 100) !== Math.floor(library.status / 100)) diffs.push({ kind: 'status', lab: lab.status, library: library.status });
  return diffs;
}

/** One line for a report: `access-control-max-age: lab 600, library (none)`. */
export function describeDifference(d: Difference): string {
  if (d.kind === 'status') return `status: lab ${d.lab}, library ${d.library}`;
  const show = (v: string | null) => (v === null ? '(none)' : JSON.stringify(v));
  return `${d.name}: lab ${show(d.lab)}, library ${show(d.library)}`;
}
