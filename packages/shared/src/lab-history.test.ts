import { describe, expect, it } from 'vitest';
import { BLOCK_EVENTS, LabHistory, type HistoryCodec } from './lab-history.ts';
import type { LabEvent, ServerRecord } from './wire.ts';

/** A codec whose packed form is visibly not the text, and that counts its calls. */
function countingCodec() {
  const calls = { pack: 0, unpack: 0 };
  const codec: HistoryCodec = {
    pack: (text) => (calls.pack++, `packed:${[...text].reverse().join('')}`),
    unpack: (packed) => (calls.unpack++, [...packed.slice('packed:'.length)].reverse().join('')),
  };
  return { codec, calls };
}

const goto = (seq: number): LabEvent => ({ type: 'goto', seq, lesson: 'classic-demo', step: seq });

function filled(limit: number, count: number, codec?: HistoryCodec): LabHistory {
  const h = new LabHistory(limit, codec);
  for (let seq = 1; seq <= count; seq++) h.push(seq, goto(seq));
  return h;
}

const seqs = (h: LabHistory, after = 0) => h.since(after).map((e) => e.seq);
const expected = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('LabHistory', () => {
  it('keeps exactly the newest `limit` events, whatever the block size', () => {
    for (const [limit, count] of [[5, 3], [5, 40], [50, 49], [50, 50], [50, 51], [500, 1234], [3, BLOCK_EVENTS * 3 + 1]] as const) {
      const h = filled(limit, count);
      expect({ limit, count, seqs: seqs(h), oldest: h.oldest }).toEqual({ limit, count, seqs: expected(Math.max(1, count - limit + 1), count), oldest: Math.max(1, count - limit + 1) });
    }
  });

  it('packs only blocks that stayed full and unread for a whole period, never the newest', () => {
    const { codec, calls } = countingCodec();
    const h = filled(500, BLOCK_EVENTS * 3 + 5, codec);
    // First call: three full blocks become cold; nothing is packed yet.
    expect(h.compact()).toBe(0);
    expect(h.compact()).toBe(3);
    // The fourth block (5 events, still taking events) stays as it came.
    expect([h.compact(), calls.pack]).toEqual([0, 3]);
  });

  it('gives the same events and JSON after packing as before', () => {
    const { codec, calls } = countingCodec();
    const h = filled(100, 150, codec);
    const before = h.since(0);
    h.compact();
    h.compact();
    expect(calls.pack).toBeGreaterThan(0);
    expect(h.since(0)).toEqual(before);
    expect(h.since(77)).toEqual(before.filter((e) => e.seq > 77));
    expect(before.map((e) => JSON.parse(e.json) as LabEvent)).toEqual(expected(51, 150).map(goto));
  });

  it('a block read since the last call is not cold: a page catching up is not slowed by packing what it reads', () => {
    const { codec, calls } = countingCodec();
    const h = filled(500, BLOCK_EVENTS * 2 + 1, codec);
    h.compact();
    h.since(0);
    expect([h.compact(), calls.pack]).toEqual([0, 0]);
    expect(h.compact()).toBe(2);
  });

  it('serializes a record that nobody read before packing it, once, with its own sequence number', () => {
    const { codec } = countingCodec();
    const h = new LabHistory(500, codec);
    let built = 0;
    const record: ServerRecord = { kind: 'actual', parser: 'node', answeredBy: 'routes', request: { method: 'GET', url: '/', httpVersion: '1.1', headers: [], body: '', bodyBytes: 0 }, response: { status: 200, headers: [], body: '', bodyBytes: 0 }, receivedAt: 1, respondedAt: 2 };
    for (let seq = 1; seq <= BLOCK_EVENTS + 1; seq++) h.push(seq, { eventJson: (n) => (built++, JSON.stringify({ type: 'record', seq: n, record })) });
    h.compact();
    h.compact();
    const events = h.since(BLOCK_EVENTS - 1).map((e) => JSON.parse(e.json) as LabEvent);
    expect({ built, events }).toEqual({ built: BLOCK_EVENTS + 1, events: [{ type: 'record', seq: BLOCK_EVENTS, record }, { type: 'record', seq: BLOCK_EVENTS + 1, record }] });
  });

  it('drops packed blocks as they fall out of the bound, and clears', () => {
    const { codec } = countingCodec();
    const h = filled(40, BLOCK_EVENTS * 2, codec);
    h.compact();
    h.compact();
    for (let seq = BLOCK_EVENTS * 2 + 1; seq <= 100; seq++) h.push(seq, goto(seq));
    expect(seqs(h)).toEqual(expected(61, 100));
    h.clear(100);
    h.push(101, goto(101));
    expect([seqs(h), h.oldest, h.head]).toEqual([[101], 101, 101]);
  });

  it('without a codec, keeps everything as it came', () => {
    const h = filled(500, 200);
    expect([h.compact(), h.compact(), seqs(h).length]).toEqual([0, 0, 200]);
  });
});
