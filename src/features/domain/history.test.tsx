import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { apiBaseUrl } from '../../api';
import type { Observation } from '../../api/tracking-schemas';
import { editDomain } from '../../testing/api-faults';
import { server } from '../../testing/api-server';
import { renderApp } from '../../testing/render';

const base = {
  metricId: 'good-air-days',
  unit: '天',
  qualifier: 'exact',
  note: null,
  supersedes: null,
  updateId: undefined,
} as const;

function observation(o: Partial<Observation> & Pick<Observation, 'id' | 'value' | 'asOf' | 'state'>): Observation {
  const { updateId: _none, ...rest } = base;
  return {
    ...rest,
    basis: '环保局通报',
    source: { kind: 'update' },
    enteredBy: { id: '7', username: 'demo-updater' },
    enteredAt: '2017-07-05T02:00:00.000Z',
    approvedAt: o.state === 'approved' || o.state === 'superseded' ? '2017-07-05T03:00:00.000Z' : null,
    ...o,
  };
}

const history: Observation[] = [
  observation({ id: '301', value: 95, asOf: '2017-07-09', state: 'submitted', note: '待核' }),
  observation({ id: '202', value: 80, asOf: '2017-06-30', state: 'approved', approvedAt: '2017-07-05T03:00:00.000Z' }),
  observation({
    id: '17',
    value: 66,
    asOf: '2017-06-23',
    state: 'superseded',
    basis: null,
    enteredBy: null,
    source: { kind: 'report', quote: '优良天数66天' },
    approvedAt: null,
  }),
];

describe('a metric’s history on the domain page', { timeout: 30_000 }, () => {
  it('lists every observation the viewer may see, pending ones marked 待审核, with 较上次 and the trend’s projection', async () => {
    editDomain('air-pollution', (d) => ({
      ...d,
      metrics: d.metrics.map((m) =>
        m.id === 'good-air-days'
          ? {
              ...m,
              value: 80,
              asOf: '2017-06-30',
              source: { kind: 'update' as const, quote: '', figure: '' },
              observationId: '202',
              previous: { id: '17', value: 66, unit: '天', qualifier: 'exact' as const, asOf: '2017-06-23' },
            }
          : m,
      ),
    }));
    const asked: string[] = [];
    server.use(
      http.get(`${apiBaseUrl}/reports/:r/domains/air-pollution/observations`, ({ request }) => {
        asked.push(new URL(request.url).pathname);
        return HttpResponse.json({ metrics: { 'good-air-days': history } });
      }),
      http.get(`${apiBaseUrl}/reports/:r/domains/air-pollution/metrics/:m/observations`, ({ request }) => {
        asked.push(new URL(request.url).pathname);
        return HttpResponse.json({ observations: [] });
      }),
    );
    renderApp('/domains/air-pollution');
    const card = await screen.findByRole('article', { name: '优良天数' }, { timeout: 10_000 });
    const table = await within(card).findByRole('table', { name: /优良天数的全部数据/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '7月9日95天待审核demo-updater环保局通报待核',
      '6月30日80天当前demo-updater环保局通报',
      '6月23日66天此前年中报告报告原文',
    ]);
    expect(within(card).getByRole('heading', { name: /历史数据/ })).toHaveTextContent('较上次 ▲ +14天 向好 · 间隔7天');
    // Two approved points: the projection follows their trend (2 days a day from 66 on day 174), not the
    // pace since 1 January (80 / 181 × 365 = 161); the trend's 448 is more days than the year has: 365.
    await waitFor(() => expect(card).toHaveTextContent('年底预计按目前进度,年底约365天'));
    expect(card).not.toHaveTextContent('448');
    // Every card's history came from one request for the domain.
    expect(asked).toEqual(['/api/v1/reports/erqi-2017-h1/domains/air-pollution/observations']);
    // A figure no report printed says where it came from instead of a quote.
    expect(within(card).getByText(/^填报 · 环保局通报 · 截至6月30日 · demo-updater$/)).toBeInTheDocument();
  });

  it('shows the report’s figure alone as its first observation', async () => {
    renderApp('/domains/air-pollution');
    const card = await screen.findByRole('article', { name: '优良天数' }, { timeout: 10_000 });
    const table = await within(card).findByRole('table', { name: /优良天数的全部数据/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['6月23日66天当前年中报告报告原文']);
  });

  it('labels a figure entered in the demo 示例 on its dial, in its history and where it came from', async () => {
    const example = observation({ id: '202', value: 80, asOf: '2017-06-30', state: 'approved', source: { kind: 'example' } });
    editDomain('air-pollution', (d) => ({
      ...d,
      metrics: d.metrics.map((m) =>
        m.id === 'good-air-days'
          ? { ...m, value: 80, asOf: '2017-06-30', source: { kind: 'example' as const, quote: '', figure: '' }, observationId: '202' }
          : m,
      ),
    }));
    server.use(
      http.get(`${apiBaseUrl}/reports/:r/domains/air-pollution/observations`, () =>
        HttpResponse.json({ metrics: { 'good-air-days': [example, history[2]] } }),
      ),
    );
    renderApp('/domains/air-pollution');
    const card = await screen.findByRole('article', { name: '优良天数' }, { timeout: 10_000 });
    expect(within(card).getByRole('meter', { name: /^优良天数\s*示例$/ })).toBeInTheDocument();
    const table = await within(card).findByRole('table', { name: /优良天数的全部数据/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['6月30日80天示例当前demo-updater环保局通报', '6月23日66天此前年中报告报告原文']);
    expect(within(card).getByText(/^示例 · 环保局通报 · 截至6月30日 · demo-updater$/)).toBeInTheDocument();
  });
});
