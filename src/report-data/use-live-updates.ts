import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { CURRENT_REPORT_ID, type LiveState, type OpenEventStream } from '../api';
import { useAfterFirstPaint } from '../session/use-after-first-paint';

/**
 * Keeps the screen live: opens the event stream once the page has painted and the browser is idle
 * (never in the prerender, so the overview hydrates as it was drawn), and invalidates what each
 * approved update changed. Returns the stream's state, or 'off' before it opens. The stream's code is
 * loaded then too, not with the page: no view needs it to draw its first figures.
 */
export function useLiveUpdates(options: { reportId?: string; open?: OpenEventStream } = {}): LiveState | 'off' {
  const { reportId = CURRENT_REPORT_ID, open } = options;
  const queryClient = useQueryClient();
  const ready = useAfterFirstPaint();
  const [state, setState] = useState<LiveState | 'off'>('off');
  useEffect(() => {
    if (!ready) return;
    let close: (() => void) | undefined;
    let closed = false;
    import('../api/events').then(
      ({ openLiveUpdates }) => {
        if (!closed) close = openLiveUpdates(queryClient, { reportId, open, onState: setState });
      },
      // Without its code (offline at that moment) the screen stays as it is: polling still refreshes it.
      () => undefined,
    );
    return () => {
      closed = true;
      close?.();
      setState('off');
    };
  }, [ready, queryClient, reportId, open]);
  return state;
}

/**
 * The stream for a view that does not show its state (the overview, a domain page): as a component of
 * its own, the stream's opening and its state changes re-render this empty leaf, not the whole view
 * (on the overview that re-render was the take-over's longest task).
 */
export function LiveUpdates(): null {
  useLiveUpdates();
  return null;
}
