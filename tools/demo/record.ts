/**
 * `pnpm demo:record [lesson…] [--lang en|zh-CN] [--out DIR]`: records each
 * lesson (all by default) as WebM, MP4, GIF and WebVTT under DIR/<lesson>/
 * (recordings/ by default), ending with one line per lesson
 * `recorded <lesson>: seconds=… files=…`. `--list` prints the lesson ids.
 * Starts the lab when none is running on port 8100, and stops it after.
 */
import { chromium } from '@playwright/test';
import type { Lang } from '@cors-lab/shared';
import { LESSON_SCRIPTS } from '../../e2e/lessons/catalog.ts';
import { launchOptions } from '../../e2e/support/chromium.ts';
import { startLab, type LabProcess } from '../lab-process.ts';
import { ensureFfmpeg } from './ffmpeg.ts';
import { PAGE, recordLesson } from './record-lesson.ts';

const USAGE = 'usage: pnpm demo:record [lesson…] [--lang en|zh-CN] [--out DIR]\n       pnpm demo:record --list';
const LANGS: readonly Lang[] = ['en', 'zh-CN'];

interface Args {
  readonly list: boolean;
  readonly lessons: readonly string[];
  readonly lang: Lang;
  readonly out: string;
}

function fail(message: string): never {
  console.error(`demo:record: ${message}`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Args {
  let list = false;
  let lang: Lang = 'en';
  let out = 'recordings';
  const lessons: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? fail(`${arg} needs a value\n${USAGE}`);
    if (arg === '--list') list = true;
    else if (arg === '--lang') {
      const v = value();
      lang = LANGS.find((l) => l === v) ?? fail(`--lang must be one of ${LANGS.join(', ')}, not ${v}`);
    } else if (arg === '--out') out = value();
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}\n${USAGE}`);
    else lessons.push(arg);
  }
  const known = LESSON_SCRIPTS.map((s) => s.lessonId);
  const unknown = lessons.filter((l) => !known.includes(l));
  if (unknown.length > 0) fail(`no lesson ${unknown.join(', ')}; the lessons are: ${known.join(' ')}`);
  return { list, lessons, lang, out };
}

async function labIsUp(): Promise<boolean> {
  try {
    return (await fetch(`${PAGE}/api/policy`)).ok;
  } catch {
    return false;
  }
}

/** Stops the lab this run started; one that already exited needs nothing. */
async function stopLab(lab: LabProcess): Promise<void> {
  try {
    lab.stop();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
  await lab.exited;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    for (const s of LESSON_SCRIPTS) console.log(s.lessonId);
    return;
  }
  const scripts = args.lessons.length === 0 ? LESSON_SCRIPTS : LESSON_SCRIPTS.filter((s) => args.lessons.includes(s.lessonId));
  let tools;
  try {
    tools = ensureFfmpeg();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  let lab: LabProcess | null = null;
  if (!(await labIsUp())) {
    console.error('demo:record: starting the lab on ports 8000 and 8100');
    lab = await startLab();
  }
  const browser = await chromium.launch(launchOptions());
  try {
    for (const script of scripts) {
      const r = await recordLesson(browser, script, args.lang, args.out, tools);
      console.log(`recorded ${r.lessonId}: seconds=${r.webm.seconds.toFixed(1)} files=${r.files.join(',')}`);
    }
  } finally {
    await browser.close();
    if (lab !== null) await stopLab(lab);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
