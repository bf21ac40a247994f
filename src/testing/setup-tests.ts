import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../../mocks/node';

// findBy*/waitFor wait up to 1 s by default. A view here waits for lazy code and several API answers
// through MSW, which on a busy 2-core machine (CI beside a build) took longer than that now and then;
// a longer wait changes no assertion, it only stops load from failing a test that would pass.
configure({ asyncUtilTimeout: 5_000 });

// Every request in a test must be one the test expects: an unhandled one fails loudly.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());
