// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ROLE_KINDS,
  WRITE_PERMISSIONS,
  decide,
  expectedRefusal,
  isRole,
  pendingScope,
  type Action,
  type ActionName,
  type RoleKind,
  type User,
} from './permissions';

const THIS_DOMAIN = 'xiangmu-jianshe';
const OTHER_DOMAIN = 'shengtai-huanjing';

/** A requester of each kind; ids differ from the target's submitter. */
function userOf(kind: RoleKind): User | null {
  switch (kind) {
    case 'anonymous':
      return null;
    case 'viewer':
      return { id: 'u-viewer', role: 'viewer', domainIds: [] };
    case 'updater-other-domain':
      return { id: 'u-updater-other', role: 'updater', domainIds: [OTHER_DOMAIN] };
    case 'updater-this-domain':
      return { id: 'u-updater-this', role: 'updater', domainIds: [OTHER_DOMAIN, THIS_DOMAIN] };
    case 'reviewer':
      return { id: 'u-reviewer', role: 'reviewer', domainIds: [] };
    case 'admin':
      return { id: 'u-admin', role: 'admin', domainIds: [] };
  }
}

/** Each action with a target in this domain, submitted by somebody else. */
const ACTIONS: Record<ActionName, Action> = {
  'submit-update': { action: 'submit-update', domainId: THIS_DOMAIN },
  'review-update': { action: 'review-update', domainId: THIS_DOMAIN, submittedBy: 'u-someone-else' },
  'read-pending': { action: 'read-pending', submittedBy: 'u-someone-else' },
  'manage-users': { action: 'manage-users' },
  'manage-display-tokens': { action: 'manage-display-tokens' },
  'read-audit-log': { action: 'read-audit-log' },
  'manage-settings': { action: 'manage-settings' },
};

describe('the permission table', () => {
  const cases = (Object.keys(WRITE_PERMISSIONS) as ActionName[]).flatMap((action) =>
    ROLE_KINDS.map((kind) => [action, kind] as const),
  );

  it('covers every action and every kind of requester', () => {
    expect(Object.keys(WRITE_PERMISSIONS).sort()).toEqual(Object.keys(ACTIONS).sort());
    expect(cases).toHaveLength(7 * 6);
  });

  it.each(cases)('%s by %s: decide agrees with the table, 401 before 403', (action, kind) => {
    const decision = decide(userOf(kind), ACTIONS[action]);
    expect(decision.allowed).toBe(WRITE_PERMISSIONS[action][kind]);
    const refusal = expectedRefusal(action, kind);
    if (decision.allowed) expect(refusal).toBeNull();
    else expect(decision.problem.status).toBe(refusal);
  });

  it('lets only an updater of the domain submit, and keeps the roles apart', () => {
    const allowed = ROLE_KINDS.filter((kind) => WRITE_PERMISSIONS['submit-update'][kind]);
    expect(allowed).toEqual(['updater-this-domain']);
  });
});

describe('decisions', () => {
  it('answer 401 to nobody signed in, whatever the target', () => {
    expect(decide(null, { action: 'read-audit-log' })).toEqual({
      allowed: false,
      problem: { type: 'about:blank', title: '需要登录', status: 401, detail: '此操作需要先登录。' },
    });
  });

  it('name the domain an updater lacks', () => {
    const decision = decide(userOf('updater-other-domain'), ACTIONS['submit-update']);
    expect(decision).toMatchObject({ allowed: false, problem: { status: 403, title: '没有权限', detail: `此账号不是领域“${THIS_DOMAIN}”的填报员。` } });
  });

  it('refuse a reviewer or admin reviewing their own update', () => {
    for (const kind of ['reviewer', 'admin'] as const) {
      const user = userOf(kind);
      if (user === null) throw new Error('a signed-in kind');
      const own = decide(user, { action: 'review-update', domainId: THIS_DOMAIN, submittedBy: user.id });
      expect(own).toMatchObject({ allowed: false, problem: { status: 403, detail: '不能审核自己提交的更新。' } });
    }
  });

  it('let an updater read their own pending update but not a colleague’s', () => {
    const updater = userOf('updater-this-domain');
    expect(decide(updater, { action: 'read-pending', submittedBy: 'u-updater-this' }).allowed).toBe(true);
    expect(decide(updater, { action: 'read-pending', submittedBy: 'u-colleague' }).allowed).toBe(false);
  });

  it('scope pending listings the same way', () => {
    expect(ROLE_KINDS.map((kind) => pendingScope(userOf(kind)))).toEqual(['none', 'none', 'own', 'own', 'all', 'all']);
  });

  it('recognise the four roles and nothing else', () => {
    expect(['viewer', 'updater', 'reviewer', 'admin'].every(isRole)).toBe(true);
    expect(isRole('superuser')).toBe(false);
    expect(isRole('Admin')).toBe(false);
  });
});
