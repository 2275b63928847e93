/**
 * The course: which lesson and step the learner is on, and what they have
 * passed. Progress lives in the browser (localStorage), so it survives
 * reloads and server restarts.
 */
import type { StateCreator } from 'zustand';
import { EMPTY_POLICY, lessonById, type Preset } from '@cors-lab/shared';
import type { LabDeps, LabState } from './lab-store.ts';

export const PROGRESS_KEY = 'cors-lab.progress';

export interface LessonPosition {
  readonly id: string;
  readonly step: number;
  /** Sends numbered above this one belong to the step. */
  readonly since: number;
}

/** Passed step ids, per lesson id. */
export type Progress = Readonly<Record<string, readonly string[]>>;

export interface LessonSlice {
  readonly lesson: LessonPosition | null;
  readonly progress: Progress;
  /** Opens a lesson at a step and loads the step's preset. */
  openLesson: (id: string, step?: number, options?: { preset?: boolean }) => void;
  goToStep: (step: number) => void;
  /** Loads the current step's request and policy again. */
  applyPreset: () => void;
  closeLesson: () => void;
  markPassed: (lessonId: string, stepId: string) => void;
  resetProgress: () => void;
}

function loadProgress(deps: LabDeps): Progress {
  try {
    const raw = deps.storage?.getItem(PROGRESS_KEY);
    const parsed: unknown = raw == null ? {} : JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].every((x) => typeof x === 'string')),
    );
  } catch {
    return {};
  }
}

export const createLessonSlice =
  (deps: LabDeps): StateCreator<LabState, [], [], LessonSlice> =>
  (set, get) => {
    const lastSend = () => get().sends.at(-1)?.number ?? 0;
    const load = (preset: Preset | undefined) => {
      if (preset === undefined) return;
      if (preset.request !== undefined) {
        const r = preset.request;
        get().setRequest({
          // A preset that names no sender keeps the learner's, except a script tag: the other lessons are about CORS.
          ...(r.api !== undefined ? { api: r.api } : get().request.api === 'script' ? { api: 'fetch' as const } : {}),
          method: r.method ?? 'GET',
          url: deps.fillUrl?.(r.url ?? '{server01}/getData.html') ?? r.url ?? '',
          headers: r.headers ?? [],
          body: r.body ?? '',
          credentials: r.credentials ?? 'same-origin',
          from: r.from === undefined ? undefined : (deps.fillUrl?.(r.from) ?? r.from),
        });
      }
      // A listed origin may be a template too (`{page}`): the page's origin depends on how it was opened.
      const originList = preset.policy?.originList?.map((o) => deps.fillUrl?.(o) ?? o);
      get().editPolicy(() => ({ ...structuredClone(EMPTY_POLICY), ...preset.policy, ...(originList !== undefined ? { originList } : {}) }));
    };
    const save = (progress: Progress) => deps.storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));

    return {
      lesson: null,
      progress: loadProgress(deps),
      openLesson: (id, step = 0, options = {}) => {
        const lesson = lessonById(id);
        if (lesson === undefined) return;
        const at = Math.max(0, Math.min(step, lesson.steps.length - 1));
        set({ lesson: { id, step: at, since: lastSend() } });
        if (options.preset !== false) load(lesson.steps[at]?.preset);
      },
      goToStep: (step) => {
        const current = get().lesson;
        if (current !== null) get().openLesson(current.id, step);
      },
      applyPreset: () => {
        const current = get().lesson;
        if (current === null) return;
        set({ lesson: { ...current, since: lastSend() } });
        load(lessonById(current.id)?.steps[current.step]?.preset);
      },
      closeLesson: () => set({ lesson: null }),
      markPassed: (lessonId, stepId) => {
        const done = get().progress[lessonId] ?? [];
        if (done.includes(stepId)) return;
        const progress = { ...get().progress, [lessonId]: [...done, stepId] };
        set({ progress });
        save(progress);
      },
      resetProgress: () => {
        set({ progress: {} });
        save({});
      },
    };
  };
