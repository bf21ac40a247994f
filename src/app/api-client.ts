import { apiBaseUrl, createApiClient, fetchTransport, workerTransport, type ApiClient } from '../api';
import { startMockApi } from './mock-api';

/**
 * The browser app's API: the real server the build names (VITE_API_BASE_URL), or else the mocked API
 * in a service worker, started at once or, on a page that needs no data at load, at the first request.
 */
export function createBrowserApiClient({ startMockApiNow }: { startMockApiNow: boolean }): ApiClient {
  if (import.meta.env.VITE_API_BASE_URL) return createApiClient({ baseUrl: apiBaseUrl, transport: fetchTransport });
  const transport = workerTransport(startMockApi, { startNow: startMockApiNow });
  return { ...createApiClient({ baseUrl: apiBaseUrl, transport }), whenRunning: transport.whenRunning };
}
