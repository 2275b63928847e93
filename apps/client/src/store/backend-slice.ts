/** Who answers for server01: the lab's engine or a real library, and which libraries can run here. */
import type { StateCreator } from 'zustand';
import { LAB_ENGINE, type BackendChoice, type BackendList, type BackendState } from '@cors-lab/shared';
import type { LabDeps, LabState } from './lab-store.ts';

export interface BackendSlice {
  readonly backends: BackendList['backends'];
  readonly backend: BackendState;
  /** Why the last choice was refused, if it was. */
  readonly backendError: string | null;
  loadBackends: () => Promise<void>;
  chooseBackend: (id: BackendChoice) => Promise<void>;
  /** The lab's backend changed (an event, or a reset). */
  applyBackend: (backend: BackendState) => void;
}

export const createBackendSlice =
  (deps: LabDeps): StateCreator<LabState, [], [], BackendSlice> =>
  (set) => ({
    backends: [],
    backend: LAB_ENGINE,
    backendError: null,
    loadBackends: async () => {
      const list = await deps.api.fetchBackends().catch(() => null);
      if (list !== null) set({ backends: list.backends, backend: list.current });
    },
    chooseBackend: async (id) => {
      const result = await deps.api.chooseBackend(id).catch(() => null);
      if (result === null) set({ backendError: 'server02 cannot be reached' });
      else if (!result.ok) set({ backendError: result.errors.map((e) => e.message).join('; ') });
      else set({ backendError: null });
    },
    applyBackend: (backend) => set({ backend }),
  });
