import type { Role } from '../api/tracking-schemas';

/** The roles as the district's staff name them (DESIGN.md "Accounts and permissions"). */
export const ROLE_LABELS: Record<Role, string> = {
  viewer: '查看者',
  updater: '填报员',
  reviewer: '督查室',
  admin: '管理员',
};

export const ROLES: readonly Role[] = ['viewer', 'updater', 'reviewer', 'admin'];
