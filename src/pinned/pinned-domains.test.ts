import { act, renderHook } from '@testing-library/react';
import { createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { PINNED_STORAGE_KEY, readPinnedDomains, togglePinnedDomain, usePinnedDomains, writePinnedDomains } from './pinned-domains';

describe('pinned domains (我的领域)', () => {
  it('keeps pins in localStorage under a versioned key, in pinning order', () => {
    togglePinnedDomain('air-pollution');
    togglePinnedDomain('economy');
    expect(readPinnedDomains()).toEqual(['air-pollution', 'economy']);
    expect(JSON.parse(localStorage.getItem(PINNED_STORAGE_KEY) ?? '')).toEqual({ version: 1, domainIds: ['air-pollution', 'economy'] });
    togglePinnedDomain('air-pollution');
    expect(readPinnedDomains()).toEqual(['economy']);
  });

  it.each([
    ['corrupt JSON', '{"version":1,"domainIds":['],
    ['an outdated version', JSON.stringify({ version: 0, domainIds: ['economy'] })],
    ['the wrong shape', JSON.stringify(['economy'])],
    ['hostile ids', JSON.stringify({ version: 1, domainIds: ['<img src=x>'] })],
  ])('ignores %s without throwing', (_what, raw) => {
    localStorage.setItem(PINNED_STORAGE_KEY, raw);
    expect(readPinnedDomains()).toEqual([]);
    // A new pin replaces the bad value.
    togglePinnedDomain('land');
    expect(readPinnedDomains()).toEqual(['land']);
  });

  it('re-renders subscribers when pins change', () => {
    const { result } = renderHook(() => usePinnedDomains());
    expect(result.current).toEqual([]);
    act(() => writePinnedDomains(['greening']));
    expect(result.current).toEqual(['greening']);
  });

  it('listens for other tabs with one storage listener however many components subscribe, and stops with the last', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const storageCalls = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'storage').length;
    const hooks = Array.from({ length: 16 }, () => renderHook(() => usePinnedDomains()));
    expect(storageCalls(added)).toBe(1);

    // Another tab pins a domain: every subscriber sees it.
    act(() => {
      localStorage.setItem(PINNED_STORAGE_KEY, JSON.stringify({ version: 1, domainIds: ['economy'] }));
      window.dispatchEvent(new StorageEvent('storage', { key: PINNED_STORAGE_KEY }));
    });
    expect(hooks.map(({ result }) => result.current)).toEqual(hooks.map(() => ['economy']));
    // ...or clears its storage.
    act(() => {
      localStorage.clear();
      window.dispatchEvent(new StorageEvent('storage', { key: null }));
    });
    expect(hooks.every(({ result }) => result.current.length === 0)).toBe(true);

    hooks.slice(1).forEach(({ unmount }) => unmount());
    expect(storageCalls(removed)).toBe(0);
    hooks[0]?.unmount();
    expect(storageCalls(removed)).toBe(1);
  });

  it('takes over prerendered markup in one render when nothing is pinned (the empty snapshot is one value)', async () => {
    let renders = 0;
    function Pins() {
      renders += 1;
      return createElement('p', null, usePinnedDomains().join(',') || '无');
    }
    const container = document.createElement('div');
    container.innerHTML = renderToString(createElement(Pins));
    renders = 0;
    const root = hydrateRoot(container, createElement(Pins));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    // A second, synchronous render here drew the whole overview again just after it became interactive.
    expect(renders).toBe(1);
    expect(container.textContent).toBe('无');
    act(() => root.unmount());
  });
});
