import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { apiBaseUrl, SESSION_HINT_KEY } from '../../api';
import type { AuditEntry } from '../../api/tracking-schemas';
import { account, fakeAccountsApi, problemResponse, sessionUser } from '../../testing/accounts-api';
import { server } from '../../testing/api-server';
import { renderApp } from '../../testing/render';

const ADMIN = sessionUser('boss', 'admin');

const adminAndOthers = () => [
  account('boss', 'admin'),
  account('wang', 'updater', { domainIds: ['air-pollution', 'greening'] }),
  account('zhao', 'viewer', { active: false }),
];

function auditEntry(id: string, at: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at,
    who: { id: 'u-boss', username: 'boss' },
    action: 'user-changed',
    target: { kind: 'user', id: 'u-wang', domainId: null },
    before: null,
    after: null,
    address: '10.0.0.7',
    requestId: `r-${id}`,
    ...extra,
  };
}

async function openAdmin(path = '/admin') {
  const rendered = renderApp(path);
  await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
  return rendered;
}

describe('/admin: who may see it', () => {
  it('asks someone not signed in to sign in, and brings them back', async () => {
    fakeAccountsApi();
    await openAdmin('/admin?tab=audit');
    expect(screen.getByRole('heading', { level: 1, name: '请先登录' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: '登录' })).toHaveAttribute('href', '/login?next=%2Fadmin%3Ftab%3Daudit');
  });

  it.each(['viewer', 'updater', 'reviewer'] as const)('tells a %s that it needs an admin account, asking nothing more', async (role) => {
    const api = fakeAccountsApi({ session: sessionUser('li', role) });
    await openAdmin();
    expect(screen.getByRole('heading', { level: 1, name: '需要管理员账号' })).toBeInTheDocument();
    expect(screen.getByText(/当前登录的 li 是/)).toBeInTheDocument();
    expect(api.requests.map((r) => r.path)).toEqual(['/session']);
  });

  it('shows a failed session request as an error with a retry', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    server.use(http.get(`${apiBaseUrl}/session`, () => HttpResponse.json({ type: 'about:blank', title: '服务器内部错误', status: 500 }, { status: 500 })));
    renderApp('/admin');
    expect(await screen.findByRole('button', { name: '重试' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('登录状态加载失败');
  });

  it('says so when the server refuses the list (403) although the session said admin', async () => {
    fakeAccountsApi({ session: ADMIN });
    server.use(http.get(`${apiBaseUrl}/users`, () => problemResponse(403, '需要管理员权限')));
    await openAdmin();
    expect(await screen.findByRole('alert')).toHaveTextContent('需要管理员账号才能查看账号列表');
  });

  it('asks to sign in again when the session ended meanwhile (401)', async () => {
    fakeAccountsApi({ session: ADMIN });
    server.use(http.get(`${apiBaseUrl}/users`, () => problemResponse(401, '需要登录')));
    await openAdmin();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('登录已失效');
    expect(within(alert).getByRole('link', { name: '重新登录' })).toHaveAttribute('href', '/login?next=%2Fadmin');
  });
});

describe('/admin: accounts', () => {
  it('lists the accounts with role, domains by name and state', async () => {
    fakeAccountsApi({ session: ADMIN, users: adminAndOthers() });
    await openAdmin();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 3).map((c) => c.textContent))).toEqual([
      ['管理员', '全部(无需指定)', '启用'],
      ['填报员', '大气污染防治、生态绿化建设', '启用'],
      ['查看者', '全部(无需指定)', '已停用'],
    ]);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader')).toHaveTextContent('boss(你)');
    // An admin cannot lock themselves out from here.
    expect(within(rows[0] as HTMLElement).getByRole('button', { name: '停用(boss)' })).toBeDisabled();
  });

  it('checks a new account before sending it: username rules, password, an updater needs a domain', async () => {
    const api = fakeAccountsApi({ session: ADMIN, users: adminAndOthers() });
    await openAdmin();
    const form = await screen.findByRole('form', { name: '新建账号' });
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('用户名'), 'Li Si');
    await user.click(within(form).getByRole('button', { name: '创建账号' }));
    const username = within(form).getByLabelText('用户名');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveFocus();
    expect(within(form).getByText(/以字母或数字开头/)).toBeInTheDocument();

    await user.clear(username);
    await user.type(username, 'lisi');
    await user.type(within(form).getByLabelText('初始密码'), 'a long enough password');
    await user.selectOptions(within(form).getByLabelText('角色'), '填报员');
    await user.click(within(form).getByRole('button', { name: '创建账号' }));
    expect(within(form).getByText('填报员至少负责一个领域')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('creates an updater with the domains chosen, and lists it', async () => {
    const api = fakeAccountsApi({ session: ADMIN, users: adminAndOthers() });
    await openAdmin();
    const form = await screen.findByRole('form', { name: '新建账号' });
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('用户名'), 'lisi');
    await user.type(within(form).getByLabelText('初始密码'), 'a long enough password');
    await user.selectOptions(within(form).getByLabelText('角色'), '填报员');
    await user.click(await within(form).findByRole('checkbox', { name: '安全生产' }));
    await user.click(within(form).getByRole('button', { name: '创建账号' }));
    expect(await screen.findByText('已创建账号 lisi')).toBeInTheDocument();
    const sent = api.requests.find((r) => r.method === 'POST' && r.path === '/users');
    expect(sent?.body).toEqual({ username: 'lisi', password: 'a long enough password', role: 'updater', domainIds: ['work-safety'] });
    expect(sent?.contentType).toBe('application/json');
    expect(await screen.findByRole('rowheader', { name: 'lisi' })).toBeInTheDocument();
    expect(within(form).getByLabelText('用户名')).toHaveValue('');
  });

  it('says when the username is taken (409) and what the server wants of a password (422)', async () => {
    fakeAccountsApi({ session: ADMIN, users: adminAndOthers() });
    await openAdmin();
    const form = await screen.findByRole('form', { name: '新建账号' });
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('用户名'), 'wang');
    await user.type(within(form).getByLabelText('初始密码'), 'a long enough password');
    await user.click(within(form).getByRole('button', { name: '创建账号' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('用户名 wang 已存在');

    await user.clear(within(form).getByLabelText('用户名'));
    await user.type(within(form).getByLabelText('用户名'), 'qian');
    await user.clear(within(form).getByLabelText('初始密码'));
    await user.type(within(form).getByLabelText('初始密码'), 'elevenchars');
    await user.click(within(form).getByRole('button', { name: '创建账号' }));
    await waitFor(() => expect(within(form).getByRole('alert')).toHaveTextContent('密码至少需要 12 个字符'));
  });

  it('changes a role and domains, disables, resets a password and ends sessions, each as one request', async () => {
    const api = fakeAccountsApi({ session: ADMIN, users: adminAndOthers() });
    await openAdmin();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '改角色(wang)' }));
    const access = screen.getByRole('form', { name: '修改 wang 的角色和领域' });
    await user.selectOptions(within(access).getByLabelText('wang 的角色'), '督查室');
    await user.click(within(access).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已把 wang 改为督查室')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '停用(wang)' }));
    expect(await screen.findByText('已停用 wang,其会话已全部结束')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '重置密码(wang)' }));
    const reset = screen.getByRole('form', { name: '重置 wang 的密码' });
    await user.type(within(reset).getByLabelText('wang 的新密码'), 'another long password');
    await user.click(within(reset).getByRole('button', { name: '重置密码' }));
    expect(await screen.findByText('已重置 wang 的密码,其会话已全部结束')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '结束全部会话(wang)' }));
    expect(await screen.findByText('已结束 wang 的全部会话')).toBeInTheDocument();

    const writes = api.requests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.body]);
    expect(writes).toEqual([
      ['PATCH', '/users/u-wang', { role: 'reviewer', domainIds: [] }],
      ['PATCH', '/users/u-wang', { active: false }],
      ['PATCH', '/users/u-wang', { password: 'another long password' }],
      ['DELETE', '/users/u-wang/sessions', undefined],
    ]);
  });
});

