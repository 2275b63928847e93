/** The live policy as one real server's configuration, with the notes on what it cannot say or where it bites. */
import { exportConfig, TARGETS, type Note, type TargetId } from '@cors-lab/shared';
import { useId, useMemo, useState } from 'react';
import { Trans } from '../i18n/Trans.tsx';
import { useLang, useT } from '../i18n/use-t.ts';
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

function ExportNotes({ notes }: { notes: readonly Note[] }) {
  const t = useT();
  if (notes.length === 0) return <p className="muted">{t('export.noNotes')}</p>;
  return (
    <div className="code-notes">
      {notes.map((n) => (
        <div key={n.name} role="note" className={`code-note code-note-${n.kind}`}>
          <strong>{t('export.note', { kind: t(`export.kind.${n.kind}`), name: n.name })}</strong> {n.text}
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
  const t = useT();
  const lang = useLang();
  const config = useMemo(() => exportConfig(policy, target, lang), [policy, target, lang]);
  const name = TARGETS.find((t) => t.id === target)?.name ?? target;

  return (
    <>
      <div className="field">
        <label className="label" htmlFor={`${id}-target`}>{t('export.target')}</label>
        <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value as TargetId)}>
          {TARGETS.map((target) => <option key={target.id} value={target.id}>{target.id === 'express-manual' ? t('export.expressManual') : target.name}</option>)}
        </select>
      </div>
      <p className="code-file">
        <Trans k="export.goesIn" params={{ file: <code>{FILE[target]}</code> }} />
      </p>
      {invalid && <p className="note">{t('export.draft')}</p>}
      {/* Focusable, so a keyboard can scroll the long lines sideways. */}
      <pre className="snippet" tabIndex={0} aria-label={t('export.codeLabel', { name })} data-testid="export-code">
        <code className={`language-${config.language}`}>{config.code}</code>
      </pre>
      <CopyButton text={config.code} label={t('export.copyLabel', { name })} />
      <ExportNotes notes={config.notes} />
    </>
  );
}
