/** Keeps the teacher view told where this learner is: on every lesson move and every (re)connection. */
import type { StoreApi } from 'zustand';
import type { LabState } from '../store/lab-store.ts';
import { reportPresence } from './control-plane.ts';

export function trackPresence(store: StoreApi<LabState>): () => void {
  const report = () => {
    const lesson = store.getState().lesson;
    void reportPresence({ lesson: lesson?.id ?? null, step: lesson?.step ?? 0 }).catch(() => undefined);
  };
  store.subscribe((s, before) => {
    if (s.lesson?.id !== before.lesson?.id || s.lesson?.step !== before.lesson?.step) report();
  });
  return report;
}