describe('/admin: display tokens', () => {
  it('says when none has been issued', async () => {
    fakeAccountsApi({ session: ADMIN });
    await openAdmin('/admin?tab=tokens');
    expect(await screen.findByText('尚未签发大屏令牌。')).toBeInTheDocument();
  });

  it('issues a token, shows its link once with a warning and a copy button, then lists it', async () => {
    const api = fakeAccountsApi({ session: ADMIN });
    await openAdmin('/admin?tab=tokens');
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: '签发新令牌' });
    await user.click(within(form).getByRole('button', { name: '签发令牌' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('请填写大屏所在位置');
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.type(within(form).getByLabelText('大屏名称'), '三楼会议室大屏');
    await user.click(within(form).getByRole('button', { name: '签发令牌' }));
    const issued = await screen.findByRole('region', { name: '「三楼会议室大屏」的大屏链接' });
    expect(issued).toHaveTextContent('此链接只显示这一次');
    expect(within(issued).getByLabelText('一次性链接')).toHaveValue('http://localhost/wall?display-token=secret-t-1');
    await user.click(within(issued).getByRole('button', { name: '复制链接' }));
    expect(await navigator.clipboard.readText()).toBe('http://localhost/wall?display-token=secret-t-1');
    expect(within(issued).getByRole('status')).toHaveTextContent('已复制到剪贴板');
    expect(await screen.findByRole('rowheader', { name: '三楼会议室大屏' })).toBeInTheDocument();

    await user.click(within(issued).getByRole('button', { name: '我已复制,关闭' }));
    expect(screen.queryByLabelText('一次性链接')).not.toBeInTheDocument();
  });

  it('revokes only after the question is confirmed', async () => {
    const api = fakeAccountsApi({
      session: ADMIN,
      tokens: [
        { id: 't-9', label: '大厅大屏', issuedAt: '2017-07-01T09:00:00+08:00', issuedBy: null, openedAt: '2017-07-01T10:00:00+08:00', lastUsedAt: null, revokedAt: null },
      ],
    });
    await openAdmin('/admin?tab=tokens');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '撤销「大厅大屏」' }));
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.getByRole('button', { name: '撤销「大厅大屏」' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '撤销「大厅大屏」' }));
    expect(screen.getByRole('group', { name: /撤销后「大厅大屏」将无法再显示数据/ })).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '确定撤销' }));
    expect(await screen.findByText('已撤销令牌「大厅大屏」')).toBeInTheDocument();
    expect(await screen.findByText(/^已撤销\(/)).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/display-tokens/t-9']);
  });
});

