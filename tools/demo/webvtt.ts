/** WebVTT subtitles (w3.org/TR/webvtt1): cues written from the recording clock, and a strict reader the CI check uses. */

export interface Cue {
  /** Milliseconds from the start of the recording. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** `hh:mm:ss.ttt`, the timestamp form every player reads. */
export function timestamp(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(total / 3_600_000))}:${pad(Math.floor(total / 60_000) % 60)}:${pad(Math.floor(total / 1000) % 60)}.${pad(total % 1000, 3)}`;
}

/** A cue's text may not hold a blank line or `-->`; `<` and `&` are escaped as in HTML. */
function cueText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('-->', '→')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** The file: cues ordered by start time, as the format requires. */
export function formatWebVtt(cues: readonly Cue[]): string {
  const ordered = [...cues].filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const blocks = ordered.map((c, i) => `${i + 1}\n${timestamp(c.start)} --> ${timestamp(c.end)}\n${cueText(c.text)}`);
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

const TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function parseTime(s: string): number {
  const m = TIME.exec(s);
  if (m === null) throw new Error(`not a WebVTT timestamp: ${s}`);
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}

/** Reads a WebVTT file back; throws on a missing header, a bad timing line, an empty cue, or cues out of order. */
export function parseWebVtt(file: string): Cue[] {
  const blocks = file.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(blocks[0]?.split('\n')[0] ?? '')) throw new Error('WebVTT: the file does not start with WEBVTT');
  const cues: Cue[] = [];
  for (const block of blocks.slice(1)) {
    const lines = block.split('\n').filter((l) => l !== '');
    if (lines.length === 0) continue;
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0 || at > 1) throw new Error(`WebVTT: a cue without a timing line: ${lines[0]}`);
    const [from, to] = lines[at]!.split('-->').map((s) => s.trim().split(/\s+/)[0] ?? '');
    const cue = { start: parseTime(from ?? ''), end: parseTime(to ?? ''), text: lines.slice(at + 1).join('\n') };
    if (cue.end <= cue.start) throw new Error(`WebVTT: a cue ends before it starts: ${lines[at]}`);
    if (cue.text === '') throw new Error(`WebVTT: an empty cue at ${lines[at]}`);
    const last = cues[cues.length - 1];
    if (last !== undefined && cue.start < last.start) throw new Error(`WebVTT: cues out of order at ${lines[at]}`);
    cues.push(cue);
  }
  return cues;
}
