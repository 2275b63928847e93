/** The pasted line an import error points at, split around its column, for quoting it with a caret. */

export interface ErrorExcerpt {
  /** The line's text up to the column. */
  readonly before: string;
  /** The character at the column; empty at the end of the line. */
  readonly at: string;
  readonly after: string;
}

/** `line` and `column` are 1-based, the column in UTF-16 code units as the importers count; null when the line is not in the text. */
export function errorExcerpt(text: string, line: number, column: number): ErrorExcerpt | null {
  const lineText = text.split('\n')[line - 1]?.replace(/\r$/, '');
  if (lineText === undefined) return null;
  const start = Math.min(Math.max(column, 1), lineText.length + 1) - 1;
  const code = lineText.codePointAt(start);
  const at = code === undefined ? '' : String.fromCodePoint(code);
  return { before: lineText.slice(0, start), at, after: lineText.slice(start + at.length) };
}

/** Where a 1-based line and column sit in the text, to put the cursor there; the end of the text when past it. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(offset + Math.max(column, 1) - 1, lineEnd);
}
