// The server under a meeting-day load, all at once on one server: wall displays polling the report and
// dashboards polling the domains (with If-None-Match, as the app does, so mostly 304s), departments'
// updaters submitting updates (signed in, POST …/updates), and beside them the same server sending a
// small static file: its latencies, taken under the same load in the same run, are the yardstick.
// autocannon drives every group; latencies are every response's (its summary has p97.5, not p95).
import autocannon from 'autocannon';
import { BENCH_ADMIN } from './server.mjs';
import { client, numericMetric, REPORT_ID } from './api.mjs';

/** Departments that submit during the load: each its own updater account, domain and metric. */
const DEPARTMENTS = [
  { domainId: 'air-pollution', metricId: 'construction-sites' },
  { domainId: 'civilized-city', metricId: 'model-communities' },
  { domainId: 'garden-city', metricId: 'parks-inspected' },
  { domainId: 'infrastructure', metricId: 'roads-started' },
];
/**
 * What arrives each second, whatever the server's speed (an open loop: a poller does not wait for the
 * last answer before the next display asks). As fast as autocannon can send, 40 pollers keep the
 * server saturated and every latency becomes the length of its queue, which says nothing about what
 * a request costs; at these rates the server keeps up on a loaded 2-core machine, and the latencies
 * are the work a request needs plus the wait the others cause it.
 *   walls: 50 a second (1,500 wall displays asking every 30 s), the report;
 *   dashboards: 50 a second, the 15 domains in turn;
 *   updaters: one department's updater per connection, one submission a second each (a district's
 *     week of updates, one per department, arrives in seconds);
 *   static file: 20 a second, the yardstick.
 */
export const LOAD_MIX = {
  walls: { connections: 10, perS: 50 },
  dashboards: { connections: 10, perS: 50 },
  updaters: { connections: DEPARTMENTS.length, perS: DEPARTMENTS.length },
  staticFile: { connections: 4, perS: 20 },
};

const percentile = (sorted, p) => (sorted.length === 0 ? null : +sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))].toFixed(2));

/** One autocannon instance: its latencies and statuses collected from its response events. */
function run(options, sink) {
  const instance = autocannon(options);
  instance.on('response', (_client, status, _bytes, ms) => {
    sink.times.push(ms);
    sink.statuses[status] = (sink.statuses[status] ?? 0) + 1;
  });
  return instance.then((r) => {
    sink.errors += r.errors;
    sink.timeouts += r.timeouts;
    return r;
  });
}

function summary(sink, durationS, expected) {
  const sorted = [...sink.times].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    requestsPerS: Math.round(sorted.length / durationS),
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length ? +sorted.at(-1).toFixed(2) : null,
    errors: sink.errors,
    timeouts: sink.timeouts,
    statuses: sink.statuses,
    expected,
    unexpectedStatus: Object.entries(sink.statuses).reduce((n, [code, count]) => (expected.includes(Number(code)) ? n : n + count), 0),
  };
}

const newSink = () => ({ times: [], statuses: {}, errors: 0, timeouts: 0 });

/** Signs in one updater per department (made by the admin on first use) and what each will submit. */
export async function prepareDepartments(origin) {
  const api = client(origin);
  const admin = await api.signIn(BENCH_ADMIN);
  const prepared = [];
  for (const [i, { domainId, metricId }] of DEPARTMENTS.entries()) {
    const account = { username: `bench-dept-${i + 1}`, password: `bench-dept-${i + 1}-2017`, role: 'updater', domainIds: [domainId] };
    await api.ensureUser(admin, account);
    const cookie = await api.signIn(account);
    const metric = numericMetric(await api.domain(domainId), metricId);
    // Pending updates do not move the approved figure, so every one of them supersedes the same one.
    const body = JSON.stringify({ observations: [{ metricId: metric.id, value: metric.value, asOf: '2017-07-02', basis: '性能测试', note: '负载测试', supersedes: metric.observationId }] });
    prepared.push({ domainId, cookie, body });
  }
  return prepared;
}

/** Every path a wall or dashboard polls: the report (walls) and each domain (dashboards). */
export async function pollPaths(origin) {
  const report = (await client(origin).call('GET', `/reports/${REPORT_ID}`, { expect: 200 })).body;
  return { walls: [`/api/v1/reports/${REPORT_ID}`], dashboards: report.domains.map((d) => `/api/v1/reports/${REPORT_ID}/domains/${d.id}`) };
}

