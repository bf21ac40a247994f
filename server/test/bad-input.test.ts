import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainSchema, problemSchema } from '../../src/api/schemas';
import { updateSchema } from '../../src/api/tracking-schemas';
import { instantAt } from '../../src/tracking';
import { report } from '../../mocks/data/erqi-2017-h1';
import { API, ORIGIN, backends, startApi, type TestApi } from './auth-harness';

// Bad input at every endpoint (issue 17, point 7). The endpoints are the Hono app's own routes, so a
// new one is in this table the day it is added. Each is asked with malformed and hostile input, by
// someone allowed to reach its body checks: the answer is a 4xx problem+json (naming the field where
// there is one), never a 500, and nothing is stored (only a failed sign-in leaves its audit entry and
// its throttle count, as it must).

const PASSWORD = 'correct horse battery';
const AIR = 'air-pollution';

/** Values nobody should get past a body check, each with its name in the failure table. */
const HOSTILE: [string, unknown][] = [
  ['1e308', 1e308],
  ['2^63', 2 ** 63],
  ['-1', -1],
  ['-0.5', -0.5],
  ['"NaN"', 'NaN'],
  ['"Infinity"', 'Infinity'],
  ['"-Infinity"', '-Infinity'],
  ['""', ''],
  ['null', null],
  ['true', true],
  ['[]', []],
  ['{}', {}],
  ['"1e308"', '1e308'],
  ['a number as text', '42'],
];
/** Text that is only wrong where a field is not free text (a label or a comment may say anything). */
const HOSTILE_TEXT: [string, string][] = [
  ['SQL', "'; DROP TABLE users; --"],
  ['SQL or', "1' OR '1'='1"],
  ['script', '<script>alert(1)</script>'],
  ['5 000 characters', 'x'.repeat(5_000)],
];
const HUGE = 'y'.repeat(100_000);
/** Path segments that name nothing (each percent-encoded into the path). */
const FORGED_IDS = ["1' OR '1'='1", '<script>alert(1)</script>', '9'.repeat(30), '9223372036854775808', '-1', '1e308', 'NaN', '0x10', 'a'.repeat(5_000), ' ', '%00'];

/**
 * A body per write endpoint that is well formed yet refused after its checks (a taken username, the
 * last admin, a stale `supersedes`, an update reviewed already), so that no mutation of it can store
 * anything by being accidentally valid. `freeText` fields take any text: they are not given HOSTILE_TEXT.
 */
interface Sample {
  body: Record<string, unknown>;
  freeText: string[];
}

interface Fixture {
  api: TestApi;
  cookies: { admin: string; updater: string; reviewer: string };
  /** Valid path parameters, by name. */
  params: Record<string, string>;
  samples: Record<string, Sample>;
}

