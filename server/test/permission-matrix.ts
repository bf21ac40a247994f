import type { ActionName } from '../auth/permissions';
import { API } from './auth-harness';

/**
 * What a row of the permission matrix needs to build its request: the ids the test set up. "This
 * domain" is `domainId`; the updater of another domain has `otherDomainId`.
 */
export interface MatrixContext {
  domainId: string;
  otherDomainId: string;
  /** An account other than the requester's, to change. */
  targetUserId: string;
  /** A display token to revoke. */
  displayTokenId: string;
  /** A new value each call (usernames must be unique). */
  unique(): string;
  /** The current (approved) observation of a metric of `domainId`, for an update to supersede. */
  currentObservationId(metricId: string): Promise<string>;
  /** A new update of `domainId`, submitted by another updater of it and waiting for review. */
  pendingUpdateId(): Promise<string>;
}

/**
 * Every endpoint that writes or reads what only some may read, with the action whose rule
 * (server/auth's WRITE_PERMISSIONS) decides it and the status of success. Issue 16's endpoints join
 * by adding rows (submit-update, review-update, read-pending); the matrix test runs every row for
 * every kind of requester and asserts the status.
 */
export interface MatrixRow {
  endpoint: string;
  action: ActionName;
  success: number;
  request(context: MatrixContext): MatrixRequest | Promise<MatrixRequest>;
}

export interface MatrixRequest {
  method: string;
  path: string;
  body?: unknown;
}

export const PERMISSION_MATRIX: MatrixRow[] = [
  { endpoint: 'GET /users', action: 'manage-users', success: 200, request: () => ({ method: 'GET', path: `${API}/users` }) },
  {
    endpoint: 'POST /users',
    action: 'manage-users',
    success: 201,
    request: (c) => ({ method: 'POST', path: `${API}/users`, body: { username: `u-${c.unique()}`, password: 'correct horse battery', role: 'updater', domainIds: [c.domainId] } }),
  },
  {
    endpoint: 'PATCH /users/{id}',
    action: 'manage-users',
    success: 200,
    request: (c) => ({ method: 'PATCH', path: `${API}/users/${c.targetUserId}`, body: { role: 'updater', domainIds: [c.domainId] } }),
  },
  {
    endpoint: 'DELETE /users/{id}/sessions',
    action: 'manage-users',
    success: 204,
    request: (c) => ({ method: 'DELETE', path: `${API}/users/${c.targetUserId}/sessions` }),
  },
  { endpoint: 'GET /display-tokens', action: 'manage-display-tokens', success: 200, request: () => ({ method: 'GET', path: `${API}/display-tokens` }) },
  {
    endpoint: 'POST /display-tokens',
    action: 'manage-display-tokens',
    success: 201,
    request: (c) => ({ method: 'POST', path: `${API}/display-tokens`, body: { label: `wall ${c.unique()}` } }),
  },
  {
    endpoint: 'DELETE /display-tokens/{id}',
    action: 'manage-display-tokens',
    success: 204,
    request: (c) => ({ method: 'DELETE', path: `${API}/display-tokens/${c.displayTokenId}` }),
  },
  { endpoint: 'GET /audit', action: 'read-audit-log', success: 200, request: (c) => ({ method: 'GET', path: `${API}/audit?domainId=${c.domainId}` }) },
  { endpoint: 'GET /audit.csv', action: 'read-audit-log', success: 200, request: () => ({ method: 'GET', path: `${API}/audit.csv` }) },
  // Issue 16: an update for this domain, a review (returned, so the figures stay as they are for the
  // next row), and reading someone else's pending update.
  {
    endpoint: 'POST /reports/{r}/domains/{d}/updates',
    action: 'submit-update',
    success: 201,
    request: async (c) => ({
      method: 'POST',
      path: `${API}/reports/erqi-2017-h1/domains/${c.domainId}/updates`,
      body: { observations: [{ metricId: 'good-air-days', value: 80, asOf: '2017-07-02', supersedes: await c.currentObservationId('good-air-days') }] },
    }),
  },
  {
    endpoint: 'POST /updates/{id}/review',
    action: 'review-update',
    success: 200,
    request: async (c) => ({ method: 'POST', path: `${API}/updates/${await c.pendingUpdateId()}/review`, body: { decision: 'return', comment: '矩阵' } }),
  },
  {
    endpoint: 'GET /updates/{id} (pending, another’s)',
    action: 'read-pending',
    success: 200,
    request: async (c) => ({ method: 'GET', path: `${API}/updates/${await c.pendingUpdateId()}` }),
  },
  // The cycle's deadline (issue 16): an admin sets it; the same Monday 12:00, so the other rows' clock holds.
  {
    endpoint: 'PUT /settings/cycle',
    action: 'manage-settings',
    success: 200,
    request: () => ({ method: 'PUT', path: `${API}/settings/cycle`, body: { deadline: { weekday: 1, time: '12:00' }, frequencies: { 'economy/gdp': 'quarterly' } } }),
  },
];
