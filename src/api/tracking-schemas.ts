import * as z from 'zod/mini';
import type { Status } from '../progress';
import { TRACKING_RULES } from '../tracking/rules';
import { metricSchema, milestoneSchema, problemSchema, qualifierSchema } from './schemas';

// The round-2 additions to API v1 (DESIGN.md "Tracking over time", "Accounts and permissions", "API v1:
// the additions"): observations, updates and their review, sessions and accounts, what changed since a
// date, the live event and the audit log. Like schemas.ts these are the one source of their types; the
// request bodies are strict (an unknown field is a 400, not silently dropped).

// The contract's own id and date checks, taken from the schemas that carry them rather than restated.
const kebabId = metricSchema.shape.id;
const isoDate = metricSchema.shape.asOf;
const milestoneStateSchema = milestoneSchema.shape.state;

/** An instant with its offset, as the server writes it: 2017-07-03T12:00:00+08:00 or …Z. */
const timestamp = z.iso.datetime({ offset: true });
/** Ids the server mints (observations, updates, users, audit entries): opaque, short, URL-safe. */
const recordId = z.string().check(
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'id must be letters, digits, ".", "_", ":" or "-"'),
);
function boundedText(max: number) {
  return z.string().check(z.maxLength(max));
}
const { text } = TRACKING_RULES;
/**
 * zod counts UTF-16 units; the password policy counts characters, at most two units each. The server's
 * policy (server/auth/password-policy.ts) gives the exact answer, naming the field.
 */
const PASSWORD_MAX_UTF16 = text.password.max * 2;

