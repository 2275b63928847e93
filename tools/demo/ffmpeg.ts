/**
 * ffmpeg for the recorder. Playwright's screencast pipes its frames into the
 * ffmpeg it downloads to `<browsers>/ffmpeg-<revision>/ffmpeg-linux`; where it
 * cannot be downloaded, Debian's ffmpeg works in its place, so the recorder
 * links it there. The same ffmpeg makes the MP4 and the GIF; ffprobe reads them.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, dirname, join, sep } from 'node:path';
import { chromium } from '@playwright/test';

export interface FfmpegTools {
  readonly ffmpeg: string;
  readonly ffprobe: string;
  /** Where Playwright's screencast finds its ffmpeg. */
  readonly playwrightFfmpeg: string;
}

const INSTALL = 'install Debian\'s ffmpeg: `sudo apt-get install -y ffmpeg` (or `bash scripts/setup.sh --browser`)';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A program on PATH, as the shell would find it. */
export function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)).find(executable);
}

/** playwright-core's browsers.json: the ffmpeg revision this Playwright looks for. */
function ffmpegRevision(): string {
  const fromTest = createRequire(createRequire(import.meta.url).resolve('@playwright/test'));
  const fromPlaywright = createRequire(fromTest.resolve('playwright'));
  const core = dirname(fromPlaywright.resolve('playwright-core/package.json'));
  const browsers = JSON.parse(readFileSync(join(core, 'browsers.json'), 'utf8')) as { browsers: { name: string; revision: string }[] };
  const ffmpeg = browsers.browsers.find((b) => b.name === 'ffmpeg');
  if (ffmpeg === undefined) throw new Error(`no ffmpeg in ${join(core, 'browsers.json')}`);
  return ffmpeg.revision;
}

/** Playwright's browsers directory: the parent of its chromium-<revision> folder, as Playwright computes it itself. */
function browsersDirectory(): string {
  const parts = chromium.executablePath().split(sep);
  const at = parts.findIndex((p) => /^chromium-\d+$/.test(p));
  if (at > 0) return parts.slice(0, at).join(sep) || sep;
  const env = process.env.PLAYWRIGHT_BROWSERS_PATH;
  if (env !== undefined && env !== '' && env !== '0') return env;
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ms-playwright');
}

const PLATFORM_NAME: Partial<Record<NodeJS.Platform, string>> = { linux: 'ffmpeg-linux', darwin: 'ffmpeg-mac', win32: 'ffmpeg-win64.exe' };

export function playwrightFfmpegPath(): string {
  const name = PLATFORM_NAME[process.platform];
  if (name === undefined) throw new Error(`demo:record: Playwright has no ffmpeg for ${process.platform}`);
  return join(browsersDirectory(), `ffmpeg-${ffmpegRevision()}`, name);
}

/** The encoders the recorder needs: VP9 for Playwright's WebM, H.264 for the MP4. */
function missingEncoders(ffmpeg: string): string[] {
  const out = spawnSync(ffmpeg, ['-hide_banner', '-encoders'], { encoding: 'utf8' }).stdout ?? '';
  return ['libvpx-vp9', 'libx264'].filter((e) => !out.includes(` ${e} `));
}

/** Finds ffmpeg and ffprobe and puts ffmpeg where Playwright looks; throws a message that names what to install. */
export function ensureFfmpeg(): FfmpegTools {
  const ffmpeg = onPath('ffmpeg');
  const ffprobe = onPath('ffprobe');
  if (ffmpeg === undefined || ffprobe === undefined) throw new Error(`demo:record needs ffmpeg and ffprobe on PATH: ${INSTALL}`);
  const missing = missingEncoders(ffmpeg);
  if (missing.length > 0) throw new Error(`demo:record: ${ffmpeg} lacks the encoders ${missing.join(', ')}: ${INSTALL}`);
  const target = playwrightFfmpegPath();
  if (!executable(target)) {
    try {
      // A dangling link (ffmpeg removed since) is replaced.
      if (!existsSync(target) && lstatSafe(target)) unlinkSync(target);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(ffmpeg, target);
    } catch (err) {
      throw new Error(
        `demo:record: Playwright's screencast looks for ffmpeg at ${target} and it could not be linked there (${(err as Error).message}). ` +
          `Run: mkdir -p ${dirname(target)} && ln -s ${ffmpeg} ${target}`,
      );
    }
  }
  return { ffmpeg, ffprobe, playwrightFfmpeg: target };
}

function lstatSafe(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
