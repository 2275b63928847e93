import { describe, expect, it } from 'vitest';
import { matchesOriginPattern } from '../origin-patterns.ts';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { exportConfig, TARGETS } from './export-config.ts';
import { jsStr } from './literals.ts';
import { jsRegExp, pythonPattern } from './origin-pattern-export.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const LOOSE = policy({ allowOrigin: 'list', originList: [PAGE], originPatterns: ['example.localhost:8300$'] });
const ANCHORED = policy({ allowOrigin: 'list', originList: [PAGE], originPatterns: ['^http://example\\.localhost:8300$'] });

/** The lines of a snippet that mention a pattern or the list. */
const originLines = (code: string) => code.split('\n').filter((l) => /example|8100|originPatterns|REGEXES/.test(l));
const noteNames = (p: Policy, target: (typeof TARGETS)[number]['id']) => exportConfig(p, target).notes.map((n) => n.name).filter((n) => /pattern|dot|re-match|dialect|case/.test(n));

describe('origin patterns in every export', () => {
  it('writes the patterns where each library reads them', () => {
    expect(Object.fromEntries(TARGETS.map((t) => [t.id, originLines(exportConfig(ANCHORED, t.id).code)]))).toEqual({
      'express-cors': ["  origin: ['http://localhost:8100', /^http:\\/\\/example\\.localhost:8300$/],"],
      'express-manual': [
        "const allowedOrigins = new Set(['http://localhost:8100']);",
        'const originPatterns = [/^http:\\/\\/example\\.localhost:8300$/];',
        '  const allowed = origin !== undefined && (allowedOrigins.has(origin) || originPatterns.some((pattern) => pattern.test(origin)));',
      ],
      'fastify-cors': ["  origin: ['http://localhost:8100', /^http:\\/\\/example\\.localhost:8300$/],"],
      'django-cors-headers': ['CORS_ALLOWED_ORIGINS = ["http://localhost:8100"]', 'CORS_ALLOWED_ORIGIN_REGEXES = ["^http://example\\\\.localhost:8300$"]'],
      'flask-cors': ['    origins=["http://localhost:8100", "^http://example\\\\.localhost:8300$"],'],
      nginx: ['    "http://localhost:8100" $http_origin;', '    "~^http://example\\\\.localhost:8300$" $http_origin;'],
    });
  });

  it('keeps the lab\'s search in Python, whose re.match anchors at the start, and warns of the unanchored pattern everywhere', () => {
    expect(originLines(exportConfig(LOOSE, 'django-cors-headers').code)).toEqual(['CORS_ALLOWED_ORIGINS = ["http://localhost:8100"]', 'CORS_ALLOWED_ORIGIN_REGEXES = [".*?(?:example.localhost:8300$)"]']);
    expect(Object.fromEntries(TARGETS.map((t) => [t.id, noteNames(LOOSE, t.id)]))).toEqual({
      'express-cors': ['unanchored-origin-pattern', 'unescaped-dot'],
      'express-manual': ['unanchored-origin-pattern', 'unescaped-dot'],
      'fastify-cors': ['unanchored-origin-pattern', 'unescaped-dot'],
      'django-cors-headers': ['unanchored-origin-pattern', 'unescaped-dot', 'python-re-match', 'regex-dialect'],
      'flask-cors': ['unanchored-origin-pattern', 'unescaped-dot', 'python-re-match', 'regex-dialect', 'pattern-ignores-case'],
      nginx: ['unanchored-origin-pattern', 'unescaped-dot'],
    });
    expect(noteNames(ANCHORED, 'django-cors-headers')).toEqual(['regex-dialect']);
    expect(exportConfig(LOOSE, 'express-cors').notes.find((n) => n.name === 'unanchored-origin-pattern')?.text).toBe(
      '"example.localhost:8300$" is not anchored at both ends: a pattern is searched for anywhere in the Origin, so a name that merely ' +
        'ends or starts the same gets in (example.localhost:8300$ admits http://evil-example.localhost:8300). Write ^scheme://host$, or list the exact origin.',
    );
  });

  it('leaves patterns out when the policy does not consult them (not a list)', () => {
    const reflect = policy({ ...LOOSE, allowOrigin: 'reflect' });
    expect(TARGETS.flatMap((t) => exportConfig(reflect, t.id).code.split('\n').filter((l) => l.includes('example.localhost')))).toEqual([]);
  });
});

describe('pythonPattern', () => {
  // What Python's re.match would do with the result, checked with a JavaScript stand-in: a sticky match at index 0.
  const reMatch = (pattern: string, s: string) => new RegExp(pattern, 'y').test(s);
  const origins = ['http://example.localhost:8300', 'http://evil-example.localhost:8300', 'http://b.test', 'http://x.b.test'];

  it('matches at the start exactly the origins the lab\'s search matches', () => {
    for (const p of ['example.localhost:8300$', '^http://example\\.localhost:8300$', '^http://a|b\\.test$', 'b\\.test']) {
      expect([p, origins.map((o) => reMatch(pythonPattern(p), o))]).toEqual([p, origins.map((o) => matchesOriginPattern([p], o))]);
    }
    expect(pythonPattern('^https://x\\.test$')).toBe('^https://x\\.test$');
  });
});

describe('jsRegExp', () => {
  it('writes a literal with / escaped, and new RegExp for anything else', () => {
    expect([jsRegExp('^http://a\\/b[/]$', jsStr), jsRegExp('caf\u00e9', jsStr), jsRegExp('a\\\\', jsStr)]).toEqual(['/^http:\\/\\/a\\/b[\\/]$/', "new RegExp('caf\\xe9')", '/a\\\\/']);
    const literal = jsRegExp('^http://example\\.localhost:8300$', jsStr);
    expect((0, eval)(literal).source).toBe(new RegExp('^http://example\\.localhost:8300$').source);
  });
});