async function fixture(api: TestApi): Promise<Fixture> {
  api.clock.now = new Date(instantAt('2017-07-05', '10:00'));
  const admin = await api.addUser('admin', PASSWORD, 'admin');
  await api.addUser('air-updater', PASSWORD, 'updater', [AIR]);
  await api.addUser('reviewer', PASSWORD, 'reviewer');
  const cookies = { admin: await api.signIn('admin', PASSWORD), updater: await api.signIn('air-updater', PASSWORD), reviewer: await api.signIn('reviewer', PASSWORD) };
  const domain = domainSchema.parse(await (await api.send('GET', `${API}/reports/${report.id}/domains/${AIR}`)).json());
  const current = domain.metrics.find((m) => m.id === 'good-air-days')?.observationId ?? '';
  const other = domain.metrics.find((m) => m.id !== 'good-air-days' && m.observationId !== undefined)?.observationId ?? '';
  const submitted = await api.send('POST', `${API}/reports/${report.id}/domains/${AIR}/updates`, {
    cookie: cookies.updater,
    body: { observations: [{ metricId: 'good-air-days', value: 90, asOf: '2017-07-02', supersedes: current }] },
  });
  const update = updateSchema.parse(await submitted.json());
  expect((await api.send('POST', `${API}/updates/${update.id}/review`, { cookie: cookies.reviewer, body: { decision: 'approve' } })).status).toBe(200);
  const token = (await (await api.send('POST', `${API}/display-tokens`, { cookie: cookies.admin, body: { label: '大厅' } })).json()) as { token: { id: string } };
  return {
    api,
    cookies,
    params: { reportId: report.id, domainId: AIR, metricId: 'good-air-days', updateId: update.id, id: admin.id, tokenId: token.token.id },
    samples: {
      // A wrong password: every variation is refused (401 at best, 429 once throttled).
      [`POST ${API}/session`]: { body: { username: 'admin', password: 'not the password' }, freeText: [] },
      // A taken username (409 after every check)
      // and a domain that does not exist (422), so a mutated username cannot make it valid.
      [`POST ${API}/users`]: { body: { username: 'admin', password: PASSWORD, role: 'updater', domainIds: ['no-such-domain'] }, freeText: ['password'] },
      // The last admin disabled: 409 after every check.
      [`PATCH ${API}/users/:id`]: { body: { role: 'viewer', active: false }, freeText: [] },
      // Stale: good-air-days' current observation is the approved update's, not `other`.
      [`POST ${API}/reports/:reportId/domains/:domainId/updates`]: {
        body: {
          observations: [{ metricId: 'good-air-days', value: 91, unit: '天', qualifier: 'exact', asOf: '2017-07-02', note: '说明', basis: '通报', supersedes: other }],
          milestones: [{ milestoneId: 'assigned-issues-closed', state: 'in-progress', note: '说明' }],
          narrative: { progress: '进展', problems: '问题', nextSteps: '打算' },
        },
        freeText: ['observations.0.note', 'observations.0.basis', 'milestones.0.note', 'narrative.progress', 'narrative.problems', 'narrative.nextSteps'],
      },
      // Reviewed already: 409.
      [`POST ${API}/updates/:updateId/review`]: { body: { decision: 'return', comment: '请补充' }, freeText: ['comment'] },
      // A label is free text, so only the shape can be wrong here; any valid body would store a token.
      [`POST ${API}/display-tokens`]: { body: { label: '大厅' }, freeText: ['label'] },
    },
  };
}

/** Every endpoint of the app: its routes other than middleware and the 405 answers (`app.all`). */
function endpoints(api: TestApi): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const route of api.app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith(API)) continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

const PARAM_FOR: Record<string, (path: string) => string> = { id: (path) => (path.includes('display-tokens') ? 'tokenId' : 'id') };

function fill(path: string, params: Record<string, string>, forged?: { name: string; value: string }): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (forged?.name === name) return encodeURIComponent(forged.value);
    return encodeURIComponent(params[(PARAM_FOR[name] ?? (() => name))(path)] ?? 'x');
  });
}

/** Every leaf of a body as a path (arrays by index), for mutating one at a time. */
function leaves(value: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...prefix, String(index)]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leaves(item, [...prefix, key]));
  return [prefix];
}

function withValue(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1) ?? ''] = value;
  return copy;
}

interface Case {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** The statuses allowed; always 4xx except where a read may answer. */
  expect: 'client-error' | 'no-server-error';
  /** A body field mutated: a 400 (its shape) must name it, a 422 (a rule, maybe another field's) some field. */
  field?: string;
}

const READS = new Set(['GET', 'HEAD']);

