// Bad input never breaks the app (issue 8.3): a failing, malformed or mismatched API response fails
// the one panel that asked; unknown ids get the 404 view; hostile labels stay text; nonsense URL
// parameters are shrugged off. Faults are injected at the mocked API with worker.use() (window.msw,
// the seam MSW's docs suggest), so the app's real client, cache and views handle them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closing, gotoApp, gotoQuietPage, launch, openPage, screenshot, withPage } from './support/browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Errors other than the resource failures a test provoked on purpose. */
const unexpected = (problems) => problems.filter((p) => !/Failed to load resource: the server responded with a status of (404|500)/.test(p));

/** Opens the app on a page that makes no API request, so overrides are in place before the first one. */
async function openQuiet(options) {
  const session = await openPage(browser, options);
  try {
    await gotoQuietPage(session.page);
    return session;
  } catch (error) {
    await session.context.close();
    throw error;
  }
}

/** Client-side navigation, as a link click would do, keeping the overrides and the page alive. */
async function navigate(page, path) {
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Replaces one domain's answer; `make` runs in the page with the real domain JSON. */
async function overrideDomain(page, domainId, kind) {
  await page.evaluate(
    async ({ domainId, kind }) => {
      const { worker, http, HttpResponse } = window.msw;
      const real = await (await fetch(`/api/v1/reports/erqi-2017-h1/domains/${domainId}`)).json();
      const answers = {
        500: () => HttpResponse.json({ type: 'about:blank', title: '服务器内部错误', status: 500, detail: '演练:服务端故障' }, { status: 500, headers: { 'content-type': 'application/problem+json' } }),
        malformed: () => new HttpResponse('{"id": "oops", "metrics": [', { headers: { 'content-type': 'application/json' } }),
        mismatch: () => HttpResponse.json({ ...real, metrics: real.metrics.map((m, i) => (i === 0 ? { ...m, value: String(m.value) } : m)) }),
        hostile: () =>
          HttpResponse.json({
            ...real,
            name: '<script>window.__pwned = "name"</script>土地运作',
            metrics: real.metrics.map((m, i) => (i === 0 ? { ...m, label: '<img src=x onerror="window.__pwned = 1">供地' } : m)),
          }),
      };
      worker.use(http.get(`*/api/v1/reports/:reportId/domains/${domainId}`, answers[kind]));
    },
    { domainId, kind },
  );
}

describe('faults', () => {
  it('a 500 for one domain fails that panel only, and retry recovers it', async () => {
    await closing(await openQuiet(), async ({ page, problems }) => {
      await overrideDomain(page, 'land', 500);
      await navigate(page, '/');
      const alert = page.getByRole('alert').filter({ hasText: '服务错误(500)' });
      await alert.waitFor({ timeout: 20_000 });
      assert.equal(await page.getByRole('alert').count(), 1, 'exactly one panel shows an error');
      // The other fourteen domains are there with their figures.
      await page.getByText('大气污染防治').first().waitFor();
      assert.ok((await page.locator('[role="meter"]').count()) > 5);
      await screenshot(page, 'fault-500-panel');

      await page.evaluate(() => window.msw.worker.resetHandlers());
      await alert.getByRole('button', { name: '重试' }).click();
      await alert.waitFor({ state: 'detached', timeout: 10_000 });
      assert.equal(await page.getByRole('alert').count(), 0);
      assert.deepEqual(unexpected(problems), []);
    });
  });

  for (const [kind, message] of [
    ['malformed', '数据格式错误'],
    ['mismatch', '数据不符合接口约定'],
  ]) {
    it(`a ${kind} response shows "${message}" where it was asked for, not a blank page`, async () => {
      await closing(await openQuiet(), async ({ page, problems }) => {
        await overrideDomain(page, 'economy', kind);
        await navigate(page, '/domains/economy');
        await page.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 20_000 });
        // The shell still works: navigate away and the other views load.
        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '总览' }).click();
        await page.getByText('大气污染防治').first().waitFor();
        assert.deepEqual(unexpected(problems), []);
      });
    });
  }

  it('an unknown domain shows the 404 view on every route that takes an id', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      for (const route of ['/domains/no-such-domain', '/meeting/no-such-domain']) {
        await gotoApp(page, route);
        await page.getByRole('heading', { name: /未找到/ }).waitFor({ timeout: 20_000 });
        assert.ok(await page.getByRole('link', { name: '返回总览' }).isVisible());
      }
      assert.deepEqual(unexpected(problems), []);
    });
  });

  it('labels carrying HTML are shown as text and run nothing', async () => {
    await closing(await openQuiet(), async ({ page, problems }) => {
      await overrideDomain(page, 'land', 'hostile');
      await navigate(page, '/domains/land');
      await page.getByText('<img src=x onerror="window.__pwned = 1">供地').first().waitFor({ timeout: 20_000 });
      await page.getByText('<script>window.__pwned = "name"</script>土地运作').first().waitFor();
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('main img[src="x"], main script').count(), 0);
      for (const route of ['/', '/meeting/land', '/wall?domains=land']) {
        await navigate(page, route);
        await page.waitForTimeout(500);
        assert.equal(await page.evaluate(() => window.__pwned), undefined, `nothing ran on ${route}`);
      }
      assert.deepEqual(unexpected(problems), []);
    });
  });

  it('nonsense URL parameters on every route are shrugged off', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      const routes = [
        '/?status=%3Cscript%3E&section=%25%25&q=%00%F0%9F%92%A5' + 'x'.repeat(500),
        '/?status=&section=&q=',
        '/domains/..%2F..%2Fetc%2Fpasswd',
        '/meeting/%3Cimg%20src%3Dx%3E',
        '/meeting?slide=-1',
        '/source?x=%ZZ#fig-nope',
        '/wall?interval=-1e999&domains=,,,%3Cb%3E&theme=%3Cscript%3E&pinned=maybe',
        '/wall?interval=NaN&domains=' + 'economy,'.repeat(200),
      ];
      for (const route of routes) {
        await gotoApp(page, route);
        // Something sensible rendered: a heading, or the wall's slide index.
        await page.waitForFunction(() => document.querySelector('h1, h2, [data-slide-index]') !== null, null, { timeout: 20_000 });
        assert.deepEqual(unexpected(problems), [], `errors on ${route}`);
      }
      // Broken percent-encoding never reaches the app through a static server (it answers 400 itself),
      // but it can through the app's own history: it must not throw a URIError.
      for (const route of ['/domains/%E0%A4%A', '/meeting/%E0%A4%A', '/source#%E0%A4%A', '/?q=%E0%A4%A']) {
        await page.evaluate((p) => {
          window.history.pushState({}, '', p);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, route);
        await page.waitForFunction(() => document.querySelector('h1, h2') !== null, null, { timeout: 20_000 });
        await page.waitForTimeout(300);
        assert.deepEqual(unexpected(problems), [], `errors on ${route}`);
      }
    });
  });
});
