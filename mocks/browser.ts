import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';

export const worker = setupWorker(...handlers);

// For runtime overrides in browser tests (worker.use): re-exported from here rather than imported as
// the whole 'msw' namespace, which would pull MSW's GraphQL support into the demo build.
export { http, HttpResponse };