describe('/admin: the audit log', () => {
  const entries = [
    auditEntry('a1', '2017-07-01T09:00:00+08:00', { action: 'sign-in', target: null }),
    auditEntry('a3', '2017-07-03T15:30:00+08:00', {
      before: { role: 'viewer', domainIds: [] },
      after: { role: 'updater', domainIds: ['air-pollution'] },
      target: { kind: 'user', id: 'u-wang', domainId: 'air-pollution' },
    }),
    auditEntry('a2', '2017-07-02T10:00:00+08:00', { who: null, action: 'sign-in-failed', target: null, address: '203.0.113.9' }),
  ];

  it('says when nothing matches', async () => {
    fakeAccountsApi({ session: ADMIN, users: adminAndOthers() });
    await openAdmin('/admin?tab=audit');
    expect(await screen.findByText('没有符合条件的记录。')).toBeInTheDocument();
  });

  it('lists entries newest first, with before and after in words', async () => {
    fakeAccountsApi({ session: ADMIN, users: adminAndOthers(), audit: entries });
    await openAdmin('/admin?tab=audit');
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      '2017-07-03 15:30:00',
      '2017-07-02 10:00:00',
      '2017-07-01 09:00:00',
    ]);
    const [changed, failed] = rows as [HTMLElement, HTMLElement];
    expect(changed).toHaveTextContent('修改账号');
    expect(changed).toHaveTextContent('角色:原为查看者 → 改为填报员');
    expect(changed).toHaveTextContent('负责领域:原为无 → 改为大气污染防治');
    expect(failed).toHaveTextContent('(未登录)');
    expect(failed).toHaveTextContent('登录失败');
    expect(failed).toHaveTextContent('203.0.113.9');
  });

  it('filters by domain, user and dates, and exports the CSV with the same filters', async () => {
    const api = fakeAccountsApi({ session: ADMIN, users: adminAndOthers(), audit: entries });
    await openAdmin('/admin?tab=audit');
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.selectOptions(await screen.findByRole('combobox', { name: '领域' }), '大气污染防治');
    await user.selectOptions(screen.getByRole('combobox', { name: '操作人' }), 'boss');
    await user.type(screen.getByLabelText('起始日期'), '2017-07-02');
    await user.type(screen.getByLabelText('截止日期'), '2017-07-03');
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    const last = api.requests.filter((r) => r.path.startsWith('/audit')).at(-1);
    expect(last?.path).toBe('/audit?domainId=air-pollution&userId=u-boss&since=2017-07-02&until=2017-07-03&limit=200');
    expect(screen.getByRole('link', { name: '导出 CSV' })).toHaveAttribute(
      'href',
      `${apiBaseUrl}/audit.csv?domainId=air-pollution&userId=u-boss&since=2017-07-02&until=2017-07-03`,
    );
  });

  it('refuses a range that ends before it starts, without asking', async () => {
    const api = fakeAccountsApi({ session: ADMIN, users: adminAndOthers(), audit: entries });
    await openAdmin('/admin?tab=audit');
    const user = userEvent.setup();
    await screen.findByRole('table');
    const before = api.requests.length;
    await user.type(screen.getByLabelText('起始日期'), '2017-07-03');
    await user.type(screen.getByLabelText('截止日期'), '2017-07-01');
    expect(await screen.findByRole('alert')).toHaveTextContent('起始日期不能晚于截止日期');
    expect(screen.getByLabelText('截止日期')).toHaveAttribute('aria-invalid', 'true');
    const asked = api.requests.slice(before).map((r) => r.path);
    expect(asked).toEqual(['/audit?since=2017-07-03&limit=200']);
  });
});

