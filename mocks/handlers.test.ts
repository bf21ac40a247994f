import { sessionSchema, userListSchema } from '../src/api/tracking-schemas';
import { DEMO_ACCOUNTS } from './demo-accounts';

// The demo's sign-in through MSW as the component tests meet it (jsdom, msw/node): the cookie the
// API sets goes into MSW's cookie store and comes back with the next request, as in the browser.

const api = (path: string, init: RequestInit = {}) =>
  fetch(new URL(`/api/v1${path}`, location.href), { credentials: 'same-origin', ...init });
const signIn = (username: string, password: string) =>
  api('/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('the demo accounts inside MSW', () => {
  afterEach(async () => {
    await api('/session', { method: 'DELETE' });
  });

  it('signs each demo account in with its listed password, with its role', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const response = await signIn(account.username, account.password);
      expect(response.status).toBe(200);
      expect(sessionSchema.parse(await response.json()).user).toMatchObject({ username: account.username, role: account.role, domainIds: account.domainIds });
      const session = await api('/session');
      expect(sessionSchema.parse(await session.json()).user.username).toBe(account.username);
    }
  });

  it('refuses a wrong password and forgets the session at sign-out', async () => {
    expect((await signIn('demo-admin', 'not the demo password')).status).toBe(401);
    expect((await api('/session')).status).toBe(401);
    expect((await signIn('demo-admin', 'demo-admin-2017')).status).toBe(200);
    expect(userListSchema.parse(await (await api('/users')).json()).users.map((user) => user.username)).toContain('demo-updater');
    expect((await api('/session', { method: 'DELETE' })).status).toBe(204);
    expect((await api('/session')).status).toBe(401);
    expect((await api('/users')).status).toBe(401);
  });

  it('keeps the roles apart: a viewer may not list accounts', async () => {
    expect((await signIn('demo-viewer', 'demo-viewer-2017')).status).toBe(200);
    expect((await api('/users')).status).toBe(403);
  });
});
