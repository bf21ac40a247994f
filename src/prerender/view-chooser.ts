import { ELSEWHERE_CLASS, isPrerenderedUrl, type ViewChooserData } from './markers';

/**
 * index.html's inline script in the demo build (view-chooser-inline.ts calls it; the build bundles and
 * minifies that into the page). It runs before the body is parsed, so the wrong content is never
 * painted: on any URL but the prerendered overview's it marks <html> so that the plain frame shows
 * instead. It also starts fetching the code the page needs first: the overview's own where the
 * overview is prerendered, the mocked API's where a view will ask for data at once.
 * What it needs comes from the script element's data attributes, so its text, and the CSP hash of it,
 * is the same in every build.
 */
export function chooseView(script: HTMLOrSVGScriptElement | null): void {
  if (!(script instanceof HTMLScriptElement)) return;
  const { prerenderedPath = '/', overview = '', mockApi = '' }: Partial<ViewChooserData> = script.dataset;
  const elsewhere = !isPrerenderedUrl(location, prerenderedPath);
  if (elsewhere) document.documentElement.classList.add(ELSEWHERE_CLASS);
  // A build with a real API has no mocked API to preload: its data-mock-api is empty.
  const href = elsewhere ? mockApi : overview;
  if (href === '') return;
  const preload = document.createElement('link');
  preload.rel = 'modulepreload';
  preload.crossOrigin = '';
  preload.href = href;
  document.head.append(preload);
}
