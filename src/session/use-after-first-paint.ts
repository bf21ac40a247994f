import { startTransition, useEffect, useState } from 'react';

/**
 * True once the page has loaded and the browser is idle, so work that nobody waits for (asking who is
 * signed in) does not compete with the overview's first paint or its take-over. Never true in the
 * prerender, so what it gates is never part of the prerendered markup.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A transition: what the flag turns on renders in short slices, not as one long task just after
    // the page became interactive.
    const go = () => {
      if (!cancelled) startTransition(() => setReady(true));
    };
    const whenIdle = () => {
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(go, { timeout: 2000 });
      else timer = setTimeout(go, 0);
    };
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener('load', whenIdle);
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return ready;
}
