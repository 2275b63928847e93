import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy, type WireRequest } from '@cors-lab/shared';
import { answerRejected, parseRejectedRequest } from './rejected-method.ts';

const PAGE = 'http://localhost:8100';
const DATE = 'Wed, 25 Nov 2026 18:00:00 GMT';
const times = { receivedAt: 1000.5, respondedAt: 1001.25, date: DATE };
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });

const VIEW = Buffer.from('VIEW /getData.html HTTP/1.1\r\nHost: localhost:8000\r\nOrigin: http://localhost:8100\r\n\r\n');
const PATCH = Buffer.from(
  'patch /getData.html?id=1 HTTP/1.1\r\nHost: localhost:8000\r\nOrigin: http://localhost:8100\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 11\r\n\r\nhello world',
);

const viewRequest: WireRequest = {
  method: 'VIEW',
  url: '/getData.html',
  httpVersion: '1.1',
  headers: [
    ['Host', 'localhost:8000'],
    ['Origin', PAGE],
  ],
  body: '',
  bodyBytes: 0,
};

describe('parseRejectedRequest', () => {
  it('reads a custom method as sent, with headers in order and names as written', () => {
    expect(parseRejectedRequest(VIEW)).toEqual(viewRequest);
  });

  it('keeps a lowercase patch lowercase, and reads its body', () => {
    expect(parseRejectedRequest(PATCH)).toEqual({
      method: 'patch',
      url: '/getData.html?id=1',
      httpVersion: '1.1',
      headers: [
        ['Host', 'localhost:8000'],
        ['Origin', PAGE],
        ['Content-Type', 'text/plain;charset=UTF-8'],
        ['Content-Length', '11'],
      ],
      body: 'hello world',
      bodyBytes: 11,
    });
  });

  it('gives null for bytes that are not an HTTP/1.x request with a token method', () => {
    const inputs = ['\x16\x03\x01\x02\x00', 'VIEW /getData.html HTTP/2.0\r\n\r\n', 'VI(EW /getData.html HTTP/1.1\r\n\r\n', 'VIEW  /x HTTP/1.1\r\n\r\n', ''];
    expect(inputs.map((s) => parseRejectedRequest(Buffer.from(s, 'latin1')))).toEqual([null, null, null, null, null]);
  });
});

describe('answerRejected', () => {
  it("answers VIEW with the route's body, the policy's CORS headers, and Connection: close, and records it as parsed raw", () => {
    const p = policy({ allowOrigin: 'list', originList: [PAGE], exposeHeaders: ['X-Total'], varyOrigin: true });
    const { bytes, record } = answerRejected(viewRequest, p, times);
    const headers = [
      ['Access-Control-Allow-Origin', PAGE],
      ['Access-Control-Expose-Headers', 'X-Total'],
      ['Vary', 'Origin'],
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Content-Length', '13'],
      ['Date', DATE],
      ['Connection', 'close'],
    ];
    expect({ wire: bytes.toString('latin1'), record }).toEqual({
      wire:
        'HTTP/1.1 200 OK\r\n' +
        'Access-Control-Allow-Origin: http://localhost:8100\r\n' +
        'Access-Control-Expose-Headers: X-Total\r\n' +
        'Vary: Origin\r\n' +
        'Content-Type: text/plain; charset=utf-8\r\n' +
        'Content-Length: 13\r\n' +
        `Date: ${DATE}\r\n` +
        'Connection: close\r\n' +
        '\r\n' +
        'server----001',
      record: {
        kind: 'actual',
        parser: 'raw',
        answeredBy: 'routes',
        request: viewRequest,
        response: { status: 200, headers, body: 'server----001', bodyBytes: 13 },
        receivedAt: 1000.5,
        respondedAt: 1001.25,
      },
    });
  });

  it('sends no CORS headers for an origin the policy does not allow', () => {
    const { bytes } = answerRejected(viewRequest, policy({ allowOrigin: 'list', originList: ['https://example.com'] }), times);
    expect(bytes.toString('latin1')).toEqual(
      `HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 13\r\nDate: ${DATE}\r\nConnection: close\r\n\r\nserver----001`,
    );
  });

  it('answers a lowercase patch in raw mode with the raw status, repeated lines, Content-Type and body', () => {
    const request = parseRejectedRequest(PATCH)!;
    const p = policy({
      allowOrigin: '*',
      raw: {
        ...structuredClone(EMPTY_POLICY.raw),
        enabled: true,
        actual: { status: 202, headers: { 'Access-Control-Allow-Origin': [PAGE, '*'], 'content-type': 'application/json' }, body: '{"ok":true}' },
      },
    });
    const { bytes, record } = answerRejected(request, p, times);
    expect({ wire: bytes.toString('latin1'), record }).toEqual({
      wire:
        'HTTP/1.1 202 Accepted\r\n' +
        'Access-Control-Allow-Origin: http://localhost:8100\r\n' +
        'Access-Control-Allow-Origin: *\r\n' +
        'content-type: application/json\r\n' +
        'Content-Length: 11\r\n' +
        `Date: ${DATE}\r\n` +
        'Connection: close\r\n' +
        '\r\n' +
        '{"ok":true}',
      record: {
        kind: 'actual',
        parser: 'raw',
        answeredBy: 'raw',
        request,
        response: {
          status: 202,
          headers: [
            ['Access-Control-Allow-Origin', PAGE],
            ['Access-Control-Allow-Origin', '*'],
            ['content-type', 'application/json'],
            ['Content-Length', '11'],
            ['Date', DATE],
            ['Connection', 'close'],
          ],
          body: '{"ok":true}',
          bodyBytes: 11,
        },
        receivedAt: 1000.5,
        respondedAt: 1001.25,
      },
    });
  });

  it('answers a refused method on an unknown path 404, naming the path without its query', () => {
    const { bytes, record } = answerRejected({ ...viewRequest, url: '/nope?x=1' }, policy({ allowOrigin: '*' }), times);
    expect({ wire: bytes.toString('latin1'), status: record.response.status }).toEqual({
      wire: `HTTP/1.1 404 Not Found\r\nAccess-Control-Allow-Origin: *\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 27\r\nDate: ${DATE}\r\nConnection: close\r\n\r\nserver01 has no route /nope`,
      status: 404,
    });
  });
});
