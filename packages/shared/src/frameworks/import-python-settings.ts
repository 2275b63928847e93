/**
 * Reads a pasted Django settings block into its CORS_* settings. Every
 * `CORS_NAME = value` must be a value the importer can work out, or reading
 * stops with the line and column. Other statements (DEBUG, INSTALLED_APPS,
 * os.environ...) are read when they are simple and skipped when they are not;
 * only a CORS setting that uses a skipped name is an error.
 */
import { ReadError, type ImportWarning } from './import-result.ts';
import type { PyToken } from './import-python-lexer.ts';
import { PyExpressions } from './import-python-expr.ts';
import { arithmetic, fail, MODULES, type PyValue } from './import-python-values.ts';

export interface PySetting {
  readonly name: string;
  readonly value: PyValue;
  readonly line: number;
}

export interface PySettings {
  /** CORS_* settings by name; a setting assigned twice keeps its last value, as Python does. */
  readonly settings: ReadonlyMap<string, PySetting>;
  readonly warnings: ImportWarning[];
}

const COMPOUND = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'with', 'def', 'class']);

export function readPythonSettings(src: string): PySettings {
  return new SettingsReader(src).read();
}

class SettingsReader extends PyExpressions {
  private readonly settings = new Map<string, PySetting>();
  private block: { line: number; keyword: string; warned: boolean } | null = null;

  read(): PySettings {
    for (let t = this.lx.peek(); t.type !== 'eof'; t = this.lx.peek()) {
      if (t.type === 'newline' || t.text === ';') this.lx.next();
      else this.statement(t);
    }
    return { settings: this.settings, warnings: this.warnings };
  }

  private statement(t: PyToken): void {
    const op = this.lx.peek(1);
    const assigns = t.type === 'name' && op.type === 'op' && (op.text === '=' || op.text === '+=');
    if (t.type === 'name' && t.text.startsWith('CORS_')) {
      if (!assigns) fail(op, `expected "=" after ${t.text}; found ${this.lx.snippet(op)}`);
      return this.setting();
    }
    if (t.type === 'name' && COMPOUND.has(t.text)) {
      this.skip(true);
      this.block = { line: t.line, keyword: t.text, warned: false };
      return;
    }
    // Anything else is read on a best-effort basis: Python code the importer does not run is skipped.
    try {
      if (t.type === 'name' && (t.text === 'from' || t.text === 'import')) this.importStatement();
      else if (assigns) this.assignment();
      else this.skip(false);
    } catch (e) {
      if (!(e instanceof ReadError) || e.fatal) throw e;
      if (assigns) this.env.set(t.text, { kind: 'opaque', line: t.line });
      this.skip(false);
    }
  }

  private setting(): void {
    const name = this.lx.next();
    const op = this.lx.next();
    if (name.column > 1 && this.block && !this.block.warned) {
      this.block.warned = true;
      this.warnings.push({ line: this.block.line, text: `the importer does not run "${this.block.keyword}" blocks: the CORS settings inside it are read as if it always ran` });
    }
    const value = this.assignedValue(name, op);
    const before = this.settings.get(name.text);
    if (before) this.warnings.push({ line: name.line, text: `${name.text} is set twice (lines ${before.line} and ${name.line}); Python keeps the last value` });
    this.settings.set(name.text, { name: name.text, value, line: name.line });
    this.env.set(name.text, { kind: 'value', value });
  }

  private assignment(): void {
    const name = this.lx.next();
    const op = this.lx.next();
    if (name.text.toUpperCase().startsWith('CORS_')) {
      this.warnings.push({ line: name.line, text: `${name.text} is not read: Django reads only settings written in capitals, like ${name.text.toUpperCase()}` });
    }
    this.env.set(name.text, { kind: 'value', value: this.assignedValue(name, op) });
  }

  /** The value after `=` (a bare `a, b` is a tuple), or the sum for `+=`; then the statement must end. */
  private assignedValue(name: PyToken, op: PyToken): PyValue {
    const first = this.expr();
    let value = first;
    if (this.isOp(',')) {
      const items = [first];
      while (this.take(',') && !this.atEnd()) items.push(this.expr());
      value = { kind: 'tuple', items, line: first.line };
    }
    if (!this.atEnd()) fail(this.lx.peek(), `expected the end of the line after the value of ${name.text}; found ${this.lx.snippet(this.lx.peek())}`);
    if (op.text === '=') return value;
    const before = this.env.get(name.text);
    if (before?.kind !== 'value') return fail(op, `${name.text} += needs ${name.text} set earlier in the pasted text`);
    return arithmetic({ ...op, text: '+' }, before.value, value);
  }

  /** `from corsheaders.defaults import default_headers [as h], ...` and `import corsheaders.defaults [as d]`. */
  private importStatement(): void {
    const from = this.lx.next().text === 'from';
    const path = from ? this.dotted() : '';
    if (from && !this.take('import')) fail(this.lx.peek(), `expected "import"; found ${this.lx.snippet(this.lx.peek())}`);
    const grouped = from && this.take('(');
    do {
      const t = this.lx.peek();
      if (from && this.take('*')) {
        for (const [member, make] of Object.entries(MODULES[path] ?? {})) this.env.set(member, { kind: 'value', value: make(t.line) });
        continue;
      }
      let alias: string;
      let value: PyValue | undefined;
      if (from) {
        const name = this.lx.next().text;
        alias = this.take('as') ? this.lx.next().text : name;
        value = MODULES[path]?.[name]?.(t.line);
      } else {
        // `import a.b` binds a; `import a.b as c` binds c to a.b.
        const dotted = this.dotted();
        const as = this.take('as') ? this.lx.next().text : null;
        const bound = as === null ? (dotted.split('.')[0] as string) : dotted;
        alias = as ?? bound;
        value = MODULES[bound] ? { kind: 'module', path: bound, line: t.line } : undefined;
      }
      this.env.set(alias, value ? { kind: 'value', value } : { kind: 'opaque', line: t.line });
    } while (this.take(',') && !this.isOp(')'));
    if (grouped && !this.take(')')) fail(this.lx.peek(), `expected ")"; found ${this.lx.snippet(this.lx.peek())}`);
    if (!this.atEnd()) fail(this.lx.peek(), `expected the end of the import; found ${this.lx.snippet(this.lx.peek())}`);
  }

  private dotted(): string {
    let path = this.lx.next().text;
    while (this.take('.')) path += `.${this.lx.next().text}`;
    return path;
  }

  /** Skips to the end of a statement; a compound statement's header ends at its `:`. */
  private skip(header: boolean): void {
    let depth = 0;
    for (let t = this.lx.peek(); t.type !== 'eof' && t.type !== 'newline'; t = this.lx.peek()) {
      this.lx.next();
      if (['(', '[', '{'].includes(t.text)) depth++;
      else if ([')', ']', '}'].includes(t.text)) depth--;
      else if (depth === 0 && (t.text === ';' || (header && t.text === ':'))) return;
    }
  }
}
