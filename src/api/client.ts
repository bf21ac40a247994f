import type { z } from 'zod/mini';
import { ApiError } from './errors';
import { problemSchema } from './schemas';

/**
 * The API base: a real backend when VITE_API_BASE_URL is set at build time, otherwise the mocked API
 * under the app's own base path (so a build served from /jindu/ asks /jindu/api/v1/...).
 */
export const apiBaseUrl: string = new URL(
  import.meta.env.VITE_API_BASE_URL ?? `${import.meta.env.BASE_URL}api/v1`,
  globalThis.location?.origin ?? 'http://localhost',
).href.replace(/\/$/, '');

/**
 * Called once when an API request is answered by something other than the API (anything that is not
 * JSON: the static server's index.html, or its plain 404 when the request asks for JSON only): the
 * sign that the browser stopped the mock service worker. main.ts registers a restart of the worker.
 */
type TransportRecovery = () => Promise<void>;
let transportRecovery: TransportRecovery | undefined;
export function setTransportRecovery(recover: TransportRecovery | undefined): void {
  transportRecovery = recover;
}

/**
 * Requests wait for this before they are sent: the mocked API registers its start-up here so the app
 * can render its shell at once instead of waiting for the service worker before the first paint.
 */
let apiReady: Promise<unknown> = Promise.resolve();
let startApi: (() => Promise<unknown>) | undefined;
export function setApiReady(ready: Promise<unknown>): void {
  // A failed start must not leave every request hanging; they then fail as network errors.
  apiReady = ready.catch(() => undefined);
  startApi = undefined;
}

/**
 * Like setApiReady, but the start-up runs only when the first request is made. A page drawn from the
 * prerendered overview needs no request at load, so it does not pay for starting the mocked API then.
 */
export function setApiReadyOnDemand(start: () => Promise<unknown>): void {
  startApi = start;
}

function whenApiReady(): Promise<unknown> {
  if (startApi !== undefined) setApiReady(startApi());
  return apiReady;
}

/** The API answers JSON, errors included (application/problem+json); anything else came from elsewhere. */
function cameFromTheApi(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('json');
}

async function send(url: string, signal: AbortSignal | undefined): Promise<Response> {
  try {
    return await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('network', url, `网络请求失败:${url}`, { cause });
  }
}

/** GET a path of the API and parse the body with the contract's schema. */
export async function getJson<S extends z.ZodMiniType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const url = `${apiBaseUrl}${path}`;
  await whenApiReady();
  let response = await send(url, signal);
  if (transportRecovery && !cameFromTheApi(response)) {
    await transportRecovery();
    response = await send(url, signal);
  }

  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch (cause) {
    if (!response.ok) throw new ApiError('http', url, `HTTP ${response.status}`, { status: response.status, cause });
    throw new ApiError('bad-json', url, `响应不是有效的 JSON:${url}`, { status: response.status, cause });
  }

  if (!response.ok) {
    const problem = problemSchema.safeParse(body);
    throw new ApiError('http', url, problem.success ? problem.data.title : `HTTP ${response.status}`, {
      status: response.status,
      problem: problem.success ? problem.data : undefined,
    });
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(根)'}:${first.message}` : '';
    throw new ApiError('schema', url, `响应不符合接口约定 ${where}`, { status: response.status, cause: parsed.error });
  }
  return parsed.data;
}