export const roleSchema = z.enum(['viewer', 'updater', 'reviewer', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const userRefSchema = z.object({ id: recordId, username: z.string().check(z.minLength(1)) });
export type UserRef = z.infer<typeof userRefSchema>;

// ---------------------------------------------------------------------------------------------------
// Observations

/**
 * - `submitted`: in an update awaiting review; seen only by its department and reviewers (待审核).
 * - `approved`: the metric's current value; at most one per metric, so "the latest approved" is a row,
 *   not a query over dates, and a unique index in the database guards it.
 * - `superseded`: was approved, then replaced by a later approved one; kept, and drawn in the history.
 * - `returned`: its update was sent back (by the reviewer, or at approval because another figure of
 *   the metric was approved first); never live, kept with the update on record.
 * Approved and superseded ones together are the metric's history as it was shown.
 */
export const observationStateSchema = z.enum(['submitted', 'approved', 'superseded', 'returned']);
export type ObservationState = z.infer<typeof observationStateSchema>;

export const observationSourceSchema = z
  .object({
    /** `report`: the published report's figure; `update`: a department's 填报; `example`: illustrative (示例). */
    kind: z.enum(['report', 'update', 'example']),
    /** The report's verbatim sentence, for `report` figures. */
    quote: z.optional(z.string().check(z.minLength(1))),
  })
  .check(z.refine((s) => s.kind !== 'report' || s.quote !== undefined, 'a report figure carries its quote'));
export type ObservationSource = z.infer<typeof observationSourceSchema>;

export const observationSchema = z.object({
  id: recordId,
  metricId: kebabId,
  value: z.number(),
  /** The metric's unit: a figure typed in another unit that converts exactly is stored converted. */
  unit: z.string(),
  qualifier: qualifierSchema,
  asOf: isoDate,
  note: z.nullable(z.string()),
  /** What the figure rests on ("统计局5月月报"). */
  basis: z.nullable(z.string()),
  source: observationSourceSchema,
  state: observationStateSchema,
  /** The observation this one replaces: the metric's latest approved one when the form was filled. */
  supersedes: z.nullable(recordId),
  /** Null for the report's figures, which nobody typed. */
  enteredBy: z.nullable(userRefSchema),
  enteredAt: timestamp,
  /** When it went live; "since the last meeting" is about what was approved after it, whatever its as-of date. */
  approvedAt: z.nullable(timestamp),
  updateId: z.optional(recordId),
});
export type Observation = z.infer<typeof observationSchema>;

/** The short form a metric carries as `previous` in the existing reads. */
export const observationSummarySchema = z.pick(observationSchema, {
  id: true,
  value: true,
  unit: true,
  qualifier: true,
  asOf: true,
});
export type ObservationSummary = z.infer<typeof observationSummarySchema>;

export const observationListSchema = z.object({ observations: z.array(observationSchema) });
export type ObservationList = z.infer<typeof observationListSchema>;

/**
 * `GET /reports/{r}/domains/{d}/observations`: every metric's history in one answer, by metric id (each
 * newest as-of first; every metric of the domain has its list), visible as the per-metric one is.
 */
export const domainObservationsSchema = z.object({ metrics: z.record(kebabId, z.array(observationSchema)) });
export type DomainObservations = z.infer<typeof domainObservationsSchema>;

// ---------------------------------------------------------------------------------------------------
// Updates (填报) and their review

export const narrativeSchema = z.strictObject({
  /** 工作进展 */
  progress: boundedText(text.narrativePart),
  /** 存在问题 */
  problems: boundedText(text.narrativePart),
  /** 下步打算 */
  nextSteps: boundedText(text.narrativePart),
});
export type Narrative = z.infer<typeof narrativeSchema>;

export const updateStateSchema = z.enum(['submitted', 'approved', 'returned']);
export type UpdateState = z.infer<typeof updateStateSchema>;

export const updateMilestoneSchema = z.object({
  milestoneId: kebabId,
  /** The state before the update, for before → after in the review queue. */
  previousState: milestoneStateSchema,
  state: milestoneStateSchema,
  note: z.nullable(z.string()),
});
export type UpdateMilestone = z.infer<typeof updateMilestoneSchema>;

export const reviewSchema = z.object({
  by: userRefSchema,
  at: timestamp,
  decision: z.enum(['approve', 'return']),
  comment: z.nullable(z.string()),
});
export type Review = z.infer<typeof reviewSchema>;

export const updateSchema = z.object({
  id: recordId,
  reportId: kebabId,
  domainId: kebabId,
  state: updateStateSchema,
  submittedBy: userRefSchema,
  submittedAt: timestamp,
  observations: z.array(observationSchema),
  milestones: z.array(updateMilestoneSchema),
  narrative: z.nullable(narrativeSchema),
  review: z.optional(reviewSchema),
  /** The returned update this one resubmits; the returned one stays on record. */
  resubmits: z.optional(recordId),
});
export type Update = z.infer<typeof updateSchema>;

export const updateListSchema = z.object({ updates: z.array(updateSchema) });
export type UpdateList = z.infer<typeof updateListSchema>;

const submittedObservationSchema = z.strictObject({
  metricId: kebabId,
  /** A JSON number: the form reads ６６ and 1,234 before sending. */
  value: z.number(),
  /** Defaults to the metric's; another unit must convert exactly (万元 ↔ 亿元). */
  unit: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
  qualifier: z.optional(qualifierSchema),
  asOf: isoDate,
  note: z.optional(boundedText(text.note)),
  basis: z.optional(boundedText(text.basis)),
  /** The metric's latest approved observation when the form was filled; null only if it has none. */
  supersedes: z.nullable(recordId),
});
export type SubmittedObservation = z.infer<typeof submittedObservationSchema>;

const submittedMilestoneSchema = z.strictObject({
  milestoneId: kebabId,
  state: milestoneStateSchema,
  note: z.optional(boundedText(text.note)),
});

function noRepeats<T>(items: readonly T[], key: (item: T) => string): number | undefined {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (seen.has(key(item))) return index;
    seen.add(key(item));
  }
  return undefined;
}

/** `POST …/domains/{domainId}/updates`: one department, one domain, one cycle, one transaction. */
export const updateSubmissionSchema = z
  .strictObject({
    observations: z.array(submittedObservationSchema).check(z.maxLength(TRACKING_RULES.maxObservationsPerUpdate)),
    milestones: z.optional(
      z.array(submittedMilestoneSchema).check(z.maxLength(TRACKING_RULES.maxMilestonesPerUpdate)),
    ),
    narrative: z.optional(narrativeSchema),
    resubmits: z.optional(recordId),
  })
  .check(
    z.superRefine((body, ctx) => {
      const metric = noRepeats(body.observations, (o) => o.metricId);
      if (metric !== undefined) {
        ctx.issues.push({
          code: 'custom',
          input: body,
          path: ['observations', metric, 'metricId'],
          message: 'a metric appears twice in one update',
        });
      }
      const milestone = noRepeats(body.milestones ?? [], (m) => m.milestoneId);
      if (milestone !== undefined) {
        ctx.issues.push({
          code: 'custom',
          input: body,
          path: ['milestones', milestone, 'milestoneId'],
          message: 'a milestone appears twice in one update',
        });
      }
      if (body.observations.length === 0 && (body.milestones ?? []).length === 0 && body.narrative === undefined) {
        ctx.issues.push({ code: 'custom', input: body, path: [], message: 'an update reports something' });
      }
    }),
  );
export type UpdateSubmission = z.infer<typeof updateSubmissionSchema>;

/** `POST /updates/{updateId}/review`: a return says why, so the department knows what to fix. */
export const reviewBodySchema = z
  .strictObject({
    decision: z.enum(['approve', 'return']),
    comment: z.optional(boundedText(text.reviewComment)),
  })
  .check(
    z.refine((body) => body.decision === 'approve' || (body.comment ?? '').trim() !== '', {
      message: 'a return needs a comment',
      path: ['comment'],
    }),
  );
export type ReviewBody = z.infer<typeof reviewBodySchema>;

/** 409 to a submission or approval whose `supersedes` is no longer the latest approved observation. */
export const conflictProblemSchema = z.extend(problemSchema, {
  current: z.array(
    z.object({
      metricId: kebabId,
      /** What the update named. */
      supersedes: z.nullable(recordId),
      /** The metric's latest approved observation now; null if it has none. */
      observation: z.nullable(observationSchema),
    }),
  ),
});
export type ConflictProblem = z.infer<typeof conflictProblemSchema>;

/** 400/422 to a submission or review: every refused field, by its path in the body ("observations[0].asOf"). */
export const fieldsProblemSchema = z.extend(problemSchema, {
  errors: z.array(z.object({ field: z.string(), detail: z.string() })),
});
export type FieldsProblem = z.infer<typeof fieldsProblemSchema>;

// ---------------------------------------------------------------------------------------------------
// Sessions and accounts

export const sessionUserSchema = z.object({
  id: recordId,
  username: z.string().check(z.minLength(1)),
  role: roleSchema,
  /** Updaters' domains; reviewers and admins act on every domain and have []. */
  domainIds: z.array(kebabId),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({ user: sessionUserSchema });
export type Session = z.infer<typeof sessionSchema>;

/** Sign-in checks lengths only: the rules for new passwords must not tell which accounts are old. */
export const signInBodySchema = z.strictObject({
  username: z.string().check(z.minLength(1), z.maxLength(text.username.max)),
  password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_UTF16)),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

const usernameSchema = z
  .string()
  .check(
    z.minLength(text.username.min),
    z.maxLength(text.username.max),
    z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'username is lower-case letters, digits, ".", "_" or "-"'),
  );
const newPasswordSchema = z.string().check(z.minLength(text.password.min), z.maxLength(PASSWORD_MAX_UTF16));

function domainsOnlyForUpdaters(body: { role?: Role | undefined; domainIds?: readonly string[] | undefined }): boolean {
  return body.role === undefined || body.role === 'updater' || (body.domainIds ?? []).length === 0;
}

export const userCreateBodySchema = z
  .strictObject({
    username: usernameSchema,
    password: newPasswordSchema,
    role: roleSchema,
    domainIds: z.array(kebabId),
  })
  .check(z.refine(domainsOnlyForUpdaters, { message: 'only updaters have domains', path: ['domainIds'] }));
export type UserCreateBody = z.infer<typeof userCreateBodySchema>;

/** `PATCH /users/{id}`: what changes; the server checks the domains against the resulting role. */
export const userPatchBodySchema = z
  .strictObject({
    password: z.optional(newPasswordSchema),
    role: z.optional(roleSchema),
    domainIds: z.optional(z.array(kebabId)),
    /** A disabled account cannot sign in and its sessions end; accounts are never deleted (the audit log names them). */
    active: z.optional(z.boolean()),
  })
  .check(
    z.refine((body) => Object.keys(body).length > 0, 'a patch changes something'),
    z.refine(domainsOnlyForUpdaters, { message: 'only updaters have domains', path: ['domainIds'] }),
  );
export type UserPatchBody = z.infer<typeof userPatchBodySchema>;

export const userAccountSchema = z.extend(sessionUserSchema, {
  active: z.boolean(),
  createdAt: timestamp,
});
export type UserAccount = z.infer<typeof userAccountSchema>;

export const userListSchema = z.object({ users: z.array(userAccountSchema) });
export type UserList = z.infer<typeof userListSchema>;

// ---------------------------------------------------------------------------------------------------
// Cycles (填报周期)

export const reportingFrequencySchema = z.enum(['weekly', 'monthly', 'quarterly']);
export type ReportingFrequency = z.infer<typeof reportingFrequencySchema>;

export const cycleSettingsSchema = z.strictObject({
  /** Updates are due at this wall-clock time in the district (+08:00) on this weekday, 1 = Monday. */
  deadline: z.strictObject({
    weekday: z.number().check(z.int(), z.gte(1), z.lte(7)),
    time: z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'time is HH:MM')),
  }),
  /** Metrics reported less often than weekly, by "domainId/metricId" (economy/gdp → quarterly). */
  frequencies: z.record(z.string(), reportingFrequencySchema),
});
export type CycleSettings = z.infer<typeof cycleSettingsSchema>;

