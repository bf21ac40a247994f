import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../testing/render';

describe('routing', () => {
  it('shows the 404 view with a way back for an unknown route', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: /未找到/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回总览' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(document.title).toContain('未找到'));
  });

  it.each([
    ['/', '总览'],
    ['/meeting', '会议'],
    ['/source', '原文'],
    ['/wall', '大屏'],
  ])('%s loads its view lazily and sets the document title', async (path, titleWord) => {
    renderApp(path);
    await waitFor(() => expect(document.title).toContain(titleWord));
  });

  it('keeps the navigation on every page but the wall', async () => {
    const { unmount } = renderApp('/source');
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    unmount();
    renderApp('/wall');
    await waitFor(() => expect(document.title).toContain('大屏'));
    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
  });
});
