/** Turns the screencast's WebM into an MP4 (H.264) and a short GIF preview, and reads any of them back with ffprobe. */
import { spawnSync } from 'node:child_process';
import type { FfmpegTools } from './ffmpeg.ts';

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return result.stdout;
}

/** H.264 in yuv420p with the index up front: plays in every browser and player. */
export function toMp4(tools: FfmpegTools, webm: string, mp4: string): void {
  run(tools.ffmpeg, ['-v', 'error', '-y', '-i', webm, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-an', mp4]);
}

/** The GIF preview: the whole lesson sped up to at most `seconds`, 640 px wide, 6 frames a second, one 64-colour palette. */
export function toGif(tools: FfmpegTools, webm: string, gif: string, duration: number, seconds = 12): void {
  const speed = Math.max(1, duration / seconds);
  const filter = `setpts=PTS/${speed.toFixed(3)},fps=6,scale=640:-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=64:stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle`;
  run(tools.ffmpeg, ['-v', 'error', '-y', '-i', webm, '-filter_complex', filter, '-loop', '0', gif]);
}

export interface Probe {
  readonly seconds: number;
  readonly codec: string;
  readonly width: number;
  readonly height: number;
}

/** The first video stream's codec and size, and the container's duration. */
export function probe(tools: FfmpegTools, file: string): Probe {
  const out = JSON.parse(run(tools.ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height:format=duration', '-of', 'json', file])) as {
    streams?: { codec_name?: string; width?: number; height?: number }[];
    format?: { duration?: string };
  };
  const stream = out.streams?.[0];
  if (stream === undefined) throw new Error(`ffprobe: no video stream in ${file}`);
  return { seconds: Number(out.format?.duration ?? NaN), codec: stream.codec_name ?? '', width: stream.width ?? 0, height: stream.height ?? 0 };
}
