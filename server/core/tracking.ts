import type { Problem } from '../../src/api/schemas';
import {
  changesSchema,
  cycleSettingsSchema,
  reviewBodySchema,
  updateSubmissionSchema,
  type Changes,
  type ConflictProblem,
  type CycleSettings,
  type DomainObservations,
  type Observation,
  type ObservationList,
  type ReportCycle,
  type SessionUser,
  type Update,
  type UpdateList,
  type UpdateState,
} from '../../src/api/tracking-schemas';
import {
  addDays,
  changesSince,
  checkSubmittedObservation,
  conflictProblem,
  currentApproved,
  currentCycle,
  deadlineOnOrAfter,
  instantAt,
  isCalendarDate,
  isoWeekday,
  localDateOf,
  planApproval,
  planReturn,
  reportingState,
  staleClaims,
  type Refusal,
  type UpdateStamp,
} from '../../src/tracking';
import { auditEntry } from '../auth/audit';
import { decide, pendingScope } from '../auth/permissions';
import { problem } from '../auth/problem';
import { observationOf, updateOf } from './observations';
import type { ObservationRecord, ReportRecord } from './records';
import { createReportService, type ReportReporting } from './reports';
import type { Store } from './store';
import { isUniqueViolation, type NewObservation, type TrackingStore, type TrackingTransaction, type UpdateRecord } from './tracking-store';

// Weekly updates (issue 16): submit, review, history, what changed, 逾期未报. The acting account is an
// argument (the routes take it from the request's actor), the clock is injected (JINDU_TODAY pins it),
// and every rule comes from src/tracking: this file only decides the order and the transaction.

export interface TrackingOptions {
  store: Store;
  tracking: TrackingStore;
  /** The server's clock, in ms since the epoch. */
  now: () => number;
  /** Whether the clock's date is pinned (JINDU_TODAY, the demo): `GET …/cycle` says so. */
  pinned?: boolean;
  /**
   * What submitted figures are: a department's 填报 (`update`), or illustrative (`example`, 示例) in
   * the demo, where whatever a visitor types must never pass for the district's data.
   */
  enteredKind?: 'update' | 'example';
}

/** Where the request came from, for the audit log. */
export interface RequestMeta {
  address: string | null;
  requestId: string;
}

/** A 400/422 names every field it refuses; `field` is the first, as issue 15's answers have it. */
export type FieldsProblem = Problem & { field: string; errors: { field: string; detail: string }[] };

function fieldsProblem(status: 400 | 422, errors: { field: string; detail: string }[]): FieldsProblem {
  const detail = errors.map((e) => `${e.field}: ${e.detail}`).join(';');
  return { ...problem(status, status === 400 ? '请求无效' : '数据不符合要求', detail), field: errors[0]?.field ?? '', errors };
}

export type Outcome<T> = { ok: true; status: 200 | 201; body: T } | { ok: false; problem: Problem | ConflictProblem | FieldsProblem };

const refused = (p: Problem): { ok: false; problem: Problem } => ({ ok: false, problem: p });

