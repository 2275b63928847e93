/**
 * Records one lesson: the lesson's step scripts (the ones its spec walks) run
 * in a fresh browser context while Playwright's screencast films the page,
 * with chapter cards, action marks and captions; then the WebM becomes an
 * MP4 and a GIF, and the captions a WebVTT file.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fillText, LESSONS, type Lang } from '@cors-lab/shared';
import type { Browser } from '@playwright/test';
import type { LessonScript } from '../../e2e/lessons/step-script.ts';
import { lessonOf, shownParagraphs, stepContext, TEXT_VARS, walkLesson, type WalkHooks } from '../../e2e/lessons/walk-lesson.ts';
import { UI_WORDS } from '../../e2e/support/ui-words.ts';
import { probe, toGif, toMp4, type Probe } from './encode.ts';
import type { FfmpegTools } from './ffmpeg.ts';
import { NarratedLabPage, NarratedLessonWalk } from './narrated-lab.ts';
import { captionOf, Narrator } from './narrator.ts';
import { PHRASES } from './phrases.ts';
import { formatWebVtt } from './webvtt.ts';

export const PAGE = 'http://localhost:8100';
export const VIDEO_SIZE = { width: 1280, height: 800 } as const;

export interface Recording {
  readonly lessonId: string;
  readonly dir: string;
  readonly files: readonly string[];
  readonly webm: Probe;
  readonly mp4: Probe;
  readonly cues: number;
}

/** Actions show a pointer travelling to the target, a ring where it clicks, and the target outlined; the band says what the action is. */
const ACTION_STYLE = {
  point: 'width: 22px; height: 22px; border-radius: 50%; background: rgba(239, 68, 68, 0.55); box-shadow: 0 0 0 3px rgba(239, 68, 68, 0.35)',
  highlight: 'outline: 3px solid rgba(245, 158, 11, 0.9); background: rgba(245, 158, 11, 0.12)',
  title: 'display: none',
};

export async function recordLesson(browser: Browser, script: LessonScript, lang: Lang, outDir: string, tools: FfmpegTools): Promise<Recording> {
  const lesson = lessonOf(script);
  const number = LESSONS.indexOf(lesson) + 1;
  const dir = join(outDir, lesson.id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const base = join(dir, lesson.id);
  const text = (t: Parameters<typeof fillText>[0]) => fillText(t, lang, TEXT_VARS);
  const phrases = PHRASES[lang];
  const words = UI_WORDS[lang];

  const context = await browser.newContext({ baseURL: PAGE, viewport: VIDEO_SIZE, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  let cues;
  try {
    const page = await context.newPage();
    const narrator = new Narrator(page);
    const lab = new NarratedLabPage(narrator, words, phrases);
    // Off camera: the page connected and the lab reset, so every recording starts from the same state.
    await lab.open();
    const t0 = Date.now();
    await page.screencast.start({ path: `${base}.webm`, size: VIDEO_SIZE });
    narrator.start(t0);
    await page.screencast.showActions({ cursor: 'pointer', duration: 600, style: ACTION_STYLE });
    const hooks: WalkHooks = {
      lessonStart: async (l) => {
        await narrator.chapter('lesson', phrases.lesson(number, text(l.title)), text(l.summary));
        await narrator.action(phrases.openLesson(text(l.title)));
      },
      stepStart: async (l, i) => {
        const step = l.steps[i]!;
        const title = phrases.step(i + 1, l.steps.length, text(step.title));
        const caption = captionOf(shownParagraphs(step.text, lang)[0] ?? '');
        await narrator.beginStep(title, caption);
      },
      stepEnd: () => narrator.endStep(),
      realServers: async (l) => {
        await page.getByRole('region', { name: words.realServers }).scrollIntoViewIfNeeded();
        await narrator.chapter('step', phrases.realServers, captionOf(shownParagraphs(l.realServers, lang)[0] ?? ''));
      },
    };
    await walkLesson(script, stepContext(lab, new NarratedLessonWalk(lab)), hooks);
    cues = await narrator.finish();
    await page.screencast.stop();
  } finally {
    await context.close();
  }

  writeFileSync(`${base}.vtt`, formatWebVtt(cues));
  const webm = probe(tools, `${base}.webm`);
  toMp4(tools, `${base}.webm`, `${base}.mp4`);
  toGif(tools, `${base}.webm`, `${base}.gif`, webm.seconds);
  const files = ['webm', 'mp4', 'gif', 'vtt'].map((ext) => `${base}.${ext}`);
  for (const f of files) if (statSync(f).size === 0) throw new Error(`demo:record: ${f} is empty`);
  return { lessonId: lesson.id, dir, files: files.map((f) => basename(f)), webm, mp4: probe(tools, `${base}.mp4`), cues: cues.length };
}
