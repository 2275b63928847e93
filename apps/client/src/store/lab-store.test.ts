import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy } from '@cors-lab/shared';
import { fakeLab, settle } from './fake-lab.ts';

const STAR: Policy = { ...EMPTY_POLICY, allowOrigin: '*' };

describe('lab store, across slices', () => {
  it('sends the request only after server02 holds the edited policy', async () => {
    const { store, doors, sent } = fakeLab();
    doors.save.shut();
    store.getState().editPolicy(() => STAR);
    const sending = store.getState().send();
    await settle();
    const sentWhileSaving = sent.length;
    doors.save.open();
    await sending;
    expect({ sentWhileSaving, policyAtServer01: sent.map((s) => s.policy) }).toEqual({ sentWhileSaving: 0, policyAtServer01: [STAR] });
  });

  it("a reset from another tab clears the sends started before it and brings back the lab's policy", async () => {
    const { store, lab } = fakeLab({ live: true });
    await store.getState().loadPolicy();
    store.getState().editPolicy(() => STAR);
    await store.getState().send();
    await store.getState().send();
    lab.reset(); // seq 4, after policy (1) and two records (2, 3)
    const afterReset = { sends: store.getState().sends, policy: store.getState().policy, sync: store.getState().policySync };
    await store.getState().send();
    expect({ afterReset, sends: store.getState().sends.map((s) => [s.number, s.seqFrom, s.seqTo]) }).toEqual({
      afterReset: { sends: [], policy: EMPTY_POLICY, sync: 'saved' },
      sends: [[1, 4, 5]],
    });
  });

  it('the Reset button clears the timeline once its reset event comes back', async () => {
    const { store, lab } = fakeLab({ live: true });
    await store.getState().send();
    await store.getState().resetLab();
    expect({ sends: store.getState().sends, server: lab.policy, policy: store.getState().policy }).toEqual({ sends: [], server: EMPTY_POLICY, policy: EMPTY_POLICY });
  });
});
