import { originOf } from '@cors-lab/shared';
import { currentLab } from '../api/lab-session.ts';
import { useEffect } from 'react';
import { labStore, useLab } from '../store/use-lab.ts';
import { Trans } from '../i18n/Trans.tsx';
import { useT } from '../i18n/use-t.ts';
import { BackendPicker } from './BackendPicker.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { LessonPanel } from './LessonPanel.tsx';
import { PolicyEditor } from './PolicyEditor.tsx';
import { PresenterToggle } from './PresenterToggle.tsx';
import { RequestBuilder } from './RequestBuilder.tsx';
import { ServerCodePanel } from './ServerCodePanel.tsx';
import { Timeline } from './Timeline.tsx';

export function App() {
  const connection = useLab((s) => s.connection);
  const t = useT();

  useEffect(() => {
    // Ctrl/Cmd+Enter sends from anywhere on the page.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void labStore.getState().send();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <p className="origins">
          <Trans k="app.origins" params={{ page: <code>{location.origin}</code>, server01: <code>{originOf('server01', location.hostname)}</code> }} />
          {currentLab() !== 'default' && <span className="lab-badge"> · {t('app.ownLab')}</span>}
        </p>
        <LanguageSwitcher />
        <PresenterToggle />
        <span className={`connection connection-${connection}`} role="status" aria-label={t('app.eventStream')}>
          {t('app.events', { state: t(`app.connection.${connection}`) })}
        </span>
      </header>
      <main className="columns">
        {/* One column of controls on narrow screens and projectors; three columns from 1280 px. */}
        <div className="controls">
          <LessonPanel />
          <RequestBuilder />
          {/* The server code follows the policy it is made from, in the same scrolling column. */}
          <div className="policy-column">
            <PolicyEditor />
            <BackendPicker />
            <ServerCodePanel />
          </div>
        </div>
        <Timeline />
      </main>
    </div>
  );
}
