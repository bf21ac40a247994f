import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { apiBaseUrl, type Report } from '../../api';
import { fakeAccountsApi, sessionUser } from '../../testing/accounts-api';
import { server } from '../../testing/api-server';
import { renderApp } from '../../testing/render';
import { fakeUpdatesApi, observation, problemJson, update, UPDATER } from '../../testing/updates-api';

const LI = sessionUser('li', 'reviewer');

async function currentObservationId(domainId: string, metricId: string): Promise<string | undefined> {
  const response = await fetch(`${apiBaseUrl}/reports/erqi-2017-h1/domains/${domainId}`);
  const domain = (await response.json()) as { metrics: { id: string; observationId?: string }[] };
  return domain.metrics.find((m) => m.id === metricId)?.observationId;
}

async function airUpdate(id = '201') {
  return update(id, 'air-pollution', {
    observations: [
      observation('good-air-days', 90, '天', { supersedes: (await currentObservationId('air-pollution', 'good-air-days')) ?? null, basis: '环保局7月通报' }),
    ],
    milestones: [],
    narrative: { progress: '完成6月巡查', problems: '部分工地覆盖不到位', nextSteps: '7月开展夜查' },
  });
}

async function openReview() {
  const rendered = renderApp('/review');
  await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
  return rendered;
}

describe('/review: who may use it', () => {
  it('asks someone not signed in to sign in', async () => {
    fakeAccountsApi();
    await openReview();
    expect(screen.getByRole('heading', { level: 1, name: '请先登录' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: '登录' })).toHaveAttribute('href', '/login?next=%2Freview');
  });

  it('tells an updater that reviewing is the supervision office’s, and where their own updates are', async () => {
    fakeAccountsApi({ session: sessionUser('wang', 'updater', ['air-pollution']) });
    await openReview();
    expect(screen.getByRole('heading', { level: 1, name: '审核只对督查室开放' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: '填报' })).toHaveAttribute('href', '/updates');
  });
});

describe('/review: the queue', () => {
  it('shows each update as before → after with the status change and the narrative', async () => {
    fakeAccountsApi({ session: LI });
    fakeUpdatesApi({ updates: [await airUpdate()] });
    await openReview();
    const card = await screen.findByRole('article', { name: /大气污染防治/ });
    expect(within(card).getByRole('heading', { name: /wang 于 7月5日 10:00 提交/ })).toBeInTheDocument();
    const row = within(card).getByRole('rowheader', { name: '优良天数' }).closest('tr') as HTMLElement;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(['66天截至6月23日', '90天截至7月2日', '+24天']);
    expect(cells[3]).toBe('环保局7月通报');
    expect(cells[4]).toBe('▼滞后→变为●正常');
    expect(within(card).getByText('部分工地覆盖不到位')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '待审核(1)' })).toBeInTheDocument();
    // The demo's API is on 2017-07-12: the 07-10 12:00 deadline passed with no update from any domain.
    const overdue = screen.getByRole('region', { name: '逾期未报' });
    expect(within(overdue).getAllByRole('listitem')).toHaveLength(15);
    expect(screen.getByTestId('pinned-date-note')).toHaveTextContent('2017年7月12日');
  });

  it('approves, says the figures are live, and asks for the queue again', async () => {
    fakeAccountsApi({ session: LI });
    const api = fakeUpdatesApi({ updates: [await airUpdate()] });
    const { queryClient } = await openReview();
    const card = await screen.findByRole('article', { name: /大气污染防治/ });
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: '通过' }));
    expect(await screen.findByText(/已通过大气污染防治的填报\(wang 提交\),数据已生效/)).toBeInTheDocument();
    expect(api.sent).toEqual([{ method: 'POST', path: '/updates/201/review', body: { decision: 'approve' } }]);
    expect(await screen.findByText('没有待审核的填报。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '查看大气污染防治' })).toHaveAttribute('href', '/domains/air-pollution');
    // Everything under the report is read again (the page shows the report's 逾期未报: it was fetched twice).
    await waitFor(() => expect(queryClient.getQueryState(['reports', 'erqi-2017-h1'])?.dataUpdateCount).toBe(2));
    const domainState = queryClient.getQueryState(['reports', 'erqi-2017-h1', 'domains', 'air-pollution']);
    expect(domainState?.isInvalidated === true || (domainState?.dataUpdateCount ?? 0) > 1).toBe(true);
  });

  it('returns only with a comment', async () => {
    fakeAccountsApi({ session: LI });
    const api = fakeUpdatesApi({ updates: [await airUpdate()] });
    await openReview();
    const card = await screen.findByRole('article', { name: /大气污染防治/ });
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: '退回' }));
    const comment = within(card).getByLabelText('退回意见');
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveAccessibleDescription(/请写明要修改什么/);
    await waitFor(() => expect(comment).toHaveFocus());
    expect(api.sent).toHaveLength(0);

    await user.type(comment, '请附统计局月报');
    await user.click(within(card).getByRole('button', { name: '退回' }));
    expect(await screen.findByText(/已退回大气污染防治的填报\(wang 提交\),意见:请附统计局月报/)).toBeInTheDocument();
    expect(api.sent.map((s) => s.body)).toEqual([{ decision: 'return', comment: '请附统计局月报' }]);
  });

  it('does not let anyone approve their own update, and says why', async () => {
    fakeAccountsApi({ session: { ...sessionUser('wang', 'admin'), id: UPDATER.id } });
    fakeUpdatesApi({ updates: [await airUpdate()] });
    await openReview();
    const card = await screen.findByRole('article', { name: /大气污染防治/ });
    const approve = within(card).getByRole('button', { name: '通过' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription('不能审核自己提交的更新');
  });

  it('says so when another figure was approved first and the update went back to its author (409)', async () => {
    fakeAccountsApi({ session: LI });
    fakeUpdatesApi({
      updates: [await airUpdate()],
      review: () =>
        problemJson(409, '数据已被他人更新', {
          detail: '以下指标在填报期间已有新的审核通过数据：good-air-days。',
          current: [{ metricId: 'good-air-days', supersedes: '17', observation: observation('good-air-days', 88, '天', { id: 'o-88', state: 'approved' }) }],
        }),
    });
    await openReview();
    const card = await screen.findByRole('article', { name: /大气污染防治/ });
    await userEvent.setup().click(within(card).getByRole('button', { name: '通过' }));
    expect(await screen.findByText(/大气污染防治的填报未能通过.*已自动退回给 wang,未生效/)).toBeInTheDocument();
  });

  it('lists the domains that are 逾期未报', async () => {
    fakeAccountsApi({ session: LI });
    fakeUpdatesApi();
    const real = (await (await fetch(`${apiBaseUrl}/reports/erqi-2017-h1`)).json()) as Report;
    server.use(
      http.get(`${apiBaseUrl}/reports/erqi-2017-h1`, () =>
        HttpResponse.json({ ...real, domains: real.domains.map((d) => ({ ...d, overdue: d.id === 'greening' })) }),
      ),
    );
    await openReview();
    const overdue = await screen.findByRole('region', { name: '逾期未报' });
    expect(await within(overdue).findByRole('link', { name: '生态绿化建设' })).toHaveAttribute('href', '/domains/greening');
    expect(screen.getByText('没有待审核的填报。')).toBeInTheDocument();
  });
});
