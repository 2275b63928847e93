/** The live policy as one real server's configuration, with the notes on what it cannot say or where it bites. */
import { exportConfig, TARGETS, type Note, type TargetId } from '@cors-lab/shared';
import { useId, useMemo, useState } from 'react';
import { useLab } from '../store/use-lab.ts';
import { CopyButton } from './CopyButton.tsx';

/** The file each snippet goes in. */
const FILE: Record<TargetId, string> = {
  'express-cors': 'app.js',
  'express-manual': 'app.js',
  'fastify-cors': 'app.js',
  'django-cors-headers': 'settings.py',
  'flask-cors': 'app.py',
  nginx: 'nginx.conf',
};

const KIND = { trap: 'Trap', inexact: 'Not exact' } as const;

function ExportNotes({ notes }: { notes: readonly Note[] }) {
  if (notes.length === 0) return <p className="muted">No notes: this configuration sends what the policy sends.</p>;
  return (
    <div className="code-notes">
      {notes.map((n) => (
        <div key={n.name} role="note" className={`code-note code-note-${n.kind}`}>
          <strong>{KIND[n.kind]}: {n.name}</strong> {n.text}
        </div>
      ))}
    </div>
  );
}

export function ExportView() {
  const policy = useLab((s) => s.policy);
  const invalid = useLab((s) => s.policyErrors.length > 0);
  const [target, setTarget] = useState<TargetId>('express-cors');
  const id = useId();
  const config = useMemo(() => exportConfig(policy, target), [policy, target]);
  const name = TARGETS.find((t) => t.id === target)?.name ?? target;

  return (
    <>
      <div className="field">
        <label className="label" htmlFor={`${id}-target`}>Configuration for</label>
        <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value as TargetId)}>
          {TARGETS.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </div>
      <p className="code-file">Goes in <code>{FILE[target]}</code>.</p>
      {invalid && <p className="note">The policy has errors (see the editor above): this is the configuration for the draft, not for what server01 sends now.</p>}
      {/* Focusable, so a keyboard can scroll the long lines sideways. */}
      <pre className="snippet" tabIndex={0} aria-label={`${name} configuration`} data-testid="export-code">
        <code className={`language-${config.language}`}>{config.code}</code>
      </pre>
      <CopyButton text={config.code} label={`Copy the ${name} configuration`} />
      <ExportNotes notes={config.notes} />
    </>
  );
}
