/** Building blocks for lesson checks: each reads evidence, none reads the UI. */
import type { Policy } from '../policy.ts';
import type { HeaderLine } from '../policy-answer.ts';
import type { Check, Evidence, SendEvidence, Text } from './types.ts';

const passed = { passed: true } as const;
const fail = (hint: Text) => ({ passed: false, hint }) as const;

/** The value of a header in a list of lines, case-insensitively; undefined if absent. */
export function header(lines: readonly HeaderLine[] | undefined, name: string): string | undefined {
  return lines?.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** The path of a request URL without the lab prefix (`/l/<id>`), so checks work in every lab. */
export function pathOf(url: string): string {
  const path = (url.replace(/^https?:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '') || '/';
  return path.replace(/^\/l\/[A-Za-z0-9_-]{16,64}(?=\/)/, '');
}

/** The host name of an absolute URL or origin, lowercased, without port. */
export function hostOf(url: string): string {
  return (/^https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url)?.[1] ?? '').toLowerCase();
}

/** The script read the response body. */
export const scriptRead = (s: SendEvidence): boolean => s.result.kind === 'response';

/** Passes when some send since the step began satisfies `test`; `hint` says what to do otherwise. */
export function sent(hint: Text, test: (s: SendEvidence) => boolean): Check {
  return (e) => (e.sends.some(test) ? passed : fail(hint));
}

/** Passes when the sends since the step began, taken together, satisfy `test` (for "twice in a row"). */
export function sends(hint: Text, test: (all: readonly SendEvidence[]) => boolean): Check {
  return (e) => (test(e.sends) ? passed : fail(hint));
}

/** Passes when the current policy satisfies `test`: for challenges that refuse an over-permissive answer. */
export function policy(hint: Text, test: (p: Policy, e: Evidence) => boolean): Check {
  return (e) => (test(e.policy, e) ? passed : fail(hint));
}

/**
 * A challenge: some send must work (`works`) under a policy no more permissive
 * than needed (`minimal`). A send that works under a looser policy gets `tooLoose`.
 */
export function leastPermissive(hints: { readonly todo: Text; readonly tooLoose: Text }, works: (s: SendEvidence) => boolean, minimal: (p: Policy, s: SendEvidence) => boolean): Check {
  return (e) => {
    const working = e.sends.filter(works);
    if (working.some((s) => minimal(s.policy, s))) return passed;
    return fail(working.length > 0 ? hints.tooLoose : hints.todo);
  };
}

/** Every check must pass; the first failing one gives the hint. */
export function all(...checks: Check[]): Check {
  return (e) => {
    for (const c of checks) {
      const r = c(e);
      if (!r.passed) return r;
    }
    return passed;
  };
}

/** The least permissive origin rule for a same-page request: exactly the page's origin, no `*`, no reflecting. */
export function onlyPageOrigin(p: Policy, pageOrigin: string): boolean {
  return p.allowOrigin === 'list' && p.originList.length === 1 && p.originList[0] === pageOrigin;
}

/** Credentials are allowed only when the lesson needs them. */
export const noCredentials = (p: Policy): boolean => !p.allowCredentials;

/** Methods allowed beyond what is needed (`*` counts as all). */
export function onlyMethods(p: Policy, needed: readonly string[]): boolean {
  const want = new Set(needed);
  return p.allowMethods.every((m) => want.has(m)) && needed.every((m) => p.allowMethods.includes(m));
}

/** Headers allowed beyond what is needed (case-insensitive; `*` counts as all). */
export function onlyHeaders(p: Policy, needed: readonly string[]): boolean {
  const want = new Set(needed.map((h) => h.toLowerCase()));
  const have = p.allowHeaders.map((h) => h.toLowerCase());
  return have.every((h) => want.has(h)) && [...want].every((h) => have.includes(h));
}

/** The method a preflight asked for (Access-Control-Request-Method), as server01 received it; undefined without a preflight. */
export function askedMethod(s: SendEvidence): string | undefined {
  return header(s.preflight?.request.headers, 'Access-Control-Request-Method');
}

/** The header names a preflight asked for (Access-Control-Request-Headers), lowercased; [] without a preflight. */
export function askedHeaders(s: SendEvidence): string[] {
  const value = header(s.preflight?.request.headers, 'Access-Control-Request-Headers') ?? '';
  return value.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
}

/** The names a header list value holds (`Vary`, `Access-Control-Allow-Headers`…), lowercased; every line of the header counts. */
export function listedIn(lines: readonly HeaderLine[] | undefined, name: string): string[] {
  return (lines ?? [])
    .filter(([n]) => n.toLowerCase() === name.toLowerCase())
    .flatMap(([, v]) => v.split(','))
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
}

/** A response header the script could read (fetch's `headers.get`), or undefined: the CORS-filtered view, not the wire. */
export function scriptHeader(s: SendEvidence, name: string): string | undefined {
  return s.result.kind === 'response' ? header(s.result.headers, name) : undefined;
}

/** A request header the script set, or undefined. */
export function requestHeader(s: SendEvidence, name: string): string | undefined {
  return header(s.request.headers, name);
}
