import { useSyncExternalStore } from 'react';

/** The design canvas: everything on the wall is laid out in these pixels, then scaled as one. */
export const CANVAS_WIDTH = 1920;
export const CANVAS_HEIGHT = 1080;

function subscribe(notify: () => void): () => void {
  window.addEventListener('resize', notify);
  return () => window.removeEventListener('resize', notify);
}

/** The largest scale at which the whole canvas fits the window; the rest is letterbox. */
function fitScale(): number {
  // clientWidth/Height exclude scrollbars (there are none while the wall is up, but a first frame
  // can still have them) and are in CSS pixels, so the device pixel ratio does not enter into it.
  const { clientWidth, clientHeight } = document.documentElement;
  const width = clientWidth || window.innerWidth;
  const height = clientHeight || window.innerHeight;
  return Math.min(width / CANVAS_WIDTH, height / CANVAS_HEIGHT);
}

/** Scale factor for the canvas, updated on resize (a number, so React skips unchanged values). */
export function useFitScale(): number {
  return useSyncExternalStore(subscribe, fitScale, () => 1);
}
