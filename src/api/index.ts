export * from './schemas';
export * from './errors';
export { apiBaseUrl, createApiClient, fetchTransport, retryAfterSeconds, usesMockedApi, type ApiClient, type HttpMethod, type RequestOptions, type Transport } from './client';
export { workerTransport, type Revive } from './worker-transport';
export { ApiQueryClient, apiOf } from './api-query-client';
export * from './endpoints';
export * from './queries';
export { CURRENT_REPORT_ID } from './current-report';
export * from './accounts';
