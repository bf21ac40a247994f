// First: see the module (no Error stacks while React DOM loads).
import { restoreErrorStacks } from './app/error-stacks-while-loading';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { createBrowserApiClient } from './app/api-client';
import { hydrateQueries, resolveLazyRoutes, showPlainFrame, takePrerenderedOverview } from './prerender/take-over';
import { createQueryClient } from './app/query-client';
import { appRoutes, basename, createAppRouter } from './app/router';
import { analyseAhead } from './report-data/use-report-progress';
import { nextTask } from './report-data/next-task';
import { readPinnedDomains } from './pinned/pinned-domains';
import './styles/tokens.css';
import './styles/base.css';

restoreErrorStacks();

function warmSessionStorage(): void {
  try {
    void globalThis.sessionStorage?.length;
  } catch {
    // Disabled by policy: the router copes, and so do we.
  }
}

/**
 * The take-over runs in steps, each a task of its own (nextTask between them): evaluating the code,
 * reading the state, loading the view, analysing, building the router, hydrating. A phone's main thread
 * is never held for the whole start in one go.
 */
async function boot(): Promise<void> {
  // Evaluating the app's code was a task of its own; the start is the next one.
  await nextTask();
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  const prerendered = takePrerenderedOverview();

  if (prerendered !== undefined) {
    // The overview is already on screen with its figures (the demo build prerenders it). Nothing asks
    // the API until something needs fresh data, so the mocked API starts then, not during the load.
    const queryClient = createQueryClient(createBrowserApiClient({ startMockApiNow: false }));
    hydrateQueries(queryClient, prerendered);
    const routes = appRoutes(queryClient);
    await nextTask();
    try {
      await resolveLazyRoutes(routes, basename);
    } catch {
      // The view's code did not load (a dropped connection): the router loads it again, and shows the
      // route's error with its retry if it fails again, instead of a page that looks alive but is not.
    }
    await nextTask();
    // The first read of localStorage waits on the browser process, and so does the first of
    // sessionStorage (the router reads its saved view transitions as it starts). Done here, in a task
    // of their own, they are not part of the router's start or of the effects after hydration.
    readPinnedDomains();
    warmSessionStorage();
    await nextTask();
    await analyseAhead(queryClient);
    const router = createAppRouter(queryClient, routes, prerendered.router);
    await nextTask();
    // As a transition, taking over the markup yields to the browser every few milliseconds: the page
    // is already painted, and a tap during the take-over is not held up behind it.
    startTransition(() => {
      hydrateRoot(
        container,
        <StrictMode>
          <App queryClient={queryClient} router={router} />
        </StrictMode>,
      );
    });
    return;
  }

  // The mocked API must be intercepting before the first request, but the frame need not wait for it:
  // requests are held until it is ready while the page paints its layout and skeletons.
  const queryClient = createQueryClient(createBrowserApiClient({ startMockApiNow: true }));
  showPlainFrame(container);
  // As a transition, the first render yields to the browser every few milliseconds instead of holding
  // a phone's main thread for the whole app: the frame from index.html stays painted meanwhile.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <App queryClient={queryClient} />
      </StrictMode>,
    );
  });
}

void boot();
