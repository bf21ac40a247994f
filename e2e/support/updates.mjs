// Weekly updates through the API, for the live tests: a page of the app's own origin sends the
// requests (same-origin fetch, as the app does), signed in as an updater to submit and as a reviewer to
// approve. In the demo build the API lives in the page (MSW's handlers on an in-memory store), so the
// page showing the wall must send them itself; against the server any page of its origin will do.
import { onServer, ADMIN } from './accounts.mjs';

export const UPDATER = onServer
  ? { username: 'live-updater', password: 'live-updater-2017' }
  : { username: 'demo-updater', password: 'demo-updater-2017' };
export const REVIEWER = onServer
  ? { username: 'live-reviewer', password: 'live-reviewer-2017' }
  : { username: 'demo-reviewer', password: 'demo-reviewer-2017' };

/** Runs in the page: the API of an app served at the site's root (the builds these tests open). */
async function inPage(page, steps) {
  return page.evaluate(async ({ steps, api }) => {
    const out = [];
    for (const step of steps) {
      const response = await fetch(api + step.path, {
        method: step.method,
        headers: step.body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
        credentials: 'same-origin',
        body: step.body === undefined ? undefined : JSON.stringify(step.body),
      });
      const text = await response.text();
      const json = (response.headers.get('content-type') ?? '').includes('json');
      out.push({ status: response.status, body: json && text !== '' ? JSON.parse(text) : text });
      if (!response.ok && !step.mayFail) throw new Error(`${step.method} ${step.path}: ${response.status} ${text}`);
    }
    return out;
  }, { steps, api: '/api/v1' });
}

const session = (account) => ({ method: 'POST', path: '/session', body: account });
const signOut = { method: 'DELETE', path: '/session', mayFail: true };

let accountsMade = false;

/** On the server: the updater and reviewer these tests use, made by the first admin (once). */
export async function ensureAccounts(page) {
  if (!onServer || accountsMade) return;
  accountsMade = true;
  const made = await inPage(page, [
    session(ADMIN),
    { method: 'POST', path: '/users', body: { ...UPDATER, role: 'updater', domainIds: ['air-pollution', 'greening'] }, mayFail: true },
    { method: 'POST', path: '/users', body: { ...REVIEWER, role: 'reviewer', domainIds: [] }, mayFail: true },
    signOut,
  ]);
  for (const { status, body } of made.slice(1, 3)) {
    if (status !== 201) throw new Error(`creating a test account: ${status} ${JSON.stringify(body)}`);
  }
}

/**
 * Submits one figure of a metric as the updater and approves it as the reviewer; returns the
 * approved update. The page ends signed out.
 */
export async function submitAndApprove(page, { reportId = 'erqi-2017-h1', domainId, metricId, value, asOf, basis = '浏览器测试' }) {
  const [domain] = await inPage(page, [{ method: 'GET', path: `/reports/${reportId}/domains/${domainId}` }]);
  const metric = domain.body.metrics.find((m) => m.id === metricId);
  const [, submitted] = await inPage(page, [
    session(UPDATER),
    {
      method: 'POST',
      path: `/reports/${reportId}/domains/${domainId}/updates`,
      body: { observations: [{ metricId, value, asOf, basis, supersedes: metric.observationId }] },
    },
  ]);
  const [, , approved] = await inPage(page, [
    signOut,
    session(REVIEWER),
    { method: 'POST', path: `/updates/${submitted.body.id}/review`, body: { decision: 'approve', comment: '核实无误' } },
  ]);
  await inPage(page, [signOut]);
  return approved.body;
}
