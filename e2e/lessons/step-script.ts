/**
 * A lesson's steps, as a learner does them: one script per step of the
 * lesson catalog, shared by the lesson specs (which walk them and assert) and
 * the demo recorder (which walks the same scripts on camera).
 */
import type { Lang } from '@cors-lab/shared';
import type { Page } from '@playwright/test';
import type { LabPage, LessonWalk } from '../support/lab-page.ts';
import type { UiWords } from '../support/ui-words.ts';

export interface StepContext {
  readonly page: Page;
  readonly lab: LabPage;
  readonly lesson: LessonWalk;
  readonly lang: Lang;
  readonly words: UiWords;
  /** What this language's learner reads: `t(/English/, /中文/)`. */
  t<T>(en: T, zh: T): T;
  /** Values a step learns for a later one (lesson 10's ETag). */
  readonly memo: Map<string, string>;
}

/** The learner's actions in one step, and the assertions on what the page shows; the walk then expects the step's check passed. */
export type StepScript = (ctx: StepContext) => Promise<void>;

export interface LessonScript {
  /** The lesson's id in the shared catalog. */
  readonly lessonId: string;
  /** One per catalog step, in order, by the step's id. */
  readonly steps: readonly { readonly id: string; readonly run: StepScript }[];
  /** After the last step passed and "What real servers do" showed. */
  readonly after?: StepScript;
}