function casesFor(endpoint: { method: string; path: string }, f: Fixture): Case[] {
  const { method } = endpoint;
  const key = `${method} ${endpoint.path}`;
  const sample = f.samples[key];
  // Who may reach the body checks: the updater submits, the reviewer reviews, the admin does the rest.
  const cookie = key.endsWith('/updates') && method === 'POST' ? f.cookies.updater : key.endsWith('/review') ? f.cookies.reviewer : f.cookies.admin;
  const path = fill(endpoint.path, f.params);
  const json = { cookie, 'content-type': 'application/json', origin: ORIGIN };
  const cases: Case[] = [];
  const add = (name: string, c: Omit<Case, 'name' | 'method' | 'path' | 'expect'> & Partial<Pick<Case, 'path' | 'expect'>>) =>
    cases.push({ name, method, path, expect: READS.has(method) ? 'no-server-error' : 'client-error', ...c });

  // Forged and absurd ids in the path: nothing by that id exists, whoever asks.
  for (const name of [...endpoint.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '')) {
    for (const value of FORGED_IDS) {
      add(`${name} = ${JSON.stringify(value.slice(0, 20))}`, {
        path: fill(endpoint.path, f.params, { name, value }),
        headers: READS.has(method) || method === 'DELETE' ? { cookie, origin: ORIGIN } : json,
        ...(sample === undefined ? {} : { body: JSON.stringify(sample.body) }),
        expect: 'client-error',
      });
    }
  }
  // Cookies: none, forged, absurd, malformed. A read may answer (reading is public); a write may not.
  const forgedCookies: [string, string | undefined][] = [
    ['no cookie', undefined],
    ['forged session', `jindu_session=${'A'.repeat(43)}`],
    ['forged display cookie', `jindu_display=${'B'.repeat(43)}`],
    ['absurd cookie', `jindu_session=${'C'.repeat(8_000)}`],
    ['malformed cookie', 'jindu_session; =;=;;jindu_session=%zz'],
    ['SQL cookie', "jindu_session=' OR 1=1 --"],
  ];
  for (const [name, value] of forgedCookies) {
    const writeHeaders: Record<string, string> = { 'content-type': 'application/json', origin: ORIGIN, ...(value === undefined ? {} : { cookie: value }) };
    // A sign-in needs no cookie and a sign-out is always allowed: for those only the reads' rule holds.
    const open = key === `POST ${API}/session` || key === `DELETE ${API}/session`;
    add(name, {
      headers: READS.has(method) ? (value === undefined ? {} : { cookie: value }) : writeHeaders,
      ...(sample === undefined ? {} : { body: JSON.stringify(sample.body) }),
      expect: READS.has(method) || open ? 'no-server-error' : 'client-error',
    });
  }
  if (READS.has(method)) {
    for (const [name, value] of [...HOSTILE_TEXT, ['bad date', '2017-02-30'], ['huge number', '1e308'], ['negative', '-1'], ['empty', '']] as [string, string][]) {
      const query = ['since', 'until', 'state', 'limit', 'domainId', 'userId', 'nope'].map((q) => `${q}=${encodeURIComponent(value)}`).join('&');
      add(`query ${name}`, { path: `${path}?${query}`, headers: { cookie } });
    }
    return cases;
  }
  if (method === 'DELETE') {
    add('text/plain body', { headers: { cookie, origin: ORIGIN, 'content-type': 'text/plain' }, body: 'x' });
    add('no Origin', { headers: { cookie, 'content-type': 'application/json' }, body: '{}', path: fill(endpoint.path, f.params, { name: 'id', value: 'nobody' }) });
    return cases;
  }

  // Bodies that are not what a JSON endpoint takes.
  const raws: [string, string][] = [
    ['malformed JSON', '{"a": '],
    ['JSON with a trailing comma', '{"a": 1,}'],
    ['empty body', ''],
    ['whitespace body', '   '],
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"text"'],
    ['a number', '1e308'],
    ['NaN', 'NaN'],
    ['an empty object', '{}'],
    ['an unknown field', JSON.stringify({ ...sample?.body, nope: 1 })],
    ['a prototype key', '{"__proto__": {"admin": true}}'],
    ['100 000 characters', JSON.stringify({ ...sample?.body, x: HUGE })],
  ];
  for (const [name, body] of raws) add(name, { headers: json, body });
  add('invalid UTF-8', { headers: json, body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
  for (const [name, type] of [
    ['no content type', undefined],
    ['text/plain', 'text/plain'],
    ['form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['latin-1 JSON', 'application/json; charset=iso-8859-1'],
    ['JSON look-alike', 'application/jsonp'],
  ] as [string, string | undefined][]) {
    add(`content type: ${name}`, { headers: { cookie, origin: ORIGIN, ...(type === undefined ? {} : { 'content-type': type }) }, body: JSON.stringify(sample?.body ?? {}) });
  }
  add('no Origin', { headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(sample?.body ?? {}) });
  add('another Origin', { headers: { ...json, origin: 'https://evil.example' }, body: JSON.stringify(sample?.body ?? {}) });

  if (sample !== undefined) {
    for (const leaf of leaves(sample.body)) {
      const field = leaf.join('.');
      const free = sample.freeText.includes(field);
      // Free text may say "NaN" or "<script>": only what is not text, or no text at all, is wrong there.
      const values = [...HOSTILE, ['100 000 characters', HUGE], ...HOSTILE_TEXT].filter(([, value]) => !free || typeof value !== 'string' || value === '' || value === HUGE);
      const named = [...leaf].reverse().find((part) => !/^\d+$/.test(part)) ?? '';
      for (const [name, value] of values) add(`${field} = ${name}`, { headers: json, body: JSON.stringify(withValue(sample.body, leaf, value)), field: named });
    }
  }
  return cases;
}

/** What a person could see changed: accounts, tokens, updates, the audit log (failed sign-ins aside). */
async function fingerprint(f: Fixture): Promise<string> {
  const read = async (path: string, cookie = f.cookies.admin) => {
    const response = await f.api.send('GET', path, { cookie });
    return `${path} ${response.status} ${await response.text()}`;
  };
  const audit = (await (await f.api.send('GET', `${API}/audit?limit=1000`, { cookie: f.cookies.admin })).json()) as { entries: { action: string }[] };
  const parts = [
    await read(`${API}/users`),
    await read(`${API}/display-tokens`),
    await read(`${API}/updates`, f.cookies.reviewer),
    await read(`${API}/reports/${report.id}/domains/${AIR}/metrics/good-air-days/observations`, f.cookies.reviewer),
    await read(`${API}/reports/${report.id}/domains/${AIR}`),
    JSON.stringify(audit.entries.filter((e) => e.action !== 'sign-in-failed')),
  ];
  const db = f.api.db;
  if (db !== undefined) {
    const tables = await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1");
    for (const { name } of tables) {
      // A failed sign-in counts toward the throttle and is audited: those two may grow.
      if (name === 'sign_in_failures' || name === 'audit_log') continue;
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM "${name}"`);
      parts.push(`${name}: ${row?.n ?? 0}`);
    }
    const [version] = await db.query<{ version: string }>('SELECT version::text AS version FROM data_version');
    parts.push(`data version ${version?.version ?? ''}`);
    const [audit] = await db.query<{ n: number }>("SELECT count(*)::integer AS n FROM audit_log WHERE action <> 'sign-in-failed'");
    parts.push(`audit entries: ${audit?.n ?? 0}`);
  }
  return parts.join('\n');
}

describe.each(backends)('bad input at every endpoint, on $name', (backend) => {
  let f: Fixture;
  const errors: unknown[] = [];
  beforeAll(async () => {
    const api = await startApi(backend, { onError: (error) => errors.push(error) });
    f = await fixture(api);
  }, 180_000);
  afterAll(() => f.api.close());

  it('answers each with a 4xx problem+json (naming the field), never a 500, and stores nothing', { timeout: 240_000 }, async () => {
    const list = endpoints(f.api);
    // The table covers what DESIGN.md lists, at least; a new endpoint joins it by being a route.
    expect(list.length).toBeGreaterThanOrEqual(20);
    const before = await fingerprint(f);
    const failures: string[] = [];
    let asked = 0;
    // Endpoints whose body checks answered (a field named): the table is not all 401s and 403s.
    const checked = new Set<string>();
    for (const endpoint of list) {
      for (const c of casesFor(endpoint, f)) {
        asked += 1;
        const response = await f.api.app.fetch(new Request(`${ORIGIN}${c.path}`, { method: c.method, headers: c.headers, ...(c.body === undefined ? {} : { body: c.body }) }));
        // The event stream answers by staying open: its headers are the answer.
        const streaming = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
        const text = streaming ? '' : await response.text();
        if (streaming) await response.body?.cancel();
        const where = `${endpoint.method} ${endpoint.path} [${c.name}]: ${response.status}`;
        if (response.status >= 500) {
          failures.push(`${where} ${text.slice(0, 200)}`);
          continue;
        }
        if (c.expect === 'client-error' && (response.status < 400 || response.status >= 500)) {
          failures.push(`${where}, not a 4xx: ${text.slice(0, 200)}`);
          continue;
        }
        if (response.status < 400) continue;
        if (!(response.headers.get('content-type') ?? '').startsWith('application/problem+json')) {
          failures.push(`${where}, not problem+json`);
          continue;
        }
        const parsed = problemSchema.safeParse(JSON.parse(text));
        if (!parsed.success || parsed.data.status !== response.status) failures.push(`${where}, a problem without its status: ${text.slice(0, 200)}`);
        const field = (JSON.parse(text) as { field?: unknown }).field;
        if (typeof field === 'string' && field !== '') checked.add(`${endpoint.method} ${endpoint.path}`);
        const names = typeof field === 'string' && (response.status === 400 ? field.includes(c.field ?? '') : field !== '');
        if (c.field !== undefined && (response.status === 400 || response.status === 422) && !names) {
          failures.push(`${where}, names ${JSON.stringify(field)}, not ${c.field}: ${text.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(Object.keys(f.samples).filter((key) => !checked.has(key))).toEqual([]);
    expect(errors).toEqual([]);
    expect(await fingerprint(f)).toBe(before);
    expect(asked).toBeGreaterThan(500);
  });
});
