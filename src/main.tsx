import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pageAutosave } from './store/store';
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
