// Types only: the schemas themselves load with the first request (contract.ts, client.ts).
export type * from './schemas';
export * from './errors';
export { apiBaseUrl, createApiClient, fetchTransport, retryAfterSeconds, usesMockedApi, type ApiClient, type HttpMethod, type RequestOptions, type Transport } from './client';
export { workerTransport, type Revive } from './worker-transport';
export { ApiQueryClient, apiOf } from './api-query-client';
export * from './endpoints';
export * from './queries';
export { CURRENT_REPORT_ID } from './current-report';
export * from './accounts';
export { readSessionHint, SESSION_HINT_KEY } from './session-hint';
export * from './observations';
export * from './changes';
export * from './cycle';
// Types only: the stream's code is imported where it opens (report-data/use-live-updates.ts), after first paint.
export type { EventStream, LiveOptions, LiveState, OpenEventStream } from './events';
