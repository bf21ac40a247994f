import type { Role } from '../../api/tracking-schemas';

/**
 * The demo build's accounts (/work/briefs/api-15.md, listed in the README too). They exist only in
 * the mocked API that runs in the browser, where nothing is saved; the real server never has them,
 * so their passwords are no secret.
 */
export const DEMO_ACCOUNTS: readonly { username: string; password: string; role: Role; domainIds: readonly string[] }[] = [
  { username: 'demo-admin', password: 'demo-admin-2017', role: 'admin', domainIds: [] },
  { username: 'demo-reviewer', password: 'demo-reviewer-2017', role: 'reviewer', domainIds: [] },
  { username: 'demo-updater', password: 'demo-updater-2017', role: 'updater', domainIds: ['air-pollution', 'greening'] },
  { username: 'demo-viewer', password: 'demo-viewer-2017', role: 'viewer', domainIds: [] },
];
