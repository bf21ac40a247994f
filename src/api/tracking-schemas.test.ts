import * as z from 'zod/mini';
import { STATUSES } from '../progress';
import {
  changesSchema,
  conflictProblemSchema,
  cycleSettingsSchema,
  observationSchema,
  reviewBodySchema,
  signInBodySchema,
  statusSchema,
  updateApprovedEventSchema,
  updateSchema,
  updateSubmissionSchema,
  userCreateBodySchema,
  userPatchBodySchema,
  type Observation,
} from './tracking-schemas';

const reportGoodAirDays: Observation = {
  id: 'obs-1',
  metricId: 'good-air-days',
  value: 66,
  unit: '天',
  qualifier: 'exact',
  asOf: '2017-06-23',
  note: null,
  basis: null,
  source: { kind: 'report', quote: '共完成优良天气66天,距离全年目标(190)还有124天的差距' },
  state: 'approved',
  supersedes: null,
  enteredBy: null,
  enteredAt: '2017-06-27T00:00:00+08:00',
  approvedAt: '2017-06-27T00:00:00+08:00',
};

function issuePaths(schema: z.ZodMiniType, input: unknown): string[] {
  const result = z.safeParse(schema, input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
}

describe('observations', () => {
  it('carries the report’s figure as its first observation, quote included', () => {
    expect(z.parse(observationSchema, reportGoodAirDays)).toEqual(reportGoodAirDays);
  });

  it('refuses a report figure without its quote, a non-date as-of and an unknown state', () => {
    expect(z.safeParse(observationSchema, { ...reportGoodAirDays, source: { kind: 'report' } }).success).toBe(false);
    expect(issuePaths(observationSchema, { ...reportGoodAirDays, asOf: '2017-02-30' })).toEqual(['asOf: custom']);
    expect(z.safeParse(observationSchema, { ...reportGoodAirDays, state: 'draft' }).success).toBe(false);
    expect(z.safeParse(observationSchema, { ...reportGoodAirDays, enteredAt: '2017-06-27' }).success).toBe(false);
  });

  it('takes an update’s figure with who entered it', () => {
    const update = {
      ...reportGoodAirDays,
      id: 'obs-2',
      value: 70,
      asOf: '2017-06-30',
      source: { kind: 'update' },
      state: 'submitted',
      supersedes: 'obs-1',
      enteredBy: { id: 'u-7', username: 'huanbao' },
      enteredAt: '2017-07-03T09:30:00+08:00',
      approvedAt: null,
      updateId: 'upd-1',
    };
    expect(z.safeParse(observationSchema, update).success).toBe(true);
  });
});

describe('the update submission body', () => {
  const body = {
    observations: [{ metricId: 'good-air-days', value: 70, asOf: '2017-06-30', supersedes: 'obs-1' }],
    narrative: { progress: '持续开展扬尘治理', problems: '', nextSteps: '加强督导' },
  };

  it('accepts the smallest real update', () => {
    expect(z.safeParse(updateSubmissionSchema, body).success).toBe(true);
  });

  it('refuses unknown fields, at the top and inside an observation', () => {
    expect(issuePaths(updateSubmissionSchema, { ...body, approved: true })).toEqual([': unrecognized_keys']);
    const sneaky = { ...body, observations: [{ ...body.observations[0], state: 'approved' }] };
    expect(issuePaths(updateSubmissionSchema, sneaky)).toEqual(['observations.0: unrecognized_keys']);
  });

  it('needs `supersedes` named (null only for a metric with no approved figure) and a JSON number', () => {
    const { supersedes: _omitted, ...withoutSupersedes } = body.observations[0] ?? { supersedes: '' };
    expect(issuePaths(updateSubmissionSchema, { ...body, observations: [withoutSupersedes] })).toEqual([
      'observations.0.supersedes: invalid_type',
    ]);
    const typed = { ...body, observations: [{ ...body.observations[0], value: '６６' }] };
    expect(issuePaths(updateSubmissionSchema, typed)).toEqual(['observations.0.value: invalid_type']);
  });

  it('refuses the same metric twice, and an update that reports nothing', () => {
    const twice = { observations: [body.observations[0], body.observations[0]] };
    expect(issuePaths(updateSubmissionSchema, twice)).toEqual(['observations.1.metricId: custom']);
    expect(issuePaths(updateSubmissionSchema, { observations: [] })).toEqual([': custom']);
  });

  it('bounds the text', () => {
    const long = { ...body, narrative: { ...body.narrative, problems: '问'.repeat(4001) } };
    expect(issuePaths(updateSubmissionSchema, long)).toEqual(['narrative.problems: too_big']);
  });
});

describe('review, sessions and accounts', () => {
  it('needs a comment to return an update, not to approve it', () => {
    expect(z.safeParse(reviewBodySchema, { decision: 'approve' }).success).toBe(true);
    expect(issuePaths(reviewBodySchema, { decision: 'return', comment: '  ' })).toEqual(['comment: custom']);
    expect(z.safeParse(reviewBodySchema, { decision: 'return', comment: 'PM2.5请附监测站数据' }).success).toBe(true);
    expect(z.safeParse(reviewBodySchema, { decision: 'approve', by: 'me' }).success).toBe(false);
  });

  it('gives domains to updaters only', () => {
    const updater = { username: 'huanbao', password: 'correct horse', role: 'updater', domainIds: ['air-pollution'] };
    expect(z.safeParse(userCreateBodySchema, updater).success).toBe(true);
    expect(issuePaths(userCreateBodySchema, { ...updater, role: 'reviewer' })).toEqual(['domainIds: custom']);
    expect(z.safeParse(userCreateBodySchema, { ...updater, role: 'reviewer', domainIds: [] }).success).toBe(true);
    expect(z.safeParse(userCreateBodySchema, { ...updater, password: 'short' }).success).toBe(false);
    expect(z.safeParse(userCreateBodySchema, { ...updater, username: 'Admin' }).success).toBe(false);
    expect(z.safeParse(userPatchBodySchema, {}).success).toBe(false);
    expect(z.safeParse(userPatchBodySchema, { active: false }).success).toBe(true);
  });

  it('refuses extra fields at sign-in', () => {
    expect(z.safeParse(signInBodySchema, { username: 'admin', password: 'x' }).success).toBe(true);
    expect(z.safeParse(signInBodySchema, { username: 'admin', password: 'x', role: 'admin' }).success).toBe(false);
  });
});

describe('answers', () => {
  it('an update with its review', () => {
    const update = {
      id: 'upd-1',
      reportId: 'erqi-2017-h1',
      domainId: 'air-pollution',
      state: 'returned',
      submittedBy: { id: 'u-7', username: 'huanbao' },
      submittedAt: '2017-07-03T09:30:00+08:00',
      observations: [],
      milestones: [{ milestoneId: 'm-1', previousState: 'in-progress', state: 'done', note: null }],
      narrative: null,
      review: { by: { id: 'u-2', username: 'ducha' }, at: '2017-07-03T11:00:00+08:00', decision: 'return', comment: '请核对' },
    };
    expect(z.safeParse(updateSchema, update).success).toBe(true);
  });

  it('the 409 lists the current observation per metric', () => {
    const conflict = {
      type: 'https://jindu.example/problems/stale-supersedes',
      title: '数据已被他人更新',
      status: 409,
      current: [{ metricId: 'good-air-days', supersedes: 'obs-1', observation: { ...reportGoodAirDays, id: 'obs-3' } }],
    };
    expect(z.safeParse(conflictProblemSchema, conflict).success).toBe(true);
  });

  it('what changed since a date, and the event', () => {
    const changes = {
      reportId: 'erqi-2017-h1',
      since: '2017-06-27',
      until: '2017-07-03',
      observations: [],
      statusChanges: [{ domainId: 'air-pollution', metricId: 'good-air-days', from: 'behind', to: 'on-track' }],
      milestones: [],
      notReported: ['work-safety'],
      overdue: [],
    };
    expect(z.safeParse(changesSchema, changes).success).toBe(true);
    expect(z.safeParse(changesSchema, { ...changes, statusChanges: [{ ...changes.statusChanges[0], to: 'late' }] }).success).toBe(false);
    expect(z.safeParse(updateApprovedEventSchema, { reportId: 'erqi-2017-h1', domainId: 'economy', updateId: 'upd-1' }).success).toBe(true);
  });

  it('knows the analysis’s statuses, and the cycle setting’s weekday and time', () => {
    expect([...statusSchema.options].sort()).toEqual([...STATUSES].sort());
    const settings = { deadline: { weekday: 1, time: '12:00' }, frequencies: { 'economy/gdp': 'quarterly' } };
    expect(z.safeParse(cycleSettingsSchema, settings).success).toBe(true);
    expect(z.safeParse(cycleSettingsSchema, { ...settings, deadline: { weekday: 8, time: '12:00' } }).success).toBe(false);
    expect(z.safeParse(cycleSettingsSchema, { ...settings, deadline: { weekday: 1, time: '24:00' } }).success).toBe(false);
  });
});