/** zod's issue codes that mean "not the shape asked for" (400); the others are values out of bounds (422). */
const MALFORMED = new Set(['invalid_type', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value']);

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(body)' : out;
}

interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

function bodyProblem(issues: readonly Issue[]): FieldsProblem {
  const status = issues.some((i) => MALFORMED.has(i.code)) ? 400 : 422;
  const errors = issues.map((i) => ({
    field: i.code === 'unrecognized_keys' && i.keys !== undefined ? fieldPath([...i.path, i.keys[0] ?? '']) : fieldPath(i.path),
    detail: i.message,
  }));
  return fieldsProblem(status, errors);
}

function refusalsProblem(refusals: readonly Refusal[]): FieldsProblem {
  return fieldsProblem(
    422,
    refusals.map((r) => ({ field: r.field, detail: r.message })),
  );
}

const notFound = (what: string) => problem(404, '不存在', what);

/** The report's publication, as an approved update: the demo does not open with every domain overdue. */
function reportStamp(report: ReportRecord): UpdateStamp {
  return { state: 'approved', submittedAt: new Date(instantAt(report.publishedOn, '00:00')).toISOString() };
}

function newestFirst(a: Observation, b: Observation): number {
  if (a.asOf !== b.asOf) return a.asOf < b.asOf ? 1 : -1;
  return b.id.length - a.id.length || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The request's JSON body, read only when needed: { ok: false } carries its 400/413. */
export type ReadBody = () => Promise<{ ok: true; value: unknown } | { ok: false; problem: Problem }>;

class Conflict {
  constructor(readonly body: ConflictProblem | Problem) {}
}

export interface TrackingService {
  listObservations(user: SessionUser | null, reportId: string, domainId: string, metricId: string): Promise<Outcome<ObservationList>>;
  /** `readBody` is called once the asker may submit here (401/403/404 come first, then 400/422). */
  submit(user: SessionUser | null, reportId: string, domainId: string, readBody: ReadBody, meta: RequestMeta): Promise<Outcome<Update>>;
  listUpdates(user: SessionUser | null, state: string | undefined): Promise<Outcome<UpdateList>>;
  getUpdate(user: SessionUser | null, updateId: string): Promise<Outcome<Update>>;
  review(user: SessionUser | null, updateId: string, readBody: ReadBody, meta: RequestMeta): Promise<Outcome<Update>>;
  changes(reportId: string, since: string | undefined): Promise<Outcome<Changes>>;
  /** Every metric's history of a domain in one answer, visible as listObservations's. */
  domainObservations(user: SessionUser | null, reportId: string, domainId: string): Promise<Outcome<DomainObservations>>;
  /** The server's today, the cycle setting and the current cycle, for a report's plan year. */
  cycle(reportId: string): Promise<Outcome<ReportCycle>>;
  /** An admin replaces the cycle setting (audited); 400/422 name the field. */
  setCycleSettings(user: SessionUser | null, readBody: ReadBody, meta: RequestMeta): Promise<Outcome<CycleSettings>>;
  /** 逾期未报 and the data version's clock part, for the existing reads. */
  reporting: ReportReporting;
}

/** The last day with this ISO weekday strictly before `date`, and the first on or after it. */
export function meetingDays(date: string, weekday: number): { last: string; next: string } {
  const back = (isoWeekday(date) - weekday + 7) % 7;
  return { last: addDays(date, -(back === 0 ? 7 : back)), next: addDays(date, (weekday - isoWeekday(date) + 7) % 7) };
}

export function createTrackingService({ store, tracking, now, pinned = false, enteredKind = 'update' }: TrackingOptions): TrackingService {
  const today = () => localDateOf(now());

  async function readUpdate(record: UpdateRecord): Promise<Update> {
    return updateOf(record, await tracking.listUpdateObservations(record.id));
  }

  async function stampsByDomain(report: ReportRecord): Promise<Map<string, UpdateStamp[]>> {
    const updates = await tracking.listUpdates({ reportId: report.id });
    const byDomain = new Map<string, UpdateStamp[]>();
    for (const u of updates) byDomain.set(u.domainId, [...(byDomain.get(u.domainId) ?? []), { state: u.state, submittedAt: u.submittedAt }]);
    return byDomain;
  }

  const reporting: ReportReporting = {
    async overdue(reportId) {
      const report = await store.getReport(reportId);
      if (report === undefined) return new Set();
      const [domains, stamps, settings] = await Promise.all([store.listDomains(reportId), stampsByDomain(report), tracking.cycleSettings()]);
      const at = now();
      return new Set(
        domains
          .filter((d) => reportingState([reportStamp(report), ...(stamps.get(d.id) ?? [])], at, report.year, settings).overdue)
          .map((d) => d.id),
      );
    },
    async epoch() {
      return String(deadlineOnOrAfter(now(), await tracking.cycleSettings()));
    },
  };

  /** Approved and superseded for everyone; pending ones for reviewers and admins (all) or their author. */
  async function visibleObservations(user: SessionUser | null, reportId: string, domainId: string): Promise<ObservationRecord[]> {
    const scope = pendingScope(user);
    const all = await store.listObservations(reportId, domainId, ['approved', 'superseded', 'submitted', 'returned']);
    return all.filter(
      (o) => o.state === 'approved' || o.state === 'superseded' || scope === 'all' || (scope === 'own' && o.enteredBy === user?.id),
    );
  }

  async function currentOf(tx: TrackingTransaction, reportId: string, domainId: string): Promise<Map<string, Observation>> {
    const approved = await tx.listObservations(reportId, domainId, ['approved']);
    return currentApproved(approved.map(observationOf));
  }

  return {
    reporting,

    async listObservations(user, reportId, domainId, metricId) {
      const domain = await store.getDomain(reportId, domainId);
      if (domain === undefined) return refused(notFound(`报告“${reportId}”中没有领域“${domainId}”。`));
      const metrics = await store.listMetrics(reportId, domainId);
      if (!metrics.some((m) => m.id === metricId)) return refused(notFound(`领域“${domainId}”中没有指标“${metricId}”。`));
      const visible = (await visibleObservations(user, reportId, domainId)).filter((o) => o.metricId === metricId);
      return { ok: true, status: 200, body: { observations: visible.map(observationOf).sort(newestFirst) } };
    },

    async domainObservations(user, reportId, domainId) {
      const domain = await store.getDomain(reportId, domainId);
      if (domain === undefined) return refused(notFound(`报告“${reportId}”中没有领域“${domainId}”。`));
      const [metrics, visible] = await Promise.all([store.listMetrics(reportId, domainId), visibleObservations(user, reportId, domainId)]);
      const byMetric: Record<string, Observation[]> = {};
      for (const m of metrics) byMetric[m.id] = [];
      for (const o of visible) byMetric[o.metricId]?.push(observationOf(o));
      for (const list of Object.values(byMetric)) list.sort(newestFirst);
      return { ok: true, status: 200, body: { metrics: byMetric } };
    },

    async cycle(reportId) {
      const report = await store.getReport(reportId);
      if (report === undefined) return refused(notFound(`没有编号为“${reportId.slice(0, 64)}”的报告。`));
      const settings = await tracking.cycleSettings();
      const at = now();
      const current = currentCycle(at, report.year, settings);
      const days = meetingDays(localDateOf(at), settings.deadline.weekday);
      return {
        ok: true,
        status: 200,
        body: {
          today: localDateOf(at),
          now: new Date(at).toISOString(),
          pinned,
          settings,
          current:
            current === null
              ? null
              : { opensAt: new Date(current.opensAt).toISOString(), dueAt: new Date(current.dueAt).toISOString(), opensOn: current.opensOn, dueOn: current.dueOn },
          lastMeetingOn: days.last,
          nextMeetingOn: days.next,
        },
      };
    },

    async setCycleSettings(user, readBody, meta) {
      const allowed = decide(user, { action: 'manage-settings' });
      if (!allowed.allowed) return refused(allowed.problem);
      if (user === null) return refused(problem(401, '需要登录', '此操作需要先登录。'));
      const body = await readBody();
      if (!body.ok) return refused(body.problem);
      const parsed = cycleSettingsSchema.safeParse(body.value);
      if (!parsed.success) return { ok: false, problem: bodyProblem(parsed.error.issues) };
      const settings = parsed.data;
      const before = await tracking.cycleSettings();
      const who = { id: user.id, username: user.username };
      await tracking.transaction(async (tx) => {
        await tx.setCycleSettings(settings);
        await tx.appendAudit(
          auditEntry({
            who,
            action: 'cycle-changed',
            target: { kind: 'settings', id: 'cycle', domainId: null },
            before,
            after: settings,
            at: new Date(now()),
            address: meta.address,
            requestId: meta.requestId,
          }),
        );
        // 逾期未报 and every deadline the reads show follow the setting.
        await tx.bumpDataVersion();
      });
      return { ok: true, status: 200, body: settings };
    },

    async submit(user, reportId, domainId, readBody, meta) {
      const allowed = decide(user, { action: 'submit-update', domainId });
      if (!allowed.allowed) return refused(allowed.problem);
      if (user === null) return refused(problem(401, '需要登录', '此操作需要先登录。'));
      const [report, domain] = await Promise.all([store.getReport(reportId), store.getDomain(reportId, domainId)]);
      if (report === undefined || domain === undefined) return refused(notFound(`报告“${reportId}”中没有领域“${domainId}”。`));
      const body = await readBody();
      if (!body.ok) return refused(body.problem);
      const parsed = updateSubmissionSchema.safeParse(body.value);
      if (!parsed.success) return { ok: false, problem: bodyProblem(parsed.error.issues) };
      const submission = parsed.data;

      const [metrics, milestones] = await Promise.all([store.listMetrics(reportId, domainId), store.listMilestones(reportId, domainId)]);
      const context = { today: today(), year: report.year };
      const refusals: Refusal[] = [];
      const values: { value: number; asOf: string; unit: string }[] = [];
      submission.observations.forEach((o, i) => {
        const metric = metrics.find((m) => m.id === o.metricId);
        if (metric === undefined) {
          refusals.push({ field: `observations[${i}].metricId`, code: 'unknown-metric', message: `领域“${domainId}”中没有指标“${o.metricId}”` });
          return;
        }
        const checked = checkSubmittedObservation(o, metric, { ...context, path: `observations[${i}]` });
        if (checked.ok) values.push({ value: checked.value, asOf: checked.asOf, unit: metric.unit });
        else refusals.push(...checked.refusals);
      });
      (submission.milestones ?? []).forEach((m, i) => {
        if (!milestones.some((known) => known.id === m.milestoneId)) {
          refusals.push({ field: `milestones[${i}].milestoneId`, code: 'unknown-milestone', message: `领域“${domainId}”中没有节点“${m.milestoneId}”` });
        }
      });
      if (submission.resubmits !== undefined) {
        const returned = await tracking.getUpdate(submission.resubmits);
        if (returned === undefined || returned.state !== 'returned' || returned.domainId !== domainId || returned.reportId !== reportId) {
          refusals.push({ field: 'resubmits', code: 'not-returned', message: `“${submission.resubmits}”不是本领域被退回的填报` });
        }
      }
      if (refusals.length > 0) return { ok: false, problem: refusalsProblem(refusals) };

      const at = new Date(now()).toISOString();
      const submittedBy = { id: user.id, username: user.username };
      try {
        const updateId = await tracking.transaction(async (tx) => {
          await tx.lockDomain(reportId, domainId);
          const conflicts = staleClaims(submission.observations, await currentOf(tx, reportId, domainId));
          if (conflicts.length > 0) throw new Conflict(conflictProblem(conflicts, 'submission'));
          const states = await tx.currentMilestoneStates(reportId, domainId);
          const observations = submission.observations.map(
            (o, i): NewObservation => ({
              reportId,
              domainId,
              metricId: o.metricId,
              value: values[i]?.value ?? o.value,
              unit: values[i]?.unit ?? o.unit ?? '',
              qualifier: o.qualifier ?? 'exact',
              asOf: values[i]?.asOf ?? o.asOf,
              asOfStated: true,
              ...(o.note === undefined ? {} : { note: o.note }),
              ...(o.basis === undefined ? {} : { basis: o.basis }),
              source: { kind: enteredKind },
              state: 'submitted',
              ...(o.supersedes === null ? {} : { supersedes: o.supersedes }),
              enteredBy: user.id,
              enteredByName: user.username,
              enteredAt: at,
              extra: {},
            }),
          );
          const record: Omit<UpdateRecord, 'id' | 'review'> = {
            reportId,
            domainId,
            state: 'submitted',
            submittedBy,
            submittedAt: at,
            narrative: submission.narrative ?? null,
            milestones: (submission.milestones ?? []).map((m) => ({
              milestoneId: m.milestoneId,
              previousState: (states.get(m.milestoneId) ?? 'planned') as UpdateRecord['milestones'][number]['previousState'],
              state: m.state,
              note: m.note ?? null,
            })),
            ...(submission.resubmits === undefined ? {} : { resubmits: submission.resubmits }),
          };
          const id = await tx.insertUpdate(record, observations);
          await tx.appendAudit(
            auditEntry({
              who: submittedBy,
              action: 'update-submitted',
              target: { kind: 'update', id, domainId },
              after: { reportId, observations: submission.observations, milestones: record.milestones, narrative: record.narrative, resubmits: record.resubmits },
              at: new Date(now()),
              address: meta.address,
              requestId: meta.requestId,
            }),
          );
          // A submission ends 逾期未报 for its domain: the reads must not keep the old answer.
          await tx.bumpDataVersion();
          return id;
        });
        const stored = await tracking.getUpdate(updateId);
        if (stored === undefined) throw new Error(`update ${updateId} vanished after its commit`);
        return { ok: true, status: 201, body: await readUpdate(stored) };
      } catch (error) {
        if (error instanceof Conflict) return { ok: false, problem: error.body };
        throw error;
      }
    },

    async listUpdates(user, state) {
      if (user === null) return refused(problem(401, '需要登录', '此操作需要先登录。'));
      const scope = pendingScope(user);
      if (scope === 'none') return refused(problem(403, '没有权限', '填报和审核队列只有填报员、督查室和管理员可以查看。'));
      let wanted: UpdateState | undefined;
      if (state !== undefined) {
        if (state !== 'submitted' && state !== 'approved' && state !== 'returned') {
          return { ok: false, problem: fieldsProblem(400, [{ field: 'state', detail: '应为 submitted、approved 或 returned' }]) };
        }
        wanted = state;
      }
      const records = await tracking.listUpdates({ ...(wanted === undefined ? {} : { state: wanted }), ...(scope === 'own' ? { submittedBy: user.id } : {}) });
      return { ok: true, status: 200, body: { updates: await Promise.all(records.map(readUpdate)) } };
    },

    async getUpdate(user, updateId) {
      const record = await tracking.getUpdate(updateId);
      if (record === undefined) {
        // Not telling an anonymous caller which ids exist.
        if (user === null) return refused(problem(401, '需要登录', '此操作需要先登录。'));
        return refused(notFound(`没有编号为“${updateId.slice(0, 64)}”的填报。`));
      }
      if (record.state !== 'approved') {
        const allowed = decide(user, { action: 'read-pending', submittedBy: record.submittedBy.id });
        if (!allowed.allowed) return refused(allowed.problem);
      }
      return { ok: true, status: 200, body: await readUpdate(record) };
    },

    async review(user, updateId, readBody, meta) {
      if (user === null) return refused(problem(401, '需要登录', '此操作需要先登录。'));
      if (user.role !== 'reviewer' && user.role !== 'admin') {
        const allowed = decide(user, { action: 'review-update', domainId: '', submittedBy: '' });
        if (!allowed.allowed) return refused(allowed.problem);
      }
      const found = await tracking.getUpdate(updateId);
      if (found === undefined) return refused(notFound(`没有编号为“${updateId.slice(0, 64)}”的填报。`));
      const allowed = decide(user, { action: 'review-update', domainId: found.domainId, submittedBy: found.submittedBy.id });
      if (!allowed.allowed) return refused(allowed.problem);
      const body = await readBody();
      if (!body.ok) return refused(body.problem);
      const parsed = reviewBodySchema.safeParse(body.value);
      if (!parsed.success) return { ok: false, problem: bodyProblem(parsed.error.issues) };
      const decision = parsed.data;
      const by = { id: user.id, username: user.username };
      const at = new Date(now()).toISOString();
      const { reportId, domainId } = found;

      const audit = (tx: TrackingTransaction, before: Update, after: Update) =>
        tx.appendAudit(
          auditEntry({
            who: by,
            action: 'update-reviewed',
            target: { kind: 'update', id: updateId, domainId },
            before: { state: before.state },
            after: { state: after.state, review: after.review },
            at: new Date(now()),
            address: meta.address,
            requestId: meta.requestId,
          }),
        );

      try {
        const answer = await tracking.transaction(async (tx): Promise<{ conflict?: ConflictProblem }> => {
          await tx.lockDomain(reportId, domainId);
          const record = await tx.getUpdate(updateId);
          if (record === undefined) throw new Error(`update ${updateId} vanished under its lock`);
          if (record.state !== 'submitted') {
            throw new Conflict(problem(409, '填报已审核', `这份填报已经${record.state === 'approved' ? '审核通过' : '退回'},不能再次审核。`));
          }
          const mine = await tx.listObservations(reportId, domainId, ['submitted']);
          const update = updateOf(record, mine);
          if (decision.decision === 'return') {
            const returned = planReturn(update, { by, at, comment: decision.comment ?? '' });
            await tx.reviewUpdate(updateId, 'returned', returned.review ?? { by, at, decision: 'return', comment: decision.comment ?? null });
            await tx.setUpdateObservations(updateId, 'returned');
            await audit(tx, update, returned);
            await tx.bumpDataVersion();
            return {};
          }
          const plan = planApproval(update, await currentOf(tx, reportId, domainId), { by, at, comment: decision.comment ?? null });
          if (plan.decision === 'return') {
            // Someone else's figure went live first: nothing of this one does; it goes back to its author.
            await tx.reviewUpdate(updateId, 'returned', plan.update.review ?? { by, at, decision: 'return', comment: null });
            await tx.setUpdateObservations(updateId, 'returned');
            await audit(tx, update, plan.update);
            await tx.bumpDataVersion();
            return { conflict: conflictProblem(plan.conflicts, 'approval') };
          }
          await tx.supersede(plan.superseded);
          await tx.setUpdateObservations(updateId, 'approved', at);
          await tx.insertMilestoneStates(record, at);
          await tx.reviewUpdate(updateId, 'approved', plan.update.review ?? { by, at, decision: 'approve', comment: null });
          await audit(tx, update, plan.update);
          await tx.bumpDataVersion();
          await tx.notify({ reportId, domainId, updateId });
          return {};
        });
        if (answer.conflict !== undefined) return { ok: false, problem: answer.conflict };
      } catch (error) {
        if (error instanceof Conflict) return { ok: false, problem: error.body };
        if (isUniqueViolation(error)) {
          // Two approvals passed the check at once (the domain lock makes this rare): the loser says so.
          return { ok: false, problem: problem(409, '数据已被他人更新', '另一份填报的数据刚刚审核通过,请刷新后重新审核。') };
        }
        throw error;
      }
      const stored = await tracking.getUpdate(updateId);
      if (stored === undefined) throw new Error(`update ${updateId} vanished after its review`);
      return { ok: true, status: 200, body: await readUpdate(stored) };
    },

    async changes(reportId, since) {
      const report = await store.getReport(reportId);
      if (report === undefined) return refused(notFound(`没有编号为“${reportId.slice(0, 64)}”的报告。`));
      if (since === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(since) || !isCalendarDate(since)) {
        const detail = since === undefined ? '缺少 since(上次会议日期,YYYY-MM-DD)' : 'since 应为 YYYY-MM-DD 格式的真实日期';
        return { ok: false, problem: fieldsProblem(since === undefined ? 400 : 422, [{ field: 'since', detail }]) };
      }
      const reads = createReportService(store);
      const [domains, updates, settings] = await Promise.all([
        store.listDomains(reportId),
        tracking.listUpdates({ reportId }),
        tracking.cycleSettings(),
      ]);
      const publication: Update = {
        id: 'report',
        reportId,
        domainId: reportId,
        state: 'approved',
        submittedBy: { id: 'report', username: report.title },
        submittedAt: reportStamp(report).submittedAt,
        observations: [],
        milestones: [],
        narrative: null,
      };
      const records = await Promise.all(
        domains.map(async (d) => {
          const [served, observations] = await Promise.all([
            reads.getDomain(reportId, d.id),
            store.listObservations(reportId, d.id, ['approved', 'superseded']),
          ]);
          const own = updates.filter((u) => u.domainId === d.id).map((u) => updateOf(u, [] as ObservationRecord[]));
          return served === undefined
            ? []
            : [{ domain: served, observations: observations.map(observationOf), updates: [{ ...publication, domainId: d.id }, ...own] }];
        }),
      );
      const body = changesSince({ reportId, domains: records.flat(), since, now: now(), year: report.year, settings });
      return { ok: true, status: 200, body: changesSchema.parse(body) };
    },
  };
}

/**
 * The server's clock: the real time, or with JINDU_TODAY (2017-07-03) that day at the real time of day
 * in the district, so a demo stays in the plan's year and deadlines still pass during the day.
 */
export function clockFromEnv(env: Record<string, string | undefined>, real: () => number = Date.now): () => number {
  const pinned = env.JINDU_TODAY?.trim();
  if (pinned === undefined || pinned === '') return real;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || !isCalendarDate(pinned)) throw new Error(`JINDU_TODAY must be a date such as 2017-07-03, not "${pinned}"`);
  return () => {
    const at = real();
    return instantAt(pinned, '00:00') + (at - instantAt(localDateOf(at), '00:00'));
  };
}
