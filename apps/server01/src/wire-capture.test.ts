import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bodyText, parseHeaderBlock, RECORDED_BODY_LIMIT, receivedLines, writtenLines } from './wire-capture.ts';

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

describe('captured header lines', () => {
  it('shares the lines of a head seen again, and has new lines when it changes', () => {
    const head = (date: string) => `HTTP/1.1 204 No Content\r\nVary: Origin\r\nDate: ${date}\r\n\r\n`;
    const [a, b, c] = [writtenLines(sent(head('Mon'))), writtenLines(sent(head('Mon'))), writtenLines(sent(head('Tue')))];
    expect({ shared: a === b, a: a.lines, c: c.lines, json: c.json }).toEqual({
      shared: true,
      a: [
        ['Vary', 'Origin'],
        ['Date', 'Mon'],
      ],
      c: [
        ['Vary', 'Origin'],
        ['Date', 'Tue'],
      ],
      json: '[["Vary","Origin"],["Date","Tue"]]',
    });
  });

  it('shares a request\'s lines only with an equal list, in order and case', () => {
    const lines = (...raw: string[]) => receivedLines(raw);
    const a = lines('Origin', 'http://a', 'X-B', '1');
    const same = [lines('Origin', 'http://a', 'X-B', '1'), lines('Origin', 'http://a', 'X-B', '1')].map((l) => l === a);
    const other = [lines('origin', 'http://a', 'X-B', '1'), lines('X-B', '1', 'Origin', 'http://a'), lines('Origin', 'http://a'), lines('Origin', 'http://b', 'X-B', '1')];
    expect({ same, other: other.map((l) => l === a), lines: other.map((l) => l.json) }).toEqual({
      same: [true, true],
      other: [false, false, false, false],
      lines: ['[["origin","http://a"],["X-B","1"]]', '[["X-B","1"],["Origin","http://a"]]', '[["Origin","http://a"]]', '[["Origin","http://b"],["X-B","1"]]'],
    });
  });

  it('falls back to the headers set on a response that has no serialized head', () => {
    const res = { getHeaders: () => ({ vary: 'Origin', 'set-cookie': ['a=1', 'b=2'], 'content-length': 3 }) } as unknown as ServerResponse;
    expect(writtenLines(res).lines).toEqual([
      ['vary', 'Origin'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['content-length', '3'],
    ]);
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
