/** One send: server01's side (preflight, actual request) beside the script's side, and why. */
import { explainSend, sendVerdict } from '@cors-lab/shared';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLang, useT } from '../i18n/use-t.ts';
import { earlierPreflight, recordsOf, type TimelineSend } from '../store/timeline-slice.ts';
import { useLab } from '../store/use-lab.ts';
import { useEntrySelection } from './entry-selection.ts';
import { Exchange } from './Exchange.tsx';
import { ScriptView } from './ScriptView.tsx';
import { EntrySequence } from './SequenceDiagram.tsx';

/** How the entry names its sender: the same in every language. */
const SENDER_LABEL = { fetch: 'fetch', xhr: 'XHR', script: '<script>' } as const;

export const TimelineEntry = memo(function TimelineEntry({ send }: { send: TimelineSend }) {
  // Re-render only when this send's own records change.
  const records = useLab(useShallow((s) => recordsOf(send, s.records)));
  // The explainer speaks the page's language: its reasons are what a learner reads most.
  const lang = useLang();
  const v = sendVerdict(send, records.map((r) => r.record), lang);
  const preflightEvent = records.find((r) => r.record.kind === 'preflight');
  const actualEvent = records.find((r) => r.record.kind === 'actual');
  const cached = useLab((s) => (v.preflightFromCache ? earlierPreflight(send, s.sends, s.records) : null));
  const explained = explainSend(send, preflightEvent?.record ?? null, actualEvent?.record ?? null, cached?.record ?? null, lang);
  const { method } = v.classification;
  const { number } = send;
  const t = useT();
  const selection = useEntrySelection(send.id);
  return (
    <li {...selection.props} className={`entry tone-${v.tone}`} data-testid="timeline-entry" data-tone={v.tone} aria-label={t('timeline.entry', { number })}>
      <header className="entry-head">
        <span className={`badge badge-${v.tone}`}>{t(`timeline.tone.${v.tone}`)}</span>
        <code className="entry-request">
          #{number} {SENDER_LABEL[send.request.api]} {send.request.method} {send.request.url}
          {send.request.credentials === 'include' ? ` ${t('timeline.withCredentials')}` : ''}
          {send.request.from !== undefined ? ` ${t('timeline.from', { origin: send.pageOrigin })}` : ''}
        </code>
      </header>
      <p className="headline" data-testid="verdict">{v.headline}</p>
      {v.detail !== '' && (
        <p className="detail" data-testid="reason">
          {v.detail}{' '}
          {v.failure !== null && <a href={v.failure.spec} target="_blank" rel="noreferrer">{t('timeline.fetchStandard')}</a>}
        </p>
      )}
      {v.failure !== null && <p className="fix" data-testid="fix">{t('timeline.fix', { fix: v.failure.fix })}</p>}
      {explained !== null && (
        <details className="why">
          <summary>{t('timeline.why')}</summary>
          <p data-testid="explainer-reason">{explained.verdict.reason}</p>
        </details>
      )}
      {explained?.mismatch != null && (
        <p className="mismatch" role="alert" data-testid="explainer-mismatch">
          {explained.mismatch} {t('timeline.mismatch')}
        </p>
      )}
      {selection.presented && <EntrySequence send={send} records={records} verdict={v} />}
      <div className="sides">
        <section className="side wire" aria-label={t('timeline.wireLabel')}>
          <h3>{t('timeline.wire')}</h3>
          {preflightEvent !== undefined && <Exchange event={preflightEvent} />}
          {v.preflightFromCache && (
            <p className="exchange cached" data-kind="preflight-cached">
              {t('timeline.preflightCached')}
            </p>
          )}
          {actualEvent !== undefined && <Exchange event={actualEvent} />}
          {preflightEvent !== undefined && actualEvent === undefined && send.result !== null && (
            <p className="exchange never" data-kind="actual-not-sent">{t('timeline.actualNotSent', { method })}</p>
          )}
          {records.length === 0 && send.result !== null && <p className="exchange never">{t('timeline.nothingReceived')}</p>}
        </section>
        <ScriptView send={send} />
      </div>
    </li>
  );
});
