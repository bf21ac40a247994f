import type { QueryClient } from '@tanstack/react-query';
import { CURRENT_REPORT_ID, domainQuery, reportQuery } from '../api';

// Route loaders call these so the data requests start with the navigation, alongside the download of
// the view's code, instead of after it: on a slow phone network that removes a whole round trip
// from the time to a drawn overview. Nothing awaits them; errors surface in the views' own queries.

/**
 * The report and, as soon as its domain ids are known, every domain, in the cache (fresh answers are
 * not asked again). Rejects if any of them fails, once all have settled or failed.
 */
export async function fetchReportWithDomains(queryClient: QueryClient, reportId: string = CURRENT_REPORT_ID): Promise<void> {
  const report = await queryClient.ensureQueryData(reportQuery(reportId));
  await Promise.all(report.sections.flatMap((s) => s.domainIds).map((id) => queryClient.fetchQuery(domainQuery(reportId, id))));
}

/** The report and every domain, without waiting: a failure shows in the view that asks for it. */
export function prefetchReport(queryClient: QueryClient, reportId: string = CURRENT_REPORT_ID): void {
  fetchReportWithDomains(queryClient, reportId).catch(() => undefined);
}

/** One domain, with the report it belongs to. */
export function prefetchDomain(queryClient: QueryClient, domainId: string, reportId: string = CURRENT_REPORT_ID): void {
  void queryClient.prefetchQuery(reportQuery(reportId));
  void queryClient.prefetchQuery(domainQuery(reportId, domainId));
}
