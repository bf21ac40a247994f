import { domains, report } from '../../mocks/data/erqi-2017-h1';
import { renderOverview } from './render-overview';

describe('renderOverview', () => {
  it('draws every domain of the report from the data it is given, asking nothing', async () => {
    const { html, state } = await renderOverview({ report, domains, basePath: '/' });
    for (const domain of domains) expect(html).toContain(domain.name);
    expect(state.path).toBe('/');
    expect(state.queries.queries.map((query) => query.queryKey)).toEqual([
      ['reports', report.id],
      ...report.sections.flatMap((section) => section.domainIds).map((id) => ['reports', report.id, 'domains', id]),
    ]);
    expect(state.queries.queries.every((query) => query.state.status === 'success' && query.state.fetchStatus === 'idle')).toBe(true);
  });

  it('draws for the base path it is served under', async () => {
    const { html, state } = await renderOverview({ report, domains, basePath: '/jindu/' });
    expect(state.path).toBe('/jindu/');
    expect(html).toContain('href="/jindu/domains/economy"');
  });

  it('refuses to draw a report with a domain missing, rather than a panel loading forever', async () => {
    await expect(renderOverview({ report, domains: domains.slice(1), basePath: '/' })).rejects.toThrow(/no data for the report's domain economy/);
  });
});
