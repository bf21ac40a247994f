import { useId, useState } from 'react';
import { buildMetricsCsv, downloadText, metricsCsvFileName } from '../export';
import type { DomainProgress } from '../progress';
import { useReportProgress } from '../report-data/use-report-progress';
import './export-csv-button.css';

/**
 * Downloads every metric of the report with its analysis as a CSV file for Excel. It waits for every
 * domain: a file missing some domains would be read as the whole report.
 */
export function ExportCsvButton() {
  const { report, domains } = useReportProgress();
  const [done, setDone] = useState<string | undefined>(undefined);
  const reasonId = useId();

  // Counted from the responses, not the analyses: the analyses are computed on the click, so drawing
  // the button never analyses the whole report.
  const loaded = domains.filter((d) => d.query.data !== undefined).length;
  const failed = domains.filter((d) => d.query.isError);
  let reason: string | undefined;
  if (report.isError) reason = '报告加载失败,暂不能导出';
  else if (report.data === undefined) reason = '正在加载报告,加载完成后可导出';
  else if (failed.length > 0) reason = `${failed.length}个领域的数据加载失败,暂不能导出全部指标`;
  else if (loaded < domains.length) reason = `正在加载数据(${loaded}/${domains.length}),加载完成后可导出`;

  function exportCsv(data: NonNullable<typeof report.data>, all: DomainProgress[]) {
    downloadText(buildMetricsCsv(data, all), metricsCsvFileName(data), 'text/csv;charset=utf-8');
    const count = all.reduce((sum, d) => sum + d.metrics.length, 0);
    setDone(`已导出${count}项指标`);
  }

  return (
    <span className="export-csv">
      <button
        type="button"
        className="button export-csv__button"
        disabled={reason !== undefined}
        aria-describedby={reason === undefined ? undefined : reasonId}
        onClick={() => {
          if (reason === undefined && report.data !== undefined) exportCsv(report.data, domains.flatMap((d) => (d.progress ? [d.progress] : [])));
        }}
      >
        <span aria-hidden="true">↓</span>
        导出CSV
      </button>
      {reason !== undefined && (
        <span id={reasonId} className="export-csv__note">
          {reason}
        </span>
      )}
      {/* Always in the page, so that screen readers hear when a download has started. */}
      <span className="export-csv__note" role="status">
        {reason === undefined ? done : undefined}
      </span>
    </span>
  );
}
