import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gotoApp, gotoQuietPage, launch, screenshot, withPage } from './support/browser.mjs';

const HEADER = ['领域', '部分', '指标', '数值', '单位', '限定词', '截至日期', '日期说明', '目标', '目标类型', '完成率', '序时进度', '差距(百分点)', '状态', '同比', '排名', '原文', '来源'];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** RFC 4180, strictly: quoted cells may hold commas, quotes ("") and line breaks; records end in CRLF. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`line break outside quotes that is not CRLF, at ${i}`);
    } else {
      cell += c;
    }
  }
  if (quoted) throw new Error('unterminated quoted cell');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * How many metrics the API serves: every domain of the report, fetched from inside a page of the app
 * whose mocked API is up (the prerendered overview starts it only when the app needs data).
 */
async function metricCountFromApi(context) {
  const page = await context.newPage();
  await gotoQuietPage(page);
  return page.evaluate(async () => {
    const get = async (path) => (await fetch(`/api/v1/reports/erqi-2017-h1${path}`)).json();
    const report = await get('');
    const domains = await Promise.all(report.domains.map((d) => get(`/domains/${d.id}`)));
    return domains.reduce((sum, d) => sum + d.metrics.length, 0);
  });
}

/** Clicks 导出CSV once it is enabled and returns the downloaded file's name and bytes. */
async function download(page) {
  const button = page.getByRole('button', { name: '导出CSV' });
  await button.waitFor();
  await page.waitForFunction(
    () => [...document.querySelectorAll('button')].some((b) => b.textContent?.includes('导出CSV') && !b.disabled),
    undefined,
    { timeout: 15_000 },
  );
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe('CSV export', () => {
  for (const route of ['/', '/source']) {
    it(`downloads every metric with its analysis from ${route}`, async () => {
      await withPage(browser, {}, async ({ context, page, problems }) => {
        await gotoApp(page, route);
        const { name, bytes } = await download(page);

        assert.equal(name, 'jindu-erqi-2017-h1-metrics.csv');
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 byte-order mark');
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
        assert.ok(text.endsWith('\r\n'));

        const rows = parseCsv(text);
        assert.deepEqual(rows[0], HEADER);
        const expected = await metricCountFromApi(context);
        assert.equal(expected, 153);
        assert.equal(rows.length - 1, expected, 'one row per metric');
        assert.ok(rows.every((r) => r.length === HEADER.length), 'every row is as wide as the header');

        const col = (label) => HEADER.indexOf(label);
        const goodAir = rows.find((r) => r[col('指标')] === '优良天数');
        assert.ok(goodAir);
        assert.deepEqual(
          ['领域', '数值', '单位', '截至日期', '目标', '完成率', '序时进度', '差距(百分点)', '状态'].map((h) => goodAir[col(h)]),
          ['大气污染防治', '66', '天', '2017-06-23', '190', '34.7', '47.7', '-13.0', '滞后'],
        );
        assert.match(goodAir[col('原文')], /共完成优良天气66天/);
        // Numbers are plain numbers a spreadsheet parses: no grouping, no typographic minus.
        for (const r of rows.slice(1)) {
          for (const h of ['数值', '目标', '完成率', '序时进度', '差距(百分点)', '同比']) {
            assert.match(r[col(h)], /^(-?\d+(\.\d+)?)?$/, `${r[col('指标')]} ${h}: ${r[col(h)]}`);
          }
        }

        await page.getByRole('status').filter({ hasText: '已导出153项指标' }).waitFor();
        if (route === '/') await screenshot(page, 'export-overview');
        assert.deepEqual(problems, []);
      });
    });
  }
});
