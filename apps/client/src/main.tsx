import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { API_ROUTES } from '@cors-lab/shared';
import { connectLab } from './api/connect-lab.ts';
import { currentLab, joinLab, server01Base } from './api/lab-session.ts';
import { trackPresence } from './api/presence.ts';
import { restoreFromLocation } from './api/share-state.ts';
import { App } from './components/App.tsx';
import { TeacherView } from './components/TeacherView.tsx';
import { setPageLanguage } from './components/page-language.ts';
import { labStore } from './store/use-lab.ts';
import './styles.css';

/** The teacher's page: `?teacher#token=<the token the lab printed>`; the token stays in this tab. */
function teacherToken(): string | null {
  if (!new URLSearchParams(location.search).has('teacher')) return null;
  const fromHash = /token=([^&]+)/.exec(location.hash)?.[1];
  if (fromHash !== undefined) {
    sessionStorage.setItem('cors-lab.teacher-token', decodeURIComponent(fromHash));
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  }
  return sessionStorage.getItem('cors-lab.teacher-token') ?? '';
}

async function start(): Promise<void> {
  const token = teacherToken();
  if (token !== null) {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <TeacherView token={token} />
      </StrictMode>,
    );
    return;
  }
  await joinLab();
  if (currentLab() !== 'default') labStore.getState().setRequest({ url: `${server01Base()}${API_ROUTES.data}` });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  await connectLab(labStore, trackPresence(labStore));
  // A shared link's state wins over what the server had: it is what the learner opened.
  const error = restoreFromLocation(labStore, setPageLanguage);
  if (error !== null) console.warn(`CORS Lab: the link's state was not applied: ${error}`);
}
void start();
