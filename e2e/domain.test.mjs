import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, formatViolations, gotoApp, launch, screenshot, withPage } from './support/browser.mjs';
import { DOMAINS } from './support/source.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The domain's heading is up and every lazily loaded chart has replaced its placeholder. */
async function domainLoaded(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.waitForFunction(() => document.querySelector('.chart-placeholder') === null);
}

describe('domain pages in Chromium', () => {
  it('draws the air gauges: good-air days 66 of 190, PM2.5 84 against 63', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await gotoApp(page, '/domains/air-pollution');
      await domainLoaded(page, '大气污染防治');
      assert.match(await page.title(), /大气污染防治/);

      const goodAir = page.locator('#metric-good-air-days').getByRole('meter', { name: '优良天数' });
      assert.equal(await goodAir.getAttribute('aria-valuenow'), '66');
      assert.equal(await goodAir.getAttribute('aria-valuemax'), '190');
      assert.match(await page.locator('#metric-good-air-days').textContent(), /66 \/ 190 天/);

      const pm = page.locator('#metric-pm25').getByRole('meter', { name: 'PM2.5累积浓度' });
      assert.equal(await pm.getAttribute('aria-valuenow'), '84');
      assert.match(await pm.getAttribute('aria-valuetext'), /84 \/ 63/);
      assert.match(await page.locator('#metric-pm25').textContent(), /目标63微克\/立方米/);

      // Source quote with the figure marked, and the link into the report.
      assert.equal(await page.locator('#metric-pm25 blockquote mark').textContent(), '84微克/立方米');
      assert.equal(
        await page.locator('#metric-pm25').getByRole('link', { name: '在原文中查看' }).getAttribute('href'),
        '/source#fig-air-pollution-pm25',
      );
      // The breakdown chart is drawn by recharts.
      assert.ok((await page.locator('.metric-group .chart-bars__bar').count()) >= 3);
      assert.deepEqual(problems, []);
    });
  });

  it('scrolls to the metric a link names in its hash', async () => {
    await withPage(browser, { viewport: { width: 390, height: 844 } }, async ({ page, problems }) => {
      await gotoApp(page, '/domains/air-pollution#metric-penalty-amount');
      await domainLoaded(page, '大气污染防治');
      await page.waitForFunction(() => document.activeElement?.id === 'metric-penalty-amount');
      const top = await page.locator('#metric-penalty-amount').evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 200, `metric card top at ${top}`);
      assert.deepEqual(problems, []);
    });
  });

  it('shows the 404 view for an unknown domain, with a way back', async () => {
    await withPage(browser, {}, async ({ page }) => {
      await gotoApp(page, '/domains/no-such-domain');
      await page.getByRole('heading', { level: 1, name: '未找到这个领域' }).waitFor();
      assert.match(await page.title(), /未找到/);
      await page.getByRole('link', { name: '返回总览' }).click();
      await page.waitForURL((url) => url.pathname === '/');
    });
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`has no axe-core violations on any of the 15 domain pages in the ${colorScheme} theme`, async () => {
      await withPage(browser, { colorScheme }, async ({ page, problems }) => {
        const failures = [];
        for (const [id, name] of DOMAINS) {
          await gotoApp(page, `/domains/${id}`);
          await domainLoaded(page, name);
          const violations = await axeViolations(page);
          if (violations.length > 0) failures.push(`/domains/${id}:\n${formatViolations(violations)}`);
        }
        assert.deepEqual(failures, [], failures.join('\n\n'));
        assert.deepEqual(problems, []);
      });
    });
  }

  it('fits a 360 px phone on every domain page, without horizontal scroll', async () => {
    await withPage(browser, { viewport: { width: 360, height: 740 } }, async ({ page, problems }) => {
      for (const [id, name] of DOMAINS) {
        await gotoApp(page, `/domains/${id}`);
        await domainLoaded(page, name);
        const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        assert.ok(fits, `/domains/${id} scrolls sideways at 360 px`);
      }
      assert.deepEqual(problems, []);
    });
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`screenshots a domain page at 1440 and 390 wide (${colorScheme})`, async () => {
      await withPage(browser, { colorScheme }, async ({ page, problems }) => {
        await gotoApp(page, '/domains/air-pollution');
        await domainLoaded(page, '大气污染防治');
        await screenshot(page, `domain-1440-${colorScheme}`);
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(100);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
        await screenshot(page, `domain-390-${colorScheme}`);
        await gotoApp(page, '/domains/construction-waste');
        await domainLoaded(page, '清运建筑垃圾');
        await page.locator('.metric-group').first().scrollIntoViewIfNeeded();
        await screenshot(page, `domain-390-chart-${colorScheme}`);
        assert.deepEqual(problems, []);
      });
    });
  }
});
