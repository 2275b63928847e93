/**
 * Origin patterns: regular expressions an allowed Origin may match, like
 * django-cors-headers' CORS_ALLOWED_ORIGIN_REGEXES or a RegExp in the origin
 * list of Express's cors and @fastify/cors.
 *
 * The lab matches as JavaScript does, `new RegExp(pattern).test(origin)`:
 * a search, anchored nowhere, case-sensitive (a browser's Origin is lowercase).
 * So `example.com$` admits `http://evil-example.com`, and without `$`,
 * `^https://example\.com` admits `https://example.com.evil.net`. Python's
 * re.match, used by django-cors-headers and flask-cors, anchors at the start
 * only; the exporters keep the lab's meaning (see frameworks/python-patterns.ts).
 */

/** Longest pattern the policy takes. */
export const ORIGIN_PATTERN_MAX = 200;

/** Longest Origin a pattern is tried on: a host name has at most 253 characters; a longer Origin matches no pattern. */
const ORIGIN_MAX = 300;

const compiled = new Map<string, RegExp | null>();

/** The pattern compiled once; null when it does not compile. */
function regExpOf(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
    // Patterns come from policies, which a learner edits by hand: a few dozen at most; start over past that.
    if (compiled.size >= 1024) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

/** Whether some pattern finds a match in the Origin (RegExp.prototype.test: a search, not a full match). */
export function matchesOriginPattern(patterns: readonly string[], origin: string): boolean {
  if (origin.length > ORIGIN_MAX) return false;
  return patterns.some((p) => regExpOf(p)?.test(origin) === true);
}

/**
 * What is wrong with a pattern, in words, or null. Besides compiling, a
 * quantified group that holds a quantifier, as in `(a+)+$`, is refused: it can
 * take exponential time on a crafted Origin, and server01 matches on every request.
 */
export function originPatternProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'is empty: an empty pattern matches every Origin';
  if (pattern.length > ORIGIN_PATTERN_MAX) return `is longer than ${ORIGIN_PATTERN_MAX} characters`;
  try {
    new RegExp(pattern);
  } catch (e) {
    return `is not a JavaScript regular expression: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (hasNestedQuantifier(pattern)) return 'repeats a group that itself repeats (like (a+)+): such a pattern can take exponential time; write it without the nesting';
  return null;
}

const isQuantifierAt = (p: string, i: number): boolean => p[i] === '*' || p[i] === '+' || p[i] === '?' || (p[i] === '{' && /^\{\d+(,\d*)?\}/.test(p.slice(i)));

/** A group followed by a quantifier whose body holds a quantifier: star height above one. */
function hasNestedQuantifier(p: string): boolean {
  // One flag per open group: does its body repeat something?
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === ')') {
      const inner = groups.pop() ?? false;
      const repeated = isQuantifierAt(p, i + 1);
      if (inner && repeated) return true;
      if ((inner || repeated) && groups.length > 0) groups[groups.length - 1] = true;
    } else if (isQuantifierAt(p, i) && i > 0 && p[i - 1] !== '(' && groups.length > 0) {
      // `(?:` and lazy `+?` are syntax, not repetition of their own; either way the group repeats something.
      groups[groups.length - 1] = true;
    }
  }
  return false;
}
