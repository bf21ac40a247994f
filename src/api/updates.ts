import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { apiOf } from './api-query-client';
import type { ApiClient } from './client';
import { ApiError } from './errors';
import {
  conflictProblemSchema,
  fieldsProblemSchema,
  type ConflictProblem,
  type FieldsProblem,
  type UpdateState,
  type UpdateSubmission,
} from './tracking-schemas';

// Weekly updates (填报, issue 16; /work/briefs/16-api-notes.md): listing them, one by id, and
// submitting one. The review's mutation is in review.ts. Keys start with `updates`, so a submission or a
// review makes every list of them refetch.

const segment = encodeURIComponent;

export const getUpdates = (api: ApiClient, state: UpdateState | undefined, signal?: AbortSignal) =>
  api.request('GET', `/updates${state === undefined ? '' : `?state=${state}`}`, (c) => c.updateListSchema, { signal });

export const getUpdate = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.request('GET', `/updates/${segment(id)}`, (c) => c.updateSchema, { signal });

export const submitUpdate = (api: ApiClient, reportId: string, domainId: string, body: UpdateSubmission) =>
  api.request('POST', `/reports/${segment(reportId)}/domains/${segment(domainId)}/updates`, (c) => c.updateSchema, { body });

/**
 * Updates by state, oldest submission first. Reviewers and admins get everyone's, updaters their own.
 * Without a state: all of them (the 填报 page shows the pending and returned ones of each domain).
 */
export const updatesQuery = (state?: UpdateState) =>
  queryOptions({
    queryKey: ['updates', state ?? 'all'] as const,
    queryFn: ({ client, signal }) => getUpdates(apiOf(client), state, signal),
    // Someone else's review changes these: asking again when the page is looked at again is cheap.
    staleTime: 0,
  });

export type SubmitVariables = { reportId: string; domainId: string; body: UpdateSubmission };

export const submitUpdateMutation = () =>
  mutationOptions({
    mutationKey: ['updates', 'submit'],
    mutationFn: ({ reportId, domainId, body }: SubmitVariables, { client }) => submitUpdate(apiOf(client), reportId, domainId, body),
    onSettled: (_update, error, { reportId, domainId }, _result, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['updates'] }),
        // A 409 means the domain's figures moved meanwhile: the form needs the current ones.
        ...(conflictOf(error) === undefined ? [] : [client.invalidateQueries({ queryKey: ['reports', reportId, 'domains', domainId] })]),
      ]),
  });

/** The current observations of a 409 (submission or approval), when the error is one. */
export function conflictOf(error: unknown): ConflictProblem | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const parsed = conflictProblemSchema.safeParse(error.body);
  return parsed.success ? parsed.data : undefined;
}

/** The refused fields of a 400/422, when the error names them. */
export function fieldErrorsOf(error: unknown): FieldsProblem['errors'] {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return [];
  const parsed = fieldsProblemSchema.safeParse(error.body);
  return parsed.success ? parsed.data.errors : [];
}