/** One 填报周期: from just after one deadline up to and including the next (src/tracking/cycles.ts). */
export const cycleSchema = z.object({
  opensAt: timestamp,
  dueAt: timestamp,
  /** The district dates of the two instants, for display. */
  opensOn: isoDate,
  dueOn: isoDate,
});
export type CycleWindow = z.infer<typeof cycleSchema>;

/**
 * `GET /reports/{reportId}/cycle`: the server's clock and the cycle it plans with, so no view reads the
 * browser's date. The meeting is held on the deadline's day (the deadline is "before the meeting").
 */
export const reportCycleSchema = z.object({
  /** The server's date in the district (JINDU_TODAY, or the demo, pins it). */
  today: isoDate,
  now: timestamp,
  /** Whether `today` is a pinned date rather than the real one (a demo says so). */
  pinned: z.boolean(),
  settings: cycleSettingsSchema,
  /** The cycle being filled now; null outside the plan's year. */
  current: z.nullable(cycleSchema),
  /** The last meeting before today: what "since the last meeting" looks back to. */
  lastMeetingOn: isoDate,
  /** The next meeting, today included. */
  nextMeetingOn: isoDate,
});
export type ReportCycle = z.infer<typeof reportCycleSchema>;

// ---------------------------------------------------------------------------------------------------
// What changed since a date, and the live event

