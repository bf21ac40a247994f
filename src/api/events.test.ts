import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ApiQueryClient } from './api-query-client';
import { createApiClient } from './client';
import { MOCKED_RECONNECT_MS, openLiveUpdates, RECONNECT_MS, type EventStream } from './events';
import { useLiveUpdates } from '../report-data/use-live-updates';

/** A stand-in for EventSource: the test opens, drops and feeds it. */
class FakeStream implements EventStream {
  static opened: FakeStream[] = [];
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<unknown>) => void)[]>();
  constructor(readonly url: string) {
    FakeStream.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  /** A drop EventSource retries by itself (readyState stays CONNECTING), or one it gave up on (CLOSED). */
  drop(gaveUp = false) {
    this.readyState = gaveUp ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
  emit(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

const open = (url: string) => new FakeStream(url);
const R = 'erqi-2017-h1';
const keys = {
  report: ['reports', R],
  air: ['reports', R, 'domains', 'air-pollution'],
  airHistory: ['reports', R, 'domains', 'air-pollution', 'metrics', 'good-air-days', 'observations'],
  changes: ['reports', R, 'changes', '2017-07-01'],
  land: ['reports', R, 'domains', 'land'],
  source: ['reports', R, 'source'],
  otherReport: ['reports', 'other-2018'],
} as const;

function cache(): QueryClient {
  const client = new ApiQueryClient(createApiClient({ baseUrl: 'http://localhost/api/v1' }));
  for (const key of Object.values(keys)) client.setQueryData(key, { any: 'data' });
  return client;
}
const invalidated = (client: QueryClient) =>
  Object.entries(keys)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated === true)
    .map(([name]) => name);

const approved = JSON.stringify({ reportId: R, domainId: 'air-pollution', updateId: '201' });

beforeEach(() => {
  FakeStream.opened = [];
});

describe('the live stream', () => {
  it('opens the API’s /events and invalidates exactly the report and the domain an approval names', async () => {
    const client = cache();
    const seen: string[] = [];
    const close = openLiveUpdates(client, { reportId: R, open, onEvent: (e) => seen.push(e.updateId) });
    const stream = FakeStream.opened[0];
    expect(stream?.url).toBe('http://localhost/api/v1/events');
    stream?.open();
    expect(invalidated(client)).toEqual([]);

    stream?.emit('update-approved', approved);
    await waitFor(() => expect(seen).toEqual(['201']));
    expect(invalidated(client)).toEqual(['report', 'air', 'airHistory', 'changes']);
    close();
    expect(stream?.closed).toBe(true);
  });

  it('ignores other reports’ events and data it cannot read', async () => {
    const client = cache();
    openLiveUpdates(client, { reportId: R, open });
    const stream = FakeStream.opened[0];
    stream?.open();
    stream?.emit('update-approved', JSON.stringify({ reportId: 'other-2018', domainId: 'land', updateId: '9' }));
    stream?.emit('update-approved', '{not json');
    stream?.emit('update-approved', JSON.stringify({ reportId: R }));
    await Promise.resolve();
    expect(invalidated(client)).toEqual([]);
  });

  it('refetches everything of the report once when the stream comes back after a drop', () => {
    const client = cache();
    const states: string[] = [];
    openLiveUpdates(client, { reportId: R, open, onState: (s) => states.push(s) });
    const stream = FakeStream.opened[0];
    stream?.open();
    stream?.drop();
    expect(invalidated(client)).toEqual([]);
    stream?.open();
    expect(invalidated(client)).toEqual(['report', 'air', 'airHistory', 'changes', 'land', 'source']);
    expect(states).toEqual(['connecting', 'open', 'down', 'open']);
    expect(FakeStream.opened).toHaveLength(1);
  });

  it('opens a new stream after RECONNECT_MS when the browser gave up on one', () => {
    vi.useFakeTimers();
    try {
      const client = cache();
      const close = openLiveUpdates(client, { reportId: R, open });
      FakeStream.opened[0]?.drop(true);
      expect(FakeStream.opened[0]?.closed).toBe(true);
      vi.advanceTimersByTime(RECONNECT_MS - 1);
      expect(FakeStream.opened).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(FakeStream.opened).toHaveLength(2);
      FakeStream.opened[1]?.open();
      expect(invalidated(client)).toContain('land');
      close();
      expect(FakeStream.opened[1]?.closed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits for the mocked API to run before it opens, and never starts it', async () => {
    let running = () => undefined as void;
    const whenRunning = () => new Promise<void>((resolve) => (running = resolve));
    const client = new ApiQueryClient({ ...createApiClient({ baseUrl: 'http://localhost/api/v1' }), whenRunning });
    openLiveUpdates(client, { reportId: R, open });
    await Promise.resolve();
    expect(FakeStream.opened).toHaveLength(0);
    running();
    await waitFor(() => expect(FakeStream.opened).toHaveLength(1));
  });
});


describe('the mocked API\'s stream', () => {
  it('reconnects through whenRunning after a drop, not by the browser\'s own retry past the worker', async () => {
    vi.useFakeTimers();
    try {
      let asked = 0;
      const whenRunning = () => {
        asked += 1;
        return Promise.resolve();
      };
      const client = new ApiQueryClient({ ...createApiClient({ baseUrl: 'http://localhost/api/v1' }), whenRunning });
      const close = openLiveUpdates(client, { reportId: R, open });
      await vi.advanceTimersByTimeAsync(0);
      expect(FakeStream.opened).toHaveLength(1);
      FakeStream.opened[0]?.open();
      // Dropped while EventSource would retry by itself (readyState CONNECTING): closed at once instead.
      FakeStream.opened[0]?.drop();
      expect(FakeStream.opened[0]?.closed).toBe(true);
      await vi.advanceTimersByTimeAsync(MOCKED_RECONNECT_MS - 1);
      expect(FakeStream.opened).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(asked).toBe(2);
      expect(FakeStream.opened).toHaveLength(2);
      close();
      FakeStream.opened[1]?.drop();
      await vi.advanceTimersByTimeAsync(MOCKED_RECONNECT_MS * 2);
      expect(FakeStream.opened).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('useLiveUpdates', () => {
  it('opens after first paint, reports its state, invalidates on an event and closes on unmount', async () => {
    const client = cache();
    const wrapper = ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client }, children);
    const { result, unmount } = renderHook(() => useLiveUpdates({ open }), { wrapper });
    expect(result.current).toBe('off');
    await waitFor(() => expect(FakeStream.opened).toHaveLength(1));
    expect(result.current).toBe('connecting');
    act(() => FakeStream.opened[0]?.open());
    expect(result.current).toBe('open');
    act(() => FakeStream.opened[0]?.emit('update-approved', approved));
    await waitFor(() => expect(invalidated(client)).toEqual(['report', 'air', 'airHistory', 'changes']));
    unmount();
    expect(FakeStream.opened[0]?.closed).toBe(true);
  });
});
