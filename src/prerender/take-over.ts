import { hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { matchRoutes, type HydrationState, type RouteObject } from 'react-router';
import { ELSEWHERE_CLASS, isPrerenderedUrl, PLAIN_FRAME_ID, PRERENDERED_STATE_ID } from './markers';

// In the browser: the app taking over the overview the demo build prerendered (render-overview.tsx).

/**
 * What the demo build writes into index.html next to the prerendered overview:
 * the page the markup shows, the API answers it was drawn from, and the router's state. The browser
 * needs the same answers to take the markup over (hydrate) without drawing anything differently.
 */
export type PrerenderedOverview = {
  /** The URL path the markup shows: the overview at the build's base path, with no filters. */
  path: string;
  queries: DehydratedState;
  router: HydrationState;
};

function isPrerenderedOverview(value: unknown): value is PrerenderedOverview {
  if (typeof value !== 'object' || value === null) return false;
  const { path, queries, router } = value as Record<string, unknown>;
  return (
    typeof path === 'string' &&
    typeof queries === 'object' &&
    queries !== null &&
    Array.isArray((queries as Record<string, unknown>).queries) &&
    typeof router === 'object' &&
    router !== null
  );
}

/**
 * The prerendered state, when this page carries it and its URL is the one that was prerendered
 * (a filtered overview, another view or a sub-path elsewhere draws from scratch). Read once.
 */
export function takePrerenderedOverview(): PrerenderedOverview | undefined {
  const script = document.getElementById(PRERENDERED_STATE_ID);
  if (script === null) return undefined;
  script.remove();
  let state: unknown;
  try {
    state = JSON.parse(script.textContent ?? '');
  } catch {
    return undefined;
  }
  if (!isPrerenderedOverview(state)) return undefined;
  return isPrerenderedUrl(window.location, state.path) ? state : undefined;
}

/**
 * Puts the prerendered answers into the query cache. They count as fetched now: the page that
 * carries them was just served, as an API response would have been, and the report they come from is
 * a published document (its queries' staleTime says how long that holds).
 */
export function hydrateQueries(queryClient: QueryClient, state: PrerenderedOverview): void {
  const now = Date.now();
  hydrate(queryClient, {
    ...state.queries,
    queries: state.queries.queries.map((query) => ({ ...query, state: { ...query.state, dataUpdatedAt: now } })),
  });
}

/**
 * Loads the code of the lazy routes the URL matches before the router starts, so its first render is
 * the prerendered page and not the fallback (react-router's recipe for lazy routes with SSR).
 */
export async function resolveLazyRoutes(routes: RouteObject[], basename: string): Promise<void> {
  const matches = matchRoutes(routes, window.location, basename) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      const routeModule = await route.lazy();
      Object.assign(route, { ...routeModule, lazy: undefined });
    }),
  );
}

/** On any other URL: the plain frame takes the prerendered overview's place until the view draws. */
export function showPlainFrame(container: HTMLElement): void {
  const frame = document.getElementById(PLAIN_FRAME_ID);
  if (frame !== null) {
    container.replaceChildren(...frame.childNodes);
    frame.remove();
  }
  document.documentElement.classList.remove(ELSEWHERE_CLASS);
}
