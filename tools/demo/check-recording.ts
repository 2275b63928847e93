/**
 * `pnpm test:recording`: records one short lesson with `pnpm demo:record`, as
 * a user would, and checks the files with ffprobe: a WebM in VP8 or VP9 and
 * an MP4 in H.264, both 1280×800 and as long as the recording said; a GIF
 * preview; WebVTT subtitles that parse, in order, naming every step.
 * Ends with one line `recording: …`. Runs under the lab's port lock (scripts/test.sh).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillText, lessonById } from '@cors-lab/shared';
import { TEXT_VARS } from '../../e2e/lessons/walk-lesson.ts';
import { probe } from './encode.ts';
import { ensureFfmpeg } from './ffmpeg.ts';
import { VIDEO_SIZE } from './record-lesson.ts';
import { parseWebVtt } from './webvtt.ts';

const LESSON = 'classic-demo';
// Outside test-results/, which every Playwright run empties when it starts.
const OUT = join(tmpdir(), 'cors-lab-recording-check');

const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) problems.push(what);
};

const run = spawnSync('pnpm', ['--silent', 'demo:record', LESSON, '--out', OUT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(run.stdout);
if (run.status !== 0) {
  console.error(`test:recording: pnpm demo:record ${LESSON} exited with ${run.status ?? run.signal}`);
  process.exit(1);
}
const line = /^recorded (\S+): seconds=([\d.]+) files=(\S+)$/m.exec(run.stdout);
if (line === null) {
  console.error('test:recording: no `recorded <lesson>: seconds=… files=…` line');
  process.exit(1);
}
const said = Number(line[2]);
const files = line[3]!.split(',');
check(line[1] === LESSON, `the line names ${line[1]}, not ${LESSON}`);
check(said > 0, `seconds=${said}`);
check(['webm', 'mp4', 'gif', 'vtt'].every((ext) => files.includes(`${LESSON}.${ext}`)), `files=${line[3]}`);

const tools = ensureFfmpeg();
const path = (ext: string) => join(OUT, LESSON, `${LESSON}.${ext}`);
const webm = probe(tools, path('webm'));
const mp4 = probe(tools, path('mp4'));
const gif = probe(tools, path('gif'));
for (const [name, p] of [['webm', webm], ['mp4', mp4]] as const) {
  check(p.seconds > 0 && Math.abs(p.seconds - said) < 1.5, `${name} lasts ${p.seconds} s, the recorder said ${said}`);
  check(p.width === VIDEO_SIZE.width && p.height === VIDEO_SIZE.height, `${name} is ${p.width}x${p.height}`);
}
check(webm.codec === 'vp8' || webm.codec === 'vp9', `webm codec ${webm.codec}`);
check(mp4.codec === 'h264', `mp4 codec ${mp4.codec}`);
const gifBytes = statSync(path('gif')).size;
check(gif.codec === 'gif' && gif.width === 640 && gifBytes > 0, `gif: ${gif.codec} ${gif.width}x${gif.height}, ${gifBytes} bytes`);

let cues: ReturnType<typeof parseWebVtt> = [];
try {
  cues = parseWebVtt(readFileSync(path('vtt'), 'utf8'));
} catch (err) {
  problems.push((err as Error).message);
}
const lesson = lessonById(LESSON)!;
check(cues.length > lesson.steps.length, `${cues.length} cues for ${lesson.steps.length} steps`);
check(cues.every((c) => c.end <= said * 1000 + 1500), 'a cue ends after the video');
for (const step of lesson.steps) {
  const title = fillText(step.title, 'en', TEXT_VARS);
  check(cues.some((c) => c.text.includes(title)), `no cue names the step "${title}"`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`test:recording: ${p}`);
  process.exit(1);
}
console.log(
  `recording: lesson=${LESSON} seconds=${said} webm=${webm.codec} ${webm.width}x${webm.height} mp4=${mp4.codec} ${mp4.width}x${mp4.height} ` +
    `gif=${gif.width}x${gif.height} gif_kb=${Math.round(gifBytes / 1024)} vtt_cues=${cues.length}`,
);
