import { describe, expect, it } from 'vitest';
import { errorExcerpt, offsetOf } from './import-excerpt.ts';

const TEXT = "CORS_ALLOW_CREDENTIALS = True\nCORS_ORIGIN_WHITELIST = (\n    'x' : 3,\n)";

describe('import error excerpt', () => {
  it('splits the line at the column', () => {
    expect(errorExcerpt(TEXT, 3, 9)).toEqual({ before: "    'x' ", at: ':', after: ' 3,' });
  });

  it('marks the end of the line when the column is past it, and drops a CR', () => {
    expect(errorExcerpt('a = (\r\nb', 1, 99)).toEqual({ before: 'a = (', at: '', after: '' });
  });

  it('keeps a character outside the BMP whole', () => {
    expect(errorExcerpt("x = '😀' +", 1, 6)).toEqual({ before: "x = '", at: '😀', after: "' +" });
  });

  it('gives nothing for a line the text does not have', () => {
    expect([errorExcerpt(TEXT, 9, 1), errorExcerpt(TEXT, 0, 1)]).toEqual([null, null]);
  });

  it('finds the offset of a line and column, clamped to the line and the text', () => {
    const at = offsetOf(TEXT, 3, 9);
    expect({ char: TEXT[at], pastLine: offsetOf(TEXT, 1, 99), pastText: offsetOf(TEXT, 9, 1) }).toEqual({
      char: ':',
      pastLine: TEXT.indexOf('\n'),
      pastText: TEXT.length,
    });
  });
});
