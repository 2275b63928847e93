/** Keeps the page's store in step with the lab: policy, history, then the live event stream. */
import type { StoreApi } from 'zustand';
import type { LabState } from '../store/lab-store.ts';
import { fetchHistory, openEvents } from './control-plane.ts';

export async function connectLab(store: StoreApi<LabState>): Promise<() => void> {
  const { loadPolicy, receive, setConnection } = store.getState();
  await loadPolicy();
  const history = await fetchHistory(0).catch(() => null);
  // Only records: the policy was just loaded, and older policy or reset events would undo it.
  if (history !== null) receive(history.events.filter((e) => e.type === 'record'));
  return openEvents(history?.head ?? 0, {
    event: (e) => store.getState().receive([e]),
    open: () => setConnection('live'),
    error: () => setConnection('reconnecting'),
  });
}
