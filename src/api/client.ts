import type { z } from 'zod/mini';
import { ApiError } from './errors';

/** The contract's schemas (contract.ts), as one module. */
export type Contract = typeof import('./contract');

/**
 * The schema an answer must match: the schema itself, or (what the endpoints use) a function picking it
 * out of the contract, which is then loaded with the first request rather than with the page.
 */
export type SchemaRef<S extends z.ZodMiniType> = S | ((contract: Contract) => S);

let contract: Promise<Contract> | undefined;
/** The contract's module, loaded once; a failed load is tried again by the next request. */
export function loadContract(): Promise<Contract> {
  contract ??= import('./contract').catch((error: unknown) => {
    contract = undefined;
    throw error;
  });
  return contract;
}

function isPicker<S extends z.ZodMiniType>(schema: SchemaRef<S>): schema is (contract: Contract) => S {
  return typeof schema === 'function';
}

/** The contract, or the network failure its code not loading is to the user (offline, say). */
async function contractFor(url: string): Promise<Contract> {
  try {
    return await loadContract();
  } catch (cause) {
    throw new ApiError('network', url, `网络请求失败:${url}`, { cause });
  }
}

/**
 * The API base the build was made for: a real backend when VITE_API_BASE_URL is set at build time,
 * otherwise the mocked API under the app's own base path (so a build served from /jindu/ asks
 * /jindu/api/v1/...).
 */
/** The demo build: no real backend was named at build time, so the API is the mocked one (MSW) with its demo accounts. */
export const usesMockedApi: boolean = !import.meta.env.VITE_API_BASE_URL;

export const apiBaseUrl: string = new URL(
  import.meta.env.VITE_API_BASE_URL ?? `${import.meta.env.BASE_URL}api/v1`,
  globalThis.location?.origin ?? 'http://localhost',
).href.replace(/\/$/, '');

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How a request reaches the API, in fetch's own shape: a real server is plain fetch (with whatever
 * credentials it needs), the mocked API waits for its service worker first, a test answers as it likes.
 * A transport throws only when nothing answered; every answer, however wrong, is the client's to judge.
 */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

/** Plain fetch, looked up at each request so that whatever intercepts fetch later (MSW in Node) sees it. */
export const fetchTransport: Transport = (url, init) => fetch(url, init);

export type RequestOptions = { body?: unknown; signal?: AbortSignal };

/**
 * The API: every request goes through `request`, which sends `body` as JSON and parses the answer with
 * the contract's schema, so a failure is always one ApiError (http, network, bad-json or schema).
 */
export type ApiClient = {
  readonly baseUrl: string;
  /**
   * Resolves once requests made outside `request` (the event stream) can reach the API: the mocked
   * API's worker has started, because something asked it, and serves this page now (it may have been
   * stopped and restarted since). Absent: the API is always there.
   */
  readonly whenRunning?: () => Promise<void>;
  request<S extends z.ZodMiniType>(method: HttpMethod, path: string, schema: SchemaRef<S>, options?: RequestOptions): Promise<z.infer<S>>;
};

export function createApiClient({ baseUrl, transport = fetchTransport }: { baseUrl: string; transport?: Transport }): ApiClient {
  async function send(url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
    try {
      return await transport(url, { ...init, signal });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new ApiError('network', url, `网络请求失败:${url}`, { cause });
    }
  }

  return {
    baseUrl,
    async request(method, path, schema, { body, signal } = {}) {
      const url = `${baseUrl}${path}`;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      // same-origin: the session cookie goes with every request to the app's own server and never to
      // another origin, whatever the browser's default is.
      const init: RequestInit = { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) };
      // The contract's code loads while the request is under way, not after its answer (a failure to
      // load it is reported by parseAnswer, which asks for it again).
      if (isPicker(schema)) loadContract().catch(() => undefined);
      const response = await send(url, init, signal);
      return parseAnswer(url, response, schema);
    },
  };
}

/** Retry-After in seconds (a 429 from sign-in); the HTTP-date form is read too, as servers may send either. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

async function parseAnswer<S extends z.ZodMiniType>(url: string, response: Response, schemaRef: SchemaRef<S>): Promise<z.infer<S>> {
  const text = await response.text();
  const schema = isPicker(schemaRef) ? schemaRef(await contractFor(url)) : schemaRef;
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch (cause) {
    if (!response.ok) throw new ApiError('http', url, `HTTP ${response.status}`, { status: response.status, cause });
    throw new ApiError('bad-json', url, `响应不是有效的 JSON:${url}`, { status: response.status, cause });
  }

  if (!response.ok) {
    const { problemSchema } = await contractFor(url);
    const problem = problemSchema.safeParse(body);
    throw new ApiError('http', url, problem.success ? problem.data.title : `HTTP ${response.status}`, {
      status: response.status,
      problem: problem.success ? problem.data : undefined,
      retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')),
      body,
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
