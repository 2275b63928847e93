/** A read import: what it would change in server01's policy, the importer's warnings, and the button that applies it. */
import type { ImportWarning, Policy } from '@cors-lab/shared';
import { useMemo, useState } from 'react';
import { labStore, useLab } from '../store/use-lab.ts';
import { importedPolicy, policyChanges, type PolicyChange } from './policy-changes.ts';

const APPLY_STATUS = {
  loading: 'Applying…',
  saving: 'Applying…',
  saved: 'Applied: server01 uses this policy now, and the editor above shows it.',
  invalid: 'Not applied: server02 refused it; see the editor above.',
  offline: 'Not applied: server02 cannot be reached.',
} as const;

function Change({ change }: { change: PolicyChange }) {
  const { field, before, after, added, removed } = change;
  // From or to an empty list, the arrow already says it all.
  const partial = before !== '(none)' && after !== '(none)' && (added.length > 0 || removed.length > 0);
  return (
    <li>
      <span className="change-field">{field}</span>: {before} → <strong>{after}</strong>
      {partial && (
        <span className="muted">
          {' '}({[added.length > 0 && `adds ${added.join(', ')}`, removed.length > 0 && `removes ${removed.join(', ')}`].filter(Boolean).join('; ')})
        </span>
      )}
    </li>
  );
}

export function ImportOutcome({ imported, warnings }: { imported: Policy; warnings: readonly ImportWarning[] }) {
  const current = useLab((s) => s.policy);
  const sync = useLab((s) => s.policySync);
  const [applied, setApplied] = useState(false);
  const changes = useMemo(() => policyChanges(current, importedPolicy(current, imported)), [current, imported]);

  // Once the editor moves on from the applied policy, "Applied" would no longer be true.
  const status = !applied || (sync === 'saved' && changes.length > 0) ? '' : APPLY_STATUS[sync];

  const apply = () => {
    // The editor's own path: checked, shown in the editor, and sent to server02 at once.
    labStore.getState().editPolicy((p) => importedPolicy(p, imported));
    setApplied(true);
  };

  return (
    <div className="import-outcome" data-testid="import-outcome">
      <h3>Applying it changes</h3>
      {changes.length === 0 ? (
        <p className="muted">Nothing: server01's policy already says this.</p>
      ) : (
        <ul className="import-changes">{changes.map((c) => <Change key={c.field} change={c} />)}</ul>
      )}
      <button type="button" className="apply" disabled={changes.length === 0} onClick={apply}>Apply to server01</button>
      <p role="status" className={`apply-status apply-${sync}`}>{status}</p>
      {warnings.length > 0 && (
        <>
          <h3>Warnings ({warnings.length})</h3>
          <ul className="import-warnings">
            {warnings.map((w, i) => <li key={i}><strong>Line {w.line}:</strong> {w.text}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}
