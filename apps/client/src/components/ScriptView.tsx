/** What the page's script got: the response it may read, the error it was given, or what a script tag's callback received. */
import type { ScriptLoad } from '@cors-lab/shared';
import { Trans } from '../i18n/Trans.tsx';
import { useT } from '../i18n/use-t.ts';
import type { TimelineSend } from '../store/timeline-slice.ts';
import { HeaderTable } from './Exchange.tsx';

/** A script tag's load (JSONP): what the callback received, and what the loaded script did to the page. */
function ScriptLoadView({ load }: { load: ScriptLoad }) {
  const t = useT();
  return (
    <>
      {load.received === null ? (
        <p data-testid="script-callback-missing">{t('script.callbackNotCalled')}</p>
      ) : (
        <>
          <p>{t('script.callbackReceived')}</p>
          <pre className="body" data-testid="script-callback">{load.received}</pre>
        </>
      )}
      {load.titleChanged !== null && <p className="note" data-testid="script-page-changed">{t('script.titleChanged', load.titleChanged)}</p>}
      {load.elementsAdded > 0 && <p className="note">{t('script.elementsAdded', { count: load.elementsAdded })}</p>}
      {load.thrown !== null && <p className="script-error">{t('script.thrown', { message: load.thrown })}</p>}
      <p className="muted">{t('script.onlyCallback')}</p>
    </>
  );
}

export function ScriptView({ send }: { send: TimelineSend }) {
  const r = send.result;
  const t = useT();
  return (
    <section className="side script" aria-label={t('script.label')} data-testid="script-result">
      <h3>{t('script.title')}</h3>
      {r === null ? (
        <p className="muted">{t('script.waiting')}</p>
      ) : r.kind === 'error' ? (
        <>
          <p className="script-error" data-testid="script-error">{r.message}</p>
          {send.request.api === 'script' && <p className="muted">{t('script.loadError')}</p>}
        </>
      ) : r.kind === 'script' ? (
        <ScriptLoadView load={r} />
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
