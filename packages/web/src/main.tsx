import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { reloadSession } from './session.ts';
import './styles.css';

// Before the first view asks for anything: renew a session the refresh cookie may hold (every API
// request waits for this), then ask who we are.
void reloadSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
