import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, baseUrl, formatViolations, gotoApp, launch, screenshot, withPage } from './support/browser.mjs';
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

/**
 * Goes to a domain page the way the app's own links do (history navigation the router follows, no
 * reload), and waits until it is drawn.
 */
async function showDomain(page, id, name) {
  const { pathname } = new URL(`domains/${id}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, pathname);
  await domainLoaded(page, name);
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

  // One page load for all 15 domain pages: the app moves between them as a reader's click does (the
  // router's own history navigation), and the theme switches as the system's does (prefers-color-scheme,
  // what the tests used to open a context with), so each page is checked in both themes without a reload.
  // A cold load per page per theme took 2 × 30 loads; the pages checked and the checks are the same.
  it('has no axe-core violations on any of the 15 domain pages in the light and dark themes, and each fits a 360 px phone without horizontal scroll', async () => {
    await withPage(browser, { colorScheme: 'light' }, async ({ page, problems }) => {
      const failures = [];
      await gotoApp(page, `/domains/${DOMAINS[0][0]}`);
      for (const [id, name] of DOMAINS) {
        await showDomain(page, id, name);
        for (const colorScheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme });
          const violations = await axeViolations(page);
          if (violations.length > 0) failures.push(`/domains/${id} (${colorScheme}):\n${formatViolations(violations)}`);
        }
        await page.emulateMedia({ colorScheme: 'light' });
      }
      assert.deepEqual(failures, [], failures.join('\n\n'));

      // Each page drawn at 360 px from the start, as a phone opens it.
      await page.setViewportSize({ width: 360, height: 740 });
      await gotoApp(page, `/domains/${DOMAINS[0][0]}`);
      for (const [id, name] of DOMAINS) {
        await showDomain(page, id, name);
        const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        assert.ok(fits, `/domains/${id} scrolls sideways at 360 px`);
      }
      assert.deepEqual(problems, []);
    });
  });

  it('screenshots a domain page at 1440 and 390 wide (light and dark)', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      const bothThemes = async (name) => {
        for (const colorScheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme });
          await screenshot(page, `${name}-${colorScheme}`);
        }
      };
      await gotoApp(page, '/domains/air-pollution');
      await domainLoaded(page, '大气污染防治');
      await bothThemes('domain-1440');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForFunction(() => window.innerWidth === 390);
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no horizontal scroll at 390 px (${colorScheme})`);
      }
      await bothThemes('domain-390');
      await showDomain(page, 'construction-waste', '清运建筑垃圾');
      await page.locator('.metric-group').first().scrollIntoViewIfNeeded();
      await bothThemes('domain-390-chart');
      assert.deepEqual(problems, []);
    });
  });
});
