/**
 * Who answers for server01: the lab's own policy engine, or a real library
 * running this policy's exported configuration behind server01.
 */
import { BACKEND_NAMES, type BackendChoice } from '@cors-lab/shared';
import { useId } from 'react';
import { useT } from '../i18n/use-t.ts';
import { labStore, useLab } from '../store/use-lab.ts';

export function BackendPicker() {
  const backends = useLab((s) => s.backends);
  const backend = useLab((s) => s.backend);
  const error = useLab((s) => s.backendError);
  const id = useId();
  const t = useT();
  const missing = backends.filter((b) => !b.available);

  return (
    <section className="panel backend" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('backend.title')}</h2>
      <div className="field">
        <label className="label" htmlFor={`${id}-select`}>{t('backend.handledBy')}</label>
        <select id={`${id}-select`} value={backend.id} onChange={(e) => void labStore.getState().chooseBackend(e.target.value as BackendChoice)}>
          {backends.map((b) => (
            <option key={b.id} value={b.id} disabled={!b.available}>
              {b.id === 'lab' ? t('backend.labEngine') : b.available ? b.name : t('backend.notInstalled', { name: b.name })}
            </option>
          ))}
        </select>
      </div>
      <p className={`sync backend-${backend.status}`} role="status" data-testid="backend-status">
        {t('backend.status', { name: backend.id === 'lab' ? t('backend.labEngine') : BACKEND_NAMES[backend.id], status: t(`backend.status.${backend.status}`) })}
      </p>
      {backend.status === 'failed' && backend.message !== undefined && (
        <pre className="backend-error" data-testid="backend-error">{backend.message}</pre>
      )}
      {error !== null && <p className="field-errors" role="alert">{error}</p>}
      {backend.id !== 'lab' && (
        <p className="note">
          {t('backend.note', { name: BACKEND_NAMES[backend.id] })}
        </p>
      )}
      {missing.length > 0 && (
        <details className="note">
          <summary>{t('backend.missing', { names: missing.map((b) => b.name).join(', ') })}</summary>
          <ul>
            {missing.map((b) => (
              <li key={b.id}>
                {b.name}: <code>{b.install}</code>
                {b.reason !== undefined && <span className="muted"> ({b.reason})</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
