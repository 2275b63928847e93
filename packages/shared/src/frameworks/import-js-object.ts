/**
 * Reads the options a pasted cors() call gets: an object literal, given
 * inline, through a const/let/var, or pasted alone. Literals are read;
 * functions and other code are kept as text, for the importer to warn about.
 */
import { ReadError } from './import-result.ts';
import { tokenizeJs, type JsToken } from './import-js-lexer.ts';

interface At {
  readonly line: number;
  readonly column: number;
}

export type JsValue = At &
  (
    | { readonly kind: 'string'; readonly value: string }
    | { readonly kind: 'number'; readonly value: number }
    | { readonly kind: 'boolean'; readonly value: boolean }
    | { readonly kind: 'null' | 'undefined' }
    | { readonly kind: 'array'; readonly items: readonly JsValue[] }
    | { readonly kind: 'object'; readonly entries: readonly JsEntry[] }
    | { readonly kind: 'regex'; readonly source: string; readonly flags: string }
    /** A function, or an expression such as process.env.ORIGIN: only running it would tell. */
    | { readonly kind: 'function' | 'code'; readonly text: string }
    | { readonly kind: 'ref'; readonly name: string }
  );

type JsCode = At & { readonly kind: 'function' | 'code'; readonly text: string };

export interface JsEntry extends At {
  readonly key: string;
  readonly value: JsValue;
}

export type JsObject = JsValue & { readonly kind: 'object' };

export interface CorsOptionsSource extends At {
  /** The options object; null for cors() without options. */
  readonly options: JsObject | null;
  /** Follows a name to the value its const/let/var gives. */
  resolve(v: JsValue): JsValue;
}

const END = new Set([',', '}', ']', ')', ';']);
const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

const found = (t: JsToken) => (t.type === 'eof' ? 'the end of the text' : /^['"`]/.test(t.text) ? t.text : `"${t.text}"`);
const fail = (t: At, text: string): never => {
  throw new ReadError(t.line, t.column, text);
};

/** Finds the options of the first cors(...) call, else a declared or bare object literal. */
export function findCorsOptions(src: string): CorsOptionsSource {
  const tokens = tokenizeJs(src);
  const reader = new JsReader(src, tokens);
  const declared = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (!['const', 'let', 'var'].includes(t.text) || tokens[i + 1]?.type !== 'name') return;
    let j = i + 2;
    if (tokens[j]?.text === ':') while (j < tokens.length && tokens[j]?.text !== '=' && tokens[j]?.type !== 'eof') j++; // a TypeScript annotation
    const name = tokens[i + 1]?.text as string;
    if (tokens[j]?.text === '=' && !declared.has(name)) declared.set(name, j + 1);
  });
  const resolve = (v: JsValue, seen: readonly string[] = []): JsValue => {
    const index = v.kind === 'ref' && !seen.includes(v.name) ? declared.get(v.name) : undefined;
    return v.kind === 'ref' && index !== undefined ? resolve(reader.valueAt(index), [...seen, v.name]) : v;
  };

  const call = tokens.findIndex((t, i) => t.text === 'cors' && tokens[i + 1]?.text === '(' && tokens[i - 1]?.text !== '.' && tokens[i - 1]?.text !== 'function');
  const callee = tokens[call];
  if (callee) {
    const arg = tokens[call + 2] as JsToken;
    if (arg.text === ')') return { options: null, line: callee.line, column: callee.column, resolve };
    const v = resolve(reader.valueAt(call + 2));
    if (v.kind === 'object') return { options: v, line: v.line, column: v.column, resolve };
    if (v.kind === 'ref') return fail(v, `cors(${v.name}) uses ${v.name}, which the pasted text does not define; paste its declaration too, such as const ${v.name} = { ... }`);
    if (v.kind === 'function') return fail(v, 'cors() is given a function that picks the options for each request; the importer needs a fixed options object: paste the object it passes on');
    return fail(v, `expected an options object in cors(...), such as { origin: 'https://example.com' }; found ${found(arg)}`);
  }
  const names = [...declared.keys()].filter((n) => tokens[declared.get(n) as number]?.text === '{');
  const name = names.find((n) => /cors/i.test(n)) ?? names[0];
  const start = name !== undefined ? (declared.get(name) as number) : tokens.findIndex((t) => t.text === '{');
  const first = tokens[0] as JsToken;
  if (start < 0) return fail(first, `expected a cors options object, such as { origin: 'https://example.com' }, or a cors({ ... }) call; found ${found(first)}`);
  const options = reader.valueAt(start) as JsObject;
  return { options, line: options.line, column: options.column, resolve };
}

