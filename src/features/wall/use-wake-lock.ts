import { useEffect } from 'react';

/**
 * Keeps the screen on where the browser offers the Screen Wake Lock API. The browser drops the lock
 * whenever the page is hidden, so it is asked for again when the page is shown. Refusals (no
 * permission, battery saver, an insecure origin) are normal and ignored: the wall works without it.
 */
export function useWakeLock(): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | undefined;
    let disposed = false;
    const request = async () => {
      if (document.visibilityState !== 'visible' || (lock !== undefined && !lock.released)) return;
      try {
        const sentinel = await navigator.wakeLock.request('screen');
        if (disposed) void sentinel.release().catch(() => undefined);
        else lock = sentinel;
      } catch {
        // Refused: see above.
      }
    };
    const onVisibility = () => {
      void request();
    };
    void request();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      void lock?.release().catch(() => undefined);
    };
  }, []);
}
