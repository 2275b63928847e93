/**
 * A tokenizer for the part of Python a Django settings block uses: names,
 * numbers, strings (quotes, prefixes, escapes), brackets and operators.
 * Like Python's own (docs.python.org/3/reference/lexical_analysis.html), it
 * ends a statement at a newline only outside brackets, and skips comments.
 * It reads on demand, so an error later in the text does not hide an earlier one.
 */
import { ReadError } from './import-result.ts';

export type PyTokenType = 'name' | 'number' | 'string' | 'op' | 'newline' | 'eof';

export interface PyToken {
  readonly type: PyTokenType;
  /** The source text of the token. */
  readonly text: string;
  /** A string's decoded value; otherwise the text. */
  readonly value: string;
  /** An f-string: its value depends on code. */
  readonly formatted: boolean;
  readonly line: number;
  readonly column: number;
  /** Offset of the token in the source. */
  readonly start: number;
}

const OPERATORS = ['**=', '//=', '>>=', '<<=', '+=', '-=', '*=', '/=', '%=', '==', '!=', '<=', '>=', '**', '//', '->', ':=', '<<', '>>'];
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
const STRING_PREFIX = /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

export class PyLexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly open: { char: string; line: number; column: number }[] = [];
  private readonly ahead: PyToken[] = [];
  private atLineStart = true;

  constructor(readonly src: string) {}

  /** The token `n` places ahead, without taking it. */
  peek(n = 0): PyToken {
    while (this.ahead.length <= n) this.ahead.push(this.scan());
    return this.ahead[n] as PyToken;
  }

  next(): PyToken {
    const t = this.peek();
    this.ahead.shift();
    return t;
  }

  /** The source from a token to the next space, comma or closing bracket: what "found" shows a learner. */
  snippet(t: PyToken): string {
    if (t.type === 'eof') return 'the end of the text';
    if (t.type === 'newline') return 'the end of the line';
    const rest = this.src.slice(t.start);
    const m = /^[^\s,)\]}]+/.exec(rest);
    const s = m ? m[0] : t.text;
    return JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);
  }

  private make(type: PyTokenType, start: number, line: number, column: number, value?: string, formatted = false): PyToken {
    const text = this.src.slice(start, this.pos);
    this.atLineStart = type === 'newline';
    return { type, text, value: value ?? text, formatted, line, column, start };
  }

  private scan(): PyToken {
    const src = this.src;
    for (;;) {
      const start = this.pos;
      const column = start - this.lineStart + 1;
      const line = this.line;
      const c = src[start];
      if (c === undefined) {
        const unclosed = this.open[this.open.length - 1];
        if (unclosed) throw new ReadError(unclosed.line, unclosed.column, `this "${unclosed.char}" is never closed: add "${OPENERS[unclosed.char]}" after its last entry`, true);
        return this.make('eof', start, line, column);
      }
      if (c === '\n') {
        this.pos++;
        this.newLine();
        if (this.open.length === 0 && !this.atLineStart) return this.make('newline', start, line, column);
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
        this.pos++;
        continue;
      }
      if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
        continue;
      }
      if (c === '\\' && /^\\\r?\n/.test(src.slice(start, start + 3))) {
        this.pos += src[start + 1] === '\r' ? 3 : 2;
        this.newLine();
        continue;
      }
      if (c === '"' || c === "'") return this.string(start, line, column, '');
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(start, start + 256));
      if (name) {
        const quote = src[start + name[0].length];
        if ((quote === '"' || quote === "'") && STRING_PREFIX.test(name[0])) {
          this.pos += name[0].length;
          return this.string(start, line, column, name[0].toLowerCase());
        }
        this.pos += name[0].length;
        return this.make('name', start, line, column);
      }
      const num = /^(?:0[xXoObB][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)[jJ]?/.exec(src.slice(start, start + 64));
      if (num) {
        this.pos += num[0].length;
        return this.make('number', start, line, column);
      }
      const op = OPERATORS.find((o) => src.startsWith(o, start)) ?? c;
      this.pos += op.length;
      this.bracket(op, line, column);
      return this.make('op', start, line, column);
    }
  }

  private newLine(): void {
    this.line++;
    this.lineStart = this.pos;
  }

  private bracket(op: string, line: number, column: number): void {
    if (OPENERS[op] !== undefined) this.open.push({ char: op, line, column });
    else if (CLOSERS.has(op)) {
      const top = this.open.pop();
      if (!top) throw new ReadError(line, column, `found "${op}" but there is no open bracket for it to close`, true);
      if (OPENERS[top.char] !== op) {
        throw new ReadError(line, column, `found "${op}" but the "${top.char}" on line ${top.line} is still open: close it with "${OPENERS[top.char]}" first`, true);
      }
    }
  }

  /** A string literal: docs.python.org/3/reference/lexical_analysis.html#string-and-bytes-literals */
  private string(start: number, line: number, column: number, prefix: string): PyToken {
    const src = this.src;
    const q = src[this.pos] as string;
    const triple = src.startsWith(q.repeat(3), this.pos);
    const raw = prefix.includes('r');
    this.pos += triple ? 3 : 1;
    let value = '';
    for (;;) {
      const c = src[this.pos];
      if (c === undefined || (c === '\n' && !triple)) {
        const what = triple ? `${q.repeat(3)} before the end of the text` : `${q} before the end of the line`;
        throw new ReadError(line, column, `this string is never closed: it starts with ${q} and needs a matching ${what}`, true);
      }
      if (src.startsWith(triple ? q.repeat(3) : q, this.pos)) {
        this.pos += triple ? 3 : 1;
        return this.make('string', start, line, column, value, prefix.includes('f'));
      }
      if (c === '\\' && this.pos + 1 < src.length) {
        const e = src[this.pos + 1] as string;
        this.pos += 2;
        if (e === '\n') this.newLine();
        value += raw ? `\\${e}` : this.escape(e);
        continue;
      }
      if (c === '\n') this.newLine();
      value += c;
      this.pos++;
    }
  }

  /** One escape after its backslash; an unknown escape keeps its backslash, as Python does. */
  private escape(e: string): string {
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) return simple;
    const hex = { x: 2, u: 4, U: 8 }[e];
    if (hex !== undefined) {
      const digits = this.src.slice(this.pos, this.pos + hex);
      if (digits.length === hex && /^[0-9a-fA-F]+$/.test(digits) && parseInt(digits, 16) <= 0x10ffff) {
        this.pos += hex;
        return String.fromCodePoint(parseInt(digits, 16));
      }
    }
    if (/[0-7]/.test(e)) {
      const more = /^[0-7]{0,2}/.exec(this.src.slice(this.pos, this.pos + 2))?.[0] ?? '';
      this.pos += more.length;
      return String.fromCharCode(parseInt(e + more, 8));
    }
    return `\\${e}`;
  }
}
