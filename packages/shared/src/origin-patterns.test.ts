import { describe, expect, it } from 'vitest';
import { matchesOriginPattern, originPatternProblem } from './origin-patterns.ts';
import { checkPolicy } from './policy-validation.ts';
import { allowOriginValue, actualHeaders } from './policy-answer.ts';
import { EMPTY_POLICY, type Policy } from './policy.ts';

const ORIGINS = ['http://example.localhost:8300', 'http://evil-example.localhost:8300', 'http://exampleXlocalhost:8300', 'https://example.localhost:8300'];

/** Which of ORIGINS a pattern admits. */
const admitted = (pattern: string) => ORIGINS.filter((o) => matchesOriginPattern([pattern], o));

describe('matchesOriginPattern: a search, as RegExp.test', () => {
  it('an unanchored pattern finds the name inside a look-alike; anchors and escaped dots admit only the origin', () => {
    expect(admitted('example.localhost:8300$')).toEqual(ORIGINS);
    expect(admitted('^http://example.localhost:8300$')).toEqual(['http://example.localhost:8300', 'http://exampleXlocalhost:8300']);
    expect(admitted('^http://example\\.localhost:8300$')).toEqual(['http://example.localhost:8300']);
  });

  it('is case-sensitive, matches nothing with no patterns, and tries no pattern on an Origin past 300 characters', () => {
    expect(matchesOriginPattern(['^http://example'], 'http://EXAMPLE.localhost:8300')).toBe(false);
    expect(matchesOriginPattern([], 'http://example.localhost:8300')).toBe(false);
    expect(matchesOriginPattern(['example'], `http://${'a'.repeat(300)}.example.com`)).toBe(false);
  });
});

describe('originPatternProblem', () => {
  it('takes ordinary patterns, refuses empty, too long, broken and nested-quantifier ones in words', () => {
    expect(['^https://[a-z0-9-]+\\.example\\.com$', 'a{1,3}b', '(?:ab)+$', '[(]+x', '\\(a+\\)+'].map(originPatternProblem)).toEqual([null, null, null, null, null]);
    expect(originPatternProblem('')).toMatch(/^is empty/);
    expect(originPatternProblem('a'.repeat(201))).toBe('is longer than 200 characters');
    expect(originPatternProblem('(unclosed')).toMatch(/^is not a JavaScript regular expression: /);
    expect(['(a+)+$', '(a|b*){2,}', '((ab)*c)+'].map((p) => originPatternProblem(p)?.slice(0, 35))).toEqual(Array(3).fill('repeats a group that itself repeats'));
  });
});

describe('policies with origin patterns', () => {
  const policy = (patterns: unknown): unknown => ({ ...structuredClone(EMPTY_POLICY), allowOrigin: 'list', originPatterns: patterns });

  it('a policy without originPatterns (an older state) is still valid, and allows only its list', () => {
    const { originPatterns: _gone, ...older } = structuredClone(EMPTY_POLICY);
    const p: Policy = { ...older, allowOrigin: 'list', originList: ['http://localhost:8100'] };
    expect(checkPolicy(p)).toEqual({ ok: true, policy: p });
    expect([allowOriginValue(p, 'http://localhost:8100'), allowOriginValue(p, 'http://localhost:8300')]).toEqual(['http://localhost:8100', null]);
  });

  it('refuses a bad pattern with a 4xx message naming the field', () => {
    expect(checkPolicy(policy(['^ok$', '(a+)+', '[']))).toEqual({
      ok: false,
      errors: [
        { field: '/originPatterns/1', message: 'originPatterns[1] repeats a group that itself repeats (like (a+)+): such a pattern can take exponential time; write it without the nesting (got "(a+)+")' },
        { field: '/originPatterns/2', message: 'originPatterns[2] is not a JavaScript regular expression: Invalid regular expression: /[/: Unterminated character class (got "[")' },
      ],
    });
    expect(checkPolicy(policy([42]))).toMatchObject({ ok: false, errors: [{ field: '/originPatterns/0' }] });
  });

  it('echoes a matching Origin, as a listed one, only when allowOrigin is list', () => {
    const p = policy(['^http://example\\.localhost:8300$']) as Policy;
    expect(actualHeaders({ ...p, allowCredentials: true }, 'http://example.localhost:8300')).toEqual([
      ['Access-Control-Allow-Origin', 'http://example.localhost:8300'],
      ['Access-Control-Allow-Credentials', 'true'],
    ]);
    expect(allowOriginValue({ ...p, allowOrigin: 'none' }, 'http://example.localhost:8300')).toBe(null);
  });

  it('a listed null is allowed like any origin: the Origin of every sandboxed document', () => {
    const p: Policy = { ...structuredClone(EMPTY_POLICY), allowOrigin: 'list', originList: ['null'] };
    expect([checkPolicy(p).ok, allowOriginValue(p, 'null')]).toEqual([true, 'null']);
  });
});
