import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { apiBaseUrl, SESSION_HINT_KEY } from '../api';
import { fakeAccountsApi, sessionUser } from '../testing/accounts-api';
import { server } from '../testing/api-server';
import { renderApp } from '../testing/render';

// The 404 page asks the API nothing itself: whatever the shell asks is all there is.
const QUIET = '/no-such-page?from=test';

describe('the shell: who is signed in', () => {
  it('offers 登录 to someone not signed in, coming back here afterwards, without asking the server', async () => {
    const api = fakeAccountsApi();
    renderApp(QUIET);
    const link = await within(await screen.findByRole('banner')).findByRole('link', { name: '登录' });
    expect(link).toHaveAttribute('href', '/login?next=%2Fno-such-page%3Ffrom%3Dtest');
    // No session hint: this browser never signed in, and an anonymous probe would only earn a 401.
    expect(api.requests).toEqual([]);
  });

  it('asks the server when this browser signed in before, and forgets the hint when the session is gone', async () => {
    const api = fakeAccountsApi();
    localStorage.setItem(SESSION_HINT_KEY, '1');
    renderApp(QUIET);
    expect(await within(await screen.findByRole('banner')).findByRole('link', { name: '登录' })).toBeInTheDocument();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /session']);
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it.each([
    ['viewer', '查看者'],
    ['updater', '填报员'],
    ['reviewer', '督查室'],
    ['admin', '管理员'],
  ] as const)('names a %s and their role in Chinese (%s)', async (role, label) => {
    fakeAccountsApi({ session: sessionUser(`li-${role}`, role) });
    renderApp(QUIET);
    const header = await screen.findByRole('banner');
    expect(await within(header).findByText(`li-${role}`)).toBeInTheDocument();
    expect(within(header).getByText(label)).toBeInTheDocument();
    // Only an admin is offered the admin page.
    expect(within(header).queryByRole('link', { name: '管理' }) !== null).toBe(role === 'admin');
    // Updaters are offered 填报, reviewers and admins 审核.
    expect(within(header).queryByRole('link', { name: '填报' }) !== null).toBe(role === 'updater');
    expect(within(header).queryByRole('link', { name: '审核' }) !== null).toBe(role === 'reviewer' || role === 'admin');
  });

  it('signs out with 退出登录, then offers 登录', async () => {
    const api = fakeAccountsApi({ session: sessionUser('li', 'reviewer') });
    renderApp(QUIET);
    const header = await screen.findByRole('banner');
    await userEvent.setup().click(await within(header).findByRole('button', { name: '退出登录' }));
    expect(await within(header).findByRole('link', { name: '登录' })).toBeInTheDocument();
    expect(within(header).queryByText('li')).not.toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'DELETE' && r.path === '/session')).toBe(true);
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('shows nothing at all while the session is unknown, or when asking for it failed', async () => {
    let answered = 0;
    localStorage.setItem(SESSION_HINT_KEY, '1');
    server.use(
      http.get(`${apiBaseUrl}/session`, () => {
        answered += 1;
        return HttpResponse.json({ type: 'about:blank', title: '服务器内部错误', status: 500 }, { status: 500 });
      }),
    );
    renderApp(QUIET);
    const header = await screen.findByRole('banner');
    expect(within(header).queryByRole('link', { name: '登录' })).not.toBeInTheDocument();
    await waitFor(() => expect(answered).toBeGreaterThan(0));
    // Reading stays public: a failed session request leaves the page as it is.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(within(header).queryByRole('link', { name: '登录' })).not.toBeInTheDocument();
    expect(within(header).queryByRole('button', { name: '退出登录' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /未找到/ })).toBeInTheDocument();
  });

  it('is not on the wall, which never asks who is signed in', async () => {
    const api = fakeAccountsApi({ session: sessionUser('li', 'admin') });
    renderApp('/wall');
    await screen.findAllByText(/序时进度/, undefined, { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText('li')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '退出登录' })).not.toBeInTheDocument();
    expect(api.requests.filter((r) => r.path === '/session')).toHaveLength(0);
  });
});
