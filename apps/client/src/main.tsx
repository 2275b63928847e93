import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { API_ROUTES } from '@cors-lab/shared';
import { connectLab } from './api/connect-lab.ts';
import { currentLab, joinLab, server01Base } from './api/lab-session.ts';
import { App } from './components/App.tsx';
import { labStore } from './store/use-lab.ts';
import './styles.css';

async function start(): Promise<void> {
  await joinLab();
  if (currentLab() !== 'default') labStore.getState().setRequest({ url: `${server01Base()}${API_ROUTES.data}` });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  await connectLab(labStore);
}
void start();
