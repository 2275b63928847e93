/** What the page's script got: the response it may read, or the error it was given. */
import type { TimelineSend } from '../store/timeline-slice.ts';
import { HeaderTable } from './Exchange.tsx';

export function ScriptView({ send }: { send: TimelineSend }) {
  const r = send.result;
  return (
    <section className="side script" aria-label="What the script got" data-testid="script-result">
      <h3>In the page: the script</h3>
      {r === null ? (
        <p className="muted">waiting…</p>
      ) : r.kind === 'error' ? (
        <p className="script-error" data-testid="script-error">{r.message}</p>
      ) : (
        <>
          <p>
            status <strong data-testid="script-status">{r.status}</strong>, body:
          </p>
          <pre className="body" data-testid="script-body">{r.body === '' ? '(empty)' : r.body}</pre>
          <HeaderTable caption="Headers the script can read" headers={r.headers} />
        </>
      )}
    </section>
  );
}
