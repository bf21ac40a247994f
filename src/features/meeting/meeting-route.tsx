import { startTransition, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate, useParams } from 'react-router';
import type { Report } from '../../api';
import { ErrorBoundary } from '../../components/error-boundary';
import { ErrorState } from '../../components/error-state';
import { NotFound } from '../../components/not-found';
import { PageSkeleton } from '../../components/page-skeleton';
import { formatNumber } from '../../format';
import { useReportProgress, type DomainEntry } from '../../report-data/use-report-progress';
import { AgendaSlide } from './agenda-slide';
import { DomainSlide } from './domain-slide';
import { PrintBriefing } from './print-briefing';
import { ShortcutsDialog } from './shortcuts-dialog';
import { meetingOrder, slideIndexOf, slidePath } from './slides';
import { useFullscreen } from './use-fullscreen';
import { useNotice } from './use-notice';
import { useSlideKeys } from './use-slide-keys';
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

function MeetingPage() {
  const { domainId } = useParams();
  const { report, domains } = useReportProgress();

  if (report.isPending) {
    return (
      <>
        <title>{TITLE}</title>
        <PageSkeleton />
      </>
    );
  }
  if (report.isError) {
    return (
      <section className="meeting-problem">
        <title>{TITLE}</title>
        <h1>会议模式</h1>
        <ErrorState error={report.error} what="报告" onRetry={() => void report.refetch()} />
      </section>
    );
  }
  const known = domainId === undefined || report.data.sections.some((s) => s.domainIds.includes(domainId));
  if (!known) return <NotFound what="这个领域" />;
  // The agenda's order needs every domain's figures; waiting for all of them (a failed one counts as
  // arrived) keeps slides from shuffling while they load, and makes every later change of slide instant.
  if (domains.some((d) => d.query.isPending)) {
    return (
      <>
        <title>{TITLE}</title>
        <PageSkeleton />
      </>
    );
  }
  return <Meeting report={report.data} domains={domains} domainId={domainId} />;
}

type MeetingProps = { report: Report; domains: DomainEntry[]; domainId: string | undefined };

function Meeting({ report, domains, domainId }: MeetingProps) {
  const navigate = useNavigate();
  const order = meetingOrder(domains);
  const count = order.length + 1;
  const index = Math.max(slideIndexOf(order, domainId), 0);
  const entry = index === 0 ? undefined : order[index - 1];

  const [helpOpen, setHelpOpen] = useState(false);
  const { notice, show: showNotice } = useNotice();
  const fullscreen = useFullscreen(showNotice);
  const goTo = (target: number) => {
    if (target !== index) void navigate(slidePath(order, target));
  };
  const { digits } = useSlideKeys({
    index,
    count,
    goTo,
    toggleFullscreen: fullscreen.toggle,
    showHelp: () => setHelpOpen(true),
    showNotice,
    paused: helpOpen,
  });

  // The printed pages are built just after the slide has painted, so the first slide is not held up
  // by fifteen pages nobody sees yet; printing before then builds them on the spot.
  const [printReady, setPrintReady] = useState(false);
  useEffect(() => {
    startTransition(() => setPrintReady(true));
    const beforePrint = () => flushSync(() => setPrintReady(true));
    window.addEventListener('beforeprint', beforePrint);
    return () => window.removeEventListener('beforeprint', beforePrint);
  }, []);
  const print = () => {
    flushSync(() => setPrintReady(true));
    window.print();
  };

  // A slide starts at its top, wherever the previous one was scrolled to.
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (window.scrollY > 0) window.scrollTo(0, 0);
    // In full screen the meeting scrolls itself (meeting.css).
    if (rootRef.current) rootRef.current.scrollTop = 0;
  }, [index]);

  const name = entry?.name;
  const position = `第 ${formatNumber(index + 1)} / ${formatNumber(count)} 页`;

  return (
    <div ref={rootRef} className="meeting" data-fullscreen={fullscreen.active || undefined}>
      <title>{name ? `${name} · ${TITLE}` : `会议议程 · ${TITLE}`}</title>
      <div className="meeting-screen">
        <div className="meeting-bar">
          <nav className="meeting-bar__nav" aria-label="幻灯片翻页">
            <button type="button" className="button" onClick={() => goTo(index - 1)} disabled={index === 0}>
              <span aria-hidden="true">←</span> 上一页
            </button>
            <span className="meeting-bar__position tabular" aria-live="polite" aria-atomic="true">
              {position}
              {name && <span className="visually-hidden">:{name}</span>}
            </span>
            <button type="button" className="button" onClick={() => goTo(index + 1)} disabled={index === count - 1}>
              下一页 <span aria-hidden="true">→</span>
            </button>
          </nav>
          <div className="meeting-bar__tools">
            {index !== 0 && (
              <button type="button" className="button" onClick={() => goTo(0)}>
                议程
              </button>
            )}
            <button type="button" className="button" onClick={fullscreen.toggle}>
              {fullscreen.active ? '退出全屏' : '全屏'}
            </button>
            <button type="button" className="button" onClick={() => setHelpOpen(true)} aria-haspopup="dialog">
              快捷键 <kbd>?</kbd>
            </button>
            <button type="button" className="button" onClick={print}>
              打印简报
            </button>
          </div>
        </div>

        <div className="meeting-toast" role="status">
          {digits !== '' && (
            <span className="meeting-toast__box tabular">
              跳到第 {digits} 页 · 按 Enter 确认
            </span>
          )}
          {digits === '' && notice !== null && <span className="meeting-toast__box">{notice}</span>}
        </div>

        {/* For the bench: document.querySelector('[data-slide-index]')?.dataset.slideIndex is the
            index (0 = agenda) of the slide on screen once it has rendered. */}
        <article className="slide" data-slide-index={index} data-slide-ready="">
          {entry === undefined ? (
            <AgendaSlide report={report} order={order} idPrefix="slide-agenda" level={1} />
          ) : (
            <DomainSlide entry={entry} idPrefix={`slide-${entry.id}`} level={1} />
          )}
        </article>
      </div>

      {printReady && <PrintBriefing report={report} order={order} />}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