class JsReader {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly tokens: readonly JsToken[],
  ) {}

  valueAt(index: number): JsValue {
    this.i = index;
    return this.value();
  }

  private tok(offset = 0): JsToken {
    return (this.tokens[this.i + offset] ?? this.tokens[this.tokens.length - 1]) as JsToken;
  }

  /** Takes one token and gives `v`. */
  private step(v: JsValue): JsValue {
    this.i++;
    return v;
  }

  private take(text: string): boolean {
    const t = this.tok();
    if (t.type !== 'punct' || t.text !== text) return false;
    this.i++;
    return true;
  }

  /** A literal, or, when an operator follows it, the whole expression as code. */
  private value(): JsValue {
    const start = this.i;
    const v = this.primary();
    const next = this.tok();
    const continues = (next.type === 'punct' && !END.has(next.text)) || ['as', 'satisfies', 'instanceof', 'in'].includes(next.text);
    return continues ? this.code(start, v.kind === 'function' ? 'function' : 'code') : v;
  }

  private primary(): JsValue {
    const t = this.tok();
    const at = { line: t.line, column: t.column };
    const word = t.type === 'name' ? t.text : '';
    if (t.type === 'string' || (t.type === 'template' && !t.text.includes('${'))) return this.step({ ...at, kind: 'string', value: t.value });
    if (t.type === 'number' && !t.text.endsWith('n')) return this.step({ ...at, kind: 'number', value: Number(t.text.replace(/_/g, '')) });
    if (t.type === 'regex') return this.step({ ...at, kind: 'regex', source: t.value, flags: t.text.slice(t.text.lastIndexOf('/') + 1) });
    if (word === 'true' || word === 'false') return this.step({ ...at, kind: 'boolean', value: word === 'true' });
    if (word === 'null' || word === 'undefined') return this.step({ ...at, kind: word });
    if (word === 'function' || word === 'async' || word === 'class' || this.tok(1).text === '=>') return this.code(this.i, 'function');
    if (word === 'new' && this.tok(1).text === 'RegExp' && this.tok(2).text === '(' && this.tok(3).type === 'string') {
      const source = this.tok(3).value;
      this.code(this.i, 'code');
      return { ...at, kind: 'regex', source, flags: '' };
    }
    if (t.type === 'name') return this.step({ ...at, kind: 'ref', name: t.text });
    if ((t.text === '-' || t.text === '+') && this.tok(1).type === 'number') {
      this.i += 2;
      const n = Number(this.tok(-1).text.replace(/_/g, ''));
      return { ...at, kind: 'number', value: t.text === '-' ? -n : n };
    }
    if (t.text === '(') {
      const close = this.skip(this.i);
      return this.code(this.i, this.tokens[close]?.text === '=>' ? 'function' : 'code');
    }
    if (t.text === '[') return this.array(at);
    if (t.text === '{') return this.object(at);
    if (t.type === 'template' || t.type === 'number') return this.code(this.i, 'code');
    return fail(t, `expected a value (a string, a number, true/false, a list [...], a RegExp or a function); found ${found(t)}`);
  }

  private array(at: At): JsValue {
    this.i++;
    const items: JsValue[] = [];
    while (!this.take(']')) {
      if (this.tok().type === 'eof') fail(at, 'this "[" is never closed: add "]" after its last entry');
      if (this.take(',')) continue;
      items.push(this.tok().text === '...' ? this.code(this.i, 'code') : this.value());
      this.separator(']', at, 'after an entry of the list');
    }
    return { ...at, kind: 'array', items };
  }

  private object(at: At): JsValue {
    this.i++;
    const entries: JsEntry[] = [];
    while (!this.take('}')) {
      const k = this.tok();
      let key: string;
      if (k.text === '...') key = '...';
      else if (k.type === 'name' || k.type === 'string' || k.type === 'number') key = this.tokens[this.i++]?.value ?? '';
      else if (k.text === '[') key = this.code(this.i, 'code', true).text;
      else if (k.type === 'eof') return fail(at, 'this "{" is never closed: add "}" after its last entry');
      else return fail(k, `expected a property name; found ${found(k)}`);
      let value: JsValue;
      if (key === '...') value = this.code(this.i, 'code');
      else if (this.take(':')) value = this.value();
      else if (this.tok().text === '(') value = this.code(this.i, 'function');
      else if (this.tok().text === ',' || this.tok().text === '}') value = { line: k.line, column: k.column, kind: 'ref', name: key };
      else return fail(this.tok(), `expected ":" after ${key}; found ${found(this.tok())}`);
      entries.push({ key, value, line: k.line, column: k.column });
      this.separator('}', at, `after the value of ${key}`);
    }
    return { ...at, kind: 'object', entries };
  }

  /** After an entry: a comma, or the closer (left for the loop to take). */
  private separator(closer: ']' | '}', open: At, where: string): void {
    const t = this.tok();
    if (this.take(',') || t.text === closer) return;
    const opener = closer === ']' ? '[' : '{';
    if (t.type === 'eof') fail(open, `this "${opener}" is never closed: add "${closer}" after its last entry`);
    fail(t, `expected "," or "${closer}" ${where}; found ${found(t)}`);
  }

  /** Code from `start` to the end of the value (or one bracketed group): kept as text. */
  private code(start: number, kind: 'function' | 'code', group = false): JsCode {
    const first = this.tokens[start] as JsToken;
    this.i = group ? this.skip(start) : start;
    if (!group) {
      while (this.tok().type !== 'eof' && !END.has(this.tok().text)) this.i = OPEN[this.tok().text] ? this.skip(this.i) : this.i + 1;
    }
    const last = this.tokens[this.i - 1] ?? first;
    return { line: first.line, column: first.column, kind, text: this.src.slice(first.start, last.end) };
  }

  /** The index after the bracket that closes the one at `open`. */
  private skip(open: number): number {
    const stack: JsToken[] = [];
    for (let j = open; j < this.tokens.length; j++) {
      const t = this.tokens[j] as JsToken;
      if (t.type === 'punct' && OPEN[t.text]) stack.push(t);
      else if (t.type === 'punct' && [')', ']', '}'].includes(t.text)) {
        const top = stack.pop();
        if (!top || OPEN[top.text] !== t.text) return fail(t, `found "${t.text}" but ${top ? `the "${top.text}" on line ${top.line} is still open` : 'nothing is open'}`);
        if (stack.length === 0) return j + 1;
      } else if (t.type === 'eof') {
        const top = stack[stack.length - 1] as JsToken;
        return fail(top, `this "${top.text}" is never closed: add "${OPEN[top.text]}"`);
      }
    }
    return this.tokens.length;
  }
}
