import { dehydrate, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { server } from '../../mocks/node';
import { apiBaseUrl, createApiClient } from '../api';
import { fetchReportWithDomains } from '../report-data/prefetch';
import type { PrerenderedOverview } from './prerendered';
import { createQueryClient } from './query-client';
import { appRoutes, basename } from './router';

/**
 * Build time only, in Node (vite.config.ts runs it while building the demo): the overview drawn from
 * the mocked API's answers, fetched over HTTP through the app's own client, exactly as the browser
 * would fetch them. A phone then paints the figures from the HTML, before any script has run, and the
 * app takes that markup over (hydrates) instead of drawing it again.
 */
export async function prerenderOverview(): Promise<{ markup: string; state: PrerenderedOverview }> {
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const queryClient = createQueryClient(createApiClient({ baseUrl: apiBaseUrl }));
    // Any failed answer fails the build: a prerendered page with a missing domain would be served to
    // every visitor as if it were the report.
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
    await fetchReportWithDomains(queryClient);

    const path = basename === '/' ? '/' : `${basename}/`;
    const handler = createStaticHandler(appRoutes(queryClient), { basename });
    const context = await handler.query(new Request(new URL(path, 'http://localhost')));
    if (context instanceof Response) throw new Error(`prerendering ${path} answered ${context.status}`);
    if (context.errors) throw new Error(`prerendering ${path} failed: ${JSON.stringify(context.errors)}`);
    const router = createStaticRouter(handler.dataRoutes, context);
    const markup = renderToString(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </QueryClientProvider>
      </StrictMode>,
    );
    return {
      markup,
      state: {
        path,
        queries: dehydrate(queryClient),
        router: { loaderData: context.loaderData, actionData: context.actionData, errors: context.errors },
      },
    };
  } finally {
    server.close();
  }
}
