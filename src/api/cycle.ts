import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { apiOf } from './api-query-client';
import type { ApiClient } from './client';
import type { CycleSettings } from './tracking-schemas';

// The server's clock and the reporting cycle (填报周期, issue 16): "today", the cycle being filled, its
// deadline and the meeting days come from the API, never from this machine's clock (a demo or a test
// pins the server's date). An admin changes the deadline with the PUT.

const segment = encodeURIComponent;

/** The date moves once a day and the setting rarely: a minute is fresh enough, and a deadline passing is seen soon. */
const CYCLE_STALE_MS = 60_000;

export const getCycle = (api: ApiClient, reportId: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}/cycle`, (c) => c.reportCycleSchema, { signal });

export const putCycleSettings = (api: ApiClient, settings: CycleSettings) =>
  api.request('PUT', '/settings/cycle', (c) => c.cycleSettingsSchema, { body: settings });

export const cycleQuery = (reportId: string) =>
  queryOptions({
    queryKey: ['reports', reportId, 'cycle'] as const,
    queryFn: ({ client, signal }) => getCycle(apiOf(client), reportId, signal),
    staleTime: CYCLE_STALE_MS,
  });

export const cycleSettingsMutation = () =>
  mutationOptions({
    mutationKey: ['settings', 'cycle'],
    mutationFn: (settings: CycleSettings, { client }) => putCycleSettings(apiOf(client), settings),
    // 逾期未报, the cycle and the audit log all follow the setting.
    onSettled: (_settings, _error, _variables, _result, { client }) =>
      Promise.all([client.invalidateQueries({ queryKey: ['reports'] }), client.invalidateQueries({ queryKey: ['audit'] })]),
  });
