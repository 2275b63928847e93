/**
 * What an importer gives back, and the last step every importer shares:
 * fitting what a library would send into a Policy that checkPolicy accepts.
 */
import { isSerializedOrigin, isToken } from '../http-syntax.ts';
import { originPatternProblem } from '../origin-patterns.ts';
import { checkPolicy } from '../policy-validation.ts';
import { EMPTY_POLICY, type Policy } from '../policy.ts';

/** Something the policy says differently from the library, or not at all; `line` is 1-based. */
export interface ImportWarning {
  line: number;
  text: string;
}

/** Where the pasted text could not be read; `line` and `column` are 1-based. */
export interface ImportError {
  line: number;
  column: number;
  text: string;
}

export type ImportResult = { ok: true; policy: Policy; warnings: ImportWarning[] } | { ok: false; error: ImportError };

/** Thrown by the tokenizers and parsers; `fatal` when reading cannot go on at all (an unclosed string). */
export class ReadError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly text: string,
    readonly fatal = false,
  ) {
    super(`line ${line}: ${text}`);
  }
}

/** Runs a reader; a ReadError becomes the failed result, any other error is a bug and is rethrown. */
export function readOrFail(read: () => ImportResult): ImportResult {
  try {
    return read();
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, error: { line: e.line, column: e.column, text: e.text } };
    // The readers recurse once per bracket: thousands of nested brackets overflow the stack.
    if (e instanceof RangeError) return { ok: false, error: { line: 1, column: 1, text: 'the text nests brackets too deeply to read' } };
    throw e;
  }
}

/** A value from the pasted text with the line it came from. */
export interface Sourced {
  readonly value: string;
  readonly line: number;
}

/** A fresh EMPTY_POLICY: nothing shared with the constant. */
export function freshPolicy(): Policy {
  return JSON.parse(JSON.stringify(EMPTY_POLICY)) as Policy;
}

/** The policy schema's limit on every list. */
const MAX_ENTRIES = 32;

const quoted = (s: string) => JSON.stringify(s);

/**
 * Method or header names the library would send, kept only when they are
 * HTTP tokens (RFC 9110 §5.6.2): a browser refuses the whole header when one
 * name is not (fetch.spec.whatwg.org/#cors-preflight-fetch, step 7).
 */
export function keepTokens(items: readonly Sourced[], setting: string, warnings: ImportWarning[]): string[] {
  const kept: string[] = [];
  for (const item of items) {
    if (!isToken(item.value)) {
      warnings.push({ line: item.line, text: `${setting}: ${quoted(item.value)} is not a name a browser accepts (an HTTP token: letters, digits and ! # $ % & ' * + - . ^ _ \` | ~, no spaces); one such name makes the browser reject the whole header. Left out.` });
    } else kept.push(item.value);
  }
  return capped(kept, items, setting, warnings);
}

/** Origins for the policy's list: serialized origins only, since the browser compares Origin byte for byte. */
export function keepOrigins(items: readonly Sourced[], setting: string, warnings: ImportWarning[]): string[] {
  const kept: string[] = [];
  for (const item of items) {
    if (!isSerializedOrigin(item.value)) {
      warnings.push({ line: item.line, text: `${setting}: ${quoted(item.value)} never matches, because a browser sends its Origin as scheme://host[:port], lowercase, with no path, no trailing slash and no default port (html.spec.whatwg.org/#ascii-serialisation-of-an-origin). Left out.` });
    } else if (!kept.includes(item.value)) kept.push(item.value);
  }
  return capped(kept, items, setting, warnings);
}

function capped(kept: string[], items: readonly Sourced[], setting: string, warnings: ImportWarning[]): string[] {
  if (kept.length <= MAX_ENTRIES) return kept;
  warnings.push({ line: items[0]?.line ?? 1, text: `${setting} has ${kept.length} entries; the lab's policy holds at most ${MAX_ENTRIES}, so only the first ${MAX_ENTRIES} were kept.` });
  return kept.slice(0, MAX_ENTRIES);
}

/** Origin patterns for the policy, already in the lab's meaning (a search): kept when the lab can run them. */
export function keepPatterns(items: readonly Sourced[], setting: string, warnings: ImportWarning[]): string[] {
  const kept: string[] = [];
  for (const item of items) {
    const problem = originPatternProblem(item.value);
    if (problem !== null) warnings.push({ line: item.line, text: `${setting}: the pattern ${quoted(item.value)} ${problem}. Left out.` });
    else kept.push(item.value);
  }
  return capped(kept, items, setting, warnings);
}

/** A max age the policy can hold (whole seconds, 0 to 2^31-1), or null with a warning. */
export function keepMaxAge(seconds: number, line: number, setting: string, warnings: ImportWarning[]): number | null {
  if (Number.isInteger(seconds) && seconds >= 0 && seconds <= 2147483647) return seconds;
  warnings.push({ line, text: `${setting}: ${seconds} is not a whole number of seconds from 0 to 2147483647, which is all Access-Control-Max-Age can say (fetch.spec.whatwg.org/#http-access-control-max-age). Left out.` });
  return null;
}

/** Checks the policy as the control plane would, and orders the warnings by line; a failure here is a bug in an importer, reported, not thrown. */
export function finishImport(policy: Policy, warnings: ImportWarning[]): ImportResult {
  const check = checkPolicy(policy);
  // In the order of the pasted text; sort is stable, so one line's warnings keep their order.
  if (check.ok) return { ok: true, policy: check.policy, warnings: [...warnings].sort((a, b) => a.line - b.line) };
  const first = check.errors[0];
  return { ok: false, error: { line: 1, column: 1, text: `the importer built a policy the lab cannot use (${first?.message ?? 'unknown error'}); please report this text` } };
}
