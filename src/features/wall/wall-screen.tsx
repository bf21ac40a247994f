import { useEffect, type CSSProperties } from 'react';
import { describeError, type Report } from '../../api';
import { usePinnedDomains } from '../../pinned/pinned-domains';
import { dataAsOf, loadedMetrics } from '../../progress';
import { useLiveUpdates } from '../../report-data/use-live-updates';
import type { DomainEntry } from '../../report-data/use-report-progress';
import { DomainHeadlineSlide } from './domain-headline-slide';
import { ProgressBar } from './progress-bar';
import { SummarySlide } from './summary-slide';
import { CANVAS_HEIGHT, CANVAS_WIDTH, useFitScale } from './use-fit-scale';
import { useIdleCursor } from './use-idle-cursor';
import { useRotation } from './use-rotation';
import { useWakeLock } from './use-wake-lock';
import { useWallData } from './use-wall-data';
import { WallHeader } from './wall-header';
import { selectDomains, type WallParams } from './wall-params';

type RotatingProps = {
  report: Report;
  entries: readonly DomainEntry[];
  complete: boolean;
  intervalMs: number;
  note: string | undefined;
};

/** The slides and what drives them: the timer, the keys and the footer that shows where it is. */
function Rotating({ report, entries, complete, intervalMs, note }: RotatingProps) {
  const count = entries.length + 1;
  const rotation = useRotation(count, intervalMs);
  const { index, turn, paused, remainingMs, step, togglePause } = rotation;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (event.key === ' ' || event.key === 'Spacebar') {
        event.preventDefault();
        if (!event.repeat) togglePause();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        step(1);
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        step(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, togglePause]);

  const entry = index === 0 ? undefined : entries[index - 1];

  return (
    <>
      <main className="wall-main" data-slide-index={index}>
        <div key={turn} className="wall-slide">
          {entry === undefined ? (
            <SummarySlide report={report} entries={entries} complete={complete} />
          ) : (
            <DomainHeadlineSlide entry={entry} />
          )}
        </div>
      </main>
      <footer className="wall-footer">
        <p className="wall-footer__note">{note}</p>
        {paused && (
          <p className="wall-paused">
            <span aria-hidden="true">❚❚ </span>已暂停 · 按空格键继续
          </p>
        )}
        <p className="wall-index tabular">
          {index + 1} / {count}
        </p>
      </footer>
      <ProgressBar key={turn} durationMs={intervalMs} remainingMs={remainingMs} paused={paused} />
    </>
  );
}

type Props = { params: WallParams };

/** The wall: a 1920×1080 canvas scaled to the window, a header that says how fresh it is, the slides. */
export function WallScreen({ params }: Props) {
  const scale = useFitScale();
  const cursorHidden = useIdleCursor();
  useWakeLock();
  const pinned = usePinnedDomains();
  const { report, domains, queries } = useWallData();
  const live = useLiveUpdates();

  const selection = report.data ? selectDomains(domains.map((d) => d.id), params, pinned) : undefined;
  const chosen = new Set(selection?.domainIds);
  const entries = domains.filter((d) => chosen.has(d.id));

  const canvasStyle = {
    width: CANVAS_WIDTH,
    height: CANVAS_HEIGHT,
    transform: `translate(-50%, -50%) scale(${scale})`,
  } satisfies CSSProperties;

  return (
    <div
      className="wall"
      data-cursor={cursorHidden ? 'hidden' : 'shown'}
      data-live={live}
    >
      <div className="wall-canvas" style={canvasStyle}>
        <WallHeader report={report.data} asOf={report.data && dataAsOf(report.data, loadedMetrics(entries.map((e) => e.query.data)))} queries={queries} />
        {report.data && selection ? (
          <Rotating
            report={report.data}
            entries={entries}
            complete={entries.length === domains.length}
            intervalMs={params.intervalSeconds * 1000}
            note={selection.note}
          />
        ) : (
          <main className="wall-main wall-main--waiting">
            {report.error ? (
              <div className="wall-trouble">
                <p className="wall-trouble__title">
                  <span aria-hidden="true">⚠ </span>报告数据未能加载:{describeError(report.error).title}
                </p>
                <p className="wall-trouble__detail">大屏会自动重试,恢复后即开始轮播。</p>
              </div>
            ) : (
              <p className="wall-trouble wall-trouble--loading">正在加载数据…</p>
            )}
          </main>
        )}
      </div>
    </div>
  );
}
