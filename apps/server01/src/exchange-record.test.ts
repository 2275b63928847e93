import type { ServerResponse } from 'node:http';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { LabEventSchema, type HeaderLine } from '@cors-lab/shared';
import { FinishedExchange, recordOf } from './exchange-record.ts';
import { RECORDED_BODY_LIMIT, receivedLines, writtenLines } from './wire-capture.ts';

/** A response as wire-capture reads it: its serialized head, or only the headers set on it. */
const sentHead = (head: string) => ({ _header: head }) as unknown as ServerResponse;
const setOnly = (lines: readonly HeaderLine[]) => ({ getHeaders: () => Object.fromEntries(lines) }) as unknown as ServerResponse;

/** mulberry32: the same cases on every run (32 random bits a number: add two for finer fractions). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What JSON must escape or write with care: quotes, backslashes, control characters, U+2028, non-ASCII, lone surrogates. */
const PIECES = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\u0000', '\u001f', '\u007f', '\u2028', 'é', '中', '😀', '\ud800', '\udfff', '<', '&', '{', ']', ':', ','];

describe('FinishedExchange.eventJson', () => {
  const rand = random(20261126);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const text = (max: number) => Array.from({ length: Math.floor(rand() * max) }, () => pick(PIECES)).join('');
  const lines = (): HeaderLine[] => Array.from({ length: Math.floor(rand() * 5) }, (): HeaderLine => [text(8), text(12)]);
  const body = (): unknown =>
    pick([
      () => undefined,
      () => null,
      () => text(20),
      () => 'x'.repeat(RECORDED_BODY_LIMIT + Math.floor(rand() * 3)),
      () => Buffer.from(text(20)),
      () => Buffer.from([0xff, 0xfe, 0xc3, Math.floor(rand() * 256)]),
      () => ({ streamed: true }),
    ])();
  const number = () => pick([0, 1, 204, 599, 1764150000000 + rand() * 1e6, rand(), 1e21, 5e-7, -0]);
  /** Times now and far off, on and near whole milliseconds, and where microseconds stop fitting a millisecond's doubles (2^43 ms). */
  const time = () =>
    pick([
      () => 1764150000000 + rand() * 1e6,
      () => 1764150000000 + Math.floor(rand() * 1e6) + pick([0, 0.001, 0.01, 0.1, 0.5, 0.999, 0.9995, 0.0004]),
      () => rand() * 2 ** 44 + rand(),
      () => 2 ** 43 + pick([-1, -0.001, -0.0005, 0, 0.001, 0.002, 1]),
      () => 2 ** 43 - rand() * 2 ** 37 - rand(),
      // Past 2^43 ms a double no longer holds every microsecond: the shortest text is not always the decimals.
      () => 2 ** 43 + rand() * 2 ** 37 + rand(),
      () => rand() * 10,
      number,
    ])();
  const exchange = () =>
    new FinishedExchange({
      kind: pick(['preflight', 'actual'] as const),
      answeredBy: pick(['policy', 'raw', 'routes', 'backend'] as const),
      backend: pick([undefined, 'cors', text(6)]),
      method: pick(['GET', 'PUT', 'OPTIONS', text(6)]),
      url: pick(['/getData.html', '/l/abc/getData.html?x=1', text(16)]),
      httpVersion: pick(['1.1', '1.0']),
      requestHeaders: receivedLines(lines().flat()),
      requestBody: body(),
      status: Math.floor(number()),
      responseHeaders: writtenLines(
        pick([() => sentHead(`HTTP/1.1 200 OK\r\n${lines().map(([n, v]) => `${n.replace(/[:\r\n]/g, '') || 'X'}: ${v.replace(/[\r\n]/g, '')}`).join('\r\n')}\r\n\r\n`), () => setOnly(lines())])(),
      ),
      responseBody: body(),
      receivedAt: time(),
      respondedAt: time(),
    });

  it('writes what JSON.stringify writes for the record event recordOf makes, for 5,000 exchanges of every shape', () => {
    const differing: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const f = exchange();
      const seq = 1 + Math.floor(rand() * 1e6);
      const expected = JSON.stringify({ type: 'record', seq, record: recordOf(f) });
      if (f.eventJson(seq) !== expected) differing.push(expected);
    }
    expect(differing).toEqual([]);
  });

  it('writes the same for 5,000 exchanges that share a few header lists and differ in all else, as a page’s do', () => {
    // Lists repeat, so each part kept with a list is reused, or made again when anything else it holds differs.
    const requestLists = Array.from({ length: 3 }, () => lines().flat());
    const heads = Array.from({ length: 3 }, () => `HTTP/1.1 200 OK\r\n${lines().map(([n, v]) => `${n.replace(/[:\r\n]/g, '') || 'X'}: ${v.replace(/[\r\n]/g, '')}`).join('\r\n')}\r\n\r\n`);
    const bodies = ['', 'new value', 'x'.repeat(300), Buffer.from('new value'), Buffer.from('new valuf'), Buffer.from('x'.repeat(300)), Buffer.from('x'.repeat(300) + 'y'), undefined];
    const differing: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const f = new FinishedExchange({
        ...exchange(),
        kind: pick(['preflight', 'actual'] as const),
        answeredBy: pick(['policy', 'routes'] as const),
        backend: pick([undefined, 'cors']),
        method: pick(['PUT', 'OPTIONS']),
        url: pick(['/getData.html', '/l/abc/getData.html']),
        requestHeaders: receivedLines([...pick(requestLists)]),
        requestBody: pick(bodies),
        status: pick([200, 204]),
        responseHeaders: writtenLines(sentHead(pick(heads))),
        responseBody: pick(bodies),
      });
      const seq = i + 1;
      const expected = JSON.stringify({ type: 'record', seq, record: recordOf(f) });
      if (f.eventJson(seq) !== expected) differing.push(expected);
    }
    expect(differing).toEqual([]);
  });

  it('gives a valid record event, the same text every time, and never another exchange’s header lines', () => {
    const headers = (...raw: string[]) =>
      new FinishedExchange({ ...exchange(), requestHeaders: receivedLines(raw), responseHeaders: writtenLines(sentHead(`HTTP/1.1 204 No Content\r\nVary: ${raw.join(',')}\r\n\r\n`)) });
    // Equal lists from different arrays, lists that differ only in a value or an order, and more of them than are remembered.
    const fs = [
      headers('Origin', 'http://localhost:8100'),
      headers('Origin', 'http://localhost:8100'),
      headers('Origin', 'http://localhost:8101'),
      headers('origin', 'http://localhost:8100'),
      headers('Origin', 'http://localhost:8100', 'X-A', '1'),
      headers('X-A', '1', 'Origin', 'http://localhost:8100'),
      headers(),
      headers('Origin', 'http://localhost:8100'),
    ];
    const first = fs.map((f) => f.eventJson(7));
    const again = fs.map((f) => f.eventJson(7));
    const parsed = first.map((json) => JSON.parse(json) as unknown);
    expect({ again, valid: parsed.every((e) => Value.Check(LabEventSchema, e)) }).toEqual({ again: first, valid: true });
    expect(first).toEqual(fs.map((f) => JSON.stringify({ type: 'record', seq: 7, record: recordOf(f) })));
  });
});
