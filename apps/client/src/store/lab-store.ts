/** One store made of slices; its I/O comes in through `LabDeps`, so tests can drive it through getState(). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabRequest, ScriptResult } from '@cors-lab/shared';
import type * as controlPlane from '../api/control-plane.ts';
import { createBackendSlice, type BackendSlice } from './backend-slice.ts';
import { createLessonSlice, type LessonSlice } from './lesson-slice.ts';
import { createPolicySlice, type PolicySlice } from './policy-slice.ts';
import { createRequestSlice, type RequestSlice } from './request-slice.ts';
import { createTimelineSlice, type TimelineSlice } from './timeline-slice.ts';
import { createViewSlice, type ViewSlice } from './view-slice.ts';

export type LabState = RequestSlice & PolicySlice & BackendSlice & TimelineSlice & LessonSlice & ViewSlice;

export interface LabDeps {
  readonly api: Pick<typeof controlPlane, 'fetchPolicy' | 'savePolicy' | 'resetLab' | 'fetchHistory' | 'fetchBackends' | 'chooseBackend'>;
  readonly sendRequest: (req: LabRequest) => Promise<ScriptResult>;
  readonly pageOrigin: string;
  readonly host: string;
  readonly now: () => number;
  readonly newId: () => string;
  /** Where lesson progress is kept (localStorage in the page). */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Fills a lesson's URL template ({server01}, {page}, {host}, …) for this learner's lab. */
  readonly fillUrl?: (template: string) => string;
  /** Resolves once the browser has drawn the latest state (none in tests). */
  readonly afterPaint?: () => Promise<void>;
}

export function createLabStore(deps: LabDeps): StoreApi<LabState> {
  return createStore<LabState>()((...a) => ({
    ...createRequestSlice(deps.host)(...a),
    ...createPolicySlice(deps)(...a),
    ...createBackendSlice(deps)(...a),
    ...createTimelineSlice(deps)(...a),
    ...createLessonSlice(deps)(...a),
    ...createViewSlice(deps)(...a),
  }));
}
