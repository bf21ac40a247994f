import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startMockApi } from './app/mock-api';
import './styles/tokens.css';
import './styles/base.css';

async function boot(): Promise<void> {
  // The mocked API must be intercepting before the first request, so it starts before the first render.
  await startMockApi();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
