import { useCallback, useEffect, useRef, useState } from 'react';

export interface RotationState {
  /** The slide on screen, 0 ≤ index < count. */
  index: number;
  /** Counts every slide change; keys the per-slide progress bar so it starts empty each time. */
  turn: number;
  paused: boolean;
  /** How long the current slide has left when its timer (re)starts. */
  remainingMs: number;
}

export interface Rotation extends RotationState {
  /** Moves by `delta` slides (wrapping) and gives the new slide a full interval. */
  step: (delta: number) => void;
  togglePause: () => void;
}

/**
 * Rotates through `count` slides, `intervalMs` each. One setTimeout at a time, for the current slide
 * only, so nothing accumulates however long the wall runs; pausing keeps the time left and resuming
 * continues from it.
 */
export function useRotation(count: number, intervalMs: number): Rotation {
  const [state, setState] = useState<RotationState>({ index: 0, turn: 0, paused: false, remainingMs: intervalMs });
  const startedAt = useRef(0);

  // The slide list can shrink under the wall (pins changed in another tab): stay within it.
  const index = count > 0 ? state.index % count : 0;

  const step = useCallback(
    (delta: number) => {
      setState((s) => ({
        ...s,
        index: count > 0 ? (((s.index + delta) % count) + count) % count : 0,
        turn: s.turn + 1,
        remainingMs: intervalMs,
      }));
    },
    [count, intervalMs],
  );

  const togglePause = useCallback(() => {
    const elapsed = performance.now() - startedAt.current;
    setState((s) =>
      s.paused ? { ...s, paused: false } : { ...s, paused: true, remainingMs: Math.max(0, s.remainingMs - elapsed) },
    );
  }, []);

  // A new interval starts the current slide afresh.
  const [seenInterval, setSeenInterval] = useState(intervalMs);
  if (seenInterval !== intervalMs) {
    setSeenInterval(intervalMs);
    setState((s) => ({ ...s, turn: s.turn + 1, remainingMs: intervalMs }));
  }

  const { paused, remainingMs, turn } = state;
  useEffect(() => {
    startedAt.current = performance.now();
    if (paused || count < 2) return;
    const timer = setTimeout(() => step(1), remainingMs);
    return () => clearTimeout(timer);
  }, [paused, remainingMs, turn, count, step]);

  return { ...state, index, step, togglePause };
}
