/** What the page's script got: the response it may read, or the error it was given. */
import { Trans } from '../i18n/Trans.tsx';
import { useT } from '../i18n/use-t.ts';
import type { TimelineSend } from '../store/timeline-slice.ts';
import { HeaderTable } from './Exchange.tsx';

export function ScriptView({ send }: { send: TimelineSend }) {
  const r = send.result;
  const t = useT();
  return (
    <section className="side script" aria-label={t('script.label')} data-testid="script-result">
      <h3>{t('script.title')}</h3>
      {r === null ? (
        <p className="muted">{t('script.waiting')}</p>
      ) : r.kind === 'error' ? (
        <p className="script-error" data-testid="script-error">{r.message}</p>
      ) : (
        <>
          <p>
            <Trans k="script.status" params={{ status: <strong data-testid="script-status">{r.status}</strong> }} />
          </p>
          <pre className="body" data-testid="script-body">{r.body === '' ? t('script.empty') : r.body}</pre>
          <HeaderTable caption={t('script.headers')} headers={r.headers} />
        </>
      )}
    </section>
  );
}
