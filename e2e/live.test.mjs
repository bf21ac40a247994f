// Live screens (issue 16): an update approved through the API reaches an open wall and an open meeting
// without a reload, and neither loses its place: the wall stays on its slide with its timer running as
// before, the meeting stays on its slide. Runs against the demo build (the API lives in the page, so
// the page itself sends the update) and the built server (the same requests, to its database).
// Time on the wall is driven with page.clock: the rotation's timer is checked, not waited for.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, formatViolations, gotoApp, launch, openPage, screenshot } from './support/browser.mjs';
import { ensureAccounts, submitAndApprove } from './support/updates.mjs';

/** A morning after the report, in Zhengzhou: the demo's API takes its "today" from the page's clock. */
const T0 = new Date('2017-07-05T09:00:00+08:00');
const INTERVAL_S = 30;
/** 公园绿化面积: 24万平方米 in the report, a figure no other browser test reads. */
const UPDATE = { domainId: 'greening', metricId: 'canal-park-greened', value: 30, asOf: '2017-07-02' };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Polls `condition` until it holds, moving the paused page clock on by `stepMs` each time. */
async function untilAdvancing(page, condition, what, { stepMs = 100, limitMs = 15_000 } = {}) {
  let advanced = 0;
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > 30_000 || advanced > limitMs) throw new Error(`timed out waiting until ${what}`);
    await page.clock.runFor(stepMs);
    advanced += stepMs;
    await page.waitForTimeout(50);
  }
  return advanced;
}

const slideTitle = (page) => page.getByRole('main').getByRole('heading', { level: 1 });
const slidePosition = (page) => page.getByRole('contentinfo').getByText(/^\d+ \/ \d+$/);

describe('live updates', () => {
  it('shows an approved figure on an open wall without a reload, on the same slide, its timer running on', async () => {
    const { page, problems, context } = await openPage(browser, { viewport: { width: 1920, height: 1080 }, colorScheme: 'dark', timezoneId: 'Asia/Shanghai' });
    try {
      await page.clock.install({ time: T0 });
      await gotoApp(page, `/wall?domains=greening&interval=${INTERVAL_S}`);
      await slidePosition(page).filter({ hasText: '1 / 2' }).waitFor();
      await page.keyboard.press('ArrowRight');
      await slideTitle(page).filter({ hasText: '生态绿化建设' }).waitFor();
      // The stream opens after first paint, once the browser is idle.
      await page.locator('.wall[data-live="open"]').waitFor({ timeout: 20_000 });
      await ensureAccounts(page);
      const navigations = [];
      page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

      // From here the clock moves only when the test says: the slide gets a fresh, full interval.
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 250);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
      await slideTitle(page).filter({ hasText: '生态绿化建设' }).waitFor();
      assert.equal(await slidePosition(page).innerText(), '2 / 2');
      assert.doesNotMatch(await page.getByRole('main').innerText(), /较上次/);

      const approved = await submitAndApprove(page, UPDATE);
      assert.equal(approved.state, 'approved');
      const waited = await untilAdvancing(
        page,
        async () => /较上次\s*▲\s*\+6万平方米/.test(await page.getByRole('main').innerText()),
        'the wall shows 较上次 +6万平方米',
      );
      assert.ok(waited < INTERVAL_S * 1000 - 2000, `the figure arrived within the slide's time (${waited} ms)`);
      assert.equal(await slidePosition(page).innerText(), '2 / 2', 'still on the same slide');
      assert.match(await slideTitle(page).innerText(), /生态绿化建设/);
      assert.deepEqual(navigations, [], 'no reload');
      await screenshot(page, 'live-wall-after-approval');

      // The slide's timer was not restarted by the refetch: it ends when it would have anyway.
      await page.clock.runFor(INTERVAL_S * 1000 - waited - 1000);
      await page.waitForTimeout(100);
      assert.equal(await slidePosition(page).innerText(), '2 / 2');
      await page.clock.runFor(2000);
      await page.waitForTimeout(100);
      await slidePosition(page).filter({ hasText: '1 / 2' }).waitFor({ timeout: 5000 });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('keeps a meeting on its slide while the approved figure arrives', async () => {
    const { page, problems, context } = await openPage(browser, { timezoneId: 'Asia/Shanghai' });
    try {
      await page.clock.install({ time: T0 });
      await gotoApp(page, '/meeting/greening');
      const title = page.locator('.slide').getByRole('heading', { level: 1 });
      await title.filter({ hasText: '生态绿化建设' }).waitFor();
      await page.locator('.meeting[data-live="open"]').waitFor({ timeout: 20_000 });
      await ensureAccounts(page);
      const before = page.url();
      const figure = () => page.locator('.slide').getByRole('meter', { name: '公园绿化面积' });
      // 24 from the report; on the server the wall's test approved 30 before.
      const was = Number(await figure().getAttribute('aria-valuenow'));
      assert.ok(was === 24 || was === 30, `公园绿化面积 is ${was}`);

      await submitAndApprove(page, { ...UPDATE, value: was + 1 });
      await figure().and(page.locator(`[aria-valuenow="${was + 1}"]`)).waitFor({ timeout: 15_000 });
      assert.equal(page.url(), before, 'the same slide');
      assert.match(await title.innerText(), /生态绿化建设/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('draws the new figure into the domain page’s history, whose list is the chart’s text alternative', async () => {
    const { page, problems, context } = await openPage(browser, { timezoneId: 'Asia/Shanghai' });
    try {
      await page.clock.install({ time: T0 });
      await gotoApp(page, '/domains/greening');
      const card = page.locator('#metric-canal-park-greened');
      const rows = card.getByRole('table', { name: /公园绿化面积的全部数据/ }).getByRole('row');
      await rows.first().waitFor();
      const before = await rows.count();
      await ensureAccounts(page);
      const was = Number(await card.getByRole('meter').getAttribute('aria-valuenow'));
      await submitAndApprove(page, { ...UPDATE, value: was + 2, asOf: '2017-07-03', basis: '园林局周报' });
      await page.waitForFunction(
        ([n]) => document.querySelectorAll('#metric-canal-park-greened table tr').length === n,
        [before + 1],
        { timeout: 15_000 },
      );
      const newest = await rows.nth(1).innerText();
      assert.match(newest, /7月3日/);
      assert.match(newest, /园林局周报/);
      // The chart is hidden from screen readers; the table says the same.
      assert.equal(await card.locator('.history-chart').getAttribute('aria-hidden'), 'true');
      await card.locator('.history-chart svg').first().waitFor();
      await card.screenshot({ path: await screenshot(page, 'live-history-1440').then((f) => f.replace('.png', '-card.png')) });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      await card.screenshot({ path: (await screenshot(page, 'live-history-390')).replace('.png', '-card.png') });
      const violations = await axeViolations(page, '#metric-canal-park-greened');
      assert.deepEqual(violations, [], formatViolations(violations));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
