import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, createMemoryRouter, type HydrationState, type RouteObject } from 'react-router';
import { prefetchDomain, prefetchReport } from '../report-data/prefetch';
import { PageSkeleton } from '../components/page-skeleton';
import { AppLayout } from './layout';
import { RouteError } from './route-error';

// Every view is its own lazy chunk: the overview does not pay for the wall, meeting or source code.
// Loaders only start the data requests (they return at once), so data and code download together.
export const appRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSkeleton />,
    children: [
      {
        index: true,
        loader: () => (prefetchReport(queryClient), null),
        lazy: () => import('../features/overview/overview-route'),
        errorElement: <RouteError />,
      },
      {
        path: 'domains/:domainId',
        loader: ({ params }) => (params.domainId && prefetchDomain(queryClient, params.domainId), null),
        lazy: () => import('../features/domain/domain-route'),
        errorElement: <RouteError />,
      },
      // One route for the agenda and the slides, so moving between them keeps the presentation mounted.
      { path: 'meeting/:domainId?', lazy: () => import('../features/meeting/meeting-route'), errorElement: <RouteError /> },
      { path: 'source', lazy: () => import('../features/source/source-route'), errorElement: <RouteError /> },
      { path: 'login', lazy: () => import('../features/login/login-route'), errorElement: <RouteError /> },
      { path: 'admin', lazy: () => import('../features/admin/admin-route'), errorElement: <RouteError /> },
      { path: 'updates', lazy: () => import('../features/updates/updates-route'), errorElement: <RouteError /> },
      { path: 'review', lazy: () => import('../features/review/review-route'), errorElement: <RouteError /> },
      { path: '*', lazy: () => import('../features/not-found/not-found-route') },
    ],
  },
  // The wall has no navigation chrome at all.
  {
    path: '/wall',
    loader: () => (prefetchReport(queryClient), null),
    lazy: () => import('../features/wall/wall-route'),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSkeleton />,
  },
];

/** react-router wants the basename without the trailing slash Vite's BASE_URL carries. */
export const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

export function createAppRouter(queryClient: QueryClient, routes: RouteObject[] = appRoutes(queryClient), hydrationData?: HydrationState) {
  return createBrowserRouter(routes, { basename, hydrationData });
}

/** For component tests: the same routes, starting at `path`. */
export function createTestRouter(path: string, queryClient: QueryClient) {
  return createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] });
}
