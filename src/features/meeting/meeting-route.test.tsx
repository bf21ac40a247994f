import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { failApi } from '../../testing/api-faults';
import { renderApp } from '../../testing/render';

// jsdom has no modal dialogs; the browser tests cover the real one.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

const AGENDA_START = ['大气污染防治', '安置房建设', '主要经济指标', '“温暖二七”建设', '清运建筑垃圾'];

/** Waits until the slide on screen is the one titled `name`, and returns it. */
async function expectSlide(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const slide = document.querySelector<HTMLElement>('[data-slide-index]');
    expect(slide).not.toBeNull();
    expect(within(slide as HTMLElement).getByRole('heading', { level: 1 })).toHaveTextContent(name);
    return slide as HTMLElement;
  });
}

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.body, { key: k, ...init });


describe('the meeting agenda', () => {
  it('lists every domain, most behind first, each linking to its slide', async () => {
    renderApp('/meeting');
    const table = await screen.findByRole('table', { name: '会议议程' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(15);
    const names = rows.map((row) => within(row).getByRole('link').textContent);
    expect(names.slice(0, 5)).toEqual(AGENDA_START);
    // Domains without any target come last, in report order.
    expect(names.slice(-3)).toEqual(['动迁清零', '土地运作', '基础设施建设']);
    expect(within(rows[0] as HTMLElement).getByRole('link')).toHaveAttribute('href', '/meeting/air-pollution');
    expect(screen.getByText('第 1 / 16 页')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toContain('会议'));
  });

  it('shows each domain’s status counts under the status words', async () => {
    renderApp('/meeting');
    const table = await screen.findByRole('table', { name: '会议议程' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['页', '领域', '‼严重滞后', '▼滞后', '●正常', '▲超前', '✓已完成', '◐推进中', '–无目标']);
    const air = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(air).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '1', '1', '0', '0', '5', '2', '20']);
  });
});

describe('a domain slide', () => {
  it('shows the gauges, what is behind and by how much, what catching up takes, and talking points', async () => {
    renderApp('/meeting/air-pollution');
    const slide = await expectSlide('大气污染防治');
    expect(slide).toHaveAttribute('data-slide-index', '1');
    expect(screen.getByText('第 2 / 16 页')).toBeInTheDocument();
    expect(within(slide).getByRole('meter', { name: '优良天数' })).toHaveAttribute('aria-valuenow', '66');
    const behind = within(slide).getByRole('region', { name: '滞后情况' });
    expect(behind).toHaveTextContent('完成34.7%,序时进度47.7%,差距−13.0 个百分点');
    expect(behind).toHaveTextContent('余下191天须有124天优良(占64.9%),此前仅37.9%');
    expect(behind).toHaveTextContent('余下191天平均须降至43.9微克/立方米以下');
    const points = within(slide).getByRole('region', { name: '讲话要点' });
    const first = within(points).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent(/^PM2\.5累积浓度84微克\/立方米/);
    const milestones = within(slide).getByRole('region', { name: '工作进展' });
    expect(within(milestones).getAllByRole('listitem')).toHaveLength(2);
    await waitFor(() => expect(document.title).toBe('大气污染防治 · 会议模式 · 进度'));
  });

  it('says honestly when a domain has no figures', async () => {
    renderApp('/meeting/work-safety');
    const slide = await expectSlide('安全生产');
    expect(slide).toHaveTextContent('未给出任何数据');
  });

  it('shows the 404 view for an unknown domain', async () => {
    renderApp('/meeting/no-such-domain');
    expect(await screen.findByRole('heading', { name: /未找到/ })).toBeInTheDocument();
    expect(document.querySelector('[data-slide-index]')).toBeNull();
  });
});

describe('keyboard control', () => {
  it('moves through the slides with the arrows, a typed number, Home and End', async () => {
    const { router } = renderApp('/meeting');
    await screen.findByRole('table', { name: '会议议程' });

    act(() => void key('ArrowRight'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/meeting/air-pollution'));
    await expectSlide('大气污染防治');

    act(() => void key('PageDown'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/meeting/resettlement-housing'));
    act(() => void key('PageUp'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/meeting/air-pollution'));

    act(() => void key('End'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/meeting/infrastructure'));

    act(() => void key('4'));
    expect(await screen.findByText(/跳到第 4 页/)).toBeInTheDocument();
    act(() => void key('Enter'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/meeting/economy'));

    act(() => void key('Home'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/meeting'));
    act(() => void key('ArrowLeft'));
    expect(router.state.location.pathname).toBe('/meeting');
  });

  it('says so when the typed slide does not exist, and stays put', async () => {
    const { router } = renderApp('/meeting/economy');
    await expectSlide('主要经济指标');
    act(() => {
      key('4');
      key('0');
      key('Enter');
    });
    expect(await screen.findByText('没有第 40 页(共 16 页)')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/meeting/economy');
  });

  it('ignores keys with Ctrl or typed into a field', async () => {
    const { router } = renderApp('/meeting');
    await screen.findByRole('table', { name: '会议议程' });
    const field = document.createElement('input');
    document.body.append(field);
    fireEvent.keyDown(field, { key: 'ArrowRight' });
    key('ArrowRight', { ctrlKey: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(router.state.location.pathname).toBe('/meeting');
    field.remove();
  });

  it('says how to go full screen when the browser does not allow it', async () => {
    renderApp('/meeting');
    await screen.findByRole('table', { name: '会议议程' });
    // jsdom, like a locked-down kiosk browser, has no full-screen API.
    act(() => void key('f'));
    expect(await screen.findByText('此浏览器不允许网页全屏,可按 F11 全屏显示。')).toBeInTheDocument();
  });

  it('opens the shortcuts with ? and closes them again', async () => {
    const { router } = renderApp('/meeting');
    await screen.findByRole('table', { name: '会议议程' });
    act(() => void key('?', { shiftKey: true }));
    const dialog = await screen.findByRole('dialog', { name: '键盘快捷键' });
    expect(dialog).toHaveTextContent('PageDown');
    // While it is open the slide keys are the dialog's.
    act(() => void key('ArrowRight'));
    expect(router.state.location.pathname).toBe('/meeting');
    expect(within(dialog).getByRole('button', { name: '关闭' })).toBeInTheDocument();
    act(() => (dialog as HTMLDialogElement).close());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('when a domain fails to load', () => {
  it('keeps it on the agenda, last, and explains on its slide with a retry', async () => {
    failApi((path) => path.endsWith('/domains/economy'));
    renderApp('/meeting');
    const table = await screen.findByRole('table', { name: '会议议程' });
    const rows = within(table).getAllByRole('row').slice(1);
    const last = rows.at(-1) as HTMLElement;
    expect(within(last).getByRole('link')).toHaveTextContent('主要经济指标');
    expect(last).toHaveTextContent('数据加载失败');
    // The others still rank as before.
    expect(within(rows[2] as HTMLElement).getByRole('link')).toHaveTextContent('“温暖二七”建设');

    fireEvent.click(within(last).getByRole('link'));
    const slide = await expectSlide('主要经济指标');
    expect(slide).toHaveAttribute('data-slide-index', '15');
    expect(within(slide).getByRole('alert')).toHaveTextContent('主要经济指标的数据加载失败');
    expect(within(slide).getByRole('button', { name: '重试' })).toBeInTheDocument();
  });

  it('shows the report’s failure with a retry when the report itself fails', async () => {
    failApi((path) => path === '/reports/erqi-2017-h1');
    renderApp('/meeting');
    expect(await screen.findByRole('alert')).toHaveTextContent('报告加载失败');
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
