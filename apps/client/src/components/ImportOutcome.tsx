/** A read import: what it would change in server01's policy, the importer's warnings, and the button that applies it. */
import type { ImportWarning, Policy } from '@cors-lab/shared';
import { useMemo, useState } from 'react';
import type { MessageKey } from '../i18n/messages-en.ts';
import { Trans } from '../i18n/Trans.tsx';
import { useT } from '../i18n/use-t.ts';
import { labStore, useLab } from '../store/use-lab.ts';
import { importedPolicy, policyChanges, type PolicyChange } from './policy-changes.ts';

const APPLY_STATUS = {
  loading: 'import.applying',
  saving: 'import.applying',
  saved: 'import.applied',
  invalid: 'import.refused',
  offline: 'import.offline',
} as const satisfies Record<string, MessageKey>;

function Change({ change }: { change: PolicyChange }) {
  const { field, before, after, added, removed } = change;
  const t = useT();
  // From or to an empty list, the arrow already says it all.
  const partial = before !== t('changes.none') && after !== t('changes.none') && (added.length > 0 || removed.length > 0);
  const adds = added.length > 0 && t('import.adds', { list: added.join(', ') });
  const removes = removed.length > 0 && t('import.removes', { list: removed.join(', ') });
  return (
    <li>
      <Trans k="import.change" params={{ field: <span className="change-field">{field}</span>, before, after: <strong>{after}</strong> }} />
      {partial && (
        <span className="muted">
          {' '}({[adds, removes].filter(Boolean).join('; ')})
        </span>
      )}
    </li>
  );
}

export function ImportOutcome({ imported, warnings }: { imported: Policy; warnings: readonly ImportWarning[] }) {
  const current = useLab((s) => s.policy);
  const sync = useLab((s) => s.policySync);
  const [applied, setApplied] = useState(false);
  const t = useT();
  const changes = useMemo(() => policyChanges(current, importedPolicy(current, imported), t), [current, imported, t]);

  // Once the editor moves on from the applied policy, "Applied" would no longer be true.
  const status = !applied || (sync === 'saved' && changes.length > 0) ? '' : t(APPLY_STATUS[sync]);

  const apply = () => {
    // The editor's own path: checked, shown in the editor, and sent to server02 at once.
    labStore.getState().editPolicy((p) => importedPolicy(p, imported));
    setApplied(true);
  };

  return (
    <div className="import-outcome" data-testid="import-outcome">
      <h3>{t('import.changesTitle')}</h3>
      {changes.length === 0 ? (
        <p className="muted">{t('import.noChanges')}</p>
      ) : (
        <ul className="import-changes">{changes.map((c) => <Change key={c.field} change={c} />)}</ul>
      )}
      <button type="button" className="apply" disabled={changes.length === 0} onClick={apply}>{t('import.apply')}</button>
      <p role="status" className={`apply-status apply-${sync}`}>{status}</p>
      {warnings.length > 0 && (
        <>
          <h3>{t('import.warnings', { count: warnings.length })}</h3>
          <ul className="import-warnings">
            {warnings.map((w, i) => <li key={i}><strong>{t('import.warningLine', { line: w.line })}</strong> {w.text}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}
