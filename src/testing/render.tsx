import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../app/query-client';
import { createTestRouter } from '../app/router';
import { testApi } from './api-client';

/** Renders the whole app at `path`, with a fresh query cache, no retries (tests want failures at once). */
export function renderApp(path: string) {
  const queryClient = createQueryClient(testApi);
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createTestRouter(path, queryClient);
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...utils, router, queryClient };
}
