import type { Revive } from '../api';

/**
 * Starts the MSW service worker that serves the API from the report, and resolves to how to revive it
 * (for workerTransport). The import is dynamic so MSW and the report data stay out of the entry chunk;
 * a build against a real API never calls this, and ships neither.
 */
export async function startMockApi(): Promise<Revive> {
  const { worker, http, HttpResponse } = await import('../../mocks/browser');
  const options = {
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass' as const,
    quiet: true,
  };
  window.addEventListener('unhandledrejection', ignoreRefusedWorkerUpdate);
  await worker.start(options);
  // For its response events MSW sends the page a second copy of every response body, as a stream
  // transferred from the worker. Nothing here reads it, and an unread transferred stream keeps its
  // message port and the worker's copy of the body alive: a wall polling for days would grow by
  // megabytes a day (1.3 KB a request, 16 requests every 5 minutes).
  // Cancelling the copy frees both; the app's own response is a different stream, untouched.
  const discardCopy = ({ response }: { response: Response }) => {
    void response.body?.cancel().catch(() => undefined);
  };
  worker.events.on('response:mocked', discardCopy);
  worker.events.on('response:bypass', discardCopy);
  // The seam MSW's docs suggest for browser tests: runtime overrides (a failing domain, malformed
  // JSON) with worker.use(). It exists only where the API is mocked, never against a real backend.
  Object.assign(window, { msw: { worker, http, HttpResponse } });

  // Chromium stops idle service workers. The restarted worker has forgotten which pages it mocks for
  // (MSW keeps that in memory), lets /api/... through, and the static server answers instead (its
  // index.html, or a plain 404). Telling the worker again that this page mocks restores it: MSW's own
  // MOCK_ACTIVATE message, the recovery MSW's maintainers point to (mswjs/msw#2635). worker.stop() and
  // start() do not: stop() tells the worker this page is gone, the worker then unregisters itself as
  // it has no page left, and start()'s update of that registration fails. One recovery at a time.
  let recovering: Promise<void> | undefined;
  return () => {
    recovering ??= (async () => {
      // On a first visit the page is controlled only once the new worker has claimed it, a moment
      // after start() resolved: until then its requests go past the worker.
      const controller = navigator.serviceWorker.controller ?? (await controllerWithin(REACTIVATE_TIMEOUT_MS));
      if (controller) await reactivate(controller);
      else {
        worker.stop();
        await worker.start(options);
      }
    })().finally(() => {
      recovering = undefined;
    });
    return recovering;
  };
}

/**
 * MSW's start() asks the browser to update an existing registration of its worker without waiting for
 * the answer. When the page before this one was the worker's last page, the worker unregistered itself
 * as that page closed (mockServiceWorker.js, CLIENT_CLOSED), and the browser refuses the update ("Not
 * found") while MSW goes on with the worker that still controls this page. Nobody's error: it must not
 * surface as an uncaught one (the domain pages' browser test met it navigating from page to page).
 */
function ignoreRefusedWorkerUpdate(event: PromiseRejectionEvent) {
  const reason: unknown = event.reason;
  if (reason instanceof Error && /^Failed to update a ServiceWorker .*mockServiceWorker\.js/.test(reason.message)) event.preventDefault();
}

/** Long enough for a stopped worker to start again; a request that still fails then fails as usual. */
const REACTIVATE_TIMEOUT_MS = 5000;

/** The worker that takes control of this page, or null if none does within `ms`. */
function controllerWithin(ms: number): Promise<ServiceWorker | null> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      navigator.serviceWorker.removeEventListener('controllerchange', done);
      resolve(navigator.serviceWorker.controller);
    };
    const timer = setTimeout(done, ms);
    navigator.serviceWorker.addEventListener('controllerchange', done);
  });
}

/** Sends MSW's MOCK_ACTIVATE to the worker and waits for its MOCKING_ENABLED answer (or the timeout). */
function reactivate(controller: ServiceWorker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      navigator.serviceWorker.removeEventListener('message', onMessage);
      resolve();
    };
    const onMessage = (event: MessageEvent<unknown>) => {
      const { data } = event;
      if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'MOCKING_ENABLED') done();
    };
    const timer = setTimeout(done, REACTIVATE_TIMEOUT_MS);
    navigator.serviceWorker.addEventListener('message', onMessage);
    controller.postMessage('MOCK_ACTIVATE');
  });
}
