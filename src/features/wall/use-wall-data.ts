import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { CURRENT_REPORT_ID, WALL_RETRY_MS, wallPolling } from '../../api';
import { useReportProgress, type ReportProgress } from '../../report-data/use-report-progress';
import { anyFailing, type QueryFreshness } from './freshness';

export interface WallData extends ReportProgress {
  /** The report's query and every domain's, for the freshness line. */
  queries: QueryFreshness[];
}

/**
 * The report and every domain, refetched every five minutes (wallPolling). The cache keeps the last
 * good data through a failed refresh, so the wall goes on showing it (the header marks it stale).
 * Recovery needs nobody: the next poll, react-query's refetch when the browser comes back online, and
 * a retry of what failed every WALL_RETRY_MS rather than a whole poll later.
 */
export function useWallData(): WallData {
  const progress = useReportProgress(wallPolling);
  const queries = [progress.report, ...progress.domains.map((d) => d.query)];

  // While anything is failing, what failed is tried again every WALL_RETRY_MS: one timer, however
  // many queries fail and whenever each of them gives up.
  const failing = anyFailing(queries);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!failing) return;
    const timer = setInterval(() => {
      void queryClient.refetchQueries({
        queryKey: ['reports', CURRENT_REPORT_ID],
        type: 'active',
        predicate: (query) => query.state.status === 'error',
      });
    }, WALL_RETRY_MS);
    return () => clearInterval(timer);
  }, [failing, queryClient]);

  return { ...progress, queries };
}
