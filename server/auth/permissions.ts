import type { Problem } from '../../src/api/schemas';
import { problem } from './problem';

export const ROLES = ['viewer', 'updater', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The signed-in person as permissions see them. `domainIds` matter for updaters only. */
export interface User {
  id: string;
  role: Role;
  domainIds: readonly string[];
}

/** What someone asks to do, with the target it is done to. */
export type Action =
  | { action: 'submit-update'; domainId: string }
  | { action: 'review-update'; domainId: string; submittedBy: string }
  | { action: 'read-pending'; submittedBy: string }
  | { action: 'manage-users' }
  | { action: 'manage-display-tokens' }
  | { action: 'read-audit-log' }
  | { action: 'manage-settings' };
export type ActionName = Action['action'];

export type Decision = { allowed: true } | { allowed: false; problem: Problem };

const ALLOWED: Decision = { allowed: true };

function refused(detail: string): Decision {
  return { allowed: false, problem: problem(403, '没有权限', detail) };
}

const ADMIN_ONLY: Record<'manage-users' | 'manage-display-tokens' | 'read-audit-log' | 'manage-settings', string> = {
  'manage-users': '只有管理员可以管理账号。',
  'manage-display-tokens': '只有管理员可以发放和撤销展示令牌。',
  'read-audit-log': '只有管理员可以查看审计日志。',
  'manage-settings': '只有管理员可以修改填报周期。',
};

/**
 * Whether a user may do something, for every request that writes or reads what is not public.
 * Nobody signed in: 401, whatever the action (so the answer does not depend on the target). Signed
 * in without the right role or domain: 403 naming what is missing. The roles stay apart: only
 * updaters submit, only reviewers and admins review, and nobody reviews their own update.
 */
export function decide(user: User | null, request: Action): Decision {
  if (user === null) return { allowed: false, problem: problem(401, '需要登录', '此操作需要先登录。') };
  switch (request.action) {
    case 'submit-update':
      if (user.role !== 'updater') return refused('只有填报员可以提交更新。');
      if (!user.domainIds.includes(request.domainId)) return refused(`此账号不是领域“${request.domainId}”的填报员。`);
      return ALLOWED;
    case 'review-update':
      if (user.role !== 'reviewer' && user.role !== 'admin') return refused('只有督查室和管理员可以审核更新。');
      if (request.submittedBy === user.id) return refused('不能审核自己提交的更新。');
      return ALLOWED;
    case 'read-pending':
      if (user.role === 'reviewer' || user.role === 'admin') return ALLOWED;
      if (user.role === 'updater' && request.submittedBy === user.id) return ALLOWED;
      return refused('待审核的数据只有提交人、督查室和管理员可以查看。');
    case 'manage-users':
    case 'manage-display-tokens':
    case 'read-audit-log':
    case 'manage-settings':
      return user.role === 'admin' ? ALLOWED : refused(ADMIN_ONLY[request.action]);
  }
}

/**
 * Which pending updates a listing may show the user (the review queue, a metric's history): all of
 * them, only the ones they submitted, or none. The same rule as decide's read-pending, for queries.
 */
export function pendingScope(user: User | null): 'all' | 'own' | 'none' {
  if (user === null) return 'none';
  if (user.role === 'reviewer' || user.role === 'admin') return 'all';
  return user.role === 'updater' ? 'own' : 'none';
}

/** The kinds of requester the permission matrix covers, as issue 15 lists them. */
export const ROLE_KINDS = [
  'anonymous',
  'viewer',
  'updater-other-domain',
  'updater-this-domain',
  'reviewer',
  'admin',
] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

/**
 * The expected answer for each action and requester, the target being in "this domain" and, for
 * review-update and read-pending, submitted by somebody else. The permission matrix test iterates it
 * over every endpoint; a refused anonymous request is 401, any other refusal 403.
 */
export const WRITE_PERMISSIONS: Readonly<Record<ActionName, Readonly<Record<RoleKind, boolean>>>> = {
  'submit-update': {
    anonymous: false,
    viewer: false,
    'updater-other-domain': false,
    'updater-this-domain': true,
    reviewer: false,
    admin: false,
  },
  'review-update': {
    anonymous: false,
    viewer: false,
    'updater-other-domain': false,
    'updater-this-domain': false,
    reviewer: true,
    admin: true,
  },
  'read-pending': {
    anonymous: false,
    viewer: false,
    'updater-other-domain': false,
    'updater-this-domain': false,
    reviewer: true,
    admin: true,
  },
  'manage-users': {
    anonymous: false,
    viewer: false,
    'updater-other-domain': false,
    'updater-this-domain': false,
    reviewer: false,
    admin: true,
  },
  'manage-display-tokens': {
    anonymous: false,
    viewer: false,
    'updater-other-domain': false,
    'updater-this-domain': false,
    reviewer: false,
    admin: true,
  },
  'read-audit-log': {
    anonymous: false,
    viewer: false,
    'updater-other-domain': false,
    'updater-this-domain': false,
    reviewer: false,
    admin: true,
  },
  'manage-settings': {
    anonymous: false,
    viewer: false,
    'updater-other-domain': false,
    'updater-this-domain': false,
    reviewer: false,
    admin: true,
  },
};

/** The status the matrix expects: 2xx when allowed (the endpoint's own success status), else 401 or 403. */
export function expectedRefusal(action: ActionName, kind: RoleKind): 401 | 403 | null {
  if (WRITE_PERMISSIONS[action][kind]) return null;
  return kind === 'anonymous' ? 401 : 403;
}
