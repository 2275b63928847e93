/**
 * Narrates a walk on camera: a chapter card per lesson and per step, a caption
 * band with the step's text and the action being taken, and the same words as
 * WebVTT cues timed on the recording's clock.
 */
import type { Disposable, Page } from '@playwright/test';
import type { Cue } from './webvtt.ts';

/** How long a chapter card stays: long enough to read a title and a sentence. */
const CHAPTER_MS = { lesson: 3000, step: 2500 } as const;
/** How long a picture of another tab stays over the lab. */
const PICTURE_MS = 3000;

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The first sentences of a paragraph, up to about `max` characters: what fits a caption band. */
export function captionOf(paragraph: string, max = 240): string {
  const sentences = paragraph.match(/[^.!?。！？]+[.!?。！？]+["”’）)]*\s*|[^.!?。！？]+$/g) ?? [paragraph];
  let out = '';
  for (const s of sentences) {
    if (out !== '' && (out + s).length > max) break;
    out += s;
  }
  return out.length > max + 40 ? `${out.slice(0, max).trimEnd()}…` : out.trim();
}

function band(step: string, action: string): string {
  const font = "font-family: system-ui, 'Noto Sans CJK SC', 'Noto Sans', sans-serif";
  // Bottom right, below the timeline and beside the lesson panel: the lab's 1280×800 layout leaves that corner empty.
  return `<div style="position: absolute; left: 330px; right: 20px; bottom: 20px; padding: 12px 20px 14px; border-radius: 10px; background: rgba(15, 23, 42, 0.92); color: #f8fafc; ${font}; font-size: 17px; line-height: 1.45; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25)">
    <div style="opacity: 0.9">${escapeHtml(step)}</div>
    ${action === '' ? '' : `<div style="margin-top: 6px; font-size: 21px; font-weight: 600; color: #fde68a">▶ ${escapeHtml(action)}</div>`}
  </div>`;
}

export class Narrator {
  private t0 = -1;
  private readonly cues: Cue[] = [];
  private stepCue: { start: number; text: string } | null = null;
  private actionCue: { start: number; text: string } | null = null;
  private stepCaption = '';
  private overlay: Disposable | null = null;

  constructor(readonly page: Page) {}

  /** Starts the clock at the moment the screencast started: cue times are video times. */
  start(t0: number): void {
    this.t0 = t0;
  }

  get recording(): boolean {
    return this.t0 >= 0;
  }

  private now(): number {
    return Date.now() - this.t0;
  }

  private async showBand(action: string): Promise<void> {
    const old = this.overlay;
    this.overlay = this.stepCaption === '' && action === '' ? null : await this.page.screencast.showOverlay(band(this.stepCaption, action));
    await old?.dispose();
  }

  /** A chapter card (it blocks for its duration); outside a step it has its own cue, inside one the step's cue says it. */
  async chapter(kind: keyof typeof CHAPTER_MS, title: string, description: string): Promise<void> {
    if (!this.recording) return;
    await this.closeAction();
    const start = this.now();
    await this.page.screencast.showChapter(title, { description, duration: CHAPTER_MS[kind] });
    if (this.stepCue === null) this.cues.push({ start, end: this.now(), text: description === '' ? title : `${title}\n${description}` });
  }

  /** A step begins with its chapter card; its text stays in the caption band, and in one cue, until the step ends. */
  async beginStep(title: string, caption: string): Promise<void> {
    if (!this.recording) return;
    this.stepCaption = caption;
    this.stepCue = { start: this.now(), text: `${title}\n${caption}` };
    await this.chapter('step', title, caption);
    await this.showBand('');
  }

  async endStep(): Promise<void> {
    if (!this.recording) return;
    await this.closeAction();
    if (this.stepCue !== null) this.cues.push({ ...this.stepCue, end: this.now() });
    this.stepCue = null;
    this.stepCaption = '';
    await this.showBand('');
  }

  /** An action is about to happen: say it in the band, and open its cue (it lasts until the next one). */
  async action(text: string): Promise<void> {
    if (!this.recording) return;
    await this.closeAction();
    this.actionCue = { start: this.now(), text };
    await this.showBand(text);
  }

  /** A picture of something off camera (another tab), over the lab for a few seconds, under its caption; the caption is a cue too. */
  async picture(caption: string, jpeg: Buffer): Promise<void> {
    if (!this.recording) return;
    await this.action(caption);
    const html = `<div style="position: absolute; inset: 40px 40px 150px; display: flex; align-items: center; justify-content: center; background: rgba(15, 23, 42, 0.6); border-radius: 10px">
      <img alt="" src="data:image/jpeg;base64,${jpeg.toString('base64')}" style="max-width: 94%; max-height: 94%; border: 3px solid #fde68a; border-radius: 6px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.4)">
    </div>`;
    await this.page.screencast.showOverlay(html, { duration: PICTURE_MS });
    await this.page.waitForTimeout(PICTURE_MS);
  }

  private async closeAction(): Promise<void> {
    if (this.actionCue !== null) this.cues.push({ ...this.actionCue, end: this.now() });
    this.actionCue = null;
  }

  /** Every cue so far, closing any still open. */
  async finish(): Promise<Cue[]> {
    await this.endStep();
    await this.overlay?.dispose();
    this.overlay = null;
    return [...this.cues];
  }
}
