import { useEffect, useRef } from 'react';

/** How often the bar is moved. Between moves a CSS transition glides it, so the main thread is idle. */
const TICK_MS = 1000;

type Props = {
  /** The full time of the slide. */
  durationMs: number;
  /** Time the slide had left when this (re)started; less than durationMs after a pause. */
  remainingMs: number;
  paused: boolean;
};

/**
 * Time to the next slide as a bar. It is moved once a second by setting a transform on the element
 * directly (no React render, no 60 fps loop), each move aimed at where the bar will be at the next
 * one, so it reaches the end exactly when the slide changes. With reduced motion the transition is
 * off (base.css), so the bar steps once a second instead of gliding. Give it a new `key` per slide.
 */
export function ProgressBar({ durationMs, remainingMs, paused }: Props) {
  const fill = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const bar = fill.current;
    if (bar === null) return;
    const doneAtStart = durationMs - remainingMs;
    const startedAt = performance.now();
    const place = (doneMs: number, glide: boolean) => {
      bar.classList.toggle('wall-progress__fill--glide', glide);
      bar.style.transform = `scaleX(${Math.min(1, Math.max(0, doneMs / durationMs))})`;
    };
    place(doneAtStart, false);
    if (paused) return;

    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const done = doneAtStart + (performance.now() - startedAt);
      place(done + TICK_MS, true);
      timer = setTimeout(tick, TICK_MS);
    };
    // One frame at the starting point first, or the first glide would start from the old position.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [durationMs, remainingMs, paused]);

  return (
    <div className="wall-progress" aria-hidden="true">
      <div ref={fill} className="wall-progress__fill" />
    </div>
  );
}
