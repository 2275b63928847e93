import { describe, expect, it } from 'vitest';
import { jsStr, listLines, ngxKey, ngxName, ngxStr, ngxValue, pyStr } from './literals.ts';

/** Every BMP character but the surrogates, and one astral one. */
const ALL = String.fromCodePoint(...Array.from({ length: 0xffff }, (_, i) => i + 1).filter((c) => c < 0xd800 || c > 0xdfff), 0x1f600);

/** Reads an nginx quoted string back as nginx's config parser and variable expansion would, given $dollar = "$". */
function readNginx(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const inner = literal.slice(1, -1);
  expect(inner.replace(/\\./g, '')).not.toMatch(/"/); // no quote ends the string early
  expect(inner.replace(/\$\{dollar\}/g, '')).not.toMatch(/\$/); // no other variable
  const unescaped = inner.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
  return unescaped.replace(/\$\{dollar\}/g, '$');
}

describe('string literals', () => {
  it('jsStr gives a JavaScript literal that reads back as the same string', () => {
    expect([jsStr("it's"), (0, eval)(jsStr(ALL))]).toEqual(["'it\\'s'", ALL]);
  });

  it('pyStr escapes quotes, backslashes and anything outside printable ASCII, as Python reads them', () => {
    // Python and JavaScript read \\ \" \n \r \t \xNN \uNNNN alike; \U is Python's own.
    const bmp = ALL.slice(0, -2);
    expect([pyStr('a"b\\c\n\u00e9'), pyStr('\u{1f600}'), (0, eval)(pyStr(bmp))]).toEqual(['"a\\"b\\\\c\\n\\xe9"', '"\\U0001f600"', bmp]);
  });

  it('ngxStr keeps every character inside the quotes and every $ literal', () => {
    const nasty = 'a"b\\c$d${e}\n\r\t;{}#\'';
    expect([ngxStr(nasty), readNginx(ngxStr(nasty)), readNginx(ngxStr(ALL))]).toEqual(['"a\\"b\\\\c${dollar}d${dollar}{e}\\n\\r\\t;{}#\'"', nasty, ALL]);
  });

  it('leaves plain words bare in nginx and quotes the rest', () => {
    expect([ngxName('X-Custom-Header'), ngxName("x'y"), ngxValue('600'), ngxValue('GET, PUT'), ngxValue('*'), ngxKey('http://a"b$c')]).toEqual([
      'X-Custom-Header',
      '"x\'y"',
      '600',
      '"GET, PUT"',
      '"*"',
      '"http://a\\"b$c"',
    ]);
  });

  it('lays a list on one line when it fits, else one item a line', () => {
    expect([listLines('X = ', ['"a"', '"b"'], '', '', 20), listLines('X = ', ['"aaaa"', '"bbbb"', '"cccc"'], ',', '  ', 20)]).toEqual([
      ['X = ["a", "b"]'],
      ['  X = [', '      "aaaa",', '      "bbbb",', '      "cccc",', '  ],'],
    ]);
  });
});
