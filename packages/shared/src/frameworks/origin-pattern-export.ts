/**
 * The policy's origin patterns in each target's own terms. The lab matches as
 * JavaScript's RegExp.test (a search), as cors and @fastify/cors do with a
 * RegExp origin, and as nginx's `map` with `~` does. django-cors-headers
 * (corsheaders/middleware.py, regex_domain_match) and flask-cors
 * (flask_cors/core.py, try_match_pattern) call Python's re.match, which
 * anchors at the start: a pattern that does not start with `^` would match
 * less there, so it goes out as `.*?(?:pattern)`, which matches where the
 * lab's search does.
 */
import { LOOKALIKE_HOSTS, PORTS } from '../ports.ts';
import type { Policy } from '../policy.ts';
import { inexact, trap, type Note } from './notes.ts';

/** The patterns the policy uses: only a list consults them. */
export function patternsOf(policy: Policy): readonly string[] {
  return policy.allowOrigin === 'list' ? (policy.originPatterns ?? []) : [];
}

/** A pattern for Python's re.match that matches the same origins as the lab's RegExp.test. */
export function pythonPattern(pattern: string): string {
  // `^a|b` searches for b anywhere in JavaScript, but re.match tries it only at the start.
  return pattern.startsWith('^') && !pattern.includes('|') ? pattern : `.*?(?:${pattern})`;
}

/** A JavaScript RegExp expression: a literal when the pattern is plain printable ASCII, else `new RegExp('…')`. */
export function jsRegExp(pattern: string, jsStr: (s: string) => string): string {
  if (!/^[\x20-\x7e]*$/.test(pattern)) return `new RegExp(${jsStr(pattern)})`;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else out += c === '/' ? '\\/' : c;
  }
  return `/${out}/`;
}

/** A look-alike of a trusted name that an unanchored or unescaped pattern lets in; shown in the trap's text. */
const EXAMPLE = `http://${LOOKALIKE_HOSTS.evil}:${PORTS.attacker}`;

/** Traps of the patterns themselves, whatever the target: a missing anchor, an unescaped dot. */
export function patternTraps(policy: Policy): Note[] {
  const patterns = patternsOf(policy);
  const notes: Note[] = [];
  const unanchored = patterns.filter((p) => !p.startsWith('^') || !p.endsWith('$'));
  if (unanchored.length > 0) {
    notes.push(
      trap(
        'unanchored-origin-pattern',
        `${unanchored.map((p) => JSON.stringify(p)).join(', ')} ${unanchored.length === 1 ? 'is' : 'are'} not anchored at both ends: ` +
          'a pattern is searched for anywhere in the Origin, so a name that merely ends or starts the same gets in ' +
          `(example.localhost:8300$ admits ${EXAMPLE}). Write ^scheme://host$, or list the exact origin.`,
      ),
    );
  }
  // A dot outside a class and not escaped matches any character: example.com also matches exampleXcom.
  if (patterns.some((p) => /(^|[^\\])\.(?![*+?])/.test(p.replace(/\[[^\]]*\]/g, '')))) {
    notes.push(trap('unescaped-dot', 'An unescaped . in an origin pattern matches any character, so example.com admits exampleXcom: write example\\.com.'));
  }
  return notes;
}

/** Python's re.match anchors at the start; flask-cors also ignores case. */
export function pythonPatternNotes(policy: Policy, library: string, setting: string): Note[] {
  const patterns = patternsOf(policy);
  if (patterns.length === 0) return [];
  const wrapped = patterns.filter((p) => pythonPattern(p) !== p);
  const notes: Note[] = [];
  if (wrapped.length > 0) {
    notes.push(
      inexact(
        'python-re-match',
        `${library} matches ${setting} with Python's re.match, which anchors at the start of the Origin; the lab searches, as ` +
          'JavaScript\'s RegExp.test does. So a pattern that does not start with ^ goes out as .*?(?:pattern), which matches the same ' +
          'origins; written as is, it would match only origins that start with it.',
      ),
    );
  }
  notes.push(
    inexact(
      'regex-dialect',
      'The patterns are JavaScript regular expressions; Python reads the common syntax the same, but not every feature ' +
        '(a named group is (?P<name>…) in Python, and \\d matches any Unicode digit there). Origins are ASCII, so plain patterns behave alike.',
    ),
  );
  return notes;
}
