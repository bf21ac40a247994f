import { apiBaseUrl, createApiClient, CURRENT_REPORT_ID, getDomain, getReport } from '../api';
import { server } from '../../mocks/node';
import { renderOverview } from './render-overview';

/**
 * Build time only, in Node (vite-plugin.ts loads it while building the demo): the mocked API's answers,
 * asked over HTTP through the app's own client with MSW's Node server answering, exactly as the browser
 * would ask them, and the overview drawn from them. Any failed answer fails the build: a prerendered
 * page with a missing domain would be served to every visitor as if it were the report.
 */
export async function prerenderDemo(basePath: string): ReturnType<typeof renderOverview> {
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const api = createApiClient({ baseUrl: apiBaseUrl });
    const report = await getReport(api, CURRENT_REPORT_ID);
    const domains = await Promise.all(report.sections.flatMap((section) => section.domainIds).map((id) => getDomain(api, report.id, id)));
    return await renderOverview({ report, domains, basePath });
  } finally {
    server.close();
  }
}
