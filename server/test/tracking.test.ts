import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainSchema, problemSchema, reportSchema } from '../../src/api/schemas';
import {
  auditListSchema,
  changesSchema,
  conflictProblemSchema,
  cycleSettingsSchema,
  domainObservationsSchema,
  fieldsProblemSchema,
  reportCycleSchema,
  observationListSchema,
  updateApprovedEventSchema,
  updateListSchema,
  updateSchema,
  type Role,
  type Update,
} from '../../src/api/tracking-schemas';
import { instantAt } from '../../src/tracking';
import { report } from '../../mocks/data/erqi-2017-h1';
import { API_PREFIX, createApiWithAuth } from '../api/app';
import type { TrackingStore } from '../core/tracking-store';
import { createSqlAccounts } from '../db/sql-accounts';
import { createSqlStore } from '../db/sql-store';
import { createSqlTrackingStore } from '../db/sql-tracking';
import { argon2Hasher } from '../node/argon2-hasher';
import { ORIGIN, backends, cookiePair, startApi, type Backend } from './auth-harness';
import { postgresKind } from './databases';

// Issue 16's endpoints asked of every store alike: in memory (what MSW serves; the demo's own flow
// through MSW is in mocks/handlers.test.ts), on PGlite and on PostgreSQL, each request signed in
// through the API as a real account.

const REPORT = `${API_PREFIX}/reports/${report.id}`;
const AIR = `${REPORT}/domains/air-pollution`;
const PASSWORD = 'correct horse battery';

const users = {
  updater: { username: 'air-updater', role: 'updater', domainIds: ['air-pollution'] },
  otherUpdater: { username: 'green-updater', role: 'updater', domainIds: ['greening'] },
  reviewer: { username: 'reviewer', role: 'reviewer', domainIds: [] },
  admin: { username: 'admin', role: 'admin', domainIds: [] },
  viewer: { username: 'viewer', role: 'viewer', domainIds: [] },
  author: { username: 'author', role: 'updater', domainIds: ['air-pollution'] },
} satisfies Record<string, { username: string; role: Role; domainIds: string[] }>;
type Who = keyof typeof users | 'anonymous';

/** Wednesday 2017-07-05 10:00 in the district: inside the plan's year, after the 07-03 deadline. */
const WEDNESDAY = instantAt('2017-07-05', '10:00');

interface Running {
  send(path: string, init?: { method?: string; body?: string; as?: Who; headers?: Record<string, string> }): Promise<Response>;
  /** The ids of the accounts of `users`. */
  ids: Record<keyof typeof users, string>;
  /** How many update-submitted and update-reviewed entries the audit log holds. */
  auditCount(): Promise<number>;
  setNow(instant: number): void;
  tracking: TrackingStore;
  stop(): Promise<void>;
}

async function start(backend: Backend, wrap?: (tracking: TrackingStore) => TrackingStore): Promise<Running> {
  const api = await startApi(backend, {}, wrap);
  api.clock.now = new Date(WEDNESDAY);
  const cookies = new Map<Who, string>();
  const ids: Partial<Record<keyof typeof users, string>> = {};
  for (const [key, user] of Object.entries(users) as [keyof typeof users, (typeof users)[keyof typeof users]][]) {
    ids[key] = (await api.addUser(user.username, PASSWORD, user.role, user.domainIds)).id;
    cookies.set(key, await api.signIn(user.username, PASSWORD));
  }
  const send: Running['send'] = (path, { method = 'GET', body, as = 'anonymous', headers = {} } = {}) => {
    const cookie = cookies.get(as);
    return api.send(method, path, { ...(body === undefined ? {} : { raw: body }), ...(cookie === undefined ? {} : { cookie }), headers });
  };
  return {
    send,
    ids: ids as Record<keyof typeof users, string>,
    async auditCount() {
      const entries = auditListSchema.parse(await (await send(`${API_PREFIX}/audit?limit=1000`, { as: 'admin' })).json()).entries;
      return entries.filter((e) => e.action === 'update-submitted' || e.action === 'update-reviewed').length;
    },
    setNow(instant) {
      api.clock.now = new Date(instant);
    },
    tracking: api.tracking,
    stop: () => api.close(),
  };
}

