/**
 * Python expressions as a settings block writes them: literals, names bound
 * earlier, `+ - *`, list and tuple displays with star-unpacking, `list()`,
 * `tuple()`, `re.compile()` and the names of corsheaders.defaults.
 * docs.python.org/3/reference/expressions.html, for the small part used here.
 */
import type { ImportWarning } from './import-result.ts';
import { PyLexer, type PyToken } from './import-python-lexer.ts';
import { arithmetic, call, fail, itemsOf, MODULES, numberValue, type Binding, type PyValue } from './import-python-values.ts';

const VALUE_EXPECTED = 'expected a string, a number, True/False/None, or a list';
const KEYWORDS = new Set(['not', 'and', 'or', 'lambda', 'if', 'else', 'await', 'yield', 'in', 'is']);

export class PyExpressions {
  protected readonly lx: PyLexer;
  /** Names bound by the pasted text so far. */
  protected readonly env = new Map<string, Binding>();
  protected readonly warnings: ImportWarning[] = [];
  private readonly warnedDefaults = new Set<string>();

  constructor(src: string) {
    this.lx = new PyLexer(src);
  }

  protected expr(): PyValue {
    let left = this.product();
    for (let t = this.lx.peek(); t.text === '+' || t.text === '-'; t = this.lx.peek()) left = arithmetic(this.lx.next(), left, this.product());
    return left;
  }

  protected product(): PyValue {
    let left = this.unary();
    for (let t = this.lx.peek(); t.type === 'op'; t = this.lx.peek()) {
      if (t.text === '*') left = arithmetic(this.lx.next(), left, this.unary());
      else if (['/', '//', '%', '**', '@'].includes(t.text)) fail(t, `the importer does not compute "${t.text}"; write the number itself`);
      else break;
    }
    return left;
  }

  protected unary(): PyValue {
    const t = this.lx.peek();
    if (t.type !== 'op' || (t.text !== '-' && t.text !== '+')) return this.postfix();
    this.lx.next();
    const v = this.unary();
    if (v.kind !== 'int' && v.kind !== 'float') return fail(t, `"${t.text}" goes before a number here`);
    return { ...v, value: t.text === '-' ? -v.value : v.value };
  }

  protected postfix(): PyValue {
    let v = this.primary();
    for (let t = this.lx.peek(); t.type === 'op'; t = this.lx.peek()) {
      if (t.text === '.' && v.kind === 'module') {
        this.lx.next();
        v = this.member(v.path, this.lx.next());
      } else if (t.text === '(') {
        this.lx.next();
        const args: PyValue[] = [];
        while (!this.take(')')) {
          args.push(this.expr());
          if (!this.take(',') && !this.isOp(')')) fail(this.lx.peek(), `expected "," or ")" in the call; found ${this.lx.snippet(this.lx.peek())}`);
        }
        v = call(v, args, t);
      } else if (t.text === '.' || t.text === '[') fail(t, `the importer reads literal values only; write the value itself instead of ${this.lx.snippet(t)}`);
      else break;
    }
    return v;
  }

  protected primary(): PyValue {
    const t = this.lx.next();
    if (t.type === 'string') {
      let value = t.value;
      let formatted = t.formatted && t.value.includes('{');
      while (this.lx.peek().type === 'string') {
        const more = this.lx.next();
        value += more.value;
        formatted ||= more.formatted && more.value.includes('{');
      }
      if (formatted) fail(t, 'an f-string is filled in by running code; write the plain string');
      return { kind: 'str', value, line: t.line, grouped: false };
    }
    if (t.type === 'number') return numberValue(t);
    if (t.type === 'name') return this.name(t);
    if (t.text === '(' || t.text === '[') {
      const closer = t.text === '(' ? ')' : ']';
      if (t.text === '(' && this.take(')')) return { kind: 'tuple', items: [], line: t.line };
      const first = this.entry();
      if (t.text === '(' && first.length === 1 && first[0] && this.take(')')) {
        // `('*')` is the string '*' in parentheses: only a comma makes a tuple.
        return first[0].kind === 'str' ? { ...first[0], grouped: true } : first[0];
      }
      const items = [...first];
      for (;;) {
        if (this.take(closer)) break;
        if (!this.take(',')) fail(this.lx.peek(), `expected "," or "${closer}" after an entry; found ${this.lx.snippet(this.lx.peek())}`);
        if (this.take(closer)) break;
        items.push(...this.entry());
      }
      return { kind: t.text === '(' ? 'tuple' : 'list', items, line: t.line };
    }
    if (t.text === '{') return fail(t, 'a dict or a set cannot be a CORS setting; use a list');
    return fail(t, `${VALUE_EXPECTED}; found ${this.lx.snippet(t)}`);
  }

  /** One entry of a list or tuple display; `*name` unpacks into several. */
  protected entry(): readonly PyValue[] {
    const star = this.lx.peek();
    if (star.text === '*' && star.type === 'op') {
      this.lx.next();
      return itemsOf(this.expr(), star);
    }
    const v = this.expr();
    if (this.lx.peek().text === 'for') fail(this.lx.peek(), 'a comprehension is computed by running code; write the entries themselves');
    return [v];
  }

  protected name(t: PyToken): PyValue {
    if (t.text === 'True' || t.text === 'False') return { kind: 'bool', value: t.text === 'True', line: t.line };
    if (t.text === 'None') return { kind: 'none', line: t.line };
    const bound = this.env.get(t.text);
    if (bound?.kind === 'opaque') return fail(t, `${t.text} is set by code the importer does not run (line ${bound.line}); write the value itself here`);
    if (bound) return relabel(bound.value, t.line);
    if (t.text === 'list' || t.text === 'tuple') return { kind: 'builtin', name: t.text, line: t.line };
    if (t.text === 're') return { kind: 'module', path: 're', line: t.line };
    const fallback = MODULES['corsheaders.defaults']?.[t.text];
    if (fallback) {
      if (!this.warnedDefaults.has(t.text)) {
        this.warnedDefaults.add(t.text);
        this.warnings.push({ line: t.line, text: `${t.text} is used without "from corsheaders.defaults import ${t.text}"; read as django-cors-headers' ${t.text}` });
      }
      return fallback(t.line);
    }
    const after = this.lx.src[t.start + t.text.length] ?? '';
    if (after === '.' || after === '(' || KEYWORDS.has(t.text)) return fail(t, `the importer reads literal values only; ${this.lx.snippet(t)} is code it does not run: write the value itself`);
    const hint = /["']/.test(after) ? '' : `, a name the pasted text does not define`;
    return fail(t, `${VALUE_EXPECTED}; found ${this.lx.snippet(t)}${hint}`);
  }

  protected member(path: string, t: PyToken): PyValue {
    const make = MODULES[path]?.[t.text];
    return make ? make(t.line) : fail(t, `the importer does not know ${path}.${t.text}; write the value itself`);
  }

  protected isOp(text: string): boolean {
    const t = this.lx.peek();
    return (t.type === 'op' || t.type === 'name') && t.text === text;
  }

  protected take(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.lx.next();
    return true;
  }

  protected atEnd(): boolean {
    const t = this.lx.peek();
    return t.type === 'newline' || t.type === 'eof' || (t.type === 'op' && t.text === ';');
  }
}

/** A bound value used on another line: its entries report the line that uses it. */
function relabel(v: PyValue, line: number): PyValue {
  if (v.kind === 'list' || v.kind === 'tuple') return { ...v, items: v.items.map((i) => relabel(i, line)), line };
  return { ...v, line };
}
