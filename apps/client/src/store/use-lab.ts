/** The page's one lab store, wired to the real control plane and the real browser APIs. */
import { useStore } from 'zustand';
import * as controlPlane from '../api/control-plane.ts';
import { fillUrl } from '../api/lab-session.ts';
import { sendRequest } from '../api/send-request.ts';
import { createLabStore, type LabState } from './lab-store.ts';

export const labStore = createLabStore({
  api: controlPlane,
  sendRequest,
  pageOrigin: location.origin,
  host: location.hostname,
  now: () => performance.timeOrigin + performance.now(),
  newId: () => crypto.randomUUID(),
  storage: localStorage,
  fillUrl,
  // A frame, then a task: the paint that shows the pending entry has happened.
  afterPaint: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
});

/** Select one field: `useLab(s => s.policy)`. */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(labStore, selector);
}
