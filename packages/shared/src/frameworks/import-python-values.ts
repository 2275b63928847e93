/**
 * Python values as a settings block writes them, and the few operations
 * django-cors-headers' docs use on them: `+`, `*`, `list()`, `tuple()`,
 * star-unpacking and `re.compile()`. Each value keeps its line, for warnings.
 */
import { ReadError } from './import-result.ts';
import type { PyToken } from './import-python-lexer.ts';

export type PyValue =
  | { readonly kind: 'str'; readonly value: string; readonly line: number; /** Written as `('x')`: a string, not a tuple. */ readonly grouped: boolean }
  | { readonly kind: 'int' | 'float'; readonly value: number; readonly line: number }
  | { readonly kind: 'bool'; readonly value: boolean; readonly line: number }
  | { readonly kind: 'none'; readonly line: number }
  | { readonly kind: 'list' | 'tuple'; readonly items: readonly PyValue[]; readonly line: number }
  | { readonly kind: 'regex'; readonly pattern: string; readonly line: number }
  | { readonly kind: 'module'; readonly path: string; readonly line: number }
  | { readonly kind: 'builtin'; readonly name: 'list' | 'tuple' | 're.compile'; readonly line: number };

/** A name bound by the pasted text: a value, or something only running Python would know. */
export type Binding = { readonly kind: 'value'; readonly value: PyValue } | { readonly kind: 'opaque'; readonly line: number };

const tupleOf = (names: readonly string[]) => (line: number): PyValue => ({
  kind: 'tuple',
  items: names.map((value) => ({ kind: 'str', value, line, grouped: false })),
  line,
});

/** django-cors-headers' src/corsheaders/defaults.py */
export const DEFAULT_HEADERS = ['accept', 'authorization', 'content-type', 'user-agent', 'x-csrftoken', 'x-requested-with'] as const;
export const DEFAULT_METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

/** What `import` can bring in: module path → member → value at a line. */
export const MODULES: Readonly<Record<string, Readonly<Record<string, (line: number) => PyValue>>>> = {
  'corsheaders.defaults': { default_headers: tupleOf(DEFAULT_HEADERS), default_methods: tupleOf(DEFAULT_METHODS) },
  corsheaders: { defaults: (line) => ({ kind: 'module', path: 'corsheaders.defaults', line }) },
  re: { compile: (line) => ({ kind: 'builtin', name: 're.compile', line }) },
};

export const fail = (t: { line: number; column: number }, text: string): never => {
  throw new ReadError(t.line, t.column, text);
};

export function typeName(v: PyValue): string {
  switch (v.kind) {
    case 'str':
      return 'string';
    case 'none':
      return 'None';
    case 'regex':
      return 'compiled regex';
    case 'builtin':
      return 'function';
    default:
      return v.kind;
  }
}

/** The items Python iterates over: a string's characters, one by one. */
export function itemsOf(v: PyValue, at: PyToken): readonly PyValue[] {
  if (v.kind === 'list' || v.kind === 'tuple') return v.items;
  if (v.kind === 'str') return [...v.value].map((c): PyValue => ({ kind: 'str', value: c, line: v.line, grouped: false }));
  return fail(at, `a ${typeName(v)} cannot be unpacked into a list: Python needs a list, a tuple or a string here`);
}

/** `a + b`, `a - b`, `a * b` as Python computes them, or the TypeError Python raises, in words. */
export function arithmetic(op: PyToken, a: PyValue, b: PyValue): PyValue {
  if ((a.kind === 'int' || a.kind === 'float') && (b.kind === 'int' || b.kind === 'float')) {
    const [x, y] = [a.value, b.value];
    const value = op.text === '+' ? x + y : op.text === '-' ? x - y : x * y;
    return { kind: a.kind === 'float' || b.kind === 'float' ? 'float' : 'int', value, line: a.line };
  }
  if (op.text === '+' && a.kind === 'str' && b.kind === 'str') return { kind: 'str', value: a.value + b.value, line: a.line, grouped: false };
  if (op.text === '+' && (a.kind === 'list' || a.kind === 'tuple') && a.kind === b.kind) return { kind: a.kind, items: [...a.items, ...b.items], line: a.line };
  if (op.text === '+' && (a.kind === 'list' || a.kind === 'tuple') && (b.kind === 'list' || b.kind === 'tuple')) {
    const fix = a.kind === 'tuple' ? `add a tuple, as in default_headers + ('x-my-header',), or make a list first: list(default_headers) + ['x-my-header']` : `add a list: + ['x-my-header']`;
    return fail(op, `a ${a.kind} plus a ${b.kind} fails in Python (TypeError: can only concatenate ${a.kind} to ${a.kind}); ${fix}`);
  }
  return fail(op, `Python cannot compute a ${typeName(a)} ${op.text} a ${typeName(b)} here; write the value itself`);
}

/** A Python integer or float literal: docs.python.org/3/reference/lexical_analysis.html#numeric-literals */
export function numberValue(t: PyToken): PyValue {
  const text = t.text.replace(/_/g, '');
  if (/[jJ]$/.test(text)) return fail(t, `${t.text} is a complex number; a setting here needs a whole number`);
  if (/^0[xXoObB]/.test(text)) return { kind: 'int', value: Number(text.toLowerCase()), line: t.line };
  if (/[.eE]/.test(text)) return { kind: 'float', value: Number(text), line: t.line };
  return { kind: 'int', value: Number(text), line: t.line };
}

/** `list(x)`, `tuple(x)`, `re.compile(pattern)`. */
export function call(callee: PyValue, args: readonly PyValue[], at: PyToken): PyValue {
  if (callee.kind !== 'builtin') return fail(at, `a ${typeName(callee)} cannot be called`);
  if (callee.name === 're.compile') {
    const pattern = args[0];
    if (pattern?.kind !== 'str') return fail(at, 're.compile() needs the pattern as a string');
    return { kind: 'regex', pattern: pattern.value, line: at.line };
  }
  if (args.length > 1) return fail(at, `${callee.name}() takes at most one argument`);
  const arg = args[0];
  return { kind: callee.name, items: arg ? itemsOf(arg, at) : [], line: at.line };
}
