/**
 * String literals for the exported snippets: whatever an origin, a header or
 * a raw body holds, it stays inside its quotes.
 */

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

const SHORT_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Escapes one character for a C-like string literal; printable ASCII other than the quote stays as is. */
function escapeChar(c: string, quote: string, astral: (code: number) => string): string {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return short;
  if (c === quote) return `\\${quote}`;
  const code = c.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return c;
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  return code <= 0xffff ? `\\u${hex(code, 4)}` : astral(code);
}

/** A Python str literal in double quotes (docs.python.org/3/reference/lexical_analysis.html#escape-sequences). */
export function pyStr(s: string): string {
  return `"${Array.from(s, (c) => escapeChar(c, '"', (n) => `\\U${hex(n, 8)}`)).join('')}"`;
}

/** A JavaScript string literal in single quotes. */
export function jsStr(s: string): string {
  return `'${Array.from(s, (c) => escapeChar(c, "'", (n) => `\\u{${hex(n, 1)}}`)).join('')}'`;
}

/**
 * An nginx quoted string whose value is read literally. The config parser
 * unescapes only \" \' \\ \t \r \n; `$` starts a variable and has no escape, so
 * it becomes `${dollar}`, a variable NGINX_DOLLAR defines as "$".
 */
export function ngxStr(s: string): string {
  return `"${Array.from(s, (c) => (c === '$' ? '${dollar}' : c === '"' ? '\\"' : (SHORT_ESCAPES[c] ?? c))).join('')}"`;
}

/** An nginx map key: compared as written, never interpolated, so only quotes and backslashes need escaping. */
export function ngxKey(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A header name as nginx reads it: bare when it is plainly a word, quoted otherwise. */
export function ngxName(s: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(s) ? s : ngxKey(s);
}

/** An nginx value: bare when it is plainly a word, as `true` or `600`, quoted by ngxStr otherwise. */
export function ngxValue(s: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(s) ? s : ngxStr(s);
}

/** The `geo` block that gives nginx a literal `$` as `${dollar}`. */
export const NGINX_DOLLAR = ['# nginx has no escape for $ in a string: ${dollar} stands for it.', 'geo $dollar {', '    default "$";', '}'];

/**
 * `head[a, b]tail` on one line when it fits in `width`, else one item a line
 * with trailing commas, as black and prettier lay lists out.
 */
export function listLines(head: string, items: readonly string[], tail: string, indent: string, width: number): string[] {
  const one = `${indent}${head}[${items.join(', ')}]${tail}`;
  if (one.length <= width || items.length === 0) return [one];
  return [`${indent}${head}[`, ...items.map((item) => `${indent}    ${item},`), `${indent}]${tail}`];
}
