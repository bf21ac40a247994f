import { mutationOptions } from '@tanstack/react-query';
import { apiOf } from './api-query-client';
import type { ApiClient } from './client';
import type { ReviewBody } from './tracking-schemas';

// Reviewing an update (督查室): approve, or return with a comment (16-api-notes.md, "Review").

const segment = encodeURIComponent;

export const reviewUpdate = (api: ApiClient, id: string, body: ReviewBody) =>
  api.request('POST', `/updates/${segment(id)}/review`, (c) => c.updateSchema, { body });

export type ReviewVariables = { id: string; body: ReviewBody };

export const reviewUpdateMutation = () =>
  mutationOptions({
    mutationKey: ['updates', 'review'],
    mutationFn: ({ id, body }: ReviewVariables, { client }) => reviewUpdate(apiOf(client), id, body),
    // Approval puts figures live: every report and domain query (the overview, the domain pages, the
    // changes since a meeting, all keyed under `reports`) refetches, and so do the queues. A 409 at
    // approval returned the update to its author: the queue changed then too.
    onSettled: (_update, _error, _variables, _result, { client }) =>
      Promise.all([client.invalidateQueries({ queryKey: ['updates'] }), client.invalidateQueries({ queryKey: ['reports'] })]),
  });
