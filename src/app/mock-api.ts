import { setTransportRecovery } from '../api';

/**
 * Starts the MSW service worker that serves the API from the report, unless the build was pointed
 * at a real backend (VITE_API_BASE_URL). The import is dynamic so MSW and the report data stay out
 * of the entry chunk and out of a build against a real API.
 */
export async function startMockApi(): Promise<void> {
  if (import.meta.env.VITE_API_BASE_URL) return;
  const [{ worker }, { http, HttpResponse }] = await Promise.all([import('../../mocks/browser'), import('msw')]);
  const options = {
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass' as const,
    quiet: true,
  };
  await worker.start(options);
  // The seam MSW's docs suggest for browser tests: runtime overrides (a failing domain, malformed
  // JSON) with worker.use(). It exists only where the API is mocked, never against a real backend.
  Object.assign(window, { msw: { worker, http, HttpResponse } });

  // Chromium stops idle service workers; when it does, MSW stops answering and the static server
  // returns index.html for /api/... . Restarting the worker restores it (one restart at a time).
  let restarting: Promise<void> | undefined;
  setTransportRecovery(() => {
    restarting ??= (async () => {
      worker.stop();
      await worker.start(options);
    })().finally(() => {
      restarting = undefined;
    });
    return restarting;
  });
}