export const statusSchema = z.enum([
  'far-behind',
  'behind',
  'on-track',
  'ahead',
  'complete',
  'in-progress',
  'no-target',
]);
// The analysis owns the statuses; this fails to compile if the two lists ever differ.
const statusesAgree: [Status, z.infer<typeof statusSchema>] extends [z.infer<typeof statusSchema>, Status]
  ? true
  : false = true;
void statusesAgree;

export const deltaSchema = z.object({
  /** latest − previous, exact, in the metric's unit. */
  value: z.number(),
  unit: z.string(),
  /** Days between the two as-of dates. */
  days: z.number().check(z.int()),
});
export type Delta = z.infer<typeof deltaSchema>;

export const changesSchema = z.object({
  reportId: kebabId,
  /** The previous meeting's date: changes approved after the end of that day (district time). */
  since: isoDate,
  until: isoDate,
  observations: z.array(
    z.object({
      domainId: kebabId,
      metricId: kebabId,
      observation: observationSchema,
      previous: z.nullable(observationSummarySchema),
      delta: z.nullable(deltaSchema),
    }),
  ),
  statusChanges: z.array(
    z.object({ domainId: kebabId, metricId: kebabId, from: statusSchema, to: statusSchema }),
  ),
  milestones: z.array(
    z.object({
      domainId: kebabId,
      milestoneId: kebabId,
      from: milestoneStateSchema,
      to: milestoneStateSchema,
      at: timestamp,
      updateId: recordId,
    }),
  ),
  /** Domains with no update submitted or approved since the date. */
  notReported: z.array(kebabId),
  /** Domains 逾期未报 at `until`: the cycle that last fell due has no update from them. */
  overdue: z.array(kebabId),
});
export type Changes = z.infer<typeof changesSchema>;

