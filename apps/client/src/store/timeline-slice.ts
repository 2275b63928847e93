/**
 * The timeline: each send, what the script got, and server01's records.
 * Records join a send by sequence number: those published between the send's
 * start and the barrier read after it settled. (A per-send id in the URL
 * would defeat the browser's preflight cache, which is keyed by URL.)
 */
import type { StateCreator } from 'zustand';
import { LAB_ENGINE, senderOrigin, type LabEvent, type Policy, type RecordEvent, type SendObservation } from '@cors-lab/shared';
import { toLabRequest } from './request-slice.ts';
import type { LabDeps, LabState } from './lab-store.ts';

export interface TimelineSend extends SendObservation {
  /** 1, 2, 3…: the learner's name for it; kept when older sends scroll away. */
  readonly number: number;
  /** Records with a higher seq belong to this send... */
  readonly seqFrom: number;
  /** ...up to this one; null until the send settles. */
  readonly seqTo: number | null;
  /** The policy server01 held when the send started. */
  readonly policy: Policy;
}

export type Connection = 'connecting' | 'live' | 'reconnecting';

/** Sends kept on screen; older ones scroll away. */
export const TIMELINE_LIMIT = 200;
/** Records kept in the page. */
export const RECORD_LIMIT = 2000;

export interface TimelineSlice {
  readonly sends: readonly TimelineSend[];
  /** server01's records, in sequence order. */
  readonly records: readonly RecordEvent[];
  /** The newest sequence number the page has seen. */
  readonly head: number;
  readonly sending: boolean;
  readonly connection: Connection;
  receive: (events: readonly LabEvent[]) => void;
  setConnection: (c: Connection) => void;
  send: () => Promise<void>;
  clearTimeline: () => void;
}

/** Index of the first record with seq above `seq`; records are in sequence order. */
function firstAfter(records: readonly RecordEvent[], seq: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[mid]!.seq > seq) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The records of one send. A binary search: every entry runs this on every store change. */
export function recordsOf(send: TimelineSend, records: readonly RecordEvent[]): RecordEvent[] {
  const end = send.seqTo === null ? records.length : firstAfter(records, send.seqTo);
  return records.slice(firstAfter(records, send.seqFrom), end);
}

/** The newest earlier preflight to the same URL: the one whose cache entry a later send may have used. */
export function earlierPreflight(send: TimelineSend, sends: readonly TimelineSend[], records: readonly RecordEvent[]): RecordEvent | null {
  for (let i = sends.indexOf(send) - 1; i >= 0; i--) {
    const other = sends[i]!;
    if (other.request.url !== send.request.url) continue;
    const found = recordsOf(other, records).find((r) => r.record.kind === 'preflight');
    if (found !== undefined) return found;
  }
  return null;
}

export const createTimelineSlice =
  (deps: LabDeps): StateCreator<LabState, [], [], TimelineSlice> =>
  (set, get) => ({
    sends: [],
    records: [],
    head: 0,
    sending: false,
    connection: 'connecting',
    receive: (events) => {
      const known = get().records;
      const has = (seq: number) => known[firstAfter(known, seq - 1)]?.seq === seq;
      const fresh = new Map<number, RecordEvent>();
      for (const e of events) if (e.type === 'record' && !has(e.seq)) fresh.set(e.seq, e);
      const before = get().head;
      const head = Math.max(before, ...events.map((e) => e.seq));
      for (const e of events) {
        // The teacher moved the class: follow once, not again when the history is read.
        if (e.type === 'goto' && e.seq > before) get().openLesson(e.lesson, e.step);
        if (e.type === 'policy') get().applyServerPolicy(e.policy);
        if (e.type === 'backend') get().applyBackend(e.backend);
        if (e.type === 'reset') {
          get().applyServerPolicy(e.policy);
          get().applyBackend(LAB_ENGINE);
          set({ sends: get().sends.filter((s) => s.seqFrom >= e.seq) });
        }
      }
      if (fresh.size === 0) {
        set({ head });
        return;
      }
      const last = known[known.length - 1]?.seq ?? 0;
      const added = [...fresh.values()].sort((a, b) => a.seq - b.seq);
      // Events usually come in order, after everything known; merge properly when they do not.
      const merged = added[0]!.seq > last ? [...known, ...added] : [...known, ...added].sort((a, b) => a.seq - b.seq);
      set({ head, records: merged.slice(-RECORD_LIMIT) });
    },
    setConnection: (connection) => set({ connection }),
    send: async () => {
      if (get().sending) return;
      set({ sending: true });
      await get().flushPolicy();
      const request = toLabRequest(get().request);
      const id = deps.newId();
      const seqFrom = get().head;
      const number = (get().sends.at(-1)?.number ?? 0) + 1;
      // A request sent from another origin's frame (lesson 12) is that origin's send: its Origin, its verdict.
      const entry: TimelineSend = { id, number, request, pageOrigin: senderOrigin(request, deps.pageOrigin), startedAt: deps.now(), result: null, seqFrom, seqTo: null, policy: get().policy };
      set((s) => ({ sends: [...s.sends, entry].slice(-TIMELINE_LIMIT) }));
      // Let the browser draw the new entry first: then the main thread is free
      // when server01's records arrive, and they show at once.
      await deps.afterPaint?.();
      const result = await deps.sendRequest(request);
      // Every record of this send was published before the browser saw its answer;
      // reading the history now is the barrier that closes the send.
      const history = await deps.api.fetchHistory(seqFrom).catch(() => null);
      if (history !== null) get().receive(history.events);
      const seqTo = history?.head ?? get().head;
      set((s) => ({ sending: false, sends: s.sends.map((x) => (x.id === id ? { ...x, result, seqTo } : x)) }));
    },
    // Numbering starts again at 1, so an open lesson step counts every send from here on.
    clearTimeline: () => set((s) => ({ sends: [], records: [], lesson: s.lesson === null ? null : { ...s.lesson, since: 0 } })),
  });
