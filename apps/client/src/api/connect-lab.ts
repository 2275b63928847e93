/** Keeps the page's store in step with the lab: policy, history, then the live event stream. */
import type { StoreApi } from 'zustand';
import type { LabState } from '../store/lab-store.ts';
import { fetchHistory, openEvents } from './control-plane.ts';
import { rebaseSeq } from './lab-session.ts';

/** `connected` runs on every (re)connection of the event stream. */
export async function connectLab(store: StoreApi<LabState>, connected: () => void = () => {}): Promise<() => void> {
  const { loadPolicy, loadBackends, receive, setConnection } = store.getState();
  // Which libraries can run is slow to find out the first time (Python imports): never wait for it.
  void loadBackends();
  await loadPolicy();
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
      connected();
    },
    event: (e) => store.getState().receive([e]),
    open: () => setConnection('live'),
    error: () => setConnection('reconnecting'),
  });
}
