import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type LabEvent, type RecordEvent } from '@cors-lab/shared';
import { fakeLab, OK_RESULT, PAGE_ORIGIN, serverRecord, settle } from './fake-lab.ts';
import { initialRequest, toLabRequest } from './request-slice.ts';
import { recordsOf, TIMELINE_LIMIT, type TimelineSend } from './timeline-slice.ts';

const GET_DATA = toLabRequest(initialRequest('localhost'));

const recordEvent = (seq: number): RecordEvent => ({ type: 'record', seq, record: serverRecord(GET_DATA, seq) });

/** What the learner sees of each send: its number, what the script got, and the seqs of server01's records. */
function rows(sends: readonly TimelineSend[], records: readonly RecordEvent[]) {
  return sends.map((s) => ({ number: s.number, result: s.result, seqs: recordsOf(s, records).map((r) => r.seq) }));
}

describe('timeline', () => {
  it('adds a send and closes it with the records server01 made for it', async () => {
    const { store, lab } = fakeLab();
    await store.getState().send();
    const { sends, records, head, sending } = store.getState();
    expect({ sends, records, head, sending }).toEqual({
      sends: [{ id: 'send-1', number: 1, request: GET_DATA, pageOrigin: PAGE_ORIGIN, startedAt: 1000, result: OK_RESULT, seqFrom: 0, seqTo: 1, policy: EMPTY_POLICY }],
      records: lab.since(0).events,
      head: 1,
      sending: false,
    });
  });

  it('shows a send as pending while in flight, and ignores a second send until it settles', async () => {
    const { store, doors, sent } = fakeLab();
    doors.send.shut();
    const first = store.getState().send();
    await settle();
    await store.getState().send();
    const whileInFlight = { sending: store.getState().sending, sends: store.getState().sends.map((s) => [s.number, s.result, s.seqTo]) };
    doors.send.open();
    await first;
    expect({ whileInFlight, requests: sent.length, numbers: store.getState().sends.map((s) => s.number) }).toEqual({
      whileInFlight: { sending: true, sends: [[1, null, null]] },
      requests: 1,
      numbers: [1],
    });
  });

  it('numbers sends 1, 2, 3 and gives each only its own records', async () => {
    const { store } = fakeLab();
    for (let i = 0; i < 3; i++) await store.getState().send();
    const { sends, records } = store.getState();
    expect(rows(sends, records)).toEqual([
      { number: 1, result: OK_RESULT, seqs: [1] },
      { number: 2, result: OK_RESULT, seqs: [2] },
      { number: 3, result: OK_RESULT, seqs: [3] },
    ]);
  });

  it('attaches records that arrive over the stream during the send, once each', async () => {
    const { store, doors } = fakeLab({ live: true });
    doors.send.shut();
    const sending = store.getState().send();
    await settle();
    const seenBeforeAnswer = store.getState().records.map((r) => r.seq);
    doors.send.open();
    await sending;
    const { sends, records } = store.getState();
    expect({ seenBeforeAnswer, rows: rows(sends, records), seqs: records.map((r) => r.seq) }).toEqual({
      seenBeforeAnswer: [1],
      rows: [{ number: 1, result: OK_RESULT, seqs: [1] }],
      seqs: [1],
    });
  });

  it('closes a send at the history barrier, so a later record from another tab stays out', async () => {
    const { store, lab, doors } = fakeLab({ live: true });
    doors.history.shut();
    const sending = store.getState().send();
    await settle(); // server02 has read its history: head 1
    lab.record(serverRecord(GET_DATA)); // another tab's request, seq 2, arrives over the stream first
    doors.history.open();
    await sending;
    const { sends, records, head } = store.getState();
    expect({ seqTo: sends[0]?.seqTo, head, rows: rows(sends, records) }).toEqual({ seqTo: 1, head: 2, rows: [{ number: 1, result: OK_RESULT, seqs: [1] }] });
  });

  it('without the barrier, closes a send at the newest record the page has seen', async () => {
    const { store } = fakeLab({ live: true, historyUnreachable: true });
    await store.getState().send();
    const { sends, records, sending } = store.getState();
    expect({ sending, rows: rows(sends, records), seqTo: sends[0]?.seqTo }).toEqual({ sending: false, rows: [{ number: 1, result: OK_RESULT, seqs: [1] }], seqTo: 1 });
  });

  it('keeps records in sequence order and drops repeats when events arrive out of order', () => {
    const { store } = fakeLab();
    // The stream brings one event per message; a history read brings a batch that may overlap it.
    store.getState().receive([recordEvent(3)]);
    store.getState().receive([recordEvent(1)]);
    store.getState().receive([recordEvent(2), recordEvent(3)]);
    store.getState().receive([recordEvent(1), recordEvent(4)]);
    const { records, head } = store.getState();
    expect({ records, head }).toEqual({ records: [recordEvent(1), recordEvent(2), recordEvent(3), recordEvent(4)], head: 4 });
  });

  it('sorts and dedupes within one batch that arrives out of order on an empty timeline', () => {
    const { store } = fakeLab();
    store.getState().receive([recordEvent(3), recordEvent(1), recordEvent(3)]);
    const { records, head } = store.getState();
    expect({ records, head }).toEqual({ records: [recordEvent(1), recordEvent(3)], head: 3 });
  });

  it('moves the head past a policy event without adding a record, and applies the policy', async () => {
    const { store } = fakeLab();
    await store.getState().loadPolicy();
    const star = { ...EMPTY_POLICY, allowOrigin: '*' as const };
    const events: LabEvent[] = [recordEvent(1), { type: 'policy', seq: 2, policy: star }];
    store.getState().receive(events);
    const { records, head, policy } = store.getState();
    expect({ records, head, policy }).toEqual({ records: [recordEvent(1)], head: 2, policy: star });
  });

  it('keeps numbering when old sends scroll away', async () => {
    const { store } = fakeLab();
    for (let i = 0; i < TIMELINE_LIMIT + 2; i++) await store.getState().send();
    const numbers = store.getState().sends.map((s) => s.number);
    expect({ count: numbers.length, first: numbers[0], last: numbers.at(-1) }).toEqual({ count: TIMELINE_LIMIT, first: 3, last: TIMELINE_LIMIT + 2 });
  });

  it('clearTimeline empties sends and records; the next send is number 1 again', async () => {
    const { store } = fakeLab();
    await store.getState().send();
    await store.getState().send();
    store.getState().clearTimeline();
    const cleared = { sends: store.getState().sends, records: store.getState().records };
    await store.getState().send();
    const { sends, records } = store.getState();
    expect({ cleared, rows: rows(sends, records) }).toEqual({ cleared: { sends: [], records: [] }, rows: [{ number: 1, result: OK_RESULT, seqs: [3] }] });
  });
});
