import { useState } from 'react';
import { useParams } from 'react-router';
import type { Report } from '../../api';
import { ErrorBoundary } from '../../components/error-boundary';
import { ErrorState } from '../../components/error-state';
import { NotFound } from '../../components/not-found';
import { PageSkeleton } from '../../components/page-skeleton';
import { useLiveUpdates } from '../../report-data/use-live-updates';
import { useReportProgress, type DomainEntry } from '../../report-data/use-report-progress';
import { AgendaSlide } from './agenda-slide';
import { DomainBriefingSlide } from './domain-briefing-slide';
import { MeetingToast } from './meeting-toast';
import { MeetingToolbar } from './meeting-toolbar';
import { PrintBriefing } from './print-briefing';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useFullscreen } from './use-fullscreen';
import { useNotice } from './use-notice';
import { usePrintReady } from './use-print-ready';
import { useSlideKeys } from './use-slide-keys';
import { useSlidePaging } from './use-slide-paging';
import './meeting.css';

const TITLE = '会议模式 · 进度';

/** Serves /meeting (the agenda) and /meeting/:domainId (that domain's slide). */
export function Component() {
  return (
    <ErrorBoundary what="会议模式">
      <MeetingPage />
    </ErrorBoundary>
  );
}

/** The report and every domain, or why not yet: the meeting itself only ever draws complete data. */
function MeetingPage() {
  const { domainId } = useParams();
  const { report, domains } = useReportProgress();
  const live = useLiveUpdates();

  if (report.isError) {
    return (
      <section className="meeting-problem">
        <title>{TITLE}</title>
        <h1>会议模式</h1>
        <ErrorState error={report.error} what="报告" onRetry={() => void report.refetch()} />
      </section>
    );
  }
  if (report.isSuccess && domainId !== undefined && !report.data.sections.some((s) => s.domainIds.includes(domainId))) {
    return <NotFound what="这个领域" />;
  }
  // The agenda's order needs every domain's figures; waiting for all of them (a failed one counts as
  // arrived) keeps slides from shuffling while they load, and makes every later change of slide instant.
  if (report.isPending || domains.some((d) => d.query.isPending)) {
    return (
      <>
        <title>{TITLE}</title>
        <PageSkeleton />
      </>
    );
  }
  return <Meeting report={report.data} domains={domains} domainId={domainId} live={live} />;
}

type MeetingProps = { report: Report; domains: DomainEntry[]; domainId: string | undefined; live: string };

/** The slide on screen with its toolbar and keyboard, and the printed briefing beside it. */
function Meeting({ report, domains, domainId, live }: MeetingProps) {
  const { order, count, index, entry, goTo, rootRef } = useSlidePaging(domains, domainId);
  const [helpOpen, setHelpOpen] = useState(false);
  const { notice, show: showNotice } = useNotice();
  const fullscreen = useFullscreen(showNotice);
  const { printReady, print } = usePrintReady();
  const { digits } = useSlideKeys({
    index,
    count,
    goTo,
    toggleFullscreen: fullscreen.toggle,
    showHelp: () => setHelpOpen(true),
    showNotice,
    paused: helpOpen,
  });
  const name = entry?.name;

  return (
    <div ref={rootRef} className="meeting" data-fullscreen={fullscreen.active || undefined} data-live={live}>
      <title>{name ? `${name} · ${TITLE}` : `会议议程 · ${TITLE}`}</title>
      <div className="meeting-screen">
        <MeetingToolbar
          index={index}
          count={count}
          name={name}
          goTo={goTo}
          fullscreen={fullscreen}
          showHelp={() => setHelpOpen(true)}
          print={print}
        />
        <MeetingToast digits={digits} notice={notice} />

        {/* For the bench: document.querySelector('[data-slide-index]')?.dataset.slideIndex is the
            index (0 = agenda) of the slide on screen once it has rendered. */}
        <article className="slide" data-slide-index={index}>
          {entry === undefined ? (
            <AgendaSlide report={report} order={order} idPrefix="slide-agenda" level={1} withChanges />
          ) : (
            <DomainBriefingSlide entry={entry} idPrefix={`slide-${entry.id}`} level={1} />
          )}
        </article>
      </div>

      {printReady && <PrintBriefing report={report} order={order} />}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
