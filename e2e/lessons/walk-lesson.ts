/**
 * Walks one lesson through the UI from its step scripts: opens it, and for
 * each step reads its title and text (from the shared catalog, in the page's
 * language), runs the step's script, and expects the step's check passed.
 */
import { fillText, lessonById, type Lang, type Lesson, type Text } from '@cors-lab/shared';
import { expect, type Page } from '@playwright/test';
import { LabPage, LessonWalk } from '../support/lab-page.ts';
import { UI_WORDS } from '../support/ui-words.ts';
import type { LessonScript, StepContext } from './step-script.ts';

/** The placeholders of lesson texts, for a page opened at http://localhost:8100 (the default lab). */
export const TEXT_VARS: Readonly<Record<string, string>> = {
  host: 'localhost',
  page: 'http://localhost:8100',
  server01: 'http://localhost:8000',
  server01other: 'http://127.0.0.1:8000',
  lab: '',
  // Lesson 12: another origin of the same site, the look-alike pair, and the attacker's page.
  attacker: 'http://localhost:8300',
  partner: 'http://example.localhost:8300',
  evil: 'http://evil-example.localhost:8300',
  attackerPage: 'http://localhost:8300/',
};

/** A lesson text as the page shows it: placeholders filled, one string per paragraph, backticks gone. */
export function shownParagraphs(text: Text, lang: Lang): string[] {
  return fillText(text, lang, TEXT_VARS)
    .split(/\n\s*\n/)
    .map((p) => p.replaceAll('`', '').trim())
    .filter((p) => p !== '');
}

export function lessonOf(script: LessonScript): Lesson {
  const lesson = lessonById(script.lessonId);
  if (lesson === undefined) throw new Error(`no lesson ${script.lessonId} in the catalog`);
  const ids = lesson.steps.map((s) => s.id);
  const scripted = script.steps.map((s) => s.id);
  if (ids.join() !== scripted.join()) throw new Error(`lesson ${lesson.id}: steps ${ids.join(', ')} but scripts for ${scripted.join(', ')}`);
  return lesson;
}

/** What the recorder adds around a walk (chapter titles, captions); the specs pass none. */
export interface WalkHooks {
  lessonStart?(lesson: Lesson): Promise<void>;
  stepStart?(lesson: Lesson, index: number): Promise<void>;
  stepEnd?(lesson: Lesson, index: number): Promise<void>;
  /** The last step passed and "What real servers do" is on screen. */
  realServers?(lesson: Lesson): Promise<void>;
  lessonEnd?(lesson: Lesson): Promise<void>;
}

export function stepContext(lab: LabPage, lesson: LessonWalk): StepContext {
  const lang = lab.words.lang;
  return { page: lab.page, lab, lesson, lang, words: lab.words, t: (en, zh) => (lang === 'en' ? en : zh), memo: new Map() };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function walkLesson(script: LessonScript, ctx: StepContext, hooks: WalkHooks = {}): Promise<void> {
  const lesson = lessonOf(script);
  const { page, lang } = ctx;
  await hooks.lessonStart?.(lesson);
  await ctx.lesson.open(new RegExp(`^${escape(fillText(lesson.title, lang, TEXT_VARS))}$`));
  for (const [i, step] of lesson.steps.entries()) {
    if (i > 0) await ctx.lesson.next();
    const title = page.getByTestId('step-title');
    await expect(title).toContainText(fillText(step.title, lang, TEXT_VARS));
    if (step.challenge === true) await expect(title).toContainText(ctx.words.challenge);
    for (const paragraph of shownParagraphs(step.text, lang)) await expect(page.locator('.lesson')).toContainText(paragraph);
    await hooks.stepStart?.(lesson, i);
    await script.steps[i]!.run(ctx);
    await ctx.lesson.passed();
    await hooks.stepEnd?.(lesson, i);
  }
  await ctx.lesson.realServersShown();
  const realServers = page.getByRole('region', { name: ctx.words.realServers });
  for (const paragraph of shownParagraphs(lesson.realServers, lang)) await expect(realServers).toContainText(paragraph);
  await hooks.realServers?.(lesson);
  await script.after?.(ctx);
  await hooks.lessonEnd?.(lesson);
}

/** A lesson spec's whole body: open the lab in `lang`, reset it, walk the lesson. */
export async function walkInPage(page: Page, script: LessonScript, lang: Lang = 'en'): Promise<void> {
  const lab = new LabPage(page, UI_WORDS[lang]);
  await lab.open();
  await walkLesson(script, stepContext(lab, new LessonWalk(lab)));
}
