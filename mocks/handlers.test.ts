import { domainSchema } from '../src/api/schemas';
import { sessionSchema, updateListSchema, updateSchema, userListSchema } from '../src/api/tracking-schemas';
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

describe('a weekly update inside MSW (the demo)', () => {
  afterEach(async () => {
    await api('/session', { method: 'DELETE' });
  });

  const air = '/reports/erqi-2017-h1/domains/air-pollution';
  const post = (path: string, body: unknown) =>
    api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('is submitted by the demo updater, approved by the demo reviewer, and then served', async () => {
    const before = domainSchema.parse(await (await api(air)).json()).metrics.find((m) => m.id === 'good-air-days');
    expect(before?.value).toBe(66);

    expect((await signIn('demo-updater', 'demo-updater-2017')).status).toBe(200);
    const submitted = await post(`${air}/updates`, {
      observations: [{ metricId: 'good-air-days', value: 90, asOf: '2017-07-02', basis: '示例', supersedes: before?.observationId ?? null }],
      narrative: { progress: '示例', problems: '', nextSteps: '' },
    });
    expect(submitted.status).toBe(201);
    const update = updateSchema.parse(await submitted.json());
    // The author cannot review it; nothing is live yet.
    expect((await post(`/updates/${update.id}/review`, { decision: 'approve' })).status).toBe(403);
    expect(domainSchema.parse(await (await api(air)).json()).metrics.find((m) => m.id === 'good-air-days')?.value).toBe(66);
    await api('/session', { method: 'DELETE' });

    expect((await signIn('demo-reviewer', 'demo-reviewer-2017')).status).toBe(200);
    const queue = updateListSchema.parse(await (await api('/updates?state=submitted')).json());
    expect(queue.updates.map((u) => u.id)).toContain(update.id);
    const approved = await post(`/updates/${update.id}/review`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(updateSchema.parse(await approved.json()).state).toBe('approved');

    const after = domainSchema.parse(await (await api(air)).json()).metrics.find((m) => m.id === 'good-air-days');
    expect(after).toMatchObject({ value: 90, asOf: '2017-07-02', previous: { value: 66 } });
  });
});
