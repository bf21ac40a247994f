import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { domainSchema, problemSchema, reportListSchema, reportSchema, reportSourceSchema } from '../../src/api/schemas';
import { DEMO_TODAY, handlers } from '../../mocks/handlers';
import { domains, report, reportSource } from '../../mocks/data/erqi-2017-h1';
import { createApi } from '../api/app';
import type { Database } from '../db/database';
import { createSqlStore } from '../db/sql-store';
import { createSqlTrackingStore } from '../db/sql-tracking';
import { databaseKinds } from './databases';

// The contract (DESIGN.md "Facts: the API contract") asked of every implementation alike: the MSW
// handlers the demo and the unit tests use, and the server's API on each database. Same requests,
// same statuses; every body parsed with the contract's zod schema and equal to the dataset.

type Send = (path: string, init?: RequestInit) => Promise<Response>;
interface Implementation {
  name: string;
  /**
   * Whether its clock is past the first deadline after the report (Monday 2017-07-10 12:00) with no
   * update since: the demo's API is pinned to DEMO_TODAY (2017-07-12) so that the demo shows cycles,
   * and every domain is then 逾期未报. The servers here run on the real clock, past the plan's year.
   */
  overdueAtStart: boolean;
  start(): Promise<{ send: Send; stop(): Promise<void> }>;
}

const ORIGIN = 'http://jindu.test';

const implementations: Implementation[] = [
  {
    name: 'MSW (msw/node) on the in-memory store',
    overdueAtStart: DEMO_TODAY > '2017-07-10',
    async start() {
      const server = setupServer(...handlers);
      server.listen({ onUnhandledRequest: 'error' });
      return { send: (path, init) => fetch(`${ORIGIN}${path}`, init), stop: async () => server.close() };
    },
  },
  ...databaseKinds.map(
    (kind): Implementation => ({
      name: `the server's API on ${kind.name}`,
      overdueAtStart: false,
      async start() {
        const test = await kind.createSeeded();
        const db: Database = test.db;
        const tracking = createSqlTrackingStore(db);
        const api = createApi({ store: createSqlStore(db), tracking });
        return {
          send: async (path, init) => api.fetch(new Request(`${ORIGIN}${path}`, init)),
          stop: async () => {
            await tracking.close();
            await test.drop();
          },
        };
      },
    }),
  ),
];

/** What the dataset serves, as JSON would carry it (no undefined fields). */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The served answer without what round 2 adds to the reads (issue 16: a metric's observationId,
 * updatedAt and previous; a domain's 逾期未报), which the dataset cannot hold: the rest must equal it.
 */
function withoutRound2<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, field: unknown) => (['observationId', 'updatedAt', 'previous', 'overdue'].includes(key) ? undefined : field)),
  ) as T;
}

async function parsed<S extends z.ZodMiniType>(response: Response, schema: S): Promise<z.infer<S>> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const result = schema.safeParse(await response.json());
  if (!result.success) throw new Error(`does not parse: ${JSON.stringify(result.error.issues.slice(0, 3))}`);
  return result.data;
}

async function expectProblem(response: Response, status: number): Promise<z.infer<typeof problemSchema>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = problemSchema.parse(await response.json());
  expect(body.status).toBe(status);
  expect(body.title.length).toBeGreaterThan(0);
  return body;
}

const API = '/api/v1';
const REPORT = `${API}/reports/${report.id}`;

