import { describe, expect, it } from 'vitest';
import { BLOCK_EVENTS, EMPTY_POLICY, LabHub, type ServerRecord } from '@cors-lab/shared';
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
    const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 500, codec: deflateHistory });
    const lab = hub.lab('a');
    lab.subscribe(() => {});
    for (let n = 1; n <= 500; n++) lab.record(record(n));
    const before = lab.sinceJson(0);
    const jsonBytes = before.events.reduce((sum, e) => sum + e.json.length, 0);
    hub.compact();
    const packedBlocks = hub.compact();
    const after = lab.sinceJson(0);
    expect(after).toEqual(before);
    expect(packedBlocks).toBeGreaterThan(10);
    // The packed size, measured through the codec on the same blocks the history packs.
    const packedBytes = chunks(before.events.map((e) => e.json), BLOCK_EVENTS).reduce((sum, c) => sum + deflateHistory.pack(c.join('\n')).length, 0);
    expect(packedBytes / jsonBytes).toBeLessThan(0.1);
  });
});

function chunks<T>(xs: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, i * size + size));
}
