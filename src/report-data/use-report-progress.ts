import { useQueries, useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { CURRENT_REPORT_ID, domainQuery, reportQuery, type Domain, type DomainSummary, type Report } from '../api';
import { analyseDomain, type DomainProgress } from '../progress';
import { domainName, sectionTitlesByDomain } from './domain-view';
import { nextTask } from './next-task';

type Polling = { refetchInterval?: number };

export type DomainEntry = {
  id: string;
  /** What views call the domain, whether its figures have arrived or not (see `domainName`). */
  name: string;
  /** The title of the report section the domain is in. */
  sectionTitle: string | undefined;
  summary: DomainSummary | undefined;
  query: UseQueryResult<Domain>;
  /** The analysis of the domain's figures, once they have arrived. */
  progress: DomainProgress | undefined;
};

export type ReportProgress = {
  report: UseQueryResult<Report>;
  /** Every domain in report order, each loaded (and failing) on its own. */
  domains: DomainEntry[];
};

// Query data objects are kept stable by the cache (structural sharing), so the analysis of a domain is
// computed once per response rather than on every render of every view that shows it.
const analyses = new WeakMap<Domain, DomainProgress>();
function analysed(domain: Domain): DomainProgress {
  let result = analyses.get(domain);
  if (result === undefined) {
    result = analyseDomain(domain);
    analyses.set(domain, result);
  }
  return result;
}

/**
 * Analyses the report's domains already in the cache ahead of drawing, one per task, so that the
 * view's first render finds them done instead of analysing fifteen domains in one long task
 * (~120 ms under 4× CPU throttle).
 */
export async function analyseAhead(queryClient: QueryClient, reportId: string = CURRENT_REPORT_ID): Promise<void> {
  const report = queryClient.getQueryData(reportQuery(reportId).queryKey);
  for (const id of report?.sections.flatMap((section) => section.domainIds) ?? []) {
    const domain = queryClient.getQueryData(domainQuery(reportId, id).queryKey);
    if (domain === undefined) continue;
    analysed(domain);
    await nextTask();
  }
}

/**
 * The current report and every one of its domains, analysed. Each domain is its own request, so one
 * failing domain fails one panel, not the page. `polling` comes from the query factories' module
 * (e.g. `wallPolling`).
 */
export function useReportProgress(polling: Polling = {}, reportId: string = CURRENT_REPORT_ID): ReportProgress {
  const report = useQuery(reportQuery(reportId, polling));
  const ids = report.data?.sections.flatMap((section) => section.domainIds) ?? [];
  const queries = useQueries({ queries: ids.map((id) => domainQuery(reportId, id, polling)) });
  const summaries = new Map(report.data?.domains.map((d) => [d.id, d]));
  const sectionTitles = sectionTitlesByDomain(report.data?.sections ?? []);
  return {
    report,
    domains: ids.map((id, i) => {
      const query = queries[i] as UseQueryResult<Domain>;
      const summary = summaries.get(id);
      return {
        id,
        // From the raw answer, not the analysis: reading a name must not analyse the domain early.
        name: domainName(id, summary, query.data),
        sectionTitle: sectionTitles.get(id),
        summary,
        query,
        // Analysed when a view first reads it, so a view that defers drawing (the overview) also
        // defers the analysis out of the urgent render that follows a response.
        get progress() {
          return query.data ? analysed(query.data) : undefined;
        },
      };
    }),
  };
}
