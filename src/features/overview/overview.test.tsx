import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../testing/api-server';
import { apiBaseUrl, CURRENT_REPORT_ID } from '../../api';
import { PINNED_STORAGE_KEY } from '../../pinned/pinned-domains';
import { renderApp } from '../../testing/render';

const DOMAIN_NAMES = [
  '主要经济指标',
  '大气污染防治',
  '国家卫生城市复审',
  '创建全国文明城市',
  '安全生产',
  '创新创业综合体建设',
  '清运建筑垃圾',
  '生态绿化建设',
  '园林城市创建',
  '河道治理以及樱桃沟美丽乡村建设',
  '“温暖二七”建设',
  '安置房建设',
  '动迁清零',
  '土地运作',
  '基础设施建设',
];

const panelTitles = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const panel = (name: string) => screen.getByRole('region', { name });

/** Waits until every domain has loaded (no panel is busy) and returns the panel titles. */
async function loadedPanels(): Promise<(string | null)[]> {
  await waitFor(() => {
    expect(panelTitles().length).toBeGreaterThan(0);
    expect(document.querySelector('.domain-panel[aria-busy]')).toBeNull();
  }, { timeout: 5000 });
  return panelTitles();
}

// Whole-app renders of 15 domains are slow under a loaded test run; the default 5 s is too tight.
describe('the overview', { timeout: 20_000 }, () => {
  it('shows one panel per domain, grouped under the four sections in report order', async () => {
    renderApp('/');
    expect(await loadedPanels()).toEqual(DOMAIN_NAMES);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '【读数据 看成绩】',
      '【靠抓手 见成效】',
      '【调结构 重谋划】',
      '【保民生 促和谐】',
    ]);
    expect(screen.getByRole('heading', { level: 1, name: '二七区2017年上半年工作成绩单' })).toBeInTheDocument();
    expect(screen.getByText('2017年6月27日')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('总览 · 进度'));
  });

  it('draws the headline gauges: good-air days 66 of 190, PM2.5 84 against 63', async () => {
    renderApp('/');
    await loadedPanels();
    const air = panel('大气污染防治');
    const goodAir = within(air).getByRole('meter', { name: '优良天数' });
    expect(goodAir).toHaveAttribute('aria-valuenow', '66');
    expect(goodAir).toHaveAttribute('aria-valuemax', '190');
    const pm = within(air).getByRole('meter', { name: 'PM2.5累积浓度' });
    expect(pm).toHaveAttribute('aria-valuenow', '84');
    expect(pm.getAttribute('aria-valuetext')).toContain('84 / 63');
    expect(within(air).getByRole('link', { name: '大气污染防治' })).toHaveAttribute('href', '/domains/air-pollution');
    // 安全生产 has no figures and says so.
    expect(within(panel('安全生产')).getByText(/未给出任何数据/)).toBeInTheDocument();
  });

  it('counts metrics per status in the summary strip, each count a link that filters', async () => {
    renderApp('/');
    await loadedPanels();
    const counts = screen.getByRole('navigation', { name: '按状态筛选' });
    const behind = within(counts).getByRole('link', { name: /^滞后\s*2/ });
    expect(behind).toHaveAttribute('href', '/?status=behind');
    await userEvent.click(behind);
    await waitFor(() => expect(panelTitles()).toEqual(['主要经济指标', '大气污染防治']));
    expect(within(panel('大气污染防治')).getAllByRole('meter').map((m) => m.getAttribute('aria-labelledby'))).toHaveLength(1);
    expect(within(panel('大气污染防治')).getByRole('meter', { name: '优良天数' })).toBeInTheDocument();
  });

  it('shows a failing domain as an error in its own panel only, and retry recovers it', async () => {
    // Failing until the retry: the route's loader asks first, the panel asks again when it mounts.
    let failing = true;
    let failures = 0;
    server.use(
      http.get(`${apiBaseUrl}/reports/${CURRENT_REPORT_ID}/domains/air-pollution`, () => {
        if (!failing) return undefined;
        failures += 1;
        return HttpResponse.json(
          { type: 'about:blank', title: '服务器错误', status: 500, detail: '数据库暂时不可用。' },
          { status: 500, headers: { 'content-type': 'application/problem+json' } },
        );
      }),
    );
    renderApp('/');
    const air = await screen.findByRole('region', { name: '大气污染防治' });
    const alert = await within(air).findByRole('alert');
    expect(alert).toHaveTextContent('服务错误(500)');
    expect(alert).toHaveTextContent('数据库暂时不可用');
    expect(failures).toBeGreaterThanOrEqual(1);
    expect(failures).toBeLessThanOrEqual(2);
    // Every other panel loaded normally, and the page has exactly one error.
    await waitFor(() => expect(within(panel('安置房建设')).getAllByRole('meter').length).toBeGreaterThan(0));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(panelTitles()).toHaveLength(15);

    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await within(air).findByRole('meter', { name: '优良天数' })).toHaveAttribute('aria-valuenow', '66');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts pinned domains first under 我的领域, and the pin toggles', async () => {
    localStorage.setItem(PINNED_STORAGE_KEY, JSON.stringify({ version: 1, domainIds: ['land', 'unknown-domain'] }));
    renderApp('/');
    await loadedPanels();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings[0]).toContain('我的领域');
    expect(panelTitles()[0]).toBe('土地运作');
    // Moved, not copied: still 15 panels.
    expect(panelTitles()).toHaveLength(15);

    const pin = within(panel('大气污染防治')).getByRole('button', { name: /关注/ });
    expect(pin).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(pin);
    await waitFor(() => expect(panelTitles().slice(0, 2)).toEqual(['土地运作', '大气污染防治']));
    expect(within(panel('大气污染防治')).getByRole('button', { name: /取消关注/ })).toHaveAttribute('aria-pressed', 'true');
    // The pin is stored (an id the report does not know is kept, just not shown).
    expect(JSON.parse(localStorage.getItem(PINNED_STORAGE_KEY) ?? '{}').domainIds).toEqual(['land', 'unknown-domain', 'air-pollution']);
  });
});

