import { apiBaseUrl, createApiClient } from '../api';

/** The API as tests ask it: plain fetch, answered by the mocked API's Node server (see setup-tests.ts). */
export const testApi = createApiClient({ baseUrl: apiBaseUrl });
