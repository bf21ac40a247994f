import type { AccountStore } from '../server/core/account-store';
import type { PasswordHasher } from '../server/core/password-hasher';

/**
 * The demo's accounts (演示账号), for the MSW build and `npm run dev` only: their passwords are
 * public (README, /login). The Node server never creates them.
 */
export const DEMO_ACCOUNTS = [
  { username: 'demo-admin', password: 'demo-admin-2017', role: 'admin', domainIds: [] },
  { username: 'demo-reviewer', password: 'demo-reviewer-2017', role: 'reviewer', domainIds: [] },
  { username: 'demo-updater', password: 'demo-updater-2017', role: 'updater', domainIds: ['air-pollution', 'greening'] },
  { username: 'demo-viewer', password: 'demo-viewer-2017', role: 'viewer', domainIds: [] },
] as const;

/** Creates the demo accounts in an empty store (a store restored from sessionStorage already has them). */
export async function seedDemoAccounts(accounts: AccountStore, hasher: PasswordHasher, at = new Date()): Promise<void> {
  if ((await accounts.countUsers()) > 0) return;
  for (const account of DEMO_ACCOUNTS) {
    await accounts.createUser({
      username: account.username,
      passwordHash: await hasher.hash(account.password),
      role: account.role,
      domainIds: account.domainIds,
      createdAt: at,
    });
  }
}
