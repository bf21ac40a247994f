import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { apiBaseUrl, CURRENT_REPORT_ID } from '../../api';
import { PINNED_STORAGE_KEY } from '../../pinned/pinned-domains';
import { server } from '../../testing/api-server';
import { renderApp } from '../../testing/render';

const domainUrl = (id: string) => `${apiBaseUrl}/reports/${CURRENT_REPORT_ID}/domains/${id}`;

// The first chart pulls in recharts, which is slow to import in jsdom.
describe('/domains/:domainId', { timeout: 20_000 }, () => {
  it('shows every metric of the domain with its gauge or figure, facts and source quote', async () => {
    renderApp('/domains/air-pollution');
    expect(await screen.findByRole('heading', { level: 1, name: '大气污染防治' }, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('大气污染防治 · 进度'));
    expect(await screen.findByText('【靠抓手 见成效】')).toBeInTheDocument();
    expect(screen.getAllByRole('article').filter((a) => a.id.startsWith('metric-'))).toHaveLength(29);

    const goodAir = document.getElementById('metric-good-air-days') as HTMLElement;
    const meter = within(goodAir).getByRole('meter', { name: '优良天数' });
    expect(meter).toHaveAttribute('aria-valuenow', '66');
    expect(meter).toHaveAttribute('aria-valuemax', '190');
    expect(within(goodAir).getByText('−13.0 个百分点')).toBeInTheDocument();
    expect(within(goodAir).getByText(/余下191天中需有124天/)).toBeInTheDocument();
    // The report's sentence, with the figure marked, and the way to it in the source.
    const quote = within(goodAir).getByText(/共完成优良天气/, { selector: 'blockquote' });
    expect(quote).toHaveTextContent('共完成优良天气66天,距离全年目标(190)还有124天的差距');
    expect(within(quote).getByText('66天', { selector: 'mark' })).toBeInTheDocument();
    expect(within(goodAir).getByRole('link', { name: '在原文中查看' })).toHaveAttribute(
      'href',
      '/source#fig-air-pollution-good-air-days',
    );

    const pm = within(document.getElementById('metric-pm25') as HTMLElement).getByRole('meter');
    expect(pm).toHaveAttribute('aria-valuenow', '84');
    expect(pm.getAttribute('aria-valuetext')).toContain('84 / 63');

    // Every metric has its quote.
    expect(screen.getAllByRole('link', { name: '在原文中查看' })).toHaveLength(29);
  });

  it('groups breakdowns under their total with a chart, and lists milestones with their state', async () => {
    renderApp('/domains/air-pollution');
    const group = await screen.findByRole('region', { name: '外迁企业及其构成' }, { timeout: 5000 });
    expect(within(group).getAllByRole('article').map((a) => a.id)).toEqual([
      'metric-relocating-firms',
      'metric-firms-relocated',
      'metric-firms-halted',
    ]);
    // The chart's data is in a table for screen readers (recharts loads lazily).
    const table = await within(group).findByRole('table', { name: '外迁企业的构成' }, { timeout: 5000 });
    expect(within(table).getByRole('row', { name: /已完成外迁\s*1家/ })).toBeInTheDocument();

    const milestones = screen.getByRole('heading', { level: 2, name: '工作进展' }).parentElement as HTMLElement;
    expect(within(milestones).getAllByRole('listitem')[0]).toHaveTextContent(/已完成.*扬尘治理“三员”管理人员已实现全覆盖/);
  });

  it('charts the economy’s year-on-year growth', async () => {
    renderApp('/domains/economy');
    const table = await screen.findByRole('table', { name: /各项指标同比增长/ }, { timeout: 5000 });
    expect(within(table).getByRole('row', { name: /地区生产总值\s*增长7.5%/ })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(6);
  });

  it('says honestly that 安全生产 has no figures', async () => {
    renderApp('/domains/work-safety');
    expect(await screen.findByRole('heading', { level: 1, name: '安全生产' })).toBeInTheDocument();
    expect(screen.getByText(/未给出任何数据或进展状态/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '指标' })).not.toBeInTheDocument();
  });

  it('pins the domain from its page', async () => {
    renderApp('/domains/land');
    const pin = await screen.findByRole('button', { name: /关注\s*土地运作/ });
    await userEvent.click(pin);
    await waitFor(() => expect(pin).toHaveAttribute('aria-pressed', 'true'));
    expect(JSON.parse(localStorage.getItem(PINNED_STORAGE_KEY) ?? '{}').domainIds).toEqual(['land']);
  });

  it('shows the 404 view for an unknown domain id', async () => {
    renderApp('/domains/no-such-domain');
    expect(await screen.findByRole('heading', { level: 1, name: '未找到这个领域' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回总览' })).toHaveAttribute('href', '/');
  });

  it('shows other failures with a retry that recovers', async () => {
    // Broken until the retry: the route's loader asks first and the page asks again when it mounts.
    let broken = true;
    server.use(http.get(domainUrl('land'), () => (broken ? HttpResponse.json({ id: 'land' }) : undefined)));
    renderApp('/domains/land');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('数据不符合接口约定');
    broken = false;
    await userEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('heading', { level: 1, name: '土地运作' })).toBeInTheDocument();
  });
});
