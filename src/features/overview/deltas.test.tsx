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
    const panel = await screen.findByRole('region', { name: '大气污染防治' }, { timeout: 10_000 });
    await waitFor(() => expect(panel).toHaveTextContent('优良天数 较上次 ▲ +24天 向好 · 间隔9天'));
    expect(within(panel).getByText('逾期未报')).toBeInTheDocument();
    // The report's own figures have nothing to compare with, and other domains are not overdue.
    const economy = screen.getByRole('region', { name: '主要经济指标' });
    await waitFor(() => expect(economy).not.toHaveAttribute('aria-busy'));
    expect(economy).not.toHaveTextContent('较上次');
    expect(economy).not.toHaveTextContent('逾期未报');
  });

  it('says what the figures are as of once updates are in, and labels a demo-entered figure 示例', async () => {
    editDomain('air-pollution', (d) => ({
      ...d,
      metrics: d.metrics.map((m) =>
        m.id === 'good-air-days'
          ? {
              ...m,
              value: 90,
              asOf: '2017-07-02',
              source: { kind: 'example' as const, quote: '', figure: '' },
              previous: { id: '17', value: 66, unit: '天', qualifier: 'exact' as const, asOf: '2017-06-23' },
            }
          : m,
      ),
    }));
    renderApp('/');
    const panel = await screen.findByRole('region', { name: '大气污染防治' }, { timeout: 10_000 });
    await waitFor(() => expect(panel).toHaveTextContent('优良天数 较上次 ▲ +24天 向好 · 间隔9天示例'));
    // The dial's label carries it too, so its meter is named with it.
    expect(within(panel).getByRole('meter', { name: /^优良天数\s*示例$/ })).toBeInTheDocument();
    // The report's own figures never are.
    const economy = screen.getByRole('region', { name: '主要经济指标' });
    await waitFor(() => expect(economy).not.toHaveAttribute('aria-busy'));
    expect(economy).not.toHaveTextContent('示例');
    // The header: 序时进度 at the newest approved figure's date (2 July, day 183), the report's date kept for the report.
    const header = document.querySelector('.summary-strip') as HTMLElement;
    await waitFor(() => expect(header).toHaveTextContent('数据截至7月2日,第183天 / 共365天'));
    expect(header).toHaveTextContent('50.1%');
    expect(header).toHaveTextContent('报告日期 2017年6月27日');
  });
});