describe.each(implementations)('the API contract: $name', (implementation) => {
  let send: Send;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ send, stop } = await implementation.start());
  });
  afterAll(() => stop());

  it('lists the reports', async () => {
    const body = await parsed(await send(`${API}/reports`), reportListSchema);
    const { id, title, district, city, publishedOn, year } = report;
    expect(body).toEqual({ reports: [{ id, title, district, city, publishedOn, year }] });
  });

  it('serves the report: sections and domain summaries, equal to the dataset', async () => {
    const served = await parsed(await send(REPORT), reportSchema);
    expect(withoutRound2(served)).toEqual(asJson(report));
    // The report's publication counts as every domain's first update: none is 逾期未报 until a
    // deadline after it passes without one.
    expect(served.domains.map((d) => d.overdue)).toEqual(report.domains.map(() => implementation.overdueAtStart));
  });

  it('serves every domain with its metrics and milestones, equal to the dataset', async () => {
    expect(domains).toHaveLength(15);
    for (const domain of domains) {
      const body = await parsed(await send(`${REPORT}/domains/${domain.id}`), domainSchema);
      expect(withoutRound2(body), domain.id).toEqual(asJson(domain));
      expect(body.overdue, domain.id).toBe(implementation.overdueAtStart);
      for (const metric of body.metrics) {
        // The report's figures are each metric's first observation, live since its publication, with nothing before.
        expect(metric.observationId, metric.id).toMatch(/^\d+$/);
        expect(Date.parse(metric.updatedAt ?? ''), metric.id).toBe(Date.parse(`${report.publishedOn}T00:00:00+08:00`));
        expect(metric.previous, metric.id).toBeNull();
      }
    }
  });

  it('serves the report text and the exclusions, equal to the dataset', async () => {
    expect(await parsed(await send(`${REPORT}/source`), reportSourceSchema)).toEqual(asJson(reportSource));
  });

  it('answers unknown reports, domains and paths with 404 problem+json', async () => {
    expect((await expectProblem(await send(`${API}/reports/nope`), 404)).detail).toContain('nope');
    expect((await expectProblem(await send(`${API}/reports/nope/domains/economy`), 404)).title).toBe('报告不存在');
    expect((await expectProblem(await send(`${API}/reports/nope/source`), 404)).title).toBe('报告不存在');
    expect((await expectProblem(await send(`${REPORT}/domains/nope`), 404)).title).toBe('领域不存在');
    await expectProblem(await send(`${API}/nope`), 404);
    await expectProblem(await send(`${REPORT}/domains/economy/nope`), 404);
    await expectProblem(await send(`${API}/reports/${report.id}/domains`), 404);
  });

  it('answers other methods on a known path with 405 problem+json and Allow', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await send(`${API}/reports`, { method });
      await expectProblem(response, 405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
    await expectProblem(await send(`${REPORT}/domains/economy`, { method: 'DELETE' }), 405);
  });

  it('tags GETs with a strong ETag and answers If-None-Match with an empty 304', async () => {
    const first = await send(`${REPORT}/domains/economy`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    await first.arrayBuffer();

    const again = await send(`${REPORT}/domains/economy`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');

    // Weak comparison, a list, and `*` all match; another tag does not.
    expect((await send(`${REPORT}/domains/economy`, { headers: { 'if-none-match': `"x", W/${etag ?? ''}` } })).status).toBe(304);
    expect((await send(`${REPORT}/domains/economy`, { headers: { 'if-none-match': '*' } })).status).toBe(304);
    const other = await send(`${REPORT}/domains/economy`, { headers: { 'if-none-match': '"not-it"' } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();

    // Another answer has another tag.
    const land = await send(`${REPORT}/domains/land`);
    expect(land.headers.get('etag')).not.toBe(etag);
    await land.arrayBuffer();
  });

  it('answers malformed requests with a clear 4xx, never a 500', async () => {
    expect((await expectProblem(await send(`${API}/reports/%E0%A4%A`), 400)).title).toBe('请求路径无效');
    expect((await expectProblem(await send(`${REPORT}/domains/%`), 400)).title).toBe('请求路径无效');
    const absurd = 'a'.repeat(5000);
    const tooLong = await expectProblem(await send(`${API}/reports/${absurd}`), 404);
    expect(tooLong.detail?.length).toBeLessThan(200);
    await expectProblem(await send(`${REPORT}/domains/${encodeURIComponent('经济')}`), 404);
    await expectProblem(await send(`${REPORT}/domains/${encodeURIComponent("economy' OR 1=1 --")}`), 404);
    await expectProblem(await send(`${REPORT}/domains/${encodeURIComponent('../../reports')}`), 404);
    await expectProblem(await send(`${API}/reports/ECONOMY`), 404);
  });
});

describe('the mocked API under a base path', () => {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers /jindu/api/v1/… as /api/v1/…', async () => {
    const response = await fetch(`${ORIGIN}/jindu/api/v1/reports/${report.id}/domains/land`);
    expect(withoutRound2(await parsed(response, domainSchema))).toEqual(asJson(domains.find((d) => d.id === 'land')));
    const missing = await fetch(`${ORIGIN}/jindu/api/v1/nope`);
    await expectProblem(missing, 404);
  });
});
