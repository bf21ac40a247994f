import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, gotoApp, launch, subPathUrl, withPage } from './support/browser.mjs';
import { PRERENDERED_STATE_ID } from './support/source.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Fetches an API path from inside the page, as the app would, and says what answered. */
async function fetchFromPage(page, path) {
  return page.evaluate(async (p) => {
    const res = await fetch(p);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  }, path);
}

for (const [where, base, apiPrefix] of [
  ['the site root', baseUrl, '/api/v1'],
  ['the /jindu/ sub-path', subPathUrl, '/jindu/api/v1'],
]) {
  describe(`the production build at ${where}`, () => {
    it('serves the API from the report through the service worker', async () => {
      await withPage(browser, {}, async ({ page, problems }) => {
        const apiResponses = [];
        page.on('response', (r) => {
          if (r.url().includes('/api/v1/')) apiResponses.push({ url: r.url(), sw: r.fromServiceWorker(), status: r.status() });
        });
        // The meeting view asks for data at once (the prerendered overview would not: it starts the
        // mocked API on its first request, which the last test here covers).
        await gotoApp(page, '/meeting', base);
        // The shell paints before the mock API has switched on; the app's own requests wait for it, and
        // so must this test's (window.msw appears once the worker answers).
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null && 'msw' in window);

        const list = await fetchFromPage(page, `${apiPrefix}/reports`);
        assert.equal(list.status, 200);
        assert.match(list.type, /json/);
        assert.equal(JSON.parse(list.body).reports[0].id, 'erqi-2017-h1');

        const domain = JSON.parse((await fetchFromPage(page, `${apiPrefix}/reports/erqi-2017-h1/domains/air-pollution`)).body);
        const goodAir = domain.metrics.find((m) => m.id === 'good-air-days');
        assert.equal(goodAir.value, 66);
        assert.equal(goodAir.target.value, 190);

        // The app's own run was clean; the deliberate 404 below makes Chromium log a resource error.
        assert.deepEqual(problems, []);
        const missing = await fetchFromPage(page, `${apiPrefix}/reports/erqi-2017-h1/domains/nope`);
        assert.equal(missing.status, 404);
        assert.match(missing.type, /problem\+json/);

        // The app's own requests went through the worker too, not to the static server.
        assert.ok(apiResponses.length > 0, 'the app made API requests');
        assert.ok(apiResponses.every((r) => r.sw && r.status < 500), JSON.stringify(apiResponses));
      });
    });

    it('serves the overview already drawn, takes it over without redrawing, and asks the API only when needed', async () => {
      // The HTML itself carries the figures: a phone paints them before any script has run.
      const html = await (await fetch(base)).text();
      assert.match(html, /<h1>二七区2017年上半年工作成绩单<\/h1>/);
      assert.equal(html.match(/role="meter"/g)?.length, 15, 'one headline gauge per domain');
      assert.match(html, new RegExp(`id="${PRERENDERED_STATE_ID}"`));

      await withPage(browser, { javaScriptEnabled: false }, async ({ page }) => {
        await gotoApp(page, '/', base, { ready: false });
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '二七区2017年上半年工作成绩单');
        assert.equal(await page.getByRole('meter').count(), 15);
        const goodAir = page.getByRole('meter', { name: /优良天数/ });
        assert.equal(await goodAir.getAttribute('aria-valuenow'), '66');
        assert.equal(await goodAir.getAttribute('aria-valuemax'), '190');
      });

      // Any other URL never shows the overview's markup, only the frame, until its own view draws:
      // checked on every frame from the first one.
      await withPage(browser, {}, async ({ page, problems }) => {
        await page.addInitScript(() => {
          window.__overviewFrames = 0;
          const look = () => {
            const visible = (el) => el !== null && el.getClientRects().length > 0;
            if (visible(document.querySelector('.summary-strip'))) window.__overviewFrames += 1;
            if (!document.documentElement.hasAttribute('data-app-ready')) requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        });
        await gotoApp(page, '/wall', base);
        await page.getByRole('heading', { name: /全区总览/ }).waitFor();
        assert.equal(await page.evaluate(() => window.__overviewFrames), 0, 'the prerendered overview was never shown on /wall');
        assert.deepEqual(problems, []);
      });

      await withPage(browser, {}, async ({ page, problems }) => {
        const apiRequests = [];
        page.on('response', (r) => {
          if (r.url().includes('/api/v1/')) apiRequests.push(r.url());
        });
        await page.addInitScript(() => {
          // Counts the overview's nodes React replaced: taking over the markup must replace none.
          window.__replaced = [];
          new MutationObserver((records) => {
            for (const r of records) {
              if (!(r.target instanceof Element && (r.target.id === 'root' || r.target.closest('#root')))) continue;
              for (const n of r.removedNodes) if (n.nodeType === 1) window.__replaced.push(n.nodeName);
            }
          }).observe(document, { childList: true, subtree: true });
        });
        await gotoApp(page, '/', base);
        assert.deepEqual(await page.evaluate(() => window.__replaced), [], 'no prerendered node was replaced');
        // And the page now answers: a pin toggles.
        await page.getByRole('button', { name: /关注.*大气污染防治|大气污染防治.*关注/ }).first().click();
        await page.waitForFunction(() => document.querySelector('[aria-pressed="true"]') !== null);
        assert.deepEqual(apiRequests, [], 'the overview asked the API nothing');
        assert.equal(await page.evaluate(() => 'msw' in window), false, 'the mocked API has not started');

        // The report's source text was not prerendered: asking for it starts the mocked API.
        const source = page.waitForResponse((r) => r.url().endsWith('/source'));
        await page.getByRole('link', { name: '报告原文' }).click();
        assert.equal((await source).status(), 200);
        assert.ok((await source).fromServiceWorker(), 'answered by the mocked API');
        assert.equal(await page.evaluate(() => 'msw' in window), true);
        assert.deepEqual(problems, []);
      });
    });

    it('routes deep links and shows a real 404 view', async () => {
      await withPage(browser, {}, async ({ page, problems }) => {
        await gotoApp(page, '/no-such-page', base);
        await page.getByRole('heading', { name: /未找到/ }).waitFor();
        assert.match(await page.title(), /未找到/);
        await page.getByRole('link', { name: '返回总览' }).click();
        const home = new URL(base).pathname.replace(/\/$/, '');
        await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === home);
        await page.getByRole('heading', { level: 1 }).waitFor();
        assert.deepEqual(problems, []);
      });
    });
  });
}
