import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { setApiReady } from './api';
import { startMockApi } from './app/mock-api';
import './styles/tokens.css';
import './styles/base.css';

function boot(): void {
  // The mocked API must be intercepting before the first request, but the shell need not wait for it:
  // requests are held until it is ready while the page paints its layout and skeletons.
  setApiReady(startMockApi());
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  // As a transition, the first render yields to the browser every few milliseconds instead of holding
  // a phone's main thread for the whole app: the frame from index.html stays painted meanwhile.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

boot();
