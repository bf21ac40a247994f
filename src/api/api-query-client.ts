import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import type { ApiClient } from './client';

/**
 * A query cache that knows the API its queries ask. The query factories find the API through the
 * QueryClient that runs them (TanStack Query hands it to every query function), so whoever composes
 * the app decides where requests go (the mocked API, a real server, a test) and no module holds it.
 */
export class ApiQueryClient extends QueryClient {
  readonly api: ApiClient;

  constructor(api: ApiClient, config?: QueryClientConfig) {
    super(config);
    this.api = api;
  }
}

export function apiOf(client: QueryClient): ApiClient {
  if (client instanceof ApiQueryClient) return client.api;
  throw new Error('this QueryClient knows no API: create it as an ApiQueryClient');
}
