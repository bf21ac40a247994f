import type { QueryClient } from '@tanstack/react-query';
import { apiOf } from './api-query-client';
import { loadContract } from './client';
import { UPDATE_APPROVED_EVENT } from './event-names';
import type { UpdateApprovedEvent } from './tracking-schemas';

// The live stream (issue 16, GET /api/v1/events): an approved update names its report and domain, and
// exactly those queries are invalidated: the report (its summaries carry 逾期未报), the domain with the
// metric histories under its key, and "since the last meeting". Views keep their own state (the wall's
// rotation, the meeting's slide): only their data is refetched underneath them.
// EventSource reconnects by itself after a drop (the server's `retry: 5000`); the server keeps no ids,
// so whatever was approved while the stream was down is caught by refetching everything once when it
// comes back. A stream the browser gave up on (an answer that was not a stream: a 503, a proxy's page)
// is opened again after RECONNECT_MS.

export const RECONNECT_MS = 30_000;
/** The mocked API's stream reconnects through whenRunning after this, as the server's `retry:` says. */
export const MOCKED_RECONNECT_MS = 5_000;

export type LiveState = 'connecting' | 'open' | 'down';

/** What the hook needs of EventSource; tests hand in a fake. */
export interface EventStream {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void;
  close(): void;
}
export type OpenEventStream = (url: string) => EventStream;

const CLOSED = 2;

export interface LiveOptions {
  reportId: string;
  open?: OpenEventStream;
  onState?: (state: LiveState) => void;
  /** Told of every approved update after its queries were invalidated. */
  onEvent?: (event: UpdateApprovedEvent) => void;
}

/** Invalidates what an approved update changed: that report's own query, that domain (and its histories), the changes. */
export function invalidateApproved(queryClient: QueryClient, event: UpdateApprovedEvent): Promise<unknown> {
  const report = ['reports', event.reportId] as const;
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: report, exact: true }),
    queryClient.invalidateQueries({ queryKey: [...report, 'domains', event.domainId] }),
    queryClient.invalidateQueries({ queryKey: [...report, 'changes'] }),
  ]);
}

/** The browser's EventSource, or undefined where there is none (the views then rely on their polling). */
export function browserEventStream(): OpenEventStream | undefined {
  if (typeof EventSource === 'undefined') return undefined;
  return (url) => new EventSource(url);
}

/**
 * Opens the event stream of the QueryClient's API and keeps it open; returns how to close it. Only
 * events of `reportId` are acted on.
 */
export function openLiveUpdates(queryClient: QueryClient, options: LiveOptions): () => void {
  const open = options.open ?? browserEventStream();
  if (open === undefined) return () => undefined;
  const url = `${apiOf(queryClient).baseUrl}/events`;
  let stream: EventStream | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let dropped = false;
  let closed = false;
  // The mocked API answers only once its worker runs: the stream waits for it rather than start it,
  // since nothing can be approved in a demo page before something there asked the API.
  const running = apiOf(queryClient).whenRunning;

  const connect = () => {
    options.onState?.('connecting');
    const s = open(url);
    stream = s;
    s.onopen = () => {
      options.onState?.('open');
      if (dropped) {
        dropped = false;
        void queryClient.invalidateQueries({ queryKey: ['reports', options.reportId] });
      }
    };
    s.onerror = () => {
      dropped = true;
      options.onState?.('down');
      if (closed) return;
      // The mocked API's stream drops when the browser stopped its service worker. The browser's own
      // reconnect would go past the restarted worker (it has forgotten this page) to the static host:
      // reconnect through whenRunning instead, which tells the worker about this page again.
      if (running !== undefined) {
        s.close();
        retry = setTimeout(connectWhenRunning, MOCKED_RECONNECT_MS);
        return;
      }
      if (s.readyState === CLOSED) {
        s.close();
        retry = setTimeout(connect, RECONNECT_MS);
      }
    };
    s.addEventListener(UPDATE_APPROVED_EVENT, (message) => {
      const data = typeof message.data === 'string' ? safeJson(message.data) : undefined;
      // The schema loads with the first event (or was loaded by a request before), not as the stream opens.
      void loadContract().then(
        ({ updateApprovedEventSchema }) => {
          const parsed = updateApprovedEventSchema.safeParse(data);
          if (!parsed.success || parsed.data.reportId !== options.reportId) return;
          void invalidateApproved(queryClient, parsed.data).then(() => options.onEvent?.(parsed.data));
        },
        // Without the contract's code (offline) the event is not read; polling refreshes the screen.
        () => undefined,
      );
    });
  };
  function connectWhenRunning() {
    if (running === undefined) connect();
    else
      void running().then(() => {
        if (!closed) connect();
      });
  }
  connectWhenRunning();
  return () => {
    closed = true;
    if (retry !== undefined) clearTimeout(retry);
    stream?.close();
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
