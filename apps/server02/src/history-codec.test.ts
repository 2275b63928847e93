import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, LabHub, type HistoryCodec, type ServerRecord } from '@cors-lab/shared';
import { deflateHistory } from './history-codec.ts';

/** A record as server01 makes them for a classroom's preflighted PUT, with the non-ASCII a lesson's body can carry. */
function record(n: number): ServerRecord {
  return {
    kind: n % 2 === 0 ? 'preflight' : 'actual',
    parser: 'node',
    answeredBy: 'routes',
    request: { method: 'PUT', url: '/l/0123456789abcdef/getData.html', httpVersion: '1.1', headers: [['Origin', 'http://localhost:8100'], ['X-Custom-Header', `${n}`]], body: '新的值 ✓ \u{1F600}', bodyBytes: 20 },
    response: { status: 200, headers: [['Date', `Thu, 26 Nov 2026 07:10:${String(n % 60).padStart(2, '0')} GMT`], ['Vary', 'Origin']], body: 'This is data from server01 on port 8000.', bodyBytes: 41 },
    receivedAt: 1_795_000_000_000 + n * 1000.25,
    respondedAt: 1_795_000_000_000 + n * 1000.25 + 1.5,
  };
}

describe('deflateHistory', () => {
  it('round-trips text with non-ASCII exactly', () => {
    const text = JSON.stringify({ body: '新的值 ✓ \u{1F600} \u00e9', lone: '\ud800' });
    expect(deflateHistory.unpack(deflateHistory.pack(text))).toBe(text);
  });

  it("keeps a classroom lab's packed history under a tenth of its JSON, and gives the same events back", () => {
    // The lab's codec, watched: what the hub handed it and what it kept.
    const sizes = { text: 0, packed: 0 };
    const watched: HistoryCodec = {
      pack: (text) => {
        const packed = deflateHistory.pack(text);
        sizes.text += text.length;
        sizes.packed += packed.length;
        return packed;
      },
      unpack: deflateHistory.unpack,
    };
    const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 500, codec: watched });
    const lab = hub.lab('a');
    lab.subscribe(() => {});
    for (let n = 1; n <= 500; n++) lab.record(record(n));
    const before = lab.sinceJson(0);
    hub.compact();
    const packedBlocks = hub.compact();
    expect(lab.sinceJson(0)).toEqual(before);
    expect(packedBlocks).toBeGreaterThan(10);
    expect(sizes.packed / sizes.text).toBeLessThan(0.1);
  });
});
