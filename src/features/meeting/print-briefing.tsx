import { memo } from 'react';
import type { Report } from '../../api';
import { formatDate } from '../../format';
import { dataAsOf, loadedMetrics } from '../../progress';
import type { DomainEntry } from '../../report-data/use-report-progress';
import { AgendaSlide } from './agenda-slide';
import { DomainBriefingSlide } from './domain-briefing-slide';
import { SinceLastMeeting } from './since-last-meeting';

type Props = {
  report: Report;
  order: readonly DomainEntry[];
};

/**
 * The printed briefing: the agenda, then every domain one to a page. Always in the document but shown
 * only in print (meeting.css), so that the browser's own print command also prints all of it.
 */
function Briefing({ report, order }: Props) {
  const asOf = dataAsOf(report, loadedMetrics(order.map((e) => e.query.data)));
  // Every page names the report's date; once updates are in, also the date the figures are as of.
  const running = `${report.title} · 周例会简报 · ${formatDate(report.publishedOn)}${asOf.updated ? ` · 数据截至${formatDate(asOf.date)}` : ''}`;
  return (
    <div className="meeting-print">
      <section className="print-page">
        <p className="print-page__running">{running}</p>
        <SinceLastMeeting domains={order} idPrefix="print-since" level={1} editable={false} />
      </section>
      <section className="print-page print-page--agenda">
        <p className="print-page__running">{running}</p>
        <AgendaSlide report={report} order={order} idPrefix="print-agenda" level={2} />
      </section>
      {order.map((entry) => (
        <section key={entry.id} className="print-page">
          <p className="print-page__running">{running}</p>
          <DomainBriefingSlide entry={entry} idPrefix={`print-${entry.id}`} level={2} />
        </section>
      ))}
    </div>
  );
}

function sameEntries(a: readonly DomainEntry[], b: readonly DomainEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return y !== undefined && x.id === y.id && x.progress === y.progress && x.query.error === y.query.error;
    })
  );
}

// Changing slides re-renders the meeting; the sixteen printed pages only change with the data.
export const PrintBriefing = memo(
  Briefing,
  (prev, next) => prev.report === next.report && sameEntries(prev.order, next.order),
);
