import type { Transport } from './client';

/** Brings a stopped API back; resolves once it answers again (or once it is no use waiting). */
export type Revive = () => Promise<void>;

/** The API answers JSON, errors included (application/problem+json); anything else came from elsewhere. */
function cameFromTheApi(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('json');
}

/**
 * The transport to an API served inside the page by a service worker (the mocked API). Requests wait
 * for `start`, which runs at once (`startNow`) or at the first request: a page drawn from the
 * prerendered overview asks nothing at load, so it does not pay for the worker then. A failed start
 * does not hold requests: they go out and fail as whatever answers them.
 * The browser stops idle service workers; an answer that is not the API's is the sign, and the request
 * is sent once more after `start`'s revive has run.
 */
export function workerTransport(
  start: () => Promise<Revive>,
  { startNow }: { startNow: boolean },
): Transport & { whenRunning: () => Promise<void> } {
  let started: Promise<Revive | undefined> | undefined;
  let markRunning: () => void = () => undefined;
  const running = new Promise<void>((resolve) => {
    markRunning = resolve;
  });
  const whenStarted = () =>
    (started ??= start()
      .catch(() => undefined)
      .finally(markRunning));
  if (startNow) void whenStarted();

  const transport: Transport = async (url, init) => {
    const revive = await whenStarted();
    const response = await fetch(url, init);
    if (revive === undefined || cameFromTheApi(response)) return response;
    await revive();
    return fetch(url, init);
  };
  // Waits for a start without causing one (see ApiClient.whenRunning), then makes sure the worker
  // serves this page at this moment: a request the fetch above would have retried cannot be retried
  // when it is an EventSource's.
  const whenRunning = async () => {
    await running;
    const revive = await started;
    await revive?.();
  };
  return Object.assign(transport, { whenRunning });
}
