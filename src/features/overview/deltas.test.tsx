import { screen, waitFor, within } from '@testing-library/react';
import { editDomain } from '../../testing/api-faults';
import { renderApp } from '../../testing/render';

describe('the overview since weekly updates', { timeout: 30_000 }, () => {
  it('shows 较上次 on a panel’s figures and 逾期未报 on its domain', async () => {
    editDomain('air-pollution', (d) => ({
      ...d,
      overdue: true,
      metrics: d.metrics.map((m) =>
        m.id === 'good-air-days'
          ? { ...m, value: 90, asOf: '2017-07-02', previous: { id: '17', value: 66, unit: '天', qualifier: 'exact', asOf: '2017-06-23' } }
          : m,
      ),
    }));
    // On the demo's 2017-07-12 every domain is overdue; this one has reported.
    editDomain('economy', (d) => ({ ...d, overdue: false }));
    renderApp('/');
    const panel = await screen.findByRole('region', { name: '大气污染防治' });
    await waitFor(() => expect(panel).toHaveTextContent('优良天数 较上次 ▲ +24天 向好 · 间隔9天'));
    expect(within(panel).getByText('逾期未报')).toBeInTheDocument();
    // The report's own figures have nothing to compare with, and other domains are not overdue.
    const economy = screen.getByRole('region', { name: '主要经济指标' });
    await waitFor(() => expect(economy).not.toHaveAttribute('aria-busy'));
    expect(economy).not.toHaveTextContent('较上次');
    expect(economy).not.toHaveTextContent('逾期未报');
  });
});
