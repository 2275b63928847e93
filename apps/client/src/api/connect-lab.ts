/** Keeps the page's store in step with the lab: policy, history, then the live event stream. */
import type { StoreApi } from 'zustand';
import type { LabState } from '../store/lab-store.ts';
import { fetchHistory, openEvents } from './control-plane.ts';
import { rebaseSeq } from './lab-session.ts';

export async function connectLab(store: StoreApi<LabState>): Promise<() => void> {
  const { loadPolicy, loadBackends, receive, setConnection } = store.getState();
  await Promise.all([loadPolicy(), loadBackends()]);
  const history = await fetchHistory(0).catch(() => null);
  // Only records: the policy was just loaded, and older policy or reset events would undo it.
  if (history !== null) receive(history.events.filter((e) => e.type === 'record'));
  let instance: string | null = null;
  return openEvents(history?.head ?? 0, {
    hello: (h) => {
      // A new instance: the servers restarted and forgot this lab. Its numbers
      // start again after everything the page holds, and the page's policy goes back.
      if (instance !== null && h.instance !== instance) {
        rebaseSeq(store.getState().head);
        store.getState().resendPolicy();
        // Whatever the new servers recorded before this page heard of them.
        void fetchHistory(store.getState().head)
          .then((h) => store.getState().receive(h.events.filter((e) => e.type === 'record')))
          .catch(() => undefined);
      }
      instance = h.instance;
    },
    event: (e) => store.getState().receive([e]),
    open: () => setConnection('live'),
    error: () => setConnection('reconnecting'),
  });
}
