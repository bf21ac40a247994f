import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Domain, Report, ReportSource } from '../../src/api/schemas';
import { SERVER_CHOOSER_FILE, type ServerPrerenderChooser } from '../../src/prerender/markers';
import type { ReportService } from '../core/reports';
import type { Log } from './log';
import { describeError } from './log';

/**
 * What src/prerender/server-entry.ts exports, restated: the server's source imports nothing from the
 * app's views (src/features), so it loads that entry built (server/vite.config.ts) and types it here.
 */
export interface OverviewRenderer {
  renderOverview(data: { report: Report; domains: Domain[]; source?: ReportSource; basePath: string }): Promise<{ html: string; state: { path: string } }>;
  withPrerenderedOverview(html: string, rendered: { html: string; state: unknown }, chooser: { script: string; data: { prerenderedPath: string; overview: string; mockApi: string } }): string;
}

export interface OverviewPageOptions {
  reports: Pick<ReportService, 'getReport' | 'getDomain' | 'dataVersion'>;
  reportId: string;
  /** The built app's folder: its SERVER_CHOOSER_FILE says which inline script and chunk the page names. */
  publicDir: string;
  loadRenderer: () => Promise<OverviewRenderer>;
  log: Log;
}

/** The built app's chooser file, or undefined when the app was built without it (an older build, a test app). */
export function readChooser(publicDir: string): ServerPrerenderChooser | undefined {
  const file = path.join(publicDir, SERVER_CHOOSER_FILE);
  if (!existsSync(file)) return undefined;
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof value !== 'object' || value === null) return undefined;
  const { script, overview } = value as Record<string, unknown>;
  return typeof script === 'string' && typeof overview === 'string' ? { script, overview } : undefined;
}

/**
 * createServerApp's renderPage for `/`: the overview drawn from the live data (the report and every
 * domain, the answers the API serves), in index.html with the state the browser takes it over from,
 * so the figures come with the first paint as in the demo build. Drawn once per data version: every
 * request asks the database only for the version. Any other URL (or a filtered overview) gets the
 * plain template, and so does `/` when drawing fails: a page without figures beats no page.
 */
export function createOverviewPage({ reports, reportId, publicDir, loadRenderer, log }: OverviewPageOptions) {
  const chooser = readChooser(publicDir);
  let cached: { version: string; template: string; page: Promise<string | undefined> } | undefined;
  let renderer: Promise<OverviewRenderer> | undefined;

  async function draw(template: string): Promise<string | undefined> {
    if (chooser === undefined) return undefined;
    renderer ??= loadRenderer();
    const { renderOverview, withPrerenderedOverview } = await renderer;
    const report = await reports.getReport(reportId);
    if (report === undefined) return undefined;
    const ids = report.sections.flatMap((section) => section.domainIds);
    const domains = await Promise.all(
      ids.map(async (id) => {
        const domain = await reports.getDomain(reportId, id);
        if (domain === undefined) throw new Error(`the report's domain ${id} is missing`);
        return domain;
      }),
    );
    const rendered = await renderOverview({ report, domains, basePath: '/' });
    return withPrerenderedOverview(template, rendered, {
      script: chooser.script,
      data: { prerenderedPath: rendered.state.path, overview: chooser.overview, mockApi: '' },
    });
  }

  return async function renderPage(request: Request, template: string): Promise<string | undefined> {
    const url = new URL(request.url);
    if (url.pathname !== '/' || url.search !== '') return undefined;
    const version = await reports.dataVersion();
    if (cached === undefined || cached.version !== version || cached.template !== template) {
      const page = draw(template).catch((error: unknown) => {
        log('error', 'drawing the overview failed', describeError(error));
        // Not kept: the next request tries again.
        if (cached?.page === page) cached = undefined;
        return undefined;
      });
      cached = { version, template, page };
    }
    return cached.page;
  };
}
