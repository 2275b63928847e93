/**
 * Draws a send's sequence (shared's `sequenceOf`) as inline SVG: lifelines
 * for the page's script, the browser and server01, an arrow per message,
 * a red ✗ where the browser stopped. Sizes are in em and %, so the drawing
 * follows the page's type size (presenter mode) and the entry's width.
 */
import { sequenceOf, type Lifeline, type MessageTone, type RecordEvent, type Sequence, type SendVerdict } from '@cors-lab/shared';
import { useId } from 'react';
import { useLang, useT } from '../i18n/use-t.ts';
import type { TimelineSend } from '../store/timeline-slice.ts';
import '../devtools.css';

/** Lifelines' x, in % of the width. */
const X: Record<Lifeline, number> = { page: 16.5, browser: 50, server01: 83.5 };
/** Where the first message goes, an arrow's height, a note's line, in em. */
const TOP = 4.4;
const ROW = 2.7;
const LINE = 1.2;
/** Characters an arrow's label may take before its middle gives way to "…" (the list below keeps it whole). */
const LABEL_MAX = 46;
/** Characters per line of a note. */
const NOTE_MAX = 40;
const TONES: readonly MessageTone[] = ['call', 'request', 'answer', 'allowed', 'blocked', 'cache', 'pending'];

/** `OPTIONS /l/0123…/getData.html`: the start and the end, which say the most. */
function fit(label: string): string {
  if (label.length <= LABEL_MAX) return label;
  const head = Math.ceil(LABEL_MAX / 2) - 1;
  return `${label.slice(0, head)}…${label.slice(label.length - (LABEL_MAX - head - 1))}`;
}

/** A note's words in lines of at most NOTE_MAX characters (a longer word keeps a line of its own). */
function lines(label: string): string[] {
  const out: string[] = [];
  for (const word of label.split(' ')) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= NOTE_MAX) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

/** The mark of a note, drawn around (0, 0) in px: a red ✗ where the browser stopped, a ring for its cache. */
function NoteMark({ tone }: { tone: MessageTone }) {
  return tone === 'blocked' ? <path className="seq-cross" d="M-9,-9 L9,9 M9,-9 L-9,9" /> : <circle className="seq-ring" r="7" />;
}

export function SequenceDiagram({ sequence }: { sequence: Sequence }) {
  // Marker ids are document-wide: one set per diagram, from React's id, letters only.
  const uid = `seq${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const { lifelines, messages } = sequence;
  const t = useT();
  const label = (id: Lifeline) => lifelines.find((l) => l.id === id)?.label ?? id;
  // Each message's y, in em: an arrow takes a row; a note its lines, a row's room around them.
  const ys: number[] = [];
  let y = TOP;
  for (const m of messages) {
    ys.push(y);
    y += m.from === m.to ? ROW - LINE + lines(m.label).length * LINE + 0.5 : ROW;
  }
  const height = y - ROW + 1.3;
  return (
    <>
      <svg className="sequence-svg" role="img" aria-label={sequence.summary} style={{ height: `${height}em` }}>
        <defs>
          {TONES.map((tone) => (
            <marker key={tone} id={`${uid}-${tone}`} className={`seq-tone-${tone}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto">
              <path d="M0,0 L10,5 L0,10 z" />
            </marker>
          ))}
        </defs>
        {lifelines.map((l) => (
          <g key={l.id} className="seq-lifeline">
            <rect x={`${X[l.id] - 14}%`} y="0.2em" width="28%" height="2.2em" rx="4" />
            <text x={`${X[l.id]}%`} y="1.65em" textAnchor="middle">{l.label}</text>
            <line x1={`${X[l.id]}%`} x2={`${X[l.id]}%`} y1="2.4em" y2={`${height}em`} />
          </g>
        ))}
        {messages.map((m, i) => {
          const at = ys[i]!;
          if (m.from === m.to) {
            // The mark on the lifeline, the words centred under it.
            return (
              <g key={i} className={`seq-note seq-tone-${m.tone}`}>
                <svg x={`${X[m.from]}%`} y={`${at - 0.3}em`} overflow="visible">
                  <NoteMark tone={m.tone} />
                </svg>
                <text x={`${X[m.from]}%`} y={`${at + 0.9}em`} textAnchor="middle">
                  {lines(m.label).map((line, j) => (
                    <tspan key={j} x={`${X[m.from]}%`} dy={j === 0 ? 0 : `${LINE}em`}>{line}</tspan>
                  ))}
                </text>
              </g>
            );
          }
          // Answers go right to left, drawn dashed as in UML. A label starts at the page's
          // lifeline or ends at server01's, so it may run over the middle one, not off the edge.
          const reply = X[m.to] < X[m.from];
          const nearPage = m.from === 'page' || m.to === 'page';
          return (
            <g key={i} className={`seq-message seq-tone-${m.tone}${reply ? ' seq-reply' : ''}`}>
              <line x1={`${X[m.from]}%`} x2={`${X[m.to]}%`} y1={`${at}em`} y2={`${at}em`} markerEnd={`url(#${uid}-${m.tone})`} />
              <text x={`${nearPage ? X.page : X.server01}%`} dx={nearPage ? '0.5em' : '-0.5em'} y={`${at - 0.45}em`} textAnchor={nearPage ? 'start' : 'end'}>
                {fit(m.label)}
              </text>
            </g>
          );
        })}
      </svg>
      <ol className="visually-hidden" aria-label={t('sequence.steps')} data-testid="sequence-steps">
        {messages.map((m, i) => (
          <li key={i}>{m.from === m.to ? `${label(m.from)}: ${m.label}` : `${label(m.from)} → ${label(m.to)}: ${m.label}`}</li>
        ))}
      </ol>
    </>
  );
}

/** The sequence of one timeline entry, under its caption. */
export function EntrySequence({ send, records, verdict }: { send: TimelineSend; records: readonly RecordEvent[]; verdict: SendVerdict }) {
  const t = useT();
  const sequence = sequenceOf(send, records.map((r) => r.record), verdict, useLang());
  return (
    <figure className="sequence" data-testid="sequence-diagram">
      <figcaption>{t('sequence.caption', { number: send.number })}</figcaption>
      <SequenceDiagram sequence={sequence} />
    </figure>
  );
}