export { UPDATE_APPROVED_EVENT } from './event-names';

/** `event: update-approved` on `GET /api/v1/events`: enough for a screen to refetch that domain. */
export const updateApprovedEventSchema = z.object({
  reportId: kebabId,
  domainId: kebabId,
  updateId: recordId,
});
export type UpdateApprovedEvent = z.infer<typeof updateApprovedEventSchema>;

// ---------------------------------------------------------------------------------------------------
// Audit log

/** What happened, in the words the audit view shows. server/auth/audit.ts builds entries of these. */
export const auditActionSchema = z.enum([
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'sessions-ended',
  'user-created',
  'user-changed',
  'password-reset',
  'display-token-issued',
  'display-token-opened',
  'display-token-revoked',
  'update-submitted',
  'update-reviewed',
  'cycle-changed',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  id: recordId,
  at: timestamp,
  /** Null for what nobody signed in did (a failed sign-in of an unknown account names nobody). */
  who: z.nullable(userRefSchema),
  action: auditActionSchema,
  target: z.nullable(
    z.object({
      kind: z.enum(['user', 'display-token', 'update', 'session', 'settings']),
      id: z.string(),
      domainId: z.nullable(kebabId),
    }),
  ),
  /** The record before and after, as JSON; passwords and secrets never appear (redacted on the server). */
  before: z.unknown(),
  after: z.unknown(),
  /** The client's address as the request log has it, and the request id that ties the two. */
  address: z.nullable(z.string()),
  requestId: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });
export type AuditList = z.infer<typeof auditListSchema>;

// ---------------------------------------------------------------------------------------------------
// Display tokens (walls in a deployment where reading needs an account)

export const displayTokenSchema = z.object({
  id: recordId,
  /** Where the wall hangs, as the admin named it (三楼会议室大屏). */
  label: z.string().check(z.minLength(1), z.maxLength(100)),
  issuedAt: timestamp,
  issuedBy: z.nullable(userRefSchema),
  /** When the link was exchanged for the wall's cookie; null while the link is unopened. */
  openedAt: z.nullable(timestamp),
  lastUsedAt: z.nullable(timestamp),
  revokedAt: z.nullable(timestamp),
});
export type DisplayTokenInfo = z.infer<typeof displayTokenSchema>;

export const displayTokenListSchema = z.object({ tokens: z.array(displayTokenSchema) });
export type DisplayTokenList = z.infer<typeof displayTokenListSchema>;

export const displayTokenCreateBodySchema = z.strictObject({ label: z.string().check(z.minLength(1), z.maxLength(100)) });
export type DisplayTokenCreateBody = z.infer<typeof displayTokenCreateBodySchema>;

/** The answer to issuing a token: the one-time link, shown once and never stored in the clear. */
export const issuedDisplayTokenSchema = z.object({ token: displayTokenSchema, link: z.url() });
export type IssuedDisplayToken = z.infer<typeof issuedDisplayTokenSchema>;
