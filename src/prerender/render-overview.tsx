import { dehydrate, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import {
  apiBaseUrl,
  createApiClient,
  CURRENT_REPORT_ID,
  domainQuery,
  reportQuery,
  reportSourceQuery,
  type Domain,
  type Report,
  type ReportSource,
} from '../api';
import { createQueryClient } from '../app/query-client';
import { appRoutes } from '../app/router';
import type { PrerenderedOverview } from './take-over';

export type OverviewData = {
  report: Report;
  /** Every domain of the report (any order). */
  domains: Domain[];
  /** The report's source text, for a page that shows it; the overview does not. */
  source?: ReportSource;
};

/** Drawing from the data given means asking nothing: a request here is a bug, and fails as one. */
const noRequests = createApiClient({
  baseUrl: apiBaseUrl,
  transport: (url) => Promise.reject(new Error(`renderOverview asks no API, but something asked ${url}`)),
});

/**
 * The overview drawn in Node from data already fetched, with the state the browser needs to take the
 * markup over (take-over.ts): the build draws it from the mocked API's answers (prerender-demo.ts), a
 * server from its own. `basePath` is where the app is served ('/', '/jindu/').
 */
export async function renderOverview({ report, domains, source, basePath }: OverviewData & { basePath: string }): Promise<{ html: string; state: PrerenderedOverview }> {
  if (report.id !== CURRENT_REPORT_ID) throw new Error(`the overview shows report ${CURRENT_REPORT_ID}, not ${report.id}`);
  const queryClient = createQueryClient(noRequests);
  queryClient.setQueryData(reportQuery(report.id).queryKey, report);
  const byId = new Map(domains.map((domain) => [domain.id, domain]));
  for (const id of report.sections.flatMap((section) => section.domainIds)) {
    const domain = byId.get(id);
    // A missing domain would be drawn as a panel still loading, served to every visitor as the report.
    if (domain === undefined) throw new Error(`renderOverview: no data for the report's domain ${id}`);
    queryClient.setQueryData(domainQuery(report.id, id).queryKey, domain);
  }
  if (source !== undefined) queryClient.setQueryData(reportSourceQuery(report.id).queryKey, source);

  const basename = basePath.replace(/\/$/, '') || '/';
  const path = basename === '/' ? '/' : `${basename}/`;
  const handler = createStaticHandler(appRoutes(queryClient), { basename });
  const context = await handler.query(new Request(new URL(path, 'http://localhost')));
  if (context instanceof Response) throw new Error(`rendering ${path} answered ${context.status}`);
  if (context.errors) throw new Error(`rendering ${path} failed: ${JSON.stringify(context.errors)}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </QueryClientProvider>
    </StrictMode>,
  );
  return {
    html,
    state: {
      path,
      queries: dehydrate(queryClient),
      router: { loaderData: context.loaderData, actionData: context.actionData, errors: context.errors },
    },
  };
}
