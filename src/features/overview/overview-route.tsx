import { useQuery } from '@tanstack/react-query';
import { CURRENT_REPORT_ID, reportQuery } from '../../api';
import { ErrorState } from '../../components/error-state';

export function Component() {
  const report = useQuery(reportQuery(CURRENT_REPORT_ID));
  return (
    <section>
      <title>总览 · 进度</title>
      <h1>{report.data?.title ?? '总览'}</h1>
      {report.isError && <ErrorState error={report.error} what="报告" onRetry={() => void report.refetch()} />}
      <p>每个关键词领域一块面板,按四个部分分组,显示年度目标进展。(建设中)</p>
    </section>
  );
}
