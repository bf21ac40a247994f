import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiOf } from './api-query-client';
import type { ApiClient } from './client';
import { ApiError } from './errors';
import { writeSessionHint } from './session-hint';
import type {
  DisplayTokenCreateBody,
  SignInBody,
  UserCreateBody,
  UserPatchBody,
} from './tracking-schemas';

// Sessions, accounts, display tokens and the audit log (issue 15; /work/briefs/api-15.md): the
// endpoints, their query factories and their mutations. Keys start with the resource; a mutation
// invalidates what it changed, so every view of it refetches and none keeps its own copy.

const segment = encodeURIComponent;

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

export const getSession = (api: ApiClient, signal?: AbortSignal) => api.request('GET', '/session', (c) => c.sessionSchema, { signal });
export const signIn = (api: ApiClient, body: SignInBody) => api.request('POST', '/session', (c) => c.sessionSchema, { body });
export const signOut = (api: ApiClient) => api.request('DELETE', '/session', (c) => c.noContentSchema);
export const getUsers = (api: ApiClient, signal?: AbortSignal) => api.request('GET', '/users', (c) => c.userListSchema, { signal });
export const createUser = (api: ApiClient, body: UserCreateBody) => api.request('POST', '/users', (c) => c.userAccountSchema, { body });
export const patchUser = (api: ApiClient, id: string, body: UserPatchBody) =>
  api.request('PATCH', `/users/${segment(id)}`, (c) => c.userAccountSchema, { body });
export const endUserSessions = (api: ApiClient, id: string) => api.request('DELETE', `/users/${segment(id)}/sessions`, (c) => c.noContentSchema);
export const getDisplayTokens = (api: ApiClient, signal?: AbortSignal) =>
  api.request('GET', '/display-tokens', (c) => c.displayTokenListSchema, { signal });
export const issueDisplayToken = (api: ApiClient, body: DisplayTokenCreateBody) =>
  api.request('POST', '/display-tokens', (c) => c.issuedDisplayTokenSchema, { body });
export const revokeDisplayToken = (api: ApiClient, id: string) => api.request('DELETE', `/display-tokens/${segment(id)}`, (c) => c.noContentSchema);
export const getAudit = (api: ApiClient, filters: AuditFilters, signal?: AbortSignal) =>
  api.request('GET', `/audit${auditSearch(filters)}`, (c) => c.auditListSchema, { signal });

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

/**
 * A 401 from any account request means the session ended (expired, ended by an admin, signed out in
 * another tab): the shell and the views that ask who is signed in learn it at once.
 */
function noteSessionEnded(client: QueryClient, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    writeSessionHint(false);
    client.setQueryData(sessionQuery().queryKey, null);
  }
}

/** The request, with a 401 noted (see noteSessionEnded) before it fails as usual. */
async function noting401<T>(client: QueryClient, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    noteSessionEnded(client, error);
    throw error;
  }
}

export const usersQuery = () =>
  queryOptions({ queryKey: ['users'] as const, queryFn: ({ client, signal }) => noting401(client, getUsers(apiOf(client), signal)) });

export const displayTokensQuery = () =>
  queryOptions({
    queryKey: ['display-tokens'] as const,
    queryFn: ({ client, signal }) => noting401(client, getDisplayTokens(apiOf(client), signal)),
  });

export const auditQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: ['audit', filters] as const,
    queryFn: ({ client, signal }) => noting401(client, getAudit(apiOf(client), filters, signal)),
  });

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
    onError: (error, _body, _result, { client }) => noteSessionEnded(client, error),
  });

export const patchUserMutation = () =>
  mutationOptions({
    mutationKey: ['users', 'patch'],
    mutationFn: ({ id, patch }: { id: string; patch: UserPatchBody }, { client }) => patchUser(apiOf(client), id, patch),
    onSuccess: (_user, _body, _result, { client }) => invalidate(client, 'users', 'audit', 'session'),
    onError: (error, _body, _result, { client }) => noteSessionEnded(client, error),
  });

export const endUserSessionsMutation = () =>
  mutationOptions({
    mutationKey: ['users', 'end-sessions'],
    mutationFn: (id: string, { client }) => endUserSessions(apiOf(client), id),
    onSuccess: (_data, _id, _result, { client }) => invalidate(client, 'audit', 'session'),
    onError: (error, _id, _result, { client }) => noteSessionEnded(client, error),
  });

export const issueDisplayTokenMutation = () =>
  mutationOptions({
    mutationKey: ['display-tokens', 'issue'],
    mutationFn: (body: DisplayTokenCreateBody, { client }) => issueDisplayToken(apiOf(client), body),
    onSuccess: (_issued, _body, _result, { client }) => invalidate(client, 'display-tokens', 'audit'),
    onError: (error, _body, _result, { client }) => noteSessionEnded(client, error),
  });

export const revokeDisplayTokenMutation = () =>
  mutationOptions({
    mutationKey: ['display-tokens', 'revoke'],
    mutationFn: (id: string, { client }) => revokeDisplayToken(apiOf(client), id),
    onSuccess: (_data, _id, _result, { client }) => invalidate(client, 'display-tokens', 'audit'),
    onError: (error, _id, _result, { client }) => noteSessionEnded(client, error),
  });
