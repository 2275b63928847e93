import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectLab } from './api/connect-lab.ts';
import { App } from './components/App.tsx';
import { labStore } from './store/use-lab.ts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void connectLab(labStore);
