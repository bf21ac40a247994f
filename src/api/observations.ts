import { queryOptions } from '@tanstack/react-query';
import { apiOf } from './api-query-client';
import type { ApiClient } from './client';

// A metric's history (issue 16): every observation, newest as-of first. The key sits under its domain's
// key, so invalidating the domain (an approved update, the event stream) refetches its histories too.

const segment = encodeURIComponent;

/** History moves only when an update is approved, and the event stream says so: no polling needed. */
const HISTORY_STALE_MS = 5 * 60_000;

export const getObservations = (api: ApiClient, reportId: string, domainId: string, metricId: string, signal?: AbortSignal) =>
  api.request(
    'GET',
    `/reports/${segment(reportId)}/domains/${segment(domainId)}/metrics/${segment(metricId)}/observations`,
    (c) => c.observationListSchema,
    { signal },
  );

export const observationsQuery = (reportId: string, domainId: string, metricId: string) =>
  queryOptions({
    queryKey: ['reports', reportId, 'domains', domainId, 'metrics', metricId, 'observations'] as const,
    queryFn: ({ client, signal }) => getObservations(apiOf(client), reportId, domainId, metricId, signal),
    staleTime: HISTORY_STALE_MS,
  });

export const getDomainObservations = (api: ApiClient, reportId: string, domainId: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}/domains/${segment(domainId)}/observations`, (c) => c.domainObservationsSchema, { signal });

/** Every metric's history of a domain in one request (the domain page), under the domain's key as above. */
export const domainObservationsQuery = (reportId: string, domainId: string) =>
  queryOptions({
    queryKey: ['reports', reportId, 'domains', domainId, 'observations'] as const,
    queryFn: ({ client, signal }) => getDomainObservations(apiOf(client), reportId, domainId, signal),
    staleTime: HISTORY_STALE_MS,
  });
