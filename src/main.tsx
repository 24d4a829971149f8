import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAutosave } from './store/autosave';
import { App } from './ui/App';
import './ui/theme.css';

startAutosave();
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
