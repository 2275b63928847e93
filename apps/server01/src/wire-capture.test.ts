import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bodyText, parseHeaderBlock, RECORDED_BODY_LIMIT, writtenHeaders } from './wire-capture.ts';

const sent = (head: string) => ({ _header: head }) as unknown as ServerResponse;

describe('parseHeaderBlock', () => {
  it('keeps every line with a name before its colon, the value trimmed, and skips the rest', () => {
    expect([
      parseHeaderBlock('HTTP/1.1 200 OK\r\nVary: Origin\r\nX-Empty:\r\nX-Pad: \t a b \t\r\n: no name\r\nno colon\r\nA:b:c\r\n\r\n'),
      parseHeaderBlock('HTTP/1.1 204 No Content'),
      parseHeaderBlock('S\r\nLast: line'),
    ]).toEqual([
      {
        startLine: 'HTTP/1.1 200 OK',
        headers: [
          ['Vary', 'Origin'],
          ['X-Empty', ''],
          ['X-Pad', 'a b'],
          ['A', 'b:c'],
        ],
      },
      { startLine: 'HTTP/1.1 204 No Content', headers: [] },
      { startLine: 'S', headers: [['Last', 'line']] },
    ]);
  });
});

describe('writtenHeaders', () => {
  it('gives separate, equal lines for a head seen again, and the new lines when it changes', () => {
    const head = (date: string) => `HTTP/1.1 204 No Content\r\nVary: Origin\r\nDate: ${date}\r\n\r\n`;
    const a = writtenHeaders(sent(head('Mon')));
    const b = writtenHeaders(sent(head('Mon')));
    const c = writtenHeaders(sent(head('Tue')));
    expect({ a, same: a === b || a[0] === b[0], c }).toEqual({
      a: [
        ['Vary', 'Origin'],
        ['Date', 'Mon'],
      ],
      same: false,
      c: [
        ['Vary', 'Origin'],
        ['Date', 'Tue'],
      ],
    });
  });
});

describe('bodyText', () => {
  it('gives the start of a body as UTF-8 text and its length in bytes, a string as the bytes it becomes', () => {
    expect([
      bodyText(undefined),
      bodyText('server----001'),
      bodyText('é'),
      bodyText('\ud800'),
      bodyText(Buffer.from('new value')),
      bodyText('a'.repeat(RECORDED_BODY_LIMIT + 1)),
    ]).toEqual([
      { body: '', bodyBytes: 0 },
      { body: 'server----001', bodyBytes: 13 },
      { body: 'é', bodyBytes: 2 },
      { body: '\ufffd', bodyBytes: 3 },
      { body: 'new value', bodyBytes: 9 },
      { body: 'a'.repeat(RECORDED_BODY_LIMIT), bodyBytes: RECORDED_BODY_LIMIT + 1 },
    ]);
  });
});
