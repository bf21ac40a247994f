import { useEffect, useState } from 'react';

/** Nobody is at a wall: the pointer hides after this long without moving, and comes back on a move. */
export const CURSOR_HIDE_MS = 3000;

/** Whether the pointer should be hidden. Re-renders only when that flips, not on every mouse move. */
export function useIdleCursor(): boolean {
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setHidden(true), CURSOR_HIDE_MS);
    const onMove = () => {
      setHidden(false);
      clearTimeout(timer);
      timer = setTimeout(() => setHidden(true), CURSOR_HIDE_MS);
    };
    window.addEventListener('pointermove', onMove, { passive: true });
    window.addEventListener('pointerdown', onMove, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerdown', onMove);
    };
  }, []);
  return hidden;
}
