import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { engine } from './store/engine';
import { registerServiceWorker, setUpPage } from './store/pageSetup';
import { pageAutosave, useApp } from './store/store';
import { App } from './ui/App';
import './ui/theme.css';

pageAutosave.start();
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void setUpPage({
  warmUp: () => engine.warmUp(),
  opening: () => useApp.getState().opening !== null,
  subscribe: (listener) => useApp.subscribe(listener),
  // Only the build has a service worker (vite.config.ts).
  registerOffline:
    import.meta.env.PROD && 'serviceWorker' in navigator ? registerServiceWorker : null,
});