describe('overview filters in the URL', { timeout: 20_000 }, () => {
  it('searches domain names and metric labels, partial Chinese words included', async () => {
    renderApp('/?q=安置');
    await waitFor(() => expect(panelTitles()).toEqual(['安置房建设']));
    expect(screen.getByRole('searchbox', { name: '搜索领域或指标' })).toHaveValue('安置');
    expect(screen.getByText(/显示/)).toHaveTextContent('显示 1 个领域');
  });

  it('finds PM2.5 by its metric label, case-insensitively', async () => {
    renderApp('/?q=pm2.5');
    await waitFor(() => expect(panelTitles()).toEqual(['大气污染防治']));
    const meters = within(panel('大气污染防治')).getAllByRole('meter');
    expect(meters).toHaveLength(1);
    expect(meters[0]).toHaveAccessibleName('PM2.5累积浓度');
  });

  it('filters by section', async () => {
    renderApp('/?section=structure');
    await waitFor(() => expect(panelTitles()).toEqual(['生态绿化建设', '园林城市创建', '河道治理以及樱桃沟美丽乡村建设']));
    expect(screen.getByRole('combobox', { name: '部分' })).toHaveValue('structure');
  });

  it('ignores an unknown status or section with a visible note, and shows everything', async () => {
    renderApp('/?status=late&section=nowhere');
    expect(await loadedPanels()).toHaveLength(15);
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('状态“late”');
    expect(note).toHaveTextContent('部分“nowhere”');
    expect(screen.getByRole('combobox', { name: '状态' })).toHaveValue('');
  });

  it('says when nothing matches and offers to clear the filter', async () => {
    const { router } = renderApp('/?q=不存在的词&status=behind');
    expect(await screen.findByText('没有符合筛选条件的领域或指标。')).toBeInTheDocument();
    const clearButtons = screen.getAllByRole('button', { name: '清除筛选' });
    await userEvent.click(clearButtons[clearButtons.length - 1] as HTMLElement);
    await waitFor(() => expect(panelTitles()).toHaveLength(15));
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('searchbox', { name: '搜索领域或指标' })).toHaveValue('');
  });

  it('writes what is typed and chosen into the URL', async () => {
    const { router } = renderApp('/');
    await loadedPanels();
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索领域或指标' }), '垃圾');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('垃圾'));
    expect(panelTitles()).toEqual(['清运建筑垃圾']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '状态' }), 'in-progress');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('status')).toBe('in-progress'));
    expect(panelTitles()).toEqual(['清运建筑垃圾']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '状态' }), 'far-behind');
    expect(await screen.findByText('没有符合筛选条件的领域或指标。')).toBeInTheDocument();
  });
});
