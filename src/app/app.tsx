import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

type AppRouter = ReturnType<typeof createAppRouter>;

/** The whole app. A page taking over the prerendered overview passes the cache and router it prepared. */
export function App({ setup }: { setup?: { queryClient: QueryClient; router: AppRouter } }) {
  const [queryClient] = useState(() => setup?.queryClient ?? createQueryClient());
  const [router] = useState(() => setup?.router ?? createAppRouter(queryClient));
  // Marks the moment the page answers input: a prerendered overview looks ready before it is, and
  // browser tests wait for this instead of guessing.
  useEffect(() => {
    document.documentElement.setAttribute('data-app-ready', '');
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
