import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domains, report, reportSource } from '../../mocks/data/erqi-2017-h1';
import { FRAME_END, FRAME_START, PLAIN_FRAME_ID, PRERENDERED_STATE_ID, SERVER_CHOOSER_FILE } from '../../src/prerender/markers';
import { createApi } from '../api/app';
import { createReportService } from '../core/reports';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pglite';
import { seedIfEmpty } from '../db/seed';
import { createSqlStore } from '../db/sql-store';
import { createOverviewPage, type OverviewRenderer } from '../node/overview-page';
import { createServerApp } from '../node/server-app';

// `/` from the server: the overview drawn from the database's live data, as the browser takes it over.

const CHOOSER_SCRIPT = "document.documentElement.dataset.chosen='yes'";
const TEMPLATE = `<!doctype html><html><head><title>进度</title></head><body>
    <div id="root">
      ${FRAME_START}<p class="app-shell-note">正在载入…</p>${FRAME_END}
    </div>
    <script type="module" src="/assets/index-AbC123.js"></script>
  </body></html>`;

/** The app's source entry, loaded as the server loads its built copy: by a path the type checker does not follow (it is React). */
const RENDERER_ENTRY = '../../src/prerender/server-entry.ts';

let db: Database;
let publicDir: string;
let app: ReturnType<typeof createServerApp>;
const errors: string[] = [];
const get = (url: string, headers: Record<string, string> = {}) => app.fetch(new Request(`http://jindu.test${url}`, { headers }));

beforeAll(async () => {
  publicDir = mkdtempSync(path.join(tmpdir(), 'jindu-public-'));
  writeFileSync(path.join(publicDir, 'index.html'), TEMPLATE);
  mkdirSync(path.join(publicDir, path.dirname(SERVER_CHOOSER_FILE)), { recursive: true });
  writeFileSync(path.join(publicDir, SERVER_CHOOSER_FILE), JSON.stringify({ script: CHOOSER_SCRIPT, overview: '/assets/overview-route-X.js' }));
  db = await openPglite();
  await migrate(db);
  await seedIfEmpty(db, [{ report, domains, source: reportSource }]);
  const store = createSqlStore(db);
  const log = (level: string, msg: string, fields?: Record<string, unknown>) => {
    if (level === 'error') errors.push(`${msg} ${JSON.stringify(fields)}`);
  };
  app = createServerApp({
    api: createApi({ store }),
    readiness: async () => ({ ready: true }),
    publicDir,
    log,
    renderPage: createOverviewPage({
      reports: createReportService(store),
      reportId: report.id,
      publicDir,
      loadRenderer: () => import(/* @vite-ignore */ RENDERER_ENTRY) as Promise<OverviewRenderer>,
      log,
    }),
  });
});
afterAll(async () => {
  await db.close();
  rmSync(publicDir, { recursive: true, force: true });
});

const stateOf = (html: string): unknown => {
  const found = new RegExp(`<script type="application/json" id="${PRERENDERED_STATE_ID}">([\\s\\S]*?)</script>`).exec(html);
  return found ? JSON.parse(found[1] ?? '') : undefined;
};
const goodAirDays = (html: string) => /aria-valuetext="(\d+) \/ (\d+) 天/.exec(html.slice(html.indexOf('ov-air-pollution-good-air-days-label')))?.slice(1, 3);

describe('/ from the server', () => {
  it('is the overview with its figures, drawn from the database, and the state to take it over from', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(goodAirDays(html)).toEqual(['66', '190']);
    expect(html.match(/role="meter"/g)).toHaveLength(15);
    expect(html).toContain(`<div id="${PLAIN_FRAME_ID}"><p class="app-shell-note">正在载入…</p></div>`);
    expect(html).toContain(`<script data-prerendered-path="/" data-overview="/assets/overview-route-X.js" data-mock-api="">${CHOOSER_SCRIPT}</script>`);
    const state = stateOf(html) as { path: string; queries: { queries: { queryKey: unknown[] }[] } };
    expect(state.path).toBe('/');
    expect(state.queries.queries.map((query) => query.queryKey)).toContainEqual(['reports', report.id]);
    expect(state.queries.queries).toHaveLength(1 + 15);
    expect(errors).toEqual([]);
  });

  it('allows its inline script by hash, never by unsafe-inline', async () => {
    const policy = (await get('/')).headers.get('content-security-policy') ?? '';
    const scriptSrc = policy.split(';').find((part) => part.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(CHOOSER_SCRIPT).digest('base64')}'`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('is sent compressed, and a repeated request is answered 304', async () => {
    const first = await get('/', { 'accept-encoding': 'br' });
    expect(first.headers.get('content-encoding')).toBe('br');
    const etag = first.headers.get('etag') ?? '';
    const again = await get('/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('shows a newly approved figure, with a new ETag, once the data version moves', async () => {
    const before = await get('/');
    const etag = before.headers.get('etag') ?? '';
    await db.transaction(async (tx) => {
      // One approved observation per metric: the new one supersedes the report's.
      await tx.query(`UPDATE observations SET state = 'superseded' WHERE metric_id = 'good-air-days' AND state = 'approved'`);
      await tx.query(
        `INSERT INTO observations (report_id, domain_id, metric_id, value, unit, qualifier, as_of, as_of_stated, source_kind, source_quote, source_figure, state, entered_by)
         VALUES ($1, 'air-pollution', 'good-air-days', 97, '天', 'exact', '2017-07-31', true, 'update', '环保局7月通报:优良天数97天', '97天', 'approved', 'test')`,
        [report.id],
      );
      await tx.query('UPDATE data_version SET version = version + 1');
    });
    const after = await get('/', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const html = await after.text();
    expect(goodAirDays(html)).toEqual(['97', '190']);
    const state = JSON.stringify(stateOf(html));
    expect(state).toContain('"value":97');
  });

  it.each(['/wall', '/domains/economy', '/?status=behind'])('sends the plain frame on %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toBe(TEMPLATE);
    expect(html).not.toContain(PRERENDERED_STATE_ID);
  });

  it('does not serve the build’s note to the server', async () => {
    expect((await get(`/${SERVER_CHOOSER_FILE}`)).status).not.toBe(200);
  });
});
