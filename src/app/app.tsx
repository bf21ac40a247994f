import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { createAppRouter } from './router';

type AppRouter = ReturnType<typeof createAppRouter>;

/** The whole app, on the query cache (and so the API) it is given. A page taking over the prerendered overview passes the router it prepared too. */
export function App({ queryClient, router: prepared }: { queryClient: QueryClient; router?: AppRouter }) {
  const [router] = useState(() => prepared ?? createAppRouter(queryClient));
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
