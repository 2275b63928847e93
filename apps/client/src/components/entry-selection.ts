/** Clicking or focusing a timeline entry selects it: presenter mode draws the selected entry's sequence. */
import { useCallback } from 'react';
import { labStore, useLab } from '../store/use-lab.ts';
import { selectedSendId } from '../store/view-slice.ts';

export interface EntrySelection {
  /** Spread on the entry's element. */
  readonly props: {
    readonly onClick: () => void;
    readonly onFocus: () => void;
    readonly 'aria-current': true | undefined;
  };
  /** Presenter mode is on and this entry is the selected one. */
  readonly presented: boolean;
}

export function useEntrySelection(sendId: string): EntrySelection {
  // One boolean per entry: an entry re-renders only when it gains or loses the selection.
  const selected = useLab((s) => selectedSendId(s) === sendId);
  const presenter = useLab((s) => s.presenter);
  const select = useCallback(() => labStore.getState().selectSend(sendId), [sendId]);
  const presented = presenter && selected;
  return { props: { onClick: select, onFocus: select, 'aria-current': presented ? true : undefined }, presented };
}
