import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WALL_REFRESH_MS, WALL_RETRY_MS } from '../../api';
import { failApi } from '../../testing/api-faults';
import { renderApp } from '../../testing/render';

const index = () => document.querySelector('.wall-index')?.textContent;

async function summaryLoaded(tiles = 15) {
  await waitFor(() => expect(document.querySelectorAll('.wall-tile .status-badge')).toHaveLength(tiles), { timeout: 5000 });
}

describe('/wall', () => {
  it('shows every domain on the summary slide in the wall theme, and gives the document back on leaving', async () => {
    document.documentElement.dataset.theme = 'light';
    const { unmount } = renderApp('/wall');
    await summaryLoaded();
    expect(document.documentElement.dataset.theme).toBe('wall');
    expect(document.documentElement.style.overflow).toBe('hidden');
    expect(screen.getByRole('heading', { level: 1, name: /全区总览/ })).toBeInTheDocument();
    expect(index()).toBe('1 / 16');
    const airTile = screen.getByRole('heading', { level: 2, name: '大气污染防治' }).closest('li');
    expect(airTile).not.toBeNull();
    expect(within(airTile as HTMLElement).getByText('严重滞后')).toBeInTheDocument();
    expect(screen.getByText('48.8%')).toBeInTheDocument();
    expect(screen.getByText(/更新于 \d\d:\d\d/)).toBeInTheDocument();
    await waitFor(() => expect(document.title).toContain('大屏'));

    unmount();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(document.documentElement.style.overflow).toBe('');
    delete document.documentElement.dataset.theme;
  });

  it('shows a subset, names the unknown ids it ignored, and takes the light theme', async () => {
    renderApp('/wall?domains=economy,bogus&theme=light&interval=abc');
    await summaryLoaded(1);
    expect(index()).toBe('1 / 2');
    expect(screen.getByText('已忽略未知领域:bogus')).toBeInTheDocument();
    expect(document.documentElement.dataset.theme).toBe('wall-light');
  });

  it('steps with the arrow keys and pauses with Space', async () => {
    const user = userEvent.setup();
    renderApp('/wall');
    await summaryLoaded();
    await user.keyboard('{ArrowRight}');
    expect(index()).toBe('2 / 16');
    expect(await screen.findByRole('heading', { level: 1, name: '主要经济指标' })).toBeInTheDocument();
    expect(screen.getAllByRole('meter').length).toBeGreaterThan(0);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(index()).toBe('16 / 16');
    expect(screen.getByRole('heading', { level: 1, name: '基础设施建设' })).toBeInTheDocument();
    await user.keyboard(' ');
    expect(screen.getByText(/已暂停/)).toBeInTheDocument();
    await user.keyboard(' ');
    expect(screen.queryByText(/已暂停/)).not.toBeInTheDocument();
  });

  it('says honestly what a domain without figures lacks', async () => {
    const user = userEvent.setup();
    renderApp('/wall?domains=work-safety');
    await summaryLoaded(1);
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { level: 1, name: '安全生产' })).toBeInTheDocument();
    expect(screen.getByText(/未给出任何数据/)).toBeInTheDocument();
  });

  it('puts the batches on their way beside a dial delivered in batches (回迁面积 8%)', async () => {
    const user = userEvent.setup();
    renderApp('/wall?domains=resettlement-housing');
    await summaryLoaded(1);
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { level: 1, name: '安置房建设' })).toBeInTheDocument();
    const keyFigures = [...document.querySelectorAll('.wall-key-figure dt')].map((dt) => dt.textContent);
    // "50万㎡已完成竣工验收待分配;…65万㎡正在竣工前扫尾工程施工;…150万㎡主体已封顶"
    expect(keyFigures.slice(0, 3)).toEqual(['已竣工验收待分配', '竣工前扫尾施工中', '主体已封顶']);
  });

  it('keeps rotating when one domain fails, and says so on its tile and slide', async () => {
    failApi((path) => path.endsWith('/domains/land'));
    const user = userEvent.setup();
    renderApp('/wall?domains=land,economy');
    await waitFor(() => expect(screen.getByText('数据未能加载')).toBeInTheDocument(), { timeout: 5000 });
    await summaryLoaded(1);
    await user.keyboard('{ArrowLeft}');
    expect(await screen.findByRole('heading', { level: 1, name: '土地运作' })).toBeInTheDocument();
    expect(screen.getByText(/服务错误\(500\)。大屏会自动重试/)).toBeInTheDocument();
  });

  it('says when the report itself cannot be loaded', async () => {
    failApi(() => true);
    renderApp('/wall');
    expect(await screen.findByText(/报告数据未能加载:服务错误\(500\)/)).toBeInTheDocument();
    expect(screen.getByText(/大屏会自动重试/)).toBeInTheDocument();
  });

  describe('with a clock', () => {
    beforeEach(() => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('rotates by itself at the interval', async () => {
      renderApp('/wall?interval=7');
      await summaryLoaded();
      expect(index()).toBe('1 / 16');
      await act(() => vi.advanceTimersByTimeAsync(6_000));
      expect(index()).toBe('1 / 16');
      await act(() => vi.advanceTimersByTimeAsync(1_500));
      expect(index()).toBe('2 / 16');
      await act(() => vi.advanceTimersByTimeAsync(7_000));
      expect(index()).toBe('3 / 16');
    });

    it('stays paused, on the same slide, through a failed refresh and the recovery after it', async () => {
      renderApp('/wall?interval=20');
      await summaryLoaded();
      await act(() => vi.advanceTimersByTimeAsync(25_000));
      const at = index();
      expect(at).toBe('2 / 16');
      fireEvent.keyDown(window, { key: ' ' });
      // The pause notice is what tells the room the wall is held.
      const paused = () => (screen.queryByText(/已暂停/) === null ? 'running' : 'paused');
      expect(paused()).toBe('paused');

      const failing = failApi(() => true);
      // Two refresh cycles of failures, looked at every quarter of a cycle.
      for (let quarter = 1; quarter <= 8; quarter += 1) {
        await act(() => vi.advanceTimersByTimeAsync(WALL_REFRESH_MS / 4));
        expect([quarter, paused(), index()]).toEqual([quarter, 'paused', at]);
      }
      expect(screen.getByText(/数据未能更新/)).toBeInTheDocument();
      failing.restore();
      await act(() => vi.advanceTimersByTimeAsync(WALL_RETRY_MS + 1_000));
      await waitFor(() => expect(screen.queryByText(/数据未能更新/)).not.toBeInTheDocument());
      expect([paused(), index()]).toEqual(['paused', at]);
    });

    it('keeps the last good data through a failed refresh, warns, and recovers by itself', async () => {
      // The longest interval (600 s) outlasts the refresh (300 s) and the retry (60 s) below, so the
      // check sees the summary slide with the same (old) data.
      renderApp('/wall?interval=600');
      await summaryLoaded();
      const updated = screen.getByText(/更新于 \d\d:\d\d/).textContent ?? '';
      const shownTime = updated.replace('更新于 ', '');

      const failing = failApi(() => true);
      await act(() => vi.advanceTimersByTimeAsync(WALL_REFRESH_MS + 1_000));
      const warning = await screen.findByText(`数据未能更新,显示的是 ${shownTime} 的数据`);
      expect(warning.closest('[role="status"]')).not.toBeNull();
      expect(document.querySelectorAll('.wall-tile .status-badge')).toHaveLength(15);

      failing.restore();
      await act(() => vi.advanceTimersByTimeAsync(WALL_RETRY_MS + 1_000));
      await waitFor(() => expect(screen.queryByText(/数据未能更新/)).not.toBeInTheDocument());
      expect(screen.getByText(/更新于 \d\d:\d\d/)).toBeInTheDocument();
      expect(screen.queryByRole('status', { name: /数据未能更新/ })).toBeNull();
    });
  });
});