// The mocked API's own handlers (server/api on the memory store with the demo accounts), not a fake.
describe('/admin against the mocked API', () => {
  afterEach(async () => {
    await fetch(`${apiBaseUrl}/session`, { method: 'DELETE', headers: { origin: location.origin } });
  });

  async function signInAsDemo(username: string, next: string) {
    const rendered = renderApp(`/login?next=${encodeURIComponent(next)}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: new RegExp(`^填入 ${username}`) }));
    await user.click(screen.getByRole('button', { name: '登录' }));
    return { ...rendered, user };
  }

  it('lets demo-admin create an account, issue and revoke a token, and read both in the audit log', async () => {
    const { user, router } = await signInAsDemo('demo-admin', '/admin');
    expect(await screen.findByRole('rowheader', { name: /demo-updater/ })).toBeInTheDocument();

    const form = screen.getByRole('form', { name: '新建账号' });
    await user.type(within(form).getByLabelText('用户名'), 'qian');
    await user.type(within(form).getByLabelText('初始密码'), 'short-pass1');
    await user.click(within(form).getByRole('button', { name: '创建账号' }));
    // The server's own password rule, in its own words (422).
    expect(await within(form).findByRole('alert')).toHaveTextContent(/密码/);
    await user.clear(within(form).getByLabelText('初始密码'));
    await user.type(within(form).getByLabelText('初始密码'), 'a long enough password');
    await user.click(within(form).getByRole('button', { name: '创建账号' }));
    expect(await screen.findByRole('rowheader', { name: 'qian' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: '大屏令牌' }));
    await user.type(await screen.findByLabelText('大屏名称'), '三楼会议室大屏');
    await user.click(screen.getByRole('button', { name: '签发令牌' }));
    const link = await screen.findByLabelText('一次性链接');
    expect((link as HTMLInputElement).value).toMatch(/display-token=/);
    await user.click(await screen.findByRole('button', { name: '撤销「三楼会议室大屏」' }));
    await user.click(screen.getByRole('button', { name: '确定撤销' }));
    expect(await screen.findByText(/^已撤销\(/)).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: '审计日志' }));
    expect(router.state.location.search).toBe('?tab=audit');
    const table = await screen.findByRole('table');
    for (const action of ['撤销大屏令牌', '签发大屏令牌', '创建账号', '登录']) {
      expect(within(table).getAllByText(action).length).toBeGreaterThan(0);
    }
  });

  it('tells demo-viewer that /admin needs an admin account', async () => {
    await signInAsDemo('demo-viewer', '/admin');
    expect(await screen.findByRole('heading', { level: 1, name: '需要管理员账号' })).toBeInTheDocument();
  });
});
