import { originOf } from '@cors-lab/shared';
import { useEffect } from 'react';
import { labStore, useLab } from '../store/use-lab.ts';
import { PolicyEditor } from './PolicyEditor.tsx';
import { RequestBuilder } from './RequestBuilder.tsx';
import { Timeline } from './Timeline.tsx';

const CONNECTION_LABEL = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…' } as const;

export function App() {
  const connection = useLab((s) => s.connection);

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
        <h1>CORS Lab</h1>
        <p className="origins">
          page <code>{location.origin}</code> → server01 <code>{originOf('server01', location.hostname)}</code>
        </p>
        <span className={`connection connection-${connection}`} role="status" aria-label="event stream">
          events: {CONNECTION_LABEL[connection]}
        </span>
      </header>
      <main className="columns">
        {/* One column of controls on narrow screens and projectors; three columns from 1280 px. */}
        <div className="controls">
          <RequestBuilder />
          <PolicyEditor />
        </div>
        <Timeline />
      </main>
    </div>
  );
}
