/**
 * A tokenizer for pasted Express code: names, numbers, strings, template
 * literals, RegExp literals, punctuators; comments are skipped
 * (tc39.es/ecma262/#sec-ecmascript-language-lexical-grammar, the parts a
 * cors() call uses). A `/` starts a RegExp where a value is expected.
 */
import { ReadError } from './import-result.ts';

export type JsTokenType = 'name' | 'number' | 'string' | 'template' | 'regex' | 'punct' | 'eof';

export interface JsToken {
  readonly type: JsTokenType;
  /** The source text of the token. */
  readonly text: string;
  /** A string's decoded value, a RegExp's pattern; otherwise the text. */
  readonly value: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly end: number;
}

const PUNCTUATORS = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>'];
/** After these names a `/` starts a RegExp, not a division. */
const BEFORE_VALUE = new Set(['return', 'typeof', 'case', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

export function tokenizeJs(src: string): JsToken[] {
  const tokens: JsToken[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  const push = (type: JsTokenType, start: number, startLine: number, column: number, value?: string) => {
    const text = src.slice(start, pos);
    tokens.push({ type, text, value: value ?? text, line: startLine, column, start, end: pos });
  };
  const newLine = (at: number) => {
    line++;
    lineStart = at + 1;
  };
  const unclosed = (l: number, c: number, what: string): never => {
    throw new ReadError(l, c, what, true);
  };

  while (pos < src.length) {
    const c = src[pos] as string;
    const start = pos;
    const startLine = line;
    const column = pos - lineStart + 1;
    if (c === '\n') {
      newLine(pos++);
      continue;
    }
    if (/\s/.test(c)) {
      pos++;
      continue;
    }
    if (src.startsWith('//', pos)) {
      while (pos < src.length && src[pos] !== '\n') pos++;
      continue;
    }
    if (src.startsWith('/*', pos)) {
      const close = src.indexOf('*/', pos + 2);
      if (close < 0) unclosed(startLine, column, 'this /* comment is never closed: end it with */');
      for (let i = pos; i < close; i++) if (src[i] === '\n') newLine(i);
      pos = close + 2;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let value = '';
      pos++;
      for (;;) {
        const d = src[pos];
        if (d === undefined || (d === '\n' && c !== '`')) {
          const where = c === '`' ? 'before the end of the text' : 'before the end of the line';
          unclosed(startLine, column, `this string is never closed: it starts with ${c} and needs a matching ${c} ${where}`);
        }
        if (d === c) break;
        if (d === '\\') {
          const e = src[pos + 1] ?? '';
          const hex = /^(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{1,6}\})/.exec(src.slice(pos + 1, pos + 10))?.[0];
          if (hex) value += String.fromCodePoint(Math.min(parseInt(hex.replace(/[xu{}]/g, ''), 16), 0xfffd));
          else if (e === '\n') newLine(pos + 1);
          else if (e === '\r' && src[pos + 2] === '\n') newLine(++pos + 1);
          else value += ESCAPES[e] ?? e;
          pos += 2 + (hex ? hex.length - 1 : 0);
          continue;
        }
        if (d === '\n') newLine(pos);
        value += d;
        pos++;
      }
      pos++;
      push(c === '`' ? 'template' : 'string', start, startLine, column, value);
      continue;
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(src.slice(pos, pos + 256));
    if (name) {
      pos += name[0].length;
      push('name', start, startLine, column);
      continue;
    }
    const num = /^(?:0[xXbBoO][\da-fA-F_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?/.exec(src.slice(pos, pos + 64));
    if (num) {
      pos += num[0].length;
      push('number', start, startLine, column);
      continue;
    }
    if (c === '/' && regexAllowed(tokens[tokens.length - 1])) {
      let inClass = false;
      pos++;
      for (;;) {
        const d = src[pos];
        if (d === undefined || d === '\n') unclosed(startLine, column, 'this RegExp is never closed: end it with / on the same line');
        if (d === '\\') pos++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        pos++;
      }
      const pattern = src.slice(start + 1, pos);
      pos++;
      while (/[a-z]/.test(src[pos] ?? '')) pos++;
      push('regex', start, startLine, column, pattern);
      continue;
    }
    pos += (PUNCTUATORS.find((p) => src.startsWith(p, pos)) ?? c).length;
    push('punct', start, startLine, column);
  }
  tokens.push({ type: 'eof', text: '', value: '', line, column: pos - lineStart + 1, start: pos, end: pos });
  return tokens;
}

function regexAllowed(prev: JsToken | undefined): boolean {
  if (!prev) return true;
  if (prev.type === 'name') return BEFORE_VALUE.has(prev.text);
  if (prev.type === 'punct') return ![')', ']', '}', '++', '--'].includes(prev.text);
  return false;
}
