/** The policy editor's state: the draft, its errors, and whether server01 has it yet. */
import type { StateCreator } from 'zustand';
import { checkPolicy, EMPTY_POLICY, type FieldError, type Policy } from '@cors-lab/shared';
import type { LabDeps, LabState } from './lab-store.ts';

export type PolicySync = 'loading' | 'saved' | 'saving' | 'invalid' | 'offline';

export interface PolicySlice {
  readonly policy: Policy;
  readonly policyErrors: readonly FieldError[];
  readonly policySync: PolicySync;
  /** Changes the draft; a valid draft goes to server02 at once, so the next request sees it. */
  editPolicy: (change: (p: Policy) => Policy) => void;
  loadPolicy: () => Promise<void>;
  /** Resolves once server01 answers with the current draft (false if the draft is invalid or unsaved). */
  flushPolicy: () => Promise<boolean>;
  /** Sends the page's policy again: the servers restarted and lost it. */
  resendPolicy: () => void;
  /** A policy another tab or a reset put on the server. */
  applyServerPolicy: (policy: Policy) => void;
  resetLab: () => Promise<void>;
}

export const createPolicySlice =
  (deps: LabDeps): StateCreator<LabState, [], [], PolicySlice> =>
  (set, get) => {
    let saving: Promise<void> = Promise.resolve();
    let pending: Policy | null = null;

    const save = (policy: Policy) => {
      pending = policy;
      set({ policySync: 'saving' });
      saving = saving.then(async () => {
        if (pending !== policy) return; // a newer draft will be saved by its own turn
        const result = await deps.api.savePolicy(policy).catch(() => null);
        if (pending !== policy) return;
        pending = null;
        if (result === null) set({ policySync: 'offline' });
        else if (result.ok) set({ policySync: 'saved' });
        else set({ policySync: 'invalid', policyErrors: result.errors });
      });
    };

    return {
      policy: EMPTY_POLICY,
      policyErrors: [],
      policySync: 'loading',
      editPolicy: (change) => {
        const policy = change(get().policy);
        const check = checkPolicy(policy);
        set({ policy, policyErrors: check.ok ? [] : check.errors });
        if (check.ok) save(policy);
        else set({ policySync: 'invalid' });
      },
      loadPolicy: async () => {
        try {
          const policy = await deps.api.fetchPolicy();
          set({ policy, policyErrors: [], policySync: 'saved' });
        } catch {
          set({ policySync: 'offline' });
        }
      },
      flushPolicy: async () => {
        await saving;
        return get().policySync === 'saved';
      },
      resendPolicy: () => {
        if (checkPolicy(get().policy).ok) save(get().policy);
      },
      applyServerPolicy: (policy) => {
        if (pending !== null || get().policySync === 'invalid') return; // the learner's own edit wins
        if (JSON.stringify(policy) !== JSON.stringify(get().policy)) set({ policy, policyErrors: [], policySync: 'saved' });
      },
      resetLab: async () => {
        await saving;
        await deps.api.resetLab();
        set({ policy: EMPTY_POLICY, policyErrors: [], policySync: 'saved' });
      },
    };
  };
