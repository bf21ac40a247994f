import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient } from '../app/query-client';
import { testApi } from '../testing/api-client';
import { failApi } from '../testing/api-faults';
import { ExportCsvButton } from './export-csv-button';

function renderButton() {
  const client = createQueryClient(testApi);
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  return render(
    <QueryClientProvider client={client}>
      <ExportCsvButton />
    </QueryClientProvider>,
  );
}

/** The blob's bytes: FileReader's text decoding would silently drop the byte-order mark. */
function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(blob);
  });
}

describe('ExportCsvButton', () => {
  const created: Blob[] = [];
  const revoked: string[] = [];

  beforeEach(() => {
    created.length = 0;
    revoked.length = 0;
    // jsdom has no object URLs and cannot download: record both instead.
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => {
        created.push(blob);
        return `blob:test/${created.length}`;
      },
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: (url: string) => revoked.push(url) });
  });

  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('is disabled, with the reason, until every domain has loaded', async () => {
    renderButton();
    const button = screen.getByRole('button', { name: '导出CSV' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/正在加载/);
    await waitFor(() => expect(button).toBeEnabled(), { timeout: 5000 });
    expect(button).not.toHaveAccessibleDescription(/正在加载/);
  });

  it('downloads every metric as a CSV file with a BOM and releases the object URL afterwards', async () => {
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    renderButton();
    const button = screen.getByRole('button', { name: '导出CSV' });
    await waitFor(() => expect(button).toBeEnabled(), { timeout: 5000 });

    // Hold back the delayed revoke so the test can see it wait for the download to start.
    const delayed: (() => void)[] = [];
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      if (ms !== undefined && ms >= 1000) {
        delayed.push(callback);
        return 0;
      }
      return realSetTimeout(callback, ms);
    }) as typeof setTimeout);
    await userEvent.click(button);

    expect(clicked).toEqual([{ download: 'jindu-erqi-2017-h1-metrics.csv', href: 'blob:test/1' }]);
    expect(created).toHaveLength(1);
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    const bytes = await readBytes(created[0]!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF领域,部分,指标')).toBe(true);
    expect(text).toContain('大气污染防治,靠抓手 见成效,优良天数,66,天,,2017-06-23,,190,年度目标,34.7,47.7,-13.0,滞后');
    expect(await screen.findByRole('status')).toHaveTextContent('已导出153项指标');
    // No link is left behind in the page.
    expect(document.querySelector('a[download]')).toBeNull();

    expect(revoked).toEqual([]);
    delayed.forEach((run) => run());
    expect(revoked).toEqual(['blob:test/1']);
  });

  it('says why it cannot export when a domain fails to load', async () => {
    failApi((path) => path.endsWith('/domains/land'), 503);
    renderButton();
    const button = screen.getByRole('button', { name: '导出CSV' });
    await waitFor(() => expect(button).toHaveAccessibleDescription(/1个领域的数据加载失败/), { timeout: 5000 });
    expect(button).toBeDisabled();
  });

  it('says why it cannot export when the report fails to load', async () => {
    failApi((path) => path === '/reports/erqi-2017-h1');
    renderButton();
    const button = screen.getByRole('button', { name: '导出CSV' });
    await waitFor(() => expect(button).toHaveAccessibleDescription(/报告加载失败/));
    expect(button).toBeDisabled();
  });
});
