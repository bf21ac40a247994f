import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { editDomain, failApi } from '../../testing/api-faults';
import { renderApp } from '../../testing/render';

const TOTAL_METRICS = 153;


function figureLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('a.figure-link[id^="fig-"]')];
}

/** Waits until every domain's figures are in the text. */
async function allFiguresPlaced() {
  await waitFor(() => expect(screen.getByText(/已标注153项指标/)).toBeInTheDocument(), { timeout: 10_000 });
}

// jsdom has no layout, so no scrollIntoView: record where the page would scroll instead.
const scrolledTo: string[] = [];
beforeEach(() => {
  scrolledTo.length = 0;
  Object.defineProperty(Element.prototype, 'scrollIntoView', {
    configurable: true,
    value(this: Element) {
      scrolledTo.push(this.id);
    },
  });
});
afterEach(() => {
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
});

// Rendering the whole report with its 153 links is slow in jsdom; the budget is generous for a busy CI.
describe('/source', { timeout: 30_000 }, () => {
  it('shows the report in reading order: title, sections, keywords with anchors, paragraphs', async () => {
    renderApp('/source');
    const title = await screen.findByRole('heading', { level: 1, name: /看看二七区的期中成绩单/ }, { timeout: 10_000 });
    expect(title).toBeInTheDocument();
    await waitFor(() => expect(document.title).toContain('原文'));
    expect(screen.getAllByRole('heading', { level: 2, name: /【.+】/ }).map((h) => h.textContent)).toEqual([
      '【读数据 看成绩】',
      '【靠抓手 见成效】',
      '【调结构 重谋划】',
      '【保民生 促和谐】',
    ]);
    expect(document.getElementById('domain-air-pollution')).toHaveTextContent('关键词:大气污染防治');
    expect(screen.getByText(/地区生产总值完成/)).toBeInTheDocument();
  });

  it('links every one of the 153 metrics to its place on its domain page', async () => {
    renderApp('/source');
    await allFiguresPlaced();
    const anchors = document.querySelectorAll('[id^="fig-"]');
    expect(anchors).toHaveLength(TOTAL_METRICS);
    const links = figureLinks();
    expect(links.length).toBeGreaterThan(0);
    // No figure is wrapped inside another.
    expect(document.querySelector('.figure-link .figure-link, .figure-link mark, mark .figure-link')).toBeNull();

    const goodAir = document.getElementById('fig-air-pollution-good-air-days');
    expect(goodAir).toHaveAttribute('href', '/domains/air-pollution#metric-good-air-days');
    expect(goodAir).toHaveAccessibleName('66天:优良天数(滞后)');
    expect(goodAir?.textContent).toMatch(/^66天/);
  });

  it('marks figures left out on purpose, with the reason as their description', async () => {
    renderApp('/source');
    await allFiguresPlaced();
    const marks = [...document.querySelectorAll<HTMLElement>('mark.excluded:not(.excluded--sample)')];
    expect(marks.length).toBeGreaterThanOrEqual(20);
    const deadline = marks.find((m) => m.textContent === '6月23日');
    expect(deadline).toHaveAttribute('tabindex', '0');
    expect(deadline).toHaveAccessibleDescription(/未计入数据\s*:\s*截止日期/);
    // A figure is never both a metric and an exclusion.
    expect(marks.some((m) => m.closest('a'))).toBe(false);
  });

  it('emphasises and scrolls to the figure the URL names once the data has arrived', async () => {
    renderApp('/source#fig-air-pollution-pm25');
    await waitFor(() => expect(document.getElementById('fig-air-pollution-pm25')).toHaveClass('is-targeted'), { timeout: 10_000 });
    await waitFor(() => expect(scrolledTo).toContain('fig-air-pollution-pm25'));
    expect(document.activeElement?.id).toBe('fig-air-pollution-pm25');
    expect(document.querySelectorAll('.is-targeted')).toHaveLength(1);
  });

  it('scrolls to a keyword heading the URL names without taking the focus', async () => {
    renderApp('/source#domain-land');
    await waitFor(() => expect(scrolledTo).toContain('domain-land'), { timeout: 10_000 });
    expect(document.activeElement).toBe(document.body);
  });

  it('ignores a fragment that names nothing or is malformed', async () => {
    renderApp('/source#%E0%A4%A');
    await allFiguresPlaced();
    expect(document.querySelectorAll('.is-targeted')).toHaveLength(0);
  });

  it('says what the report leaves unsaid beside a keyword (安全生产 has no figures)', async () => {
    renderApp('/source');
    expect(await screen.findByText(/说明:报告中本关键词仅存一句被截断的文字/, {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('lists a metric whose quote is not in the text, with its anchor, instead of losing it', async () => {
    editDomain('land', (domain) => {
      domain.metrics[0]!.source.quote = '报告中没有这句话';
      return domain;
    });
    renderApp('/source');
    const list = await screen.findByRole('region', { name: '未能在原文中定位的数字' }, { timeout: 10_000 });
    const item = within(list).getByRole('listitem');
    expect(item.id).toMatch(/^fig-land-/);
    expect(item).toHaveTextContent('报告中没有这句话');
    expect(within(item).getByRole('link')).toHaveAttribute('href', expect.stringMatching(/^\/domains\/land#metric-/));
    await allFiguresPlaced();
    expect(document.querySelectorAll('[id^="fig-"]')).toHaveLength(TOTAL_METRICS);
  });

  it('gives two metrics that quote the same number one link and both their anchors', async () => {
    editDomain('economy', (domain) => {
      const gdp = domain.metrics.find((m) => m.id === 'gdp')!;
      domain.metrics.push({ ...gdp, id: 'gdp-again', label: '地区生产总值(重复)' });
      return domain;
    });
    renderApp('/source#fig-economy-gdp-again');
    const link = await screen.findByRole('link', { name: /^253亿元:地区生产总值/ }, { timeout: 10_000 });
    expect(link).toHaveAccessibleName(/同一数字也是地区生产总值\(重复\)/);
    expect(document.getElementById('fig-economy-gdp-again')).toHaveClass('figure-alias');
    expect(document.getElementById('fig-economy-gdp-again')?.parentElement).toContainElement(link);
    expect(screen.getAllByRole('link', { name: /^253亿元/ })).toHaveLength(1);
    await waitFor(() => expect(link).toHaveClass('is-targeted'));
  });

  it('has a contents list that jumps to each of the 15 domains', async () => {
    renderApp('/source');
    const nav = await screen.findByRole('navigation', { name: '报告目录' }, { timeout: 10_000 });
    const links = within(nav).getAllByRole('link');
    expect(links).toHaveLength(15);
    for (const link of links) {
      const id = link.getAttribute('href')?.slice(1) ?? '';
      expect(document.getElementById(id)).not.toBeNull();
    }
  });

  it('offers the CSV export once every domain has loaded', async () => {
    renderApp('/source');
    const button = await screen.findByRole('button', { name: '导出CSV' }, { timeout: 10_000 });
    await allFiguresPlaced();
    await waitFor(() => expect(button).toBeEnabled());
  });

  it('says so when the source text cannot be loaded, and retries', async () => {
    const fault = failApi((path) => path === '/reports/erqi-2017-h1/source');
    renderApp('/source');
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('报告原文加载失败');
    fault.restore();
    await userEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('heading', { level: 1, name: /期中成绩单/ }, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('keeps the text and the other figures when one domain fails, and names the domain', async () => {
    failApi((path) => path === '/reports/erqi-2017-h1/domains/air-pollution');
    renderApp('/source');
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('大气污染防治的数据');
    await waitFor(() => expect(document.getElementById('fig-economy-gdp')).not.toBeNull());
    expect(document.getElementById('fig-air-pollution-good-air-days')).toBeNull();
    expect(screen.getByText(/共完成优良天气66天/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导出CSV' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '导出CSV' })).toHaveAccessibleDescription(/1个领域的数据加载失败/);
  });
});
