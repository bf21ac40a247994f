import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { apiBaseUrl, SESSION_HINT_KEY } from '../../api';
import { account, fakeAccountsApi, problemResponse } from '../../testing/accounts-api';
import { server } from '../../testing/api-server';
import { renderApp } from '../../testing/render';
import { DEMO_ACCOUNTS } from './demo-accounts';

const ADMIN_PASSWORD = 'correct horse battery';

async function openLogin(path = '/login') {
  const rendered = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: '登录' });
  return rendered;
}

async function signIn(username: string, password: string) {
  const user = userEvent.setup();
  if (username) await user.type(screen.getByLabelText('用户名'), username);
  if (password) await user.type(screen.getByLabelText('密码'), password);
  await user.click(screen.getByRole('button', { name: '登录' }));
  return user;
}

describe('/login', () => {
  it('asks for both fields before sending anything, and says which is missing', async () => {
    const api = fakeAccountsApi();
    await openLogin();
    await signIn('', '');
    const username = screen.getByLabelText('用户名');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription('请输入用户名');
    expect(username).toHaveFocus();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('says 用户名或密码不正确 on a 401 and keeps the person on the form', async () => {
    const api = fakeAccountsApi({ users: [account('admin', 'admin')], passwords: { admin: ADMIN_PASSWORD } });
    const { router } = await openLogin();
    await signIn('admin', 'wrong password');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确');
    expect(router.state.location.pathname).toBe('/login');
    const sent = api.requests.find((r) => r.method === 'POST' && r.path === '/session');
    expect(sent?.body).toEqual({ username: 'admin', password: 'wrong password' });
    expect(sent?.contentType).toBe('application/json');
  });

  it('says how many minutes to wait when throttled (429 with Retry-After)', async () => {
    fakeAccountsApi({ signIn: () => problemResponse(429, '尝试次数过多', undefined, { 'retry-after': '541' }) });
    await openLogin();
    await signIn('admin', 'whatever it is');
    expect(await screen.findByRole('alert')).toHaveTextContent('请在 10 分钟后再试');
  });

  it('shows that it is signing in while the answer is on its way', async () => {
    fakeAccountsApi({ users: [account('admin', 'admin')], passwords: { admin: ADMIN_PASSWORD } });
    server.use(
      http.post(`${apiBaseUrl}/session`, async () => {
        await delay(200);
        return problemResponse(401, '用户名或密码不正确');
      }),
    );
    await openLogin();
    await signIn('admin', ADMIN_PASSWORD);
    expect(screen.getByRole('button', { name: '正在登录…' })).toBeDisabled();
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确');
  });

  it('goes back to `next` after signing in, and the shell names who is signed in', async () => {
    fakeAccountsApi({ users: [account('admin', 'admin')], passwords: { admin: ADMIN_PASSWORD } });
    const { router } = await openLogin('/login?next=%2Fno-such-page%3Fa%3D1');
    await signIn('admin', ADMIN_PASSWORD);
    await waitFor(() => expect(router.state.location.pathname).toBe('/no-such-page'));
    expect(router.state.location.search).toBe('?a=1');
    const header = await screen.findByRole('banner');
    expect(await within(header).findByText('admin')).toBeInTheDocument();
    expect(within(header).getByText('管理员')).toBeInTheDocument();
    expect(within(header).getByRole('button', { name: '退出登录' })).toBeInTheDocument();
    // The next page load asks who is signed in (session-hint.ts).
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBe('1');
  });

  it('ignores a `next` that leaves the app', async () => {
    fakeAccountsApi({ users: [account('admin', 'admin')], passwords: { admin: ADMIN_PASSWORD } });
    const { router } = await openLogin('/login?next=%2F%2Fevil.example%2Fadmin');
    await signIn('admin', ADMIN_PASSWORD);
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('lists the demo accounts in a box labelled 演示账号, each filling the form', async () => {
    fakeAccountsApi();
    await openLogin();
    const box = screen.getByRole('region', { name: '演示账号' });
    expect(within(box).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('demo-admin'),
      expect.stringContaining('demo-reviewer'),
      expect.stringContaining('demo-updater'),
      expect.stringContaining('demo-viewer'),
    ]);
    // The updater's domains by name, once the report has arrived.
    expect(await within(box).findByText('负责:大气污染防治、生态绿化建设')).toBeInTheDocument();
    await userEvent.setup().click(within(box).getByRole('button', { name: '填入 demo-updater(填报员)' }));
    expect(screen.getByLabelText('用户名')).toHaveValue('demo-updater');
    expect(screen.getByLabelText('密码')).toHaveValue(DEMO_ACCOUNTS[2]?.password);
    expect(screen.getByRole('button', { name: '登录' })).toHaveFocus();
  });
});

// The mocked API's own handlers (server/api on the memory store with the demo accounts), not a fake.
describe('/login against the mocked API', () => {
  afterEach(async () => {
    // The mocked API keeps its sessions for the whole file: leave signed out.
    await fetch(`${apiBaseUrl}/session`, { method: 'DELETE', headers: { origin: location.origin } });
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('signs %s in with the password the demo box shows', async (_name, demo) => {
    const { router } = await openLogin('/login?next=%2Fno-such-page');
    await userEvent.setup().click(screen.getByRole('button', { name: new RegExp(`^填入 ${demo.username}`) }));
    await userEvent.setup().click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/no-such-page'));
    const header = await screen.findByRole('banner');
    expect(await within(header).findByText(demo.username)).toBeInTheDocument();
  });

  it('refuses a wrong password with the server’s own 401', async () => {
    await openLogin();
    await signIn('demo-admin', 'not-the-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确');
  });
});
