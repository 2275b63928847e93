/** Server code: the live policy as real servers' configuration (Export), and real configuration as a policy (Import). */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t.ts';
import { ExportView } from './ExportView.tsx';
import { ImportView } from './ImportView.tsx';

const TABS = [
  { id: 'export', label: 'code.export', Body: ExportView },
  { id: 'import', label: 'code.import', Body: ImportView },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function ServerCodePanel() {
  const [open, setOpen] = useState<TabId>('export');
  const tabs = useRef(new Map<TabId, HTMLButtonElement>());
  const id = useId();
  const t = useT();

  // Arrow keys, Home and End move between tabs (www.w3.org/WAI/ARIA/apg/patterns/tabs/).
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === open);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length]!.id;
    setOpen(next);
    tabs.current.get(next)?.focus();
  };

  return (
    <section className="panel server-code" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('code.title')}</h2>
      <div className="tabs" role="tablist" aria-labelledby={`${id}-title`} onKeyDown={onKey}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => void (el ? tabs.current.set(tab.id, el) : tabs.current.delete(tab.id))}
            type="button"
            role="tab"
            id={`${id}-${tab.id}-tab`}
            aria-selected={open === tab.id}
            aria-controls={`${id}-${tab.id}`}
            tabIndex={open === tab.id ? 0 : -1}
            onClick={() => setOpen(tab.id)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      {/* Both stay mounted, so a pasted configuration survives a look at the export. */}
      {TABS.map(({ id: tab, Body }) => (
        <div key={tab} role="tabpanel" id={`${id}-${tab}`} aria-labelledby={`${id}-${tab}-tab`} hidden={open !== tab} className="tab-panel">
          <Body />
        </div>
      ))}
    </section>
  );
}
