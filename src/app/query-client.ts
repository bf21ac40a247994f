import { ApiError, ApiQueryClient, type ApiClient } from '../api';

/** A 404 or a contract violation will not fix itself on retry; a network blip or a 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && (error.isNotFound || error.kind === 'schema' || error.kind === 'bad-json')) return false;
  return failureCount < 2;
}

/** The app's query cache, asking `api`. */
export function createQueryClient(api: ApiClient): ApiQueryClient {
  return new ApiQueryClient(api, {
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
    },
  });
}
