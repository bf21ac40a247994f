import { useLayoutEffect } from 'react';
import type { WallTheme } from './wall-params';

/**
 * While the wall is mounted it owns the whole document: the wall colour theme on <html> (the tokens
 * key off it) and no scrolling at all. Both are put back as they were when the wall is left.
 * A layout effect, so the first frame is already in the wall's colours.
 */
export function useKioskDocument(theme: WallTheme): void {
  useLayoutEffect(() => {
    const html = document.documentElement;
    const { body } = document;
    const before = { theme: html.dataset.theme, htmlOverflow: html.style.overflow, bodyOverflow: body.style.overflow };
    html.dataset.theme = theme === 'light' ? 'wall-light' : 'wall';
    html.style.overflow = 'hidden';
    body.style.overflow = 'hidden';
    return () => {
      if (before.theme === undefined) delete html.dataset.theme;
      else html.dataset.theme = before.theme;
      html.style.overflow = before.htmlOverflow;
      body.style.overflow = before.bodyOverflow;
    };
  }, [theme]);
}
