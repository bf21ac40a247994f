// Facts the browser tests share with the app, read from the source itself (through Vite's module
// runner, which imports TypeScript) rather than copied: a change there is a change here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = async (file) => (await runnerImport(file, { configFile: false, root, logLevel: 'error' })).module;

const [data, pinned, queries, markers] = await Promise.all([
  load('/mocks/data/erqi-2017-h1/index.ts'),
  load('/src/pinned/pinned-domains.ts'),
  load('/src/api/queries.ts'),
  load('/src/prerender/markers.ts'),
]);

/** The report's domains, id and name, in report order, as the app shows them. */
export const DOMAINS = data.domains.map((domain) => [domain.id, domain.name]);

/** Where the app keeps the pinned domains (我的领域) in localStorage. */
export const PINNED_STORAGE_KEY = pinned.PINNED_STORAGE_KEY;

/** The wall's refetch period and its retry after a failed refresh. */
export const { WALL_REFRESH_MS, WALL_RETRY_MS } = queries;

/** The element ids of the prerendered demo page. */
export const { PRERENDERED_STATE_ID } = markers;
