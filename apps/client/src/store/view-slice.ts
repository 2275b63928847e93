/**
 * How the timeline is shown: presenter mode (large type, high contrast, the
 * sequence diagram), kept in the browser, and which entry the diagram is of.
 */
import type { StateCreator } from 'zustand';
import type { TimelineSend } from './timeline-slice.ts';
import type { LabDeps, LabState } from './lab-store.ts';

export const PRESENTER_KEY = 'cors-lab.presenter';

export interface ViewSlice {
  readonly presenter: boolean;
  /**
   * The entry the learner picked, and the newest send when they picked it;
   * null for the newest. A newer send takes the selection back, so the
   * diagram follows what was just sent.
   */
  readonly selection: { readonly sendId: string; readonly newestId: string } | null;
  setPresenter: (on: boolean) => void;
  selectSend: (sendId: string) => void;
}

/** The id of the selected send: the picked one while no newer send came, else the newest; null with no sends. */
export function selectedSendId(s: Pick<LabState, 'sends' | 'selection'>): string | null {
  const newest = s.sends.at(-1)?.id ?? null;
  return s.selection !== null && s.selection.newestId === newest ? s.selection.sendId : newest;
}

/** The selected send, falling back to the newest when the picked one has scrolled away. */
export function selectedSend(s: Pick<LabState, 'sends' | 'selection'>): TimelineSend | null {
  const id = selectedSendId(s);
  return s.sends.find((x) => x.id === id) ?? s.sends.at(-1) ?? null;
}

function storedPresenter(deps: LabDeps): boolean {
  try {
    return deps.storage?.getItem(PRESENTER_KEY) === 'on';
  } catch {
    return false;
  }
}

export const createViewSlice =
  (deps: LabDeps): StateCreator<LabState, [], [], ViewSlice> =>
  (set, get) => ({
    presenter: storedPresenter(deps),
    selection: null,
    setPresenter: (presenter) => {
      set({ presenter });
      try {
        deps.storage?.setItem(PRESENTER_KEY, presenter ? 'on' : 'off');
      } catch {
        // Storage full or refused (a private window): the mode still applies to this page.
      }
    },
    selectSend: (sendId) => {
      const newestId = get().sends.at(-1)?.id;
      if (newestId === undefined || selectedSendId(get()) === sendId) return;
      set({ selection: { sendId, newestId } });
    },
  });
