import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, formatViolations, gotoApp, launch, screenshot, subPathUrl, withPage } from './support/browser.mjs';

const TOTAL_METRICS = 153;
const GOOD_AIR = 'fig-air-pollution-good-air-days';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Waits until the text is in and every domain's figures are placed in it. */
async function waitForFigures(page) {
  await page.getByText(`已标注${TOTAL_METRICS}项指标`).waitFor({ timeout: 15_000 });
}

/** Whether the element lies wholly inside the viewport. */
async function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

describe('/source', () => {
  it('shows the reassembled report with a link on every metric figure', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await gotoApp(page, '/source');
      await page.getByRole('heading', { level: 1, name: /期中成绩单/ }).waitFor();
      assert.match(await page.title(), /原文/);
      await waitForFigures(page);

      assert.equal(await page.locator('[id^="fig-"]').count(), TOTAL_METRICS);
      assert.ok((await page.locator('a.figure-link[href*="/domains/"]').count()) >= TOTAL_METRICS);
      assert.equal(await page.locator('.figure-link .figure-link, .figure-link mark, mark .figure-link').count(), 0, 'nothing is wrapped twice');
      assert.equal(await page.getByRole('heading', { level: 2, name: /^【.+】$/ }).count(), 4);
      assert.equal(await page.locator('h3[id^="domain-"]').count(), 15);

      const goodAir = page.locator(`#${GOOD_AIR}`);
      assert.equal(await goodAir.getAttribute('href'), '/domains/air-pollution#metric-good-air-days');
      assert.equal(await goodAir.getAttribute('aria-label'), '66天:优良天数(滞后)');

      await screenshot(page, 'source-1440');
      assert.deepEqual(problems, []);
    });
  });

  it('links a figure to its metric on the domain page, and the metric back to the figure', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await gotoApp(page, '/source');
      await waitForFigures(page);

      await page.locator(`#${GOOD_AIR}`).click();
      await page.waitForURL((url) => url.pathname === '/domains/air-pollution' && url.hash === '#metric-good-air-days');
      const metric = page.locator('#metric-good-air-days');
      await metric.waitFor({ timeout: 10_000 });

      // The domain page's way back: its link to this figure's place in the text.
      await metric.locator(`a[href$="/source#${GOOD_AIR}"]`).click();
      await page.waitForURL((url) => url.pathname === '/source' && url.hash === `#${GOOD_AIR}`);
      const figure = page.locator(`#${GOOD_AIR}`);
      await figure.waitFor();
      await page.waitForFunction((id) => {
        const el = document.getElementById(id);
        const r = el?.getBoundingClientRect();
        return r !== undefined && r.top >= 0 && r.bottom <= window.innerHeight;
      }, GOOD_AIR);
      assert.ok(await inViewport(figure));
      assert.deepEqual(problems, []);
    });
  });

  it('scrolls to and emphasises the figure a link names, once its data has arrived', async () => {
    for (const [name, viewport] of [
      ['1440', { width: 1440, height: 900 }],
      ['390', { width: 390, height: 844 }],
    ]) {
      await withPage(browser, { viewport }, async ({ page, problems }) => {
        await gotoApp(page, `/source#${GOOD_AIR}`);
        const figure = page.locator(`#${GOOD_AIR}.is-targeted`);
        await figure.waitFor({ timeout: 15_000 });
        await page.waitForFunction((id) => {
          const r = document.getElementById(id)?.getBoundingClientRect();
          return r !== undefined && r.top >= 0 && r.bottom <= window.innerHeight;
        }, GOOD_AIR);
        assert.ok(await inViewport(figure), `${name}: the figure is in view`);
        const outline = await figure.evaluate((el) => getComputedStyle(el).outlineStyle);
        assert.equal(outline, 'solid', `${name}: the figure is emphasised`);
        assert.equal(await page.locator('.is-targeted').count(), 1);
        await screenshot(page, `source-target-${name}`);
        assert.deepEqual(problems, []);
      });
    }
  });

  it('marks excluded figures and shows the reason on keyboard focus and on hover', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await gotoApp(page, '/source');
      await waitForFigures(page);
      const marks = page.locator('mark.excluded:not(.excluded--sample)');
      assert.ok((await marks.count()) >= 20);

      // Keyboard only: tab from the top of the page to the first excluded figure (the year in the headline).
      let focused = '';
      for (let i = 0; i < 40 && focused !== 'excluded'; i += 1) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => (document.activeElement?.matches('mark.excluded') ? 'excluded' : ''));
      }
      assert.equal(focused, 'excluded', 'an excluded figure is reachable with Tab');
      const reasonId = await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'));
      assert.ok(reasonId);
      const reason = page.locator(`[id="${reasonId}"]`);
      assert.ok(await reason.isVisible(), 'the reason shows on focus');
      assert.match(await reason.innerText(), /未计入数据:.+/);
      assert.ok(await inViewport(reason), 'the reason fits on the screen');
      await screenshot(page, 'source-excluded-focus');

      await page.keyboard.press('Tab');
      assert.equal(await reason.isVisible(), false, 'the reason goes away with the focus');

      // Hover over one in the body text.
      const deadline = marks.filter({ hasText: '6月23日' });
      await deadline.hover();
      const hoverReason = page.locator(`[id="${await deadline.getAttribute('aria-describedby')}"]`);
      assert.ok(await hoverReason.isVisible());
      assert.match(await hoverReason.innerText(), /截止日期/);
      assert.deepEqual(problems, []);
    });
  });

  // Both themes on one page load, switched as the system switches them (prefers-color-scheme).
  it('has no axe violations (light and dark)', async () => {
    await withPage(browser, { colorScheme: 'light' }, async ({ page, problems }) => {
      await gotoApp(page, `/source#${GOOD_AIR}`);
      await waitForFigures(page);
      await page.locator(`#${GOOD_AIR}.is-targeted`).waitFor();
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        await screenshot(page, `source-1440-${colorScheme}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${colorScheme}:\n${formatViolations(violations)}`);
      }
      assert.deepEqual(problems, []);
    });
  });

  it('reads well on a phone', async () => {
    await withPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async ({ page, problems }) => {
      await gotoApp(page, '/source');
      await waitForFigures(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
      await screenshot(page, 'source-390');
      // The contents fold away on a phone and open on demand.
      const contents = page.getByRole('navigation', { name: '报告目录' });
      await contents.getByText('目录').click();
      await contents.getByRole('link', { name: '“温暖二七”建设' }).click();
      await page.waitForURL((url) => url.hash === '#domain-warm-erqi');
      assert.ok(await inViewport(page.locator('#domain-warm-erqi')));
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations));
      assert.deepEqual(problems, []);
    });
  });

  it('links figures under the /jindu/ sub-path too', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await gotoApp(page, `/source#${GOOD_AIR}`, subPathUrl);
      await waitForFigures(page);
      const figure = page.locator(`#${GOOD_AIR}`);
      assert.equal(await figure.getAttribute('href'), '/jindu/domains/air-pollution#metric-good-air-days');
      await figure.click();
      await page.waitForURL((url) => url.pathname === '/jindu/domains/air-pollution');
      assert.deepEqual(problems, []);
    });
  });
});
