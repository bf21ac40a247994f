import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

type AppRouter = ReturnType<typeof createAppRouter>;

/** The whole app. A page taking over the prerendered overview passes the cache and router it prepared. */
export function App({ setup }: { setup?: { queryClient: QueryClient; router: AppRouter } }) {
  const [queryClient] = useState(() => setup?.queryClient ?? createQueryClient());
  const [router] = useState(() => setup?.router ?? createAppRouter(queryClient));
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