async function json<T>(response: Response, status: number, schema: { parse(value: unknown): T }): Promise<T> {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(status);
  return schema.parse(JSON.parse(text));
}

async function problemOf(response: Response, status: number) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return json(response, status, problemSchema);
}

async function currentId(run: Running, metricId: string): Promise<string> {
  const domain = await json(await run.send(AIR), 200, domainSchema);
  const metric = domain.metrics.find((m) => m.id === metricId);
  if (metric?.observationId === undefined) throw new Error(`no ${metricId}`);
  return metric.observationId;
}

function goodAirDays(value: number, supersedes: string | null, extra: Record<string, unknown> = {}) {
  return { observations: [{ metricId: 'good-air-days', value, asOf: '2017-07-02', basis: '环保局7月通报', supersedes, ...extra }] };
}

const post = (body: unknown, as: Who) => ({ method: 'POST', body: JSON.stringify(body), as });

describe.each(backends)('weekly updates on $name', (backend) => {
  let run: Running;
  beforeAll(async () => {
    run = await start(backend);
  }, 60_000);
  afterAll(() => run.stop());

  async function submit(value: number, supersedes: string | null, as: Who = 'updater'): Promise<Update> {
    return json(await run.send(`${AIR}/updates`, post(goodAirDays(value, supersedes), as)), 201, updateSchema);
  }
  const review = (id: string, body: unknown, as: Who = 'reviewer') => run.send(`${API_PREFIX}/updates/${id}/review`, post(body, as));

  it('serves each metric’s history: the report’s figure first, with its quote', async () => {
    const body = await json(await run.send(`${AIR}/metrics/good-air-days/observations`), 200, observationListSchema);
    expect(body.observations).toHaveLength(1);
    expect(body.observations[0]).toMatchObject({ value: 66, unit: '天', state: 'approved', source: { kind: 'report' }, enteredBy: null, approvedAt: null });
    expect(body.observations[0]?.source.quote).toContain('66');
    await problemOf(await run.send(`${AIR}/metrics/nope/observations`), 404);
    await problemOf(await run.send(`${REPORT}/domains/nope/metrics/good-air-days/observations`), 404);
  });

  it('stores a submission as pending, seen only by its author and reviewers, with its audit entry', async () => {
    const audits = await run.auditCount();
    const current = await currentId(run, 'good-air-days');
    const update = await submit(90, current);
    expect(update).toMatchObject({ state: 'submitted', domainId: 'air-pollution', submittedBy: { id: run.ids.updater, username: 'air-updater' } });
    expect(update.observations).toEqual([
      expect.objectContaining({ metricId: 'good-air-days', value: 90, unit: '天', asOf: '2017-07-02', state: 'submitted', supersedes: current, source: { kind: 'update' }, basis: '环保局7月通报' }),
    ]);
    expect(await run.auditCount()).toBe(audits + 1);

    const history = (as: Who) => run.send(`${AIR}/metrics/good-air-days/observations`, { as }).then((r) => json(r, 200, observationListSchema));
    expect((await history('anonymous')).observations.map((o) => o.state)).toEqual(['approved']);
    expect((await history('viewer')).observations.map((o) => o.state)).toEqual(['approved']);
    expect((await history('otherUpdater')).observations.map((o) => o.state)).toEqual(['approved']);
    expect((await history('updater')).observations.map((o) => o.value)).toEqual([90, 66]);
    expect((await history('reviewer')).observations.map((o) => o.value)).toEqual([90, 66]);

    // Nothing pending reaches the reads.
    const domain = await json(await run.send(AIR), 200, domainSchema);
    expect(domain.metrics.find((m) => m.id === 'good-air-days')?.value).toBe(66);

    const queue = await json(await run.send(`${API_PREFIX}/updates?state=submitted`, { as: 'reviewer' }), 200, updateListSchema);
    expect(queue.updates.map((u) => u.id)).toContain(update.id);
    expect((await json(await run.send(`${API_PREFIX}/updates`, { as: 'otherUpdater' }), 200, updateListSchema)).updates).toEqual([]);
    await problemOf(await run.send(`${API_PREFIX}/updates`), 401);
    await problemOf(await run.send(`${API_PREFIX}/updates`, { as: 'viewer' }), 403);
    await problemOf(await run.send(`${API_PREFIX}/updates/${update.id}`, { as: 'viewer' }), 403);
    expect((await json(await run.send(`${API_PREFIX}/updates/${update.id}`, { as: 'updater' }), 200, updateSchema)).id).toBe(update.id);
  });

  it('approves: the figure goes live with previous, a new ETag, an audit entry and the event', async () => {
    const current = await currentId(run, 'good-air-days');
    const before = await run.send(AIR);
    const etag = before.headers.get('etag') ?? '';
    await before.arrayBuffer();
    const update = await submit(92, current);
    const events: unknown[] = [];
    const stop = await run.tracking.subscribe((event) => events.push(event));
    const audits = await run.auditCount();

    const approved = await json(await review(update.id, { decision: 'approve', comment: '核实无误' }), 200, updateSchema);
    expect(approved).toMatchObject({ state: 'approved', review: { by: { id: run.ids.reviewer }, decision: 'approve', comment: '核实无误' } });
    expect(approved.observations[0]).toMatchObject({ state: 'approved', value: 92 });
    expect(approved.observations[0]?.approvedAt).not.toBeNull();
    expect(await run.auditCount()).toBe(audits + 1);
    // PostgreSQL delivers the NOTIFY after the commit, on the listening connection: soon, not at once.
    await expect.poll(() => events, { timeout: 10_000 }).toEqual([{ reportId: report.id, domainId: 'air-pollution', updateId: update.id }]);
    stop();

    const after = await run.send(AIR, { headers: { 'if-none-match': etag } });
    const metric = (await json(after, 200, domainSchema)).metrics.find((m) => m.id === 'good-air-days');
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(metric).toMatchObject({ value: 92, asOf: '2017-07-02', observationId: approved.observations[0]?.id, previous: { id: current, value: 66, unit: '天' } });
    expect(metric?.source).toEqual({ kind: 'update', quote: '', figure: '' });
    // The report's completion share belonged to the report's figure.
    expect(metric?.reportedProgressPct).toBeUndefined();

    const history = await json(await run.send(`${AIR}/metrics/good-air-days/observations`), 200, observationListSchema);
    expect(history.observations.slice(0, 2).map((o) => [o.value, o.state])).toEqual([
      [92, 'approved'],
      [66, 'superseded'],
    ]);
    // Approved updates are public; a second review is a conflict.
    expect((await json(await run.send(`${API_PREFIX}/updates/${update.id}`), 200, updateSchema)).state).toBe('approved');
    await problemOf(await review(update.id, { decision: 'approve' }), 409);
  });

  it('returns with a comment, and a resubmission names the returned update', async () => {
    const update = await submit(93, await currentId(run, 'good-air-days'));
    const missing = await problemOf(await review(update.id, { decision: 'return' }), 422);
    expect(missing.detail).toContain('comment');
    const returned = await json(await review(update.id, { decision: 'return', comment: '请附统计局月报' }), 200, updateSchema);
    expect(returned).toMatchObject({ state: 'returned', review: { decision: 'return', comment: '请附统计局月报' } });
    expect(returned.observations[0]?.state).toBe('returned');

    const again = await json(
      await run.send(`${AIR}/updates`, post({ ...goodAirDays(93, await currentId(run, 'good-air-days')), resubmits: update.id }, 'updater')),
      201,
      updateSchema,
    );
    expect(again.resubmits).toBe(update.id);
    expect((await json(await run.send(`${API_PREFIX}/updates/${update.id}`, { as: 'updater' }), 200, updateSchema)).state).toBe('returned');
    // Only a returned update of this domain can be resubmitted.
    const wrong = await problemOf(await run.send(`${AIR}/updates`, post({ ...goodAirDays(94, await currentId(run, 'good-air-days')), resubmits: again.id }, 'updater')), 422);
    expect(wrong.detail).toContain('resubmits');
    await json(await review(again.id, { decision: 'return', comment: '清理测试数据' }), 200, updateSchema);
  });

  it('refuses a stale submission with 409 and the current observation', async () => {
    const stale = await currentId(run, 'good-air-days');
    const first = await submit(95, stale);
    await json(await review(first.id, { decision: 'approve' }), 200, updateSchema);
    const conflict = await json(await run.send(`${AIR}/updates`, post(goodAirDays(96, stale), 'updater')), 409, conflictProblemSchema);
    expect(conflict.current).toEqual([
      { metricId: 'good-air-days', supersedes: stale, observation: expect.objectContaining({ id: first.observations[0]?.id, value: 95, state: 'approved' }) },
    ]);
  });

  it('lets the first of two approvals superseding the same observation win; the second is returned with 409', async () => {
    const current = await currentId(run, 'good-air-days');
    const a = await submit(97, current);
    const b = await submit(98, current);
    const [ra, rb] = await Promise.all([review(a.id, { decision: 'approve' }), review(b.id, { decision: 'approve' }, 'admin')]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    const loserId = ra.status === 409 ? a.id : b.id;
    const winner = ra.status === 409 ? b : a;
    const conflict = conflictProblemSchema.parse(await loser.json());
    expect(conflict.current[0]?.observation?.id).toBe(winner.observations[0]?.id);
    const returned = await json(await run.send(`${API_PREFIX}/updates/${loserId}`, { as: 'reviewer' }), 200, updateSchema);
    expect(returned.state).toBe('returned');
    expect(returned.review?.comment).toContain('good-air-days');
    // Exactly one approved observation of the metric.
    const history = await json(await run.send(`${AIR}/metrics/good-air-days/observations`), 200, observationListSchema);
    expect(history.observations.filter((o) => o.state === 'approved')).toHaveLength(1);
  });

  it('answers two approvals of the same update once', async () => {
    const update = await submit(99, await currentId(run, 'good-air-days'));
    const answers = await Promise.all([review(update.id, { decision: 'approve' }), review(update.id, { decision: 'approve' }, 'admin')]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    await Promise.all(answers.map((r) => r.arrayBuffer()));
  });

  it('keeps the roles apart: who may submit and review (the permission matrix rows of issue 16)', async () => {
    const body = goodAirDays(100, await currentId(run, 'good-air-days'));
    const submitStatus: Record<string, number> = { anonymous: 401, viewer: 403, otherUpdater: 403, reviewer: 403, admin: 403 };
    for (const [who, status] of Object.entries(submitStatus)) {
      await problemOf(await run.send(`${AIR}/updates`, post(body, who as Who)), status);
    }
    const update = await submit(100, body.observations[0]?.supersedes ?? null);
    const reviewStatus: Record<string, number> = { anonymous: 401, viewer: 403, otherUpdater: 403, updater: 403 };
    for (const [who, status] of Object.entries(reviewStatus)) {
      await problemOf(await review(update.id, { decision: 'approve' }, who as Who), status);
    }
    // Nobody approves their own: an author who has since become a reviewer still cannot.
    const authored = await submit(100, body.observations[0]?.supersedes ?? null, 'author');
    const promoted = await run.send(`${API_PREFIX}/users/${run.ids.author}`, { method: 'PATCH', body: JSON.stringify({ role: 'reviewer', domainIds: [] }), as: 'admin' });
    expect(promoted.status).toBe(200);
    const own = await problemOf(await review(authored.id, { decision: 'approve' }, 'author'), 403);
    expect(own.detail).toContain('自己');
    await json(await review(authored.id, { decision: 'return', comment: '矩阵测试' }, 'admin'), 200, updateSchema);
    await json(await review(update.id, { decision: 'return', comment: '矩阵测试' }, 'admin'), 200, updateSchema);
  });

  it('answers bad bodies with 400/422 naming the field, never 500', async () => {
    const current = await currentId(run, 'good-air-days');
    const cases: [unknown, number, string][] = [
      [{ ...goodAirDays(90, current), extra: 1 }, 400, 'extra'],
      [goodAirDays(90, current, { colour: 'red' }), 400, 'observations[0].colour'],
      [{ observations: [{ metricId: 'good-air-days', value: '90', asOf: '2017-07-02', supersedes: current }] }, 400, 'observations[0].value'],
      [goodAirDays(90, current, { asOf: '2017-07-09' }), 422, 'observations[0].asOf'],
      [goodAirDays(90, current, { asOf: '2016-12-30' }), 422, 'observations[0].asOf'],
      [goodAirDays(90, current, { unit: '亩' }), 422, 'observations[0].unit'],
      [goodAirDays(-1, current), 422, 'observations[0].value'],
      [goodAirDays(400, current), 422, 'observations[0].value'],
      [{ observations: [{ metricId: 'nope', value: 1, asOf: '2017-07-02', supersedes: null }] }, 422, 'observations[0].metricId'],
      [{ observations: [], milestones: [{ milestoneId: 'nope', state: 'done' }] }, 422, 'milestones[0].milestoneId'],
      [{ observations: [] }, 422, '(body)'],
      [{ observations: [], narrative: { progress: 'x'.repeat(5000), problems: '', nextSteps: '' } }, 422, 'narrative.progress'],
    ];
    for (const [body, status, field] of cases) {
      const response = await run.send(`${AIR}/updates`, post(body, 'updater'));
      const answer = (await problemOf(response.clone(), status)) as { detail?: string };
      expect(answer.detail, JSON.stringify(body).slice(0, 120)).toContain(field);
      expect(((await response.json()) as { field?: string }).field).toBe(field);
    }
    for (const raw of ['not json', '[]', 'null', '{"observations":{"0":1}}', '']) {
      const response = await run.send(`${AIR}/updates`, { method: 'POST', body: raw, as: 'updater' });
      expect(response.status, raw).toBe(400);
      await response.arrayBuffer();
    }
    const badReview = await problemOf(await review('12345678', { decision: 'maybe' }), 404);
    expect(badReview.status).toBe(404);
    await problemOf(await run.send(`${API_PREFIX}/updates?state=nope`, { as: 'reviewer' }), 400);
    await problemOf(await run.send(`${API_PREFIX}/updates/${encodeURIComponent("1' OR 1=1")}`, { as: 'reviewer' }), 404);
  });

  it('answers what changed since a date: new values with deltas, who did not report', async () => {
    const body = await json(await run.send(`${REPORT}/changes?since=2017-07-01`), 200, changesSchema);
    expect(body).toMatchObject({ reportId: report.id, since: '2017-07-01', until: '2017-07-05' });
    const air = body.observations.find((o) => o.metricId === 'good-air-days');
    expect(air?.previous).toMatchObject({ value: 66 });
    expect(air?.delta).toMatchObject({ unit: '天', value: (air?.observation.value ?? 0) - 66 });
    expect(body.notReported).not.toContain('air-pollution');
    expect(body.notReported).toContain('economy');
    expect(body.overdue).toEqual([]);
    await problemOf(await run.send(`${REPORT}/changes`), 400);
    expect((await problemOf(await run.send(`${REPORT}/changes?since=2017-02-30`), 422)).detail).toContain('since');
    await problemOf(await run.send(`${API_PREFIX}/reports/nope/changes?since=2017-07-01`), 404);
  });

  it('marks domains 逾期未报 after the deadline, on the overview and the domain', async () => {
    // Tuesday 07-11: the 07-10 12:00 deadline passed; only air-pollution reported since 07-03 12:00.
    run.setNow(instantAt('2017-07-11', '09:00'));
    try {
      const overview = await json(await run.send(REPORT), 200, reportSchema);
      const overdue = overview.domains.filter((d) => d.overdue).map((d) => d.id);
      expect(overdue).not.toContain('air-pollution');
      expect(overdue).toContain('economy');
      expect((await json(await run.send(`${REPORT}/domains/economy`), 200, domainSchema)).overdue).toBe(true);
      const changes = await json(await run.send(`${REPORT}/changes?since=2017-07-03`), 200, changesSchema);
      expect(changes.overdue).toContain('economy');
    } finally {
      run.setNow(WEDNESDAY);
    }
    expect((await json(await run.send(REPORT), 200, reportSchema)).domains.every((d) => d.overdue === false)).toBe(true);
  });

  it('serves a domain’s every history in one answer, visible as the per-metric one', async () => {
    const domain = await json(await run.send(AIR), 200, domainSchema);
    const all = (as: Who) => run.send(`${AIR}/observations`, { as }).then((r) => json(r, 200, domainObservationsSchema));
    const pending = await submit(88, await currentId(run, 'good-air-days'));
    const anonymous = await all('anonymous');
    expect(Object.keys(anonymous.metrics).sort()).toEqual(domain.metrics.map((m) => m.id).sort());
    for (const metric of domain.metrics) {
      const one = await json(await run.send(`${AIR}/metrics/${metric.id}/observations`), 200, observationListSchema);
      expect(anonymous.metrics[metric.id]).toEqual(one.observations);
    }
    expect(anonymous.metrics['good-air-days']?.map((o) => o.id)).not.toContain(pending.observations[0]?.id);
    expect((await all('updater')).metrics['good-air-days']?.map((o) => o.id)).toContain(pending.observations[0]?.id);
    expect((await all('reviewer')).metrics['good-air-days']?.[0]?.state).toBe('submitted');
    expect((await all('otherUpdater')).metrics['good-air-days']?.map((o) => o.id)).not.toContain(pending.observations[0]?.id);
    await review(pending.id, { decision: 'return', comment: '测试退回' });
    await problemOf(await run.send(`${REPORT}/domains/nope/observations`), 404);
    await problemOf(await run.send(`${API_PREFIX}/reports/nope/domains/air-pollution/observations`), 404);
    expect((await run.send(`${AIR}/observations`, { method: 'POST', body: '{}', as: 'admin' })).status).toBe(405);
  });

  it('serves the server’s today and the current cycle, and lets an admin move the deadline (audited)', async () => {
    const cycle = await json(await run.send(`${REPORT}/cycle`), 200, reportCycleSchema);
    // Wednesday 07-05: the cycle opened Monday 07-03 12:00 and is due Monday 07-10 12:00.
    expect(cycle).toMatchObject({
      today: '2017-07-05',
      pinned: false,
      settings: { deadline: { weekday: 1, time: '12:00' }, frequencies: { 'economy/gdp': 'quarterly' } },
      current: { opensOn: '2017-07-03', dueOn: '2017-07-10', dueAt: '2017-07-10T04:00:00.000Z' },
      lastMeetingOn: '2017-07-03',
      nextMeetingOn: '2017-07-10',
    });
    const setting = (body: unknown, as: Who) => run.send(`${API_PREFIX}/settings/cycle`, { method: 'PUT', body: JSON.stringify(body), as });
    await problemOf(await setting({ deadline: { weekday: 5, time: '17:00' }, frequencies: {} }, 'anonymous'), 401);
    await problemOf(await setting({ deadline: { weekday: 5, time: '17:00' }, frequencies: {} }, 'reviewer'), 403);
    const badTime = await json(await setting({ deadline: { weekday: 5, time: '25:00' }, frequencies: {} }, 'admin'), 422, fieldsProblemSchema);
    expect(badTime.field).toBe('deadline.time');
    const badDay = await json(await setting({ deadline: { weekday: 8, time: '17:00' }, frequencies: {} }, 'admin'), 422, fieldsProblemSchema);
    expect(badDay.field).toBe('deadline.weekday');
    expect((await json(await setting({ deadline: { weekday: 5 }, frequencies: {} }, 'admin'), 400, fieldsProblemSchema)).field).toBe('deadline.time');
    expect((await json(await setting({ deadline: { weekday: 5, time: '17:00' }, frequencies: {}, extra: 1 }, 'admin'), 400, fieldsProblemSchema)).field).toBe('extra');

    const entries = async () => auditListSchema.parse(await (await run.send(`${API_PREFIX}/audit?limit=1000`, { as: 'admin' })).json()).entries.filter((e) => e.action === 'cycle-changed');
    const audits = (await entries()).length;
    const friday = { deadline: { weekday: 5, time: '17:00' }, frequencies: { 'economy/gdp': 'quarterly' } };
    try {
      expect(await json(await setting(friday, 'admin'), 200, cycleSettingsSchema)).toEqual(friday);
      const [entry] = await entries();
      expect((await entries()).length).toBe(audits + 1);
      expect(entry).toMatchObject({ who: { id: run.ids.admin }, target: { kind: 'settings', id: 'cycle' }, after: friday });
      const moved = await json(await run.send(`${REPORT}/cycle`), 200, reportCycleSchema);
      expect(moved).toMatchObject({ settings: friday, current: { opensOn: '2017-06-30', dueOn: '2017-07-07' }, lastMeetingOn: '2017-06-30', nextMeetingOn: '2017-07-07' });
    } finally {
      await json(await setting({ deadline: { weekday: 1, time: '12:00' }, frequencies: { 'economy/gdp': 'quarterly' } }, 'admin'), 200, cycleSettingsSchema);
    }
    await problemOf(await run.send(`${API_PREFIX}/reports/nope/cycle`), 404);
    // Outside the plan's year no cycle is open.
    run.setNow(instantAt('2018-03-01', '09:00'));
    try {
      expect((await json(await run.send(`${REPORT}/cycle`), 200, reportCycleSchema)).current).toBeNull();
    } finally {
      run.setNow(WEDNESDAY);
    }
  });

  it('answers HEAD /events with the headers alone', async () => {
    const head = await run.send(`${API_PREFIX}/events`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await head.text()).toBe('');
  });

  it('streams approvals as server-sent events', async () => {
    const response = await run.send(`${API_PREFIX}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error('no body');
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (seen: string | ((text: string) => boolean)) => {
      const found = typeof seen === 'string' ? (t: string) => t.includes(seen) : seen;
      while (!found(text)) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(': connected');
    expect(text).toMatch(/^retry: \d+\n/);
    const update = await submit(101, await currentId(run, 'good-air-days'));
    await json(await review(update.id, { decision: 'approve' }), 200, updateSchema);
    // The event, whole, wherever it falls among the heartbeats; then a heartbeat after it.
    const pattern = /event: update-approved\ndata: (.*)\n\n/;
    await readUntil((seen) => pattern.test(seen));
    const after = text.length;
    await readUntil((seen) => seen.indexOf(': heartbeat', after) >= 0);
    const event = pattern.exec(text);
    expect(updateApprovedEventSchema.parse(JSON.parse(event?.[1] ?? 'null'))).toEqual({ reportId: report.id, domainId: 'air-pollution', updateId: update.id });
    await reader.cancel();
  });
});

describe.each(backends)('a submission and its audit entry are one transaction, on $name', (backend) => {
  let run: Running;
  beforeAll(async () => {
    run = await start(backend, (tracking) => ({
        ...tracking,
        transaction: (work) =>
          tracking.transaction((tx) =>
            work({
              ...tx,
              appendAudit: () => Promise.reject(new Error('the audit log is full')),
            }),
          ),
      }));
  }, 60_000);
  afterAll(() => run.stop());

  it('stores nothing when the audit entry cannot be written', async () => {
    const current = await currentId(run, 'good-air-days');
    const response = await run.send(`${AIR}/updates`, post(goodAirDays(90, current), 'updater'));
    await problemOf(response, 500);
    expect((await json(await run.send(`${API_PREFIX}/updates`, { as: 'reviewer' }), 200, updateListSchema)).updates).toEqual([]);
    const history = await json(await run.send(`${AIR}/metrics/good-air-days/observations`, { as: 'reviewer' }), 200, observationListSchema);
    expect(history.observations).toHaveLength(1);
    expect(await run.auditCount()).toBe(0);
  });
});

describe.runIf(postgresKind !== undefined)('events across app servers on one PostgreSQL', () => {
  it('reaches a client of server 1 when server 2 approves', async () => {
    const { openPostgres } = await import('../db/postgres');
    if (postgresKind === undefined) return;
    const test = await postgresKind.createSeeded();
    const second = await openPostgres(test.url ?? '');
    const trackingOne = createSqlTrackingStore(test.db);
    const trackingTwo = createSqlTrackingStore(second);
    const server = (db: typeof test.db, tracking: TrackingStore) =>
      createApiWithAuth({ store: createSqlStore(db), accounts: createSqlAccounts(db), hasher: argon2Hasher, tracking, now: () => new Date(WEDNESDAY) }).app;
    const one = server(test.db, trackingOne);
    const two = server(second, trackingTwo);
    const send = (app: typeof one, path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
      app.fetch(
        new Request(`${ORIGIN}${path}`, {
          method: init.method ?? 'GET',
          headers: {
            ...(init.body === undefined ? {} : { 'content-type': 'application/json', origin: ORIGIN }),
            ...(init.cookie === undefined ? {} : { cookie: init.cookie }),
          },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        }),
      );
    try {
      const accounts = createSqlAccounts(test.db);
      for (const [username, role, domainIds] of [['air-updater', 'updater', ['air-pollution']], ['reviewer', 'reviewer', []]] as const) {
        await accounts.createUser({ username, passwordHash: await argon2Hasher.hash(PASSWORD), role, domainIds: [...domainIds], createdAt: new Date(WEDNESDAY) });
      }
      const signIn = async (username: string) => cookiePair((await send(two, `${API_PREFIX}/session`, { method: 'POST', body: { username, password: PASSWORD } })).headers.get('set-cookie'));
      const updater = await signIn('air-updater');
      const reviewer = await signIn('reviewer');

      const stream = await send(one, `${API_PREFIX}/events`);
      const reader = stream.body?.getReader();
      if (reader === undefined) throw new Error('no body');
      const decoder = new TextDecoder();
      let text = '';
      const readUntil = async (needle: string) => {
        while (!text.includes(needle)) {
          const { done, value } = await reader.read();
          if (done) throw new Error(`stream ended: ${text}`);
          text += decoder.decode(value, { stream: true });
        }
      };
      await readUntil(': connected');

      const domain = domainSchema.parse(await (await send(two, AIR)).json());
      const current = domain.metrics.find((m) => m.id === 'good-air-days')?.observationId ?? null;
      const submitted = await send(two, `${AIR}/updates`, { method: 'POST', body: goodAirDays(90, current), cookie: updater });
      const update = updateSchema.parse(await submitted.json());
      const approved = await send(two, `${API_PREFIX}/updates/${update.id}/review`, { method: 'POST', body: { decision: 'approve' }, cookie: reviewer });
      expect(approved.status).toBe(200);
      await readUntil('event: update-approved');
      await readUntil('}\n\n');
      expect(text).toContain(JSON.stringify({ reportId: report.id, domainId: 'air-pollution', updateId: update.id }));
      await reader.cancel();
      // Server 1 serves the new figure too: its cached answers follow the shared data version.
      const fromOne = domainSchema.parse(await (await send(one, AIR)).json());
      expect(fromOne.metrics.find((m) => m.id === 'good-air-days')?.value).toBe(90);
    } finally {
      await trackingOne.close();
      await trackingTwo.close();
      await second.close();
      await test.drop();
    }
  }, 60_000);
});

describe('the clock (JINDU_TODAY)', () => {
  it('pins the date and keeps the time of day; refuses what is not a date', async () => {
    const { clockFromEnv } = await import('../core/tracking');
    const real = () => Date.parse('2026-12-01T03:30:00Z');
    expect(clockFromEnv({}, real)()).toBe(real());
    // 03:30Z is 11:30 in the district: 2017-07-03 11:30 +08:00, half an hour before the Monday deadline.
    expect(new Date(clockFromEnv({ JINDU_TODAY: '2017-07-03' }, real)()).toISOString()).toBe('2017-07-03T03:30:00.000Z');
    expect(() => clockFromEnv({ JINDU_TODAY: '2017-02-30' })).toThrow(/JINDU_TODAY/);
  });
});
