// The names the prerendered demo build shares between its parts: index.html (its frame markers), the
// build's plugin that writes the overview into it (vite-plugin.ts), the inline script that decides
// what a URL shows before the body is parsed (view-chooser.ts), the app taking the page over
// (take-over.ts), and the bench. No DOM and no Node here: every one of them imports this.

/** index.html's painted-before-any-script frame sits between these, inside #root. */
export const FRAME_START = '<!-- frame -->';
export const FRAME_END = '<!-- /frame -->';

/** The element holding the app. */
export const ROOT_ID = 'root';
/** The JSON the overview was drawn from, beside its markup. */
export const PRERENDERED_STATE_ID = 'jindu-prerendered';
/** The app frame without data, shown instead of the prerendered overview on every other URL. */
export const PLAIN_FRAME_ID = 'jindu-frame';
/** Set on <html> by the inline script when the URL is not the prerendered one. */
export const ELSEWHERE_CLASS = 'jindu-elsewhere';

/**
 * The source modules whose chunks the inline script preloads: the overview's code where the overview
 * is prerendered, the mocked API's where a view will ask for data at once. Paths from the repository
 * root, as in Vite's manifest.
 */
export const OVERVIEW_ROUTE_ENTRY = 'src/features/overview/overview-route.tsx';
export const MOCK_API_ENTRY = 'mocks/browser.ts';

/**
 * What the inline script is told, as data attributes of its element (data-prerendered-path, …): the
 * path the overview was drawn for, and the URLs of the two chunks it may preload.
 */
export type ViewChooserData = { prerenderedPath: string; overview: string; mockApi: string };

const withoutTrailingSlash = (path: string) => path.replace(/\/+$/, '') || '/';

/** Whether the URL is the one the overview was prerendered for (a filtered overview is not). */
export function isPrerenderedUrl(url: { pathname: string; search: string }, prerenderedPath: string): boolean {
  return withoutTrailingSlash(url.pathname) === withoutTrailingSlash(prerenderedPath) && url.search === '';
}

/**
 * The build for the server (VITE_API_BASE_URL set) writes this file into its output, beside Vite's
 * own manifest: the inline script's text and the overview's chunk, for the server that draws the
 * overview from live data (server/node/overview-page.ts). Not a page: the server does not serve it.
 */
export const SERVER_CHOOSER_FILE = '.vite/prerender-chooser.json';
export type ServerPrerenderChooser = { script: string; overview: string };
