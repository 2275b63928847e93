/** JSON text with spots JSON.stringify cannot write: `1e309`, `-0`, nesting 30,000 deep. */
const MARK = /"\\u0001raw(\d+)\\u0001"/g;

export class JsonText {
  readonly #raw: string[] = [];

  /** A placeholder value that serializes as `text`, verbatim. */
  raw(text: string): string {
    this.#raw.push(text);
    return `\u0001raw${this.#raw.length - 1}\u0001`;
  }

  /** The value a placeholder stands for, as JSON.parse reads its text; any other value as it is. */
  parsed(value: unknown): unknown {
    const i = typeof value === 'string' ? /^\u0001raw(\d+)\u0001$/.exec(value)?.[1] : undefined;
    return i === undefined ? value : JSON.parse(this.#raw[Number(i)]!);
  }

  stringify(value: unknown): string {
    return JSON.stringify(value).replace(MARK, (_, i: string) => this.#raw[Number(i)]!);
  }
}

/** `depth` nested arrays or objects around `inner`, as text (no recursion, so no stack limit here). */
export function nested(depth: number, kind: 'array' | 'object' | 'mixed', inner = '1'): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const array = kind === 'array' || (kind === 'mixed' && i % 2 === 0);
    open += array ? '[' : '{"a":';
    close += array ? ']' : '}';
  }
  return open + inner + [...close].reverse().join('');
}
