/** One send: server01's side (preflight, actual request) beside the script's side, and why. */
import { explainSend, sendVerdict, type Tone } from '@cors-lab/shared';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { earlierPreflight, recordsOf, type TimelineSend } from '../store/timeline-slice.ts';
import { useLab } from '../store/use-lab.ts';
import { Exchange } from './Exchange.tsx';
import { ScriptView } from './ScriptView.tsx';

const TONE_LABEL: Record<Tone, string> = {
  pending: 'sending',
  allowed: 'allowed',
  blocked: 'blocked',
  'not-sent': 'not sent',
  'same-origin': 'same origin',
};

export const TimelineEntry = memo(function TimelineEntry({ send }: { send: TimelineSend }) {
  // Re-render only when this send's own records change.
  const records = useLab(useShallow((s) => recordsOf(send, s.records)));
  const v = sendVerdict(send, records.map((r) => r.record));
  const preflightEvent = records.find((r) => r.record.kind === 'preflight');
  const actualEvent = records.find((r) => r.record.kind === 'actual');
  const cached = useLab((s) => (v.preflightFromCache ? earlierPreflight(send, s.sends, s.records) : null));
  const explained = explainSend(send, preflightEvent?.record ?? null, actualEvent?.record ?? null, cached?.record ?? null);
  const { method } = v.classification;
  const { number } = send;
  return (
    <li className={`entry tone-${v.tone}`} data-testid="timeline-entry" data-tone={v.tone} aria-label={`Send ${number}`}>
      <header className="entry-head">
        <span className={`badge badge-${v.tone}`}>{TONE_LABEL[v.tone]}</span>
        <code className="entry-request">
          #{number} {send.request.api === 'fetch' ? 'fetch' : 'XHR'} {send.request.method} {send.request.url}
          {send.request.credentials === 'include' ? ' (with credentials)' : ''}
        </code>
      </header>
      <p className="headline" data-testid="verdict">{v.headline}</p>
      {v.detail !== '' && (
        <p className="detail" data-testid="reason">
          {v.detail}{' '}
          {v.failure !== null && <a href={v.failure.spec} target="_blank" rel="noreferrer">Fetch standard</a>}
        </p>
      )}
      {v.failure !== null && <p className="fix" data-testid="fix">Smallest fix: {v.failure.fix}</p>}
      {explained !== null && (
        <details className="why">
          <summary>Why, step by step</summary>
          <p data-testid="explainer-reason">{explained.verdict.reason}</p>
        </details>
      )}
      {explained?.mismatch != null && (
        <p className="mismatch" role="alert" data-testid="explainer-mismatch">
          {explained.mismatch} This is a bug in CORS Lab, not in your request: please report it with this entry.
        </p>
      )}
      <div className="sides">
        <section className="side wire" aria-label="What server01 received and answered">
          <h3>On the wire: server01</h3>
          {preflightEvent !== undefined && <Exchange event={preflightEvent} />}
          {v.preflightFromCache && (
            <p className="exchange cached" data-kind="preflight-cached">
              OPTIONS preflight: not sent. The browser used its preflight cache (an earlier preflight's Access-Control-Max-Age is still running).
            </p>
          )}
          {actualEvent !== undefined && <Exchange event={actualEvent} />}
          {preflightEvent !== undefined && actualEvent === undefined && send.result !== null && (
            <p className="exchange never" data-kind="actual-not-sent">{method}: never sent. The preflight did not allow it.</p>
          )}
          {records.length === 0 && send.result !== null && <p className="exchange never">server01 received nothing.</p>}
        </section>
        <ScriptView send={send} />
      </div>
    </li>
  );
});
