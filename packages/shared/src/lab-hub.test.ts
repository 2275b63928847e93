import { describe, expect, it } from 'vitest';
import { LabHub, parsedEvents } from './lab-hub.ts';
import { EMPTY_POLICY, type Policy } from './policy.ts';
import type { LabEvent, ServerRecord } from './wire.ts';

const STAR: Policy = { ...EMPTY_POLICY, allowOrigin: '*' };
const REFLECT: Policy = { ...EMPTY_POLICY, allowOrigin: 'reflect' };

function record(n: number): ServerRecord {
  return {
    kind: 'actual',
    parser: 'node',
    answeredBy: 'routes',
    request: { method: 'GET', url: `/getData.html?n=${n}`, httpVersion: '1.1', headers: [], body: '', bodyBytes: 0 },
    response: { status: 200, headers: [], body: 'server----001', bodyBytes: 13 },
    receivedAt: n,
    respondedAt: n + 1,
  };
}

const hub = (historyLimit = 50) => new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit });

describe('LabHub', () => {
  it('gives the same lab for the same id, a separate one for another id', () => {
    const h = hub();
    h.lab('a').setPolicy(STAR);
    expect([h.lab('a') === h.lab('a'), h.lab('a').policy, h.lab('b').policy, h.lab('b').head]).toEqual([true, STAR, EMPTY_POLICY, 0]);
  });

  it('numbers events with rising sequence numbers, policy changes and records alike', () => {
    const lab = hub().lab('default');
    const events = [lab.setPolicy(STAR), lab.record(record(1)), lab.setPolicy(REFLECT)];
    expect({ events, head: lab.head, policy: lab.policy }).toEqual({
      events: [
        { type: 'policy', seq: 1, policy: STAR },
        { type: 'record', seq: 2, record: record(1) },
        { type: 'policy', seq: 3, policy: REFLECT },
      ],
      head: 3,
      policy: REFLECT,
    });
  });

  it('since(n) returns the events after n and no gap', () => {
    const lab = hub().lab('default');
    for (let n = 1; n <= 4; n++) lab.record(record(n));
    expect([lab.since(2), lab.since(4), lab.since(0).events.map((e) => e.seq)]).toEqual([
      {
        events: [
          { type: 'record', seq: 3, record: record(3) },
          { type: 'record', seq: 4, record: record(4) },
        ],
        gap: false,
      },
      { events: [], gap: false },
      [1, 2, 3, 4],
    ]);
  });

  it('keeps each event as its JSON: sinceJson and subscribers get the text since() parses back', () => {
    const lab = hub(3).lab('default');
    const told: string[] = [];
    lab.subscribe((_seq, json) => told.push(json));
    lab.setPolicy(STAR);
    for (let n = 1; n <= 3; n++) lab.record(record(n));
    const json = (e: LabEvent) => JSON.stringify(e);
    expect({ kept: lab.sinceJson(2), told, since: lab.since(2) }).toEqual({
      kept: {
        events: [
          { seq: 3, json: json({ type: 'record', seq: 3, record: record(2) }) },
          { seq: 4, json: json({ type: 'record', seq: 4, record: record(3) }) },
        ],
        gap: false,
      },
      told: [json({ type: 'policy', seq: 1, policy: STAR }), ...[1, 2, 3].map((n) => json({ type: 'record', seq: n + 1, record: record(n) }))],
      since: { events: [{ type: 'record', seq: 3, record: record(2) }, { type: 'record', seq: 4, record: record(3) }], gap: false },
    });
  });

  it('keeps a bounded history and reports the gap to a reader who fell behind', () => {
    const lab = hub(3).lab('default');
    for (let n = 1; n <= 5; n++) lab.record(record(n));
    const seqs = (after: number) => {
      const { events, gap } = lab.since(after);
      return { seqs: events.map((e) => e.seq), gap };
    };
    expect([seqs(0), seqs(1), seqs(2), seqs(4), seqs(5)]).toEqual([
      { seqs: [3, 4, 5], gap: true },
      { seqs: [3, 4, 5], gap: true },
      { seqs: [3, 4, 5], gap: false },
      { seqs: [5], gap: false },
      { seqs: [], gap: false },
    ]);
  });

  it('keeps the newest events in order over several laps of the bounded history, watched or not when published', () => {
    const lab = hub(3).lab('default');
    const published: LabEvent[] = [];
    for (let n = 1; n <= 4; n++) published.push(lab.record(record(n)));
    const stop = lab.subscribe(() => {});
    for (let n = 5; n <= 8; n++) published.push(lab.record(record(n)));
    stop();
    published.push(lab.record(record(9)), lab.setPolicy(STAR));
    expect({ kept: lab.sinceJson(0), since: lab.since(7) }).toEqual({
      kept: { events: published.slice(-3).map((e) => ({ seq: e.seq, json: JSON.stringify(e) })), gap: true },
      since: { events: published.slice(-3), gap: false },
    });
  });

  it('serializes a record published for later at once for a watching page, and for the history only when it is read, once', () => {
    const lab = hub(3).lab('default');
    const built: number[] = [];
    const later = (n: number) => ({ eventJson: (seq: number) => (built.push(n), JSON.stringify({ type: 'record', seq, record: record(n) })) });
    const told: string[] = [];
    const stop = lab.subscribe((_seq, json) => told.push(json));
    const watched = lab.recordLater(later(1));
    stop();
    const seqs = [watched, ...[2, 3, 4, 5].map((n) => lab.recordLater(later(n)))];
    const builtBeforeReading = [...built];
    const kept = lab.sinceJson(0);
    const json = (n: number) => JSON.stringify({ type: 'record', seq: n, record: record(n) });
    expect({ seqs, builtBeforeReading, told, kept, since: lab.since(3), built }).toEqual({
      seqs: [1, 2, 3, 4, 5],
      builtBeforeReading: [1],
      told: [json(1)],
      kept: { events: [3, 4, 5].map((n) => ({ seq: n, json: json(n) })), gap: true },
      since: { events: [4, 5].map((n) => ({ type: 'record', seq: n, record: record(n) })), gap: false },
      built: [1, 3, 4, 5],
    });
  });

  it('reset restores the initial policy, clears the history and keeps sequence numbers rising', () => {
    const lab = hub().lab('default');
    lab.setPolicy(STAR);
    lab.record(record(1));
    const reset = lab.reset();
    const after = lab.record(record(2));
    expect({ reset, after: after.seq, policy: lab.policy, head: lab.head, since: lab.since(3) }).toEqual({
      reset: { type: 'reset', seq: 3, policy: EMPTY_POLICY },
      after: 4,
      policy: EMPTY_POLICY,
      head: 4,
      since: { events: [{ type: 'record', seq: 4, record: record(2) }], gap: false },
    });
  });

  it('tells subscribers every event until they unsubscribe, other labs not at all', () => {
    const h = hub();
    const lab = h.lab('default');
    const seen: LabEvent[] = [];
    const seenToo: LabEvent[] = [];
    const unsubscribe = lab.subscribe(parsedEvents((e) => seen.push(e)));
    lab.subscribe(parsedEvents((e) => seenToo.push(e)));
    lab.setPolicy(STAR);
    h.lab('other').record(record(9));
    lab.record(record(1));
    unsubscribe();
    lab.reset();
    expect({ seen, seenToo }).toEqual({
      seen: [
        { type: 'policy', seq: 1, policy: STAR },
        { type: 'record', seq: 2, record: record(1) },
      ],
      seenToo: [
        { type: 'policy', seq: 1, policy: STAR },
        { type: 'record', seq: 2, record: record(1) },
        { type: 'reset', seq: 3, policy: EMPTY_POLICY },
      ],
    });
  });
});

