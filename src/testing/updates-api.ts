import { http, HttpResponse, type JsonBodyType } from 'msw';
import { apiBaseUrl } from '../api/client';
import type { Observation, ReviewBody, Update, UpdateSubmission, UserRef } from '../api/tracking-schemas';
import { server } from '../../mocks/node';

// The updates endpoints of /work/briefs/16-api-notes.md as a small fake for one test (server.use, reset
// after each test), so /updates and /review are tested on answers chosen per test: a 409, a 422 naming
// a field, a returned update. The reads of the report and its domains stay the mocked API's own.
// `sent` records the writes the views made.

export type SentWrite = { method: string; path: string; body: unknown };

export const UPDATER: UserRef = { id: 'u-wang', username: 'wang' };
export const REVIEWER: UserRef = { id: 'u-li', username: 'li' };
const AT = '2017-07-05T02:00:00.000Z';

export function observation(metricId: string, value: number, unit: string, extra: Partial<Observation> = {}): Observation {
  return {
    id: `o-${metricId}`,
    metricId,
    value,
    unit,
    qualifier: 'exact',
    asOf: '2017-07-02',
    note: null,
    basis: null,
    source: { kind: 'update' },
    state: 'submitted',
    supersedes: null,
    enteredBy: UPDATER,
    enteredAt: AT,
    approvedAt: null,
    ...extra,
  };
}

export function update(id: string, domainId: string, extra: Partial<Update> = {}): Update {
  return {
    id,
    reportId: 'erqi-2017-h1',
    domainId,
    state: 'submitted',
    submittedBy: UPDATER,
    submittedAt: AT,
    observations: [],
    milestones: [],
    narrative: null,
    ...extra,
  };
}

type Options = {
  updates?: Update[];
  /** Answers a submission instead of accepting it. */
  submit?: (body: UpdateSubmission, count: number) => Response | undefined;
  /** Answers a review instead of applying it. */
  review?: (id: string, body: ReviewBody) => Response | undefined;
};

export type FakeUpdates = { sent: SentWrite[]; updates: Update[] };

export function problemJson(status: number, title: string, extra: Record<string, JsonBodyType> = {}) {
  return HttpResponse.json({ type: 'about:blank', title, status, ...extra }, { status, headers: { 'content-type': 'application/problem+json' } });
}

export function fakeUpdatesApi(options: Options = {}): FakeUpdates {
  const state: FakeUpdates = { sent: [], updates: options.updates ?? [] };
  const url = (path: string) => `${apiBaseUrl}${path}`;
  let submissions = 0;
  server.use(
    http.get(url('/updates'), ({ request }) => {
      const wanted = new URL(request.url).searchParams.get('state');
      return HttpResponse.json({ updates: state.updates.filter((u) => wanted === null || u.state === wanted) });
    }),
    http.post(url('/reports/:reportId/domains/:domainId/updates'), async ({ request, params }) => {
      const body = (await request.json()) as UpdateSubmission;
      state.sent.push({ method: 'POST', path: new URL(request.url).pathname.slice(new URL(apiBaseUrl).pathname.length), body });
      submissions += 1;
      const answer = options.submit?.(body, submissions);
      if (answer !== undefined) return answer;
      const created = update(`new-${submissions}`, String(params.domainId), {
        observations: body.observations.map((o) => observation(o.metricId, o.value, o.unit ?? '', { asOf: o.asOf, supersedes: o.supersedes, basis: o.basis ?? null, note: o.note ?? null })),
        milestones: (body.milestones ?? []).map((m) => ({ milestoneId: m.milestoneId, previousState: 'in-progress', state: m.state, note: m.note ?? null })),
        narrative: body.narrative ?? null,
        ...(body.resubmits === undefined ? {} : { resubmits: body.resubmits }),
      });
      state.updates.push(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.post(url('/updates/:id/review'), async ({ request, params }) => {
      const body = (await request.json()) as ReviewBody;
      const id = String(params.id);
      state.sent.push({ method: 'POST', path: `/updates/${id}/review`, body });
      const answer = options.review?.(id, body);
      if (answer !== undefined) return answer;
      const found = state.updates.find((u) => u.id === id);
      if (found === undefined) return problemJson(404, '不存在');
      found.state = body.decision === 'approve' ? 'approved' : 'returned';
      found.review = { by: REVIEWER, at: AT, decision: body.decision, comment: body.comment ?? null };
      return HttpResponse.json(found);
    }),
  );
  return state;
}
