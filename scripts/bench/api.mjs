// The API as the app uses it, from Node: sign-in cookies, accounts, updates and reviews. Writes carry
// the Origin the server expects of its own pages (the CSRF guard) and JSON bodies.
export const REPORT_ID = 'erqi-2017-h1';

export function client(origin) {
  async function call(method, path, { cookie, body, expect } = {}) {
    const response = await fetch(`${origin}/api/v1${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(method === 'GET' ? {} : { origin }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (expect !== undefined && response.status !== expect) throw new Error(`${method} ${path}: ${response.status}, expected ${expect}: ${text.slice(0, 300)}`);
    return { status: response.status, headers: response.headers, body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  }
  return {
    origin,
    call,
    /** Signs in; the session cookie as a Cookie header's value. */
    async signIn({ username, password }) {
      const { headers } = await call('POST', '/session', { body: { username, password }, expect: 200 });
      const cookie = headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      if (!cookie) throw new Error(`no session cookie for ${username}`);
      return cookie;
    },
    /** Makes an account (as the admin signed in with `cookie`); an existing one is left as it is. */
    async ensureUser(cookie, account) {
      const { status, body } = await call('POST', '/users', { cookie, body: account });
      if (status !== 201 && status !== 409) throw new Error(`POST /users ${account.username}: ${status} ${JSON.stringify(body)}`);
    },
    async domain(domainId) {
      return (await call('GET', `/reports/${REPORT_ID}/domains/${domainId}`, { expect: 200 })).body;
    },
    /** One figure of one metric, superseding its latest approved observation; the submitted update. */
    async submit(cookie, { domainId, metricId, value, asOf, supersedes, basis = '性能测试' }) {
      const body = { observations: [{ metricId, value, asOf, basis, supersedes }] };
      return (await call('POST', `/reports/${REPORT_ID}/domains/${domainId}/updates`, { cookie, body, expect: 201 })).body;
    },
    async approve(cookie, updateId) {
      return (await call('POST', `/updates/${updateId}/review`, { cookie, body: { decision: 'approve', comment: '核实无误' }, expect: 200 })).body;
    },
  };
}

/** A metric of a domain with a number for a value, which a bench may move up and down. */
export function numericMetric(domain, preferred) {
  const metrics = domain.metrics.filter((m) => typeof m.value === 'number' && m.observationId !== undefined);
  const metric = metrics.find((m) => m.id === preferred) ?? metrics[0];
  if (!metric) throw new Error(`domain ${domain.id} has no numeric metric`);
  return metric;
}
