import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { EMPTY_POLICY, type Policy } from '@cors-lab/shared';
import { fakeLab, settle } from './fake-lab.ts';
import type { LabState } from './lab-store.ts';
import type { PolicySync } from './policy-slice.ts';

const STAR: Policy = { ...EMPTY_POLICY, allowOrigin: '*' };
const REFLECT: Policy = { ...EMPTY_POLICY, allowOrigin: 'reflect' };
const listing = (...originList: string[]): Policy => ({ ...EMPTY_POLICY, allowOrigin: 'list', originList });

/** Every policySync the store goes through from now on. */
function watchSync(store: StoreApi<LabState>): PolicySync[] {
  const seen: PolicySync[] = [];
  store.subscribe((s, prev) => {
    if (s.policySync !== prev.policySync) seen.push(s.policySync);
  });
  return seen;
}

describe('policy editor', () => {
  it('loads the policy server02 holds', async () => {
    const { store, lab } = fakeLab();
    lab.setPolicy(STAR);
    await store.getState().loadPolicy();
    const { policy, policyErrors, policySync } = store.getState();
    expect({ policy, policyErrors, policySync }).toEqual({ policy: STAR, policyErrors: [], policySync: 'saved' });
  });

  it('saves a valid edit at once: saving, then saved', async () => {
    const { store, lab, saves } = fakeLab();
    const syncs = watchSync(store);
    store.getState().editPolicy((p) => ({ ...p, allowOrigin: '*' }));
    const flushed = await store.getState().flushPolicy();
    expect({ flushed, saves, syncs, server: lab.policy, draft: store.getState().policy }).toEqual({
      flushed: true,
      saves: [STAR],
      syncs: ['saving', 'saved'],
      server: STAR,
      draft: STAR,
    });
  });

  it('keeps an invalid edit in the page, names the field, and sends nothing', async () => {
    const { store, lab, saves } = fakeLab();
    store.getState().editPolicy(() => listing('http://localhost:8100/'));
    const flushed = await store.getState().flushPolicy();
    const { policy, policyErrors, policySync } = store.getState();
    expect({ flushed, saves, server: lab.policy, policy, policyErrors, policySync }).toEqual({
      flushed: false,
      saves: [],
      server: EMPTY_POLICY,
      policy: listing('http://localhost:8100/'),
      policyErrors: [{ field: '/originList/0', message: expect.stringContaining('no trailing slash') }],
      policySync: 'invalid',
    });
  });

  it('clears the errors once the edit is fixed, and saves the fix', async () => {
    const { store, lab } = fakeLab();
    store.getState().editPolicy(() => listing('http://localhost:8100/'));
    store.getState().editPolicy(() => listing('http://localhost:8100'));
    await store.getState().flushPolicy();
    const { policyErrors, policySync } = store.getState();
    expect({ server: lab.policy, policyErrors, policySync }).toEqual({ server: listing('http://localhost:8100'), policyErrors: [], policySync: 'saved' });
  });

  it('ends with server02 holding the last of several quick edits', async () => {
    const { store, lab, doors, saves } = fakeLab();
    doors.save.shut();
    store.getState().editPolicy(() => listing('http://a.test'));
    await settle(); // the first save is on its way
    store.getState().editPolicy(() => listing('http://b.test'));
    store.getState().editPolicy(() => listing('http://c.test'));
    doors.save.open();
    await store.getState().flushPolicy();
    expect({ server: lab.policy, saves, sync: store.getState().policySync }).toEqual({
      server: listing('http://c.test'),
      // b was replaced before its turn came, so it never left the page.
      saves: [listing('http://a.test'), listing('http://c.test')],
      sync: 'saved',
    });
  });

  it('flushPolicy waits for the save in flight', async () => {
    const { store, doors } = fakeLab();
    doors.save.shut();
    store.getState().editPolicy(() => STAR);
    let flushed: boolean | 'pending' = 'pending';
    const flushing = store.getState().flushPolicy().then((ok) => (flushed = ok));
    await settle();
    const whileHeld = { flushed, sync: store.getState().policySync };
    doors.save.open();
    await flushing;
    expect({ whileHeld, flushed, sync: store.getState().policySync }).toEqual({
      whileHeld: { flushed: 'pending', sync: 'saving' },
      flushed: true,
      sync: 'saved',
    });
  });

  it("shows server02's errors when it refuses a draft the page accepted", async () => {
    const refusal = { field: '/allowOrigin', message: 'allowOrigin is not allowed in this lesson' };
    const { store, lab } = fakeLab({ answerSave: () => ({ ok: false, errors: [refusal] }) });
    store.getState().editPolicy(() => STAR);
    const flushed = await store.getState().flushPolicy();
    const { policyErrors, policySync } = store.getState();
    expect({ flushed, server: lab.policy, policyErrors, policySync }).toEqual({ flushed: false, server: EMPTY_POLICY, policyErrors: [refusal], policySync: 'invalid' });
  });

  it('says offline when server02 cannot be reached', async () => {
    const { store } = fakeLab({ answerSave: () => 'unreachable' });
    store.getState().editPolicy(() => STAR);
    const flushed = await store.getState().flushPolicy();
    expect({ flushed, sync: store.getState().policySync, policy: store.getState().policy }).toEqual({ flushed: false, sync: 'offline', policy: STAR });
  });

  it("takes another tab's policy when nothing is being edited", async () => {
    const { store } = fakeLab();
    await store.getState().loadPolicy();
    store.getState().applyServerPolicy(REFLECT);
    expect({ policy: store.getState().policy, sync: store.getState().policySync }).toEqual({ policy: REFLECT, sync: 'saved' });
  });

  it("does not let another tab's policy overwrite a pending edit", async () => {
    const { store, lab, doors } = fakeLab();
    doors.save.shut();
    store.getState().editPolicy(() => STAR);
    store.getState().applyServerPolicy(REFLECT);
    const whileSaving = store.getState().policy;
    doors.save.open();
    await store.getState().flushPolicy();
    expect({ whileSaving, draft: store.getState().policy, server: lab.policy }).toEqual({ whileSaving: STAR, draft: STAR, server: STAR });
  });

  it("does not let another tab's policy overwrite an invalid edit", () => {
    const { store } = fakeLab();
    store.getState().editPolicy(() => listing('http://localhost:8100/'));
    store.getState().applyServerPolicy(REFLECT);
    expect({ policy: store.getState().policy, sync: store.getState().policySync }).toEqual({ policy: listing('http://localhost:8100/'), sync: 'invalid' });
  });

  it('resetLab waits for the save in flight, then puts the lab back to the empty policy', async () => {
    const { store, lab, doors } = fakeLab();
    doors.save.shut();
    store.getState().editPolicy(() => STAR);
    const resetting = store.getState().resetLab();
    await settle();
    doors.save.open();
    await resetting;
    expect({ server: lab.policy, history: lab.since(0).events, draft: store.getState().policy, sync: store.getState().policySync }).toEqual({
      server: EMPTY_POLICY,
      history: [{ type: 'reset', seq: 2, policy: EMPTY_POLICY }],
      draft: EMPTY_POLICY,
      sync: 'saved',
    });
  });
});
