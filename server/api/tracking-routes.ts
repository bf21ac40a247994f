import type { Context, Hono } from 'hono';
import { UPDATE_APPROVED_EVENT } from '../../src/api/tracking-schemas';
import { readJsonBody } from '../auth/request-guard';
import type { Outcome, TrackingService } from '../core/tracking';
import type { TrackingStore } from '../core/tracking-store';
import { actorOf, type ApiEnv } from './actor';
import { problem as problemAnswer, quoted } from './problem';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;
/** Messages a stream may hold unread before it is ended (about half an hour of heartbeats). */
const MAX_UNREAD = 64;
/** What the browser waits before reconnecting a dropped stream (EventSource's `retry:`). */
export const RETRY_MS = 5_000;

export interface TrackingRoutesOptions {
  prefix: string;
  service: TrackingService;
  tracking: TrackingStore;
  /** JINDU_READ=signed-in: the answer refusing a read, or null (server/api/auth-routes.ts). */
  readRefusal: (c: Context<ApiEnv>) => Response | null;
  /** Ends every open event stream (the server is stopping). */
  signal?: AbortSignal;
  heartbeatMs?: number;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isId = (text: string) => text.length <= 100 && ID.test(text);

/** Answers with no shared cache: what these say depends on who asks (pending data) or changes at once. */
function answer<T>(outcome: Outcome<T>): Response {
  if (!outcome.ok) {
    return new Response(JSON.stringify(outcome.problem), {
      status: outcome.problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    });
  }
  return new Response(JSON.stringify(outcome.body), {
    status: outcome.status,
    headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' },
  });
}

function meta(c: Context<ApiEnv>) {
  const actor = actorOf(c);
  return { address: actor.address, requestId: actor.requestId || (c.req.header('x-request-id') ?? '') };
}

/**
 * Issue 16's endpoints (DESIGN.md "API v1: the additions"): a metric's observations, submitting an
 * update, the review queue and a review, what changed since a date, and the live event stream. The
 * acting account is the request's actor (server/api/actor.ts); the rules are the service's.
 */
export function registerTrackingRoutes(app: Hono<ApiEnv>, { prefix, service, tracking, readRefusal, signal, heartbeatMs = HEARTBEAT_MS }: TrackingRoutesOptions): void {
  const methods = (path: string, allow: string) =>
    app.all(path, (c) => problemAnswer(405, '不支持的请求方法', `${c.req.method} 不适用于 ${quoted(c.req.path)};可用:${allow}。`, { allow }));
  const badIds = (...ids: string[]) => ids.find((id) => !isId(id));
  const missing = (id: string) => problemAnswer(404, '不存在', `没有“${quoted(id)}”。`);

  const observations = `${prefix}/reports/:reportId/domains/:domainId/metrics/:metricId/observations`;
  app.get(observations, async (c) => {
    const closed = readRefusal(c);
    if (closed !== null) return closed;
    const [reportId, domainId, metricId] = ['reportId', 'domainId', 'metricId'].map((name) => c.req.param(name) ?? '') as [string, string, string];
    const bad = badIds(reportId, domainId, metricId);
    if (bad !== undefined) return missing(bad);
    return answer(await service.listObservations(actorOf(c).user, reportId, domainId, metricId));
  });
  methods(observations, 'GET, HEAD');

  // Every metric's history of a domain at once: the domain page's one request instead of one per metric.
  const domainObservations = `${prefix}/reports/:reportId/domains/:domainId/observations`;
  app.get(domainObservations, async (c) => {
    const closed = readRefusal(c);
    if (closed !== null) return closed;
    const [reportId, domainId] = ['reportId', 'domainId'].map((name) => c.req.param(name) ?? '') as [string, string];
    const bad = badIds(reportId, domainId);
    if (bad !== undefined) return missing(bad);
    return answer(await service.domainObservations(actorOf(c).user, reportId, domainId));
  });
  methods(domainObservations, 'GET, HEAD');

  const cycle = `${prefix}/reports/:reportId/cycle`;
  app.get(cycle, async (c) => {
    const closed = readRefusal(c);
    if (closed !== null) return closed;
    const reportId = c.req.param('reportId') ?? '';
    if (!isId(reportId)) return missing(reportId);
    return answer(await service.cycle(reportId));
  });
  methods(cycle, 'GET, HEAD');

  app.put(`${prefix}/settings/cycle`, async (c) => answer(await service.setCycleSettings(actorOf(c).user, () => readJsonBody(c.req.raw), meta(c))));
  methods(`${prefix}/settings/cycle`, 'PUT');

  const updates = `${prefix}/reports/:reportId/domains/:domainId/updates`;
  app.post(updates, async (c) => {
    const [reportId, domainId] = ['reportId', 'domainId'].map((name) => c.req.param(name) ?? '') as [string, string];
    const bad = badIds(reportId, domainId);
    if (bad !== undefined) return missing(bad);
    return answer(await service.submit(actorOf(c).user, reportId, domainId, () => readJsonBody(c.req.raw), meta(c)));
  });
  methods(updates, 'POST');

  app.get(`${prefix}/updates`, async (c) => answer(await service.listUpdates(actorOf(c).user, c.req.query('state'))));
  methods(`${prefix}/updates`, 'GET, HEAD');

  app.get(`${prefix}/updates/:updateId`, async (c) => answer(await service.getUpdate(actorOf(c).user, c.req.param('updateId') ?? '')));
  methods(`${prefix}/updates/:updateId`, 'GET, HEAD');

  app.post(`${prefix}/updates/:updateId/review`, async (c) => {
    const updateId = c.req.param('updateId') ?? '';
    return answer(await service.review(actorOf(c).user, updateId, () => readJsonBody(c.req.raw), meta(c)));
  });
  methods(`${prefix}/updates/:updateId/review`, 'POST');

  app.get(`${prefix}/reports/:reportId/changes`, async (c) => {
    const closed = readRefusal(c);
    if (closed !== null) return closed;
    const reportId = c.req.param('reportId') ?? '';
    if (!isId(reportId)) return missing(reportId);
    return answer(await service.changes(reportId, c.req.query('since')));
  });
  methods(`${prefix}/reports/:reportId/changes`, 'GET, HEAD');

  const streams = new Set<() => void>();
  signal?.addEventListener('abort', () => {
    for (const end of [...streams]) end();
  });

  app.get(`${prefix}/events`, (c) => {
    const closed = readRefusal(c);
    if (closed !== null) return closed;
    if (signal?.aborted) return problemAnswer(503, '服务正在停止', '服务器正在停止,请稍后重连。');
    const headers = {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx and similar would otherwise hold the stream back in a buffer.
      'x-accel-buffering': 'no',
    };
    // A HEAD would open a stream nobody reads: answer the headers alone.
    if (c.req.method === 'HEAD') return new Response(null, { headers });
    const encoder = new TextEncoder();
    let end = () => undefined as void;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        let open = true;
        const send = (text: string) => {
          if (!open) return;
          // A client that stopped reading without closing: its unread messages would pile up forever.
          if (controller.desiredSize !== null && controller.desiredSize < -MAX_UNREAD) {
            end();
            return;
          }
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            end();
          }
        };
        let unsubscribe = () => undefined as void;
        const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
        end = () => {
          if (!open) return;
          open = false;
          clearInterval(heartbeat);
          unsubscribe();
          streams.delete(end);
          try {
            controller.close();
          } catch {
            // Already closed by the client going away.
          }
        };
        streams.add(end);
        c.req.raw.signal.addEventListener('abort', () => end());
        try {
          unsubscribe = await tracking.subscribe((event) => send(`event: ${UPDATE_APPROVED_EVENT}\ndata: ${JSON.stringify(event)}\n\n`));
        } catch {
          // No LISTEN (the database is away): the client's EventSource reconnects after `retry`.
          send(`retry: ${RETRY_MS}\n\n`);
          end();
          return;
        }
        if (!open) {
          unsubscribe();
          return;
        }
        // Sent once listening, so a client that has read it misses no approval after it.
        send(`retry: ${RETRY_MS}\n: connected\n\n`);
      },
      cancel() {
        end();
      },
    });
    return new Response(stream, { headers });
  });
  methods(`${prefix}/events`, 'GET, HEAD');
}