/** The mixed load for `durationS` seconds; the server's memory (after a full GC) before and after. */
export async function mixedLoad(server, { durationS, warmUpS = 2 }) {
  const { origin } = server;
  const departments = await prepareDepartments(origin);
  const paths = await pollPaths(origin);
  const etags = new Map();
  // Warm-up, not measured: the first answers of each path are built and compressed, and V8 compiles
  // the server's hot paths; a server that has run for minutes is what a meeting day meets.
  await Promise.all([
    etagPollers({ origin, ...LOAD_MIX.walls, durationS: warmUpS, paths: paths.walls, sink: newSink(), etags }),
    etagPollers({ origin, ...LOAD_MIX.dashboards, durationS: warmUpS, paths: paths.dashboards, sink: newSink(), etags }),
    run({ url: `${origin}/favicon.svg`, connections: LOAD_MIX.staticFile.connections, overallRate: LOAD_MIX.staticFile.perS, duration: warmUpS }, newSink()),
  ]);
  const memoryBefore = await server.memory();
  const sinks = { walls: newSink(), dashboards: newSink(), updates: newSink(), staticFile: newSink() };
  const started = performance.now();
  await Promise.all([
    etagPollers({ origin, ...LOAD_MIX.walls, durationS, paths: paths.walls, sink: sinks.walls, etags }),
    etagPollers({ origin, ...LOAD_MIX.dashboards, durationS, paths: paths.dashboards, sink: sinks.dashboards, etags }),
    ...departments.map(({ domainId, cookie, body }) =>
      run(
        {
          url: `${origin}/api/v1/reports/${REPORT_ID}/domains/${domainId}/updates`,
          connections: 1,
          duration: durationS,
          overallRate: LOAD_MIX.updaters.perS / departments.length,
          method: 'POST',
          headers: { cookie, origin, 'content-type': 'application/json', accept: 'application/json' },
          body,
        },
        sinks.updates,
      ),
    ),
    run({ url: `${origin}/favicon.svg`, connections: LOAD_MIX.staticFile.connections, overallRate: LOAD_MIX.staticFile.perS, duration: durationS }, sinks.staticFile),
  ]);
  const elapsedS = (performance.now() - started) / 1000;
  const memoryAfter = await server.memory();
  const targets = {
    'walls: report (If-None-Match)': summary(sinks.walls, elapsedS, [200, 304]),
    'dashboards: domains (If-None-Match)': summary(sinks.dashboards, elapsedS, [200, 304]),
    'updaters: POST updates': summary(sinks.updates, elapsedS, [201]),
    'static file': summary(sinks.staticFile, elapsedS, [200]),
  };
  const staticP95 = targets['static file'].p95Ms;
  for (const t of Object.values(targets)) t.p95VsStatic = staticP95 ? +(t.p95Ms / staticP95).toFixed(2) : null;
  return { database: server.database, durationS, mix: LOAD_MIX, targets, memoryBefore, memoryAfter };
}

/**
 * Pollers as the app polls: each asks with the ETag of the last 200 seen for that path (shared by the
 * group: every display knows the current version), so a steady state is all 304s. autocannon calls
 * onResponse before it sets up the connection's next request, so the context still names the path.
 */
function etagPollers({ origin, connections, perS, durationS, paths, sink, etags }) {
  let next = 0;
  return run(
    {
      url: origin,
      connections,
      ...(perS === undefined ? {} : { overallRate: perS }),
      duration: durationS,
      requests: [
        {
          setupRequest(request, context) {
            const path = paths[next++ % paths.length];
            context.path = path;
            const etag = etags.get(path);
            return { ...request, method: 'GET', path, headers: etag ? { 'if-none-match': etag } : {} };
          },
          onResponse(status, _body, context, headers) {
            if (status === 200 && headers?.etag && context.path) etags.set(context.path, headers.etag);
          },
        },
      ],
    },
    sink,
  );
}

/**
 * A long polling run: walls and dashboards polling (If-None-Match) for `chunks` × `chunkS` seconds,
 * the server's memory after a full GC before and after each chunk. Flat means the last samples are
 * where the first was: a per-request leak shows as a rise chunk after chunk.
 */
export async function pollingSoak(server, { chunks, chunkS }) {
  const { origin } = server;
  const paths = await pollPaths(origin);
  const etags = new Map();
  const samples = [{ atS: 0, requests: 0, ...(await server.memory()) }];
  const sink = newSink();
  for (let i = 1; i <= chunks; i += 1) {
    await Promise.all([
      etagPollers({ origin, connections: 10, durationS: chunkS, paths: paths.walls, sink, etags }),
      etagPollers({ origin, connections: 10, durationS: chunkS, paths: paths.dashboards, sink, etags }),
    ]);
    samples.push({ atS: i * chunkS, requests: sink.times.length, ...(await server.memory()) });
  }
  const { errors, timeouts, statuses } = sink;
  return { database: server.database, connections: 20, durationS: chunks * chunkS, requests: sink.times.length, errors, timeouts, statuses, samples };
}
