import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

const isFullscreen = () => document.fullscreenElement != null;

/**
 * Full screen for the whole document, not the slide: the slides are separate routes, and a slide
 * element that went full screen would drop out of it on the first change of slide.
 */
export function useFullscreen(onProblem: (message: string) => void) {
  const active = useSyncExternalStore(subscribe, isFullscreen, () => false);

  const toggle = useCallback(() => {
    if (document.fullscreenElement != null) {
      document.exitFullscreen().catch(() => undefined);
      return;
    }
    const root = document.documentElement;
    if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') {
      onProblem('此浏览器不允许网页全屏,可按 F11 全屏显示。');
      return;
    }
    // Refused when not triggered by the user, or by a kiosk policy: say so rather than do nothing.
    root.requestFullscreen().catch(() => onProblem('浏览器拒绝了全屏请求,可按 F11 全屏显示。'));
  }, [onProblem]);

  return { active, toggle };
}
