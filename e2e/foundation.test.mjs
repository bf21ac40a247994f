import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, gotoApp, launch, openPage, subPathUrl } from './support/browser.mjs';

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
      const { context, page, problems } = await openPage(browser);
      const apiResponses = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/v1/')) apiResponses.push({ url: r.url(), sw: r.fromServiceWorker(), status: r.status() });
      });
      await gotoApp(page, '/', base);
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
      await context.close();
    });

    it('routes deep links and shows a real 404 view', async () => {
      const { context, page, problems } = await openPage(browser);
      await gotoApp(page, '/no-such-page', base);
      await page.getByRole('heading', { name: /未找到/ }).waitFor();
      assert.match(await page.title(), /未找到/);
      await page.getByRole('link', { name: '返回总览' }).click();
      const home = new URL(base).pathname.replace(/\/$/, '');
      await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === home);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}
