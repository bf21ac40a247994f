import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiOf } from './api-query-client';
import type { ApiClient } from './client';
import { ApiError } from './errors';
import { writeSessionHint } from './session-hint';
import {
  auditListSchema,
  displayTokenListSchema,
  issuedDisplayTokenSchema,
  sessionSchema,
  userAccountSchema,
  userListSchema,
  type DisplayTokenCreateBody,
  type SignInBody,
  type UserCreateBody,
  type UserPatchBody,
} from './tracking-schemas';

// Sessions, accounts, display tokens and the audit log (issue 15; /work/briefs/api-15.md): the
// endpoints, their query factories and their mutations. Keys start with the resource; a mutation
// invalidates what it changed, so every view of it refetches and none keeps its own copy.

const segment = encodeURIComponent;
/** 204 No Content: nothing to parse. */
const noContent = z.undefined();

/** The audit log's filters, as the query string carries them (dates are YYYY-MM-DD, inclusive). */
export type AuditFilters = { domainId?: string; userId?: string; since?: string; until?: string; limit?: number };

/** The query string of the audit filters, empty ones left out; shared by the list and its CSV export. */
export function auditSearch(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

export const getSession = (api: ApiClient, signal?: AbortSignal) => api.request('GET', '/session', sessionSchema, { signal });
export const signIn = (api: ApiClient, body: SignInBody) => api.request('POST', '/session', sessionSchema, { body });
export const signOut = (api: ApiClient) => api.request('DELETE', '/session', noContent);
export const getUsers = (api: ApiClient, signal?: AbortSignal) => api.request('GET', '/users', userListSchema, { signal });
export const createUser = (api: ApiClient, body: UserCreateBody) => api.request('POST', '/users', userAccountSchema, { body });
export const patchUser = (api: ApiClient, id: string, body: UserPatchBody) =>
  api.request('PATCH', `/users/${segment(id)}`, userAccountSchema, { body });
export const endUserSessions = (api: ApiClient, id: string) => api.request('DELETE', `/users/${segment(id)}/sessions`, noContent);
export const getDisplayTokens = (api: ApiClient, signal?: AbortSignal) =>
  api.request('GET', '/display-tokens', displayTokenListSchema, { signal });
export const issueDisplayToken = (api: ApiClient, body: DisplayTokenCreateBody) =>
  api.request('POST', '/display-tokens', issuedDisplayTokenSchema, { body });
export const revokeDisplayToken = (api: ApiClient, id: string) => api.request('DELETE', `/display-tokens/${segment(id)}`, noContent);
export const getAudit = (api: ApiClient, filters: AuditFilters, signal?: AbortSignal) =>
  api.request('GET', `/audit${auditSearch(filters)}`, auditListSchema, { signal });

/** Where the CSV of the audit log is downloaded from, with the same filters as the list shows. */
export const auditCsvUrl = (api: ApiClient, filters: AuditFilters) => `${api.baseUrl}/audit.csv${auditSearch(filters)}`;

/** Not signed in (401) is an answer, not a failure: the session query then holds null. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: ['session'] as const,
    queryFn: async ({ client, signal }) => {
      try {
        const session = await getSession(apiOf(client), signal);
        writeSessionHint(true);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          writeSessionHint(false);
          return null;
        }
        throw error;
      }
    },
    // Who is signed in changes only by signing in or out here (both set it) or by the session
    // expiring, which the next write finds out with a 401.
    staleTime: 5 * 60_000,
  });

export const usersQuery = () =>
  queryOptions({ queryKey: ['users'] as const, queryFn: ({ client, signal }) => getUsers(apiOf(client), signal) });

export const displayTokensQuery = () =>
  queryOptions({ queryKey: ['display-tokens'] as const, queryFn: ({ client, signal }) => getDisplayTokens(apiOf(client), signal) });

export const auditQuery = (filters: AuditFilters) =>
  queryOptions({ queryKey: ['audit', filters] as const, queryFn: ({ client, signal }) => getAudit(apiOf(client), filters, signal) });

/** Account and token changes are audited: the log shown is stale after any of them. */
function invalidate(client: QueryClient, ...resources: string[]) {
  return Promise.all(resources.map((resource) => client.invalidateQueries({ queryKey: [resource] })));
}

export const signInMutation = () =>
  mutationOptions({
    mutationKey: ['session', 'sign-in'],
    mutationFn: (body: SignInBody, { client }) => signIn(apiOf(client), body),
    onSuccess: (session, _body, _result, { client }) => {
      // Another account's cached admin data must not show for this one.
      client.removeQueries({ queryKey: ['users'] });
      client.removeQueries({ queryKey: ['display-tokens'] });
      client.removeQueries({ queryKey: ['audit'] });
      writeSessionHint(true);
      client.setQueryData(sessionQuery().queryKey, session);
    },
  });

export const signOutMutation = () =>
  mutationOptions({
    mutationKey: ['session', 'sign-out'],
    mutationFn: (_: void, { client }) => signOut(apiOf(client)),
    onSuccess: (_data, _variables, _result, { client }) => {
      client.removeQueries({ queryKey: ['users'] });
      client.removeQueries({ queryKey: ['display-tokens'] });
      client.removeQueries({ queryKey: ['audit'] });
      writeSessionHint(false);
      client.setQueryData(sessionQuery().queryKey, null);
    },
  });

export const createUserMutation = () =>
  mutationOptions({
    mutationKey: ['users', 'create'],
    mutationFn: (body: UserCreateBody, { client }) => createUser(apiOf(client), body),
    onSuccess: (_user, _body, _result, { client }) => invalidate(client, 'users', 'audit'),
  });

export const patchUserMutation = () =>
  mutationOptions({
    mutationKey: ['users', 'patch'],
    mutationFn: ({ id, patch }: { id: string; patch: UserPatchBody }, { client }) => patchUser(apiOf(client), id, patch),
    onSuccess: (_user, _body, _result, { client }) => invalidate(client, 'users', 'audit', 'session'),
  });

export const endUserSessionsMutation = () =>
  mutationOptions({
    mutationKey: ['users', 'end-sessions'],
    mutationFn: (id: string, { client }) => endUserSessions(apiOf(client), id),
    onSuccess: (_data, _id, _result, { client }) => invalidate(client, 'audit', 'session'),
  });

export const issueDisplayTokenMutation = () =>
  mutationOptions({
    mutationKey: ['display-tokens', 'issue'],
    mutationFn: (body: DisplayTokenCreateBody, { client }) => issueDisplayToken(apiOf(client), body),
    onSuccess: (_issued, _body, _result, { client }) => invalidate(client, 'display-tokens', 'audit'),
  });

export const revokeDisplayTokenMutation = () =>
  mutationOptions({
    mutationKey: ['display-tokens', 'revoke'],
    mutationFn: (id: string, { client }) => revokeDisplayToken(apiOf(client), id),
    onSuccess: (_data, _id, _result, { client }) => invalidate(client, 'display-tokens', 'audit'),
  });