describe('LabHub bounds', () => {
  const timed = (opts: { idleMs?: number; maxLabs?: number }) => {
    let t = 0;
    const h = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 5, now: () => t, ...opts });
    return { h, advance: (ms: number) => (t += ms) };
  };

  it('drops labs idle past idleMs, but never the default lab or a watched one', () => {
    const { h, advance } = timed({ idleMs: 1000 });
    h.lab('default');
    h.lab('idle').setPolicy(STAR);
    h.lab('watched').subscribe(() => {});
    advance(500);
    h.lab('busy');
    advance(600);
    expect(h.sweep()).toBe(1);
    expect(h.size).toBe(3);
    // A dropped lab comes back empty on its next use.
    expect(h.lab('idle').policy).toEqual(EMPTY_POLICY);
  });

  it('makes room past maxLabs by dropping the least recently used unwatched lab', () => {
    const { h } = timed({ maxLabs: 3 });
    h.lab('default');
    h.lab('a').setPolicy(STAR);
    h.lab('b').setPolicy(STAR);
    h.lab('a');
    h.lab('c');
    expect(h.size).toBe(3);
    expect(h.lab('a').policy).toEqual(STAR);
    expect(h.lab('b').policy).toEqual(EMPTY_POLICY);
  });

  it('keeps least-recently-used order when the same lab is used twice running, or a new lab comes in between', () => {
    const { h } = timed({ maxLabs: 3 });
    h.lab('default');
    h.lab('b').setPolicy(STAR);
    h.lab('b');
    h.lab('a').setPolicy(REFLECT);
    h.lab('b');
    h.lab('c');
    expect([h.lab('b').policy, h.lab('a').policy]).toEqual([STAR, EMPTY_POLICY]);
  });

  it('keeps a lab history bounded, whatever the traffic', () => {
    const lab = timed({}).h.lab('x');
    for (let i = 1; i <= 100; i++) lab.record(record(i));
    expect(lab.since(0).events).toHaveLength(5);
    expect(lab.since(0).gap).toBe(true);
  });
});
