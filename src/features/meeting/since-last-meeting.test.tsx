import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { apiBaseUrl, CURRENT_REPORT_ID } from '../../api';
import type { Changes } from '../../api/tracking-schemas';
import { editDomain } from '../../testing/api-faults';
import { server } from '../../testing/api-server';
import { renderApp } from '../../testing/render';

const observation = {
  id: '202',
  metricId: 'good-air-days',
  value: 90,
  unit: '天',
  qualifier: 'exact',
  asOf: '2017-07-02',
  note: '截至7月2日',
  basis: '环保局7月通报',
  source: { kind: 'update' },
  state: 'approved',
  supersedes: '17',
  enteredBy: { id: '7', username: 'demo-updater' },
  enteredAt: '2017-07-05T02:00:00.000Z',
  approvedAt: '2017-07-05T03:00:00.000Z',
  updateId: '201',
} as const;

function changesSince(since: string): Changes {
  return {
    reportId: CURRENT_REPORT_ID,
    since,
    until: '2017-07-05',
    observations: [
      {
        domainId: 'air-pollution',
        metricId: 'good-air-days',
        observation,
        previous: { id: '17', value: 66, unit: '天', qualifier: 'exact', asOf: '2017-06-23' },
        delta: { value: 24, unit: '天', days: 9 },
      },
    ],
    statusChanges: [{ domainId: 'air-pollution', metricId: 'good-air-days', from: 'behind', to: 'on-track' }],
    milestones: [],
    notReported: ['economy', 'land'],
    overdue: ['land'],
  };
}

/** Answers …/changes?since= with the fixture, recording each date asked for. */
function serveChanges(): string[] {
  const asked: string[] = [];
  server.use(
    http.get(`${apiBaseUrl}/reports/:reportId/changes`, ({ request }) => {
      const since = new URL(request.url).searchParams.get('since') ?? '';
      asked.push(since);
      return HttpResponse.json(changesSince(since));
    }),
  );
  return asked;
}

describe('since the last meeting', { timeout: 30_000 }, () => {
  it('shows new values with their deltas, status changes and who has not reported, on screen and in the printed briefing', async () => {
    serveChanges();
    renderApp('/meeting?since=2017-07-01');
    const name = '自上次例会以来(2017年7月1日之后)';
    const [part] = await screen.findAllByRole('region', { name });
    // The printed briefing opens with the same, on a page of its own.
    await waitFor(() => expect(document.getElementById('print-since-title')).toHaveTextContent(name));
    if (part === undefined) throw new Error('no part');
    expect(within(part).getByLabelText('上次例会日期')).toHaveValue('2017-07-01');
    await within(part).findByText(/新数据 1 项,状态变化 1 项,里程碑 0 项/);
    const [value] = within(within(part).getByRole('region', { name: '新数据' })).getAllByRole('listitem');
    expect(value).toHaveTextContent('大气污染防治 · 优良天数 90天(截至7月2日) 较上次 ▲ +24天 向好 · 间隔9天');
    const [status] = within(within(part).getByRole('region', { name: '状态变化' })).getAllByRole('listitem');
    expect(status).toHaveTextContent('大气污染防治 · 优良天数 ▼滞后 → ●正常');
    expect(within(part).getByText('未报送').nextElementSibling).toHaveTextContent('主要经济指标、土地运作(2个)');
    expect(within(part).getByText('逾期未报').nextElementSibling).toHaveTextContent('土地运作(1个)');
  });

  it('looks back to the last meeting the server names when no date is set, and the date can be changed', async () => {
    const asked = serveChanges();
    const { router } = renderApp('/meeting');
    const [part] = await screen.findAllByRole('region', { name: /自上次例会以来/ });
    if (part === undefined) throw new Error('no part');
    // The demo's API is on Wednesday 2017-07-12 with the Monday deadline: the last meeting was Monday 07-10.
    // Asked once, from the server's cycle, never from this machine's date.
    await within(part).findByRole('heading', { name: /2017年7月10日之后/ });
    expect(new Set(asked)).toEqual(new Set(['2017-07-10']));

    const input = within(part).getByLabelText('上次例会日期');
    fireEvent.change(input, { target: { value: '2017-07-03' } });
    await waitFor(() => expect(router.state.location.search).toBe('?since=2017-07-03'));
    await within(part).findByRole('heading', { name: /2017年7月3日之后/ });
  });

  it('marks 逾期未报 on the agenda, and the slides keep the date', async () => {
    serveChanges();
    editDomain('land', (d) => ({ ...d, overdue: true }));
    // On the demo's 2017-07-12 every domain is overdue; this one has reported.
    editDomain('air-pollution', (d) => ({ ...d, overdue: false }));
    const { router } = renderApp('/meeting?since=2017-07-01');
    const table = await screen.findByRole('table', { name: '会议议程' });
    const land = await within(table).findByRole('rowheader', { name: /土地运作/ });
    await waitFor(() => expect(land).toHaveTextContent('逾期未报'));
    expect(within(table).getByRole('rowheader', { name: /大气污染防治/ })).not.toHaveTextContent('逾期未报');
    await userEvent.click(within(land).getByRole('link', { name: '土地运作' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/meeting/land'));
    expect(router.state.location.search).toBe('?since=2017-07-01');
  });
});
