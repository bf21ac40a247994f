// What `npm start` serves, in Chromium: e2e/run.mjs starts the built server on a database of its own
// and runs this file (with overview, domain and meeting) against it. Here: the app talks to the
// server's /api/v1 and nothing of the mocked API loads, and the wall rotates on the server's data
// (wall.test.mjs leans on the mocked API's fault injection, so it runs on the demo build only).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, baseUrl, formatViolations, gotoApp, launch, openPage, screenshot, withPage } from './support/browser.mjs';
import { DOMAINS } from './support/source.mjs';

let browser;
before(async () => {
  assert.equal(process.env.E2E_SERVER, '1', 'run by e2e/run.mjs against the built server');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every request the page makes, by URL. */
function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

const MOCK_REQUEST = /mockServiceWorker|\/browser-[\w-]+\.js|mock-api/;

describe('the built server (npm start)', () => {
  it('serves the overview from its own /api/v1, with no mocked API and no service worker', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      const requests = recordRequests(page);
      await gotoApp(page, '/');
      await page.waitForFunction(() => document.querySelectorAll('.domain-panel h3').length === 15 && document.querySelector('.domain-panel[aria-busy]') === null);
      const airName = DOMAINS.find(([id]) => id === 'air-pollution')?.[1] ?? '';
      const goodAir = page.getByRole('region', { name: airName, exact: true }).getByRole('meter', { name: '优良天数' });
      assert.equal(await goodAir.getAttribute('aria-valuenow'), '66');
      assert.equal(await goodAir.getAttribute('aria-valuemax'), '190');
      assert.equal(await page.evaluate(() => 'msw' in window), false);
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
      assert.deepEqual(requests.filter((url) => MOCK_REQUEST.test(url)), []);
      // Whatever the overview still had to ask for, it asked the server, on its own origin.
      const api = requests.filter((url) => url.includes('/api/'));
      assert.ok(api.every((url) => url.startsWith(`${baseUrl}/api/v1/`)), api.join('\n'));
      assert.deepEqual(problems, []);
    });
  });

  it('answers a domain page from the database after the app asked for it', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      const requests = recordRequests(page);
      await gotoApp(page, '/domains/air-pollution');
      await page.getByRole('heading', { level: 1, name: '大气污染防治' }).waitFor();
      assert.match(await page.locator('#metric-good-air-days').textContent(), /66 \/ 190 天/);
      assert.ok(requests.includes(`${baseUrl}/api/v1/reports/erqi-2017-h1/domains/air-pollution`), requests.join('\n'));
      assert.deepEqual(requests.filter((url) => MOCK_REQUEST.test(url)), []);
      assert.deepEqual(problems, []);
    });
  });
});

// ── the wall ────────────────────────────────────────────────────────────────────────────────────────
const T0 = new Date('2024-03-04T09:00:00+08:00');
const WALL_CONTEXT = { timezoneId: 'Asia/Shanghai', colorScheme: 'dark', viewport: { width: 1920, height: 1080 } };
const slidePosition = (page) => page.getByRole('contentinfo').getByText(/^\d+ \/ \d+$/);
const slideTitle = (page) => page.getByRole('main').getByRole('heading', { level: 1 });
const loadedTiles = (page) => page.getByRole('main').getByRole('listitem').filter({ hasText: /指标 \d+ · 里程碑 \d+/ });

async function position(page) {
  return (await slidePosition(page).innerText()).trim();
}

/** Opens the wall with the page clock installed and waits for the summary with every tile loaded. */
async function onWall(test) {
  const opened = await openPage(browser, WALL_CONTEXT);
  try {
    const requests = recordRequests(opened.page);
    await opened.page.clock.install({ time: T0 });
    await gotoApp(opened.page, '/wall');
    await slidePosition(opened.page).waitFor();
    await opened.page.waitForFunction(
      (count) => document.querySelectorAll('main li').length === count && ![...document.querySelectorAll('main li')].some((li) => !/指标 \d+ · 里程碑 \d+/.test(li.textContent ?? '')),
      DOMAINS.length,
      { timeout: 30_000 },
    );
    assert.equal(await loadedTiles(opened.page).count(), DOMAINS.length);
    await test({ ...opened, requests });
  } finally {
    await opened.context.close();
  }
}

/** Moves the page clock on, firing every timer in between, and lets React commit what they set off. */
async function advance(page, ms) {
  await page.clock.runFor(ms);
  await page.waitForTimeout(80);
}

describe('the wall from the built server', () => {
  it('rotates every 20 s through the domains; the arrow keys step and wrap; Space pauses', async () => {
    await onWall(async ({ page, problems, requests }) => {
      assert.equal(await position(page), '1 / 16');
      // Stop the clock (it flowed in real time while the wall loaded), then give slide 2 a full interval.
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 250);
      await page.keyboard.press('ArrowRight');
      assert.equal(await position(page), '2 / 16');
      assert.equal(await slideTitle(page).textContent(), '主要经济指标');
      await advance(page, 19_000);
      assert.equal(await position(page), '2 / 16');
      await advance(page, 1_500);
      assert.equal(await position(page), '3 / 16', 'turned after 20 s');

      await page.keyboard.press('Space');
      assert.ok(await page.getByText('已暂停').isVisible());
      await advance(page, 60_000);
      assert.equal(await position(page), '3 / 16', 'paused: no rotation');
      await page.keyboard.press('Space');

      for (const expected of ['2 / 16', '1 / 16', '16 / 16']) {
        await page.keyboard.press('ArrowLeft');
        assert.equal(await position(page), expected);
      }
      await page.keyboard.press('ArrowRight');
      assert.equal(await position(page), '1 / 16');
      assert.deepEqual(requests.filter((url) => MOCK_REQUEST.test(url)), []);
      assert.deepEqual(problems, []);
    });
  });

  it('has no axe-core violations on the summary and on a domain slide; screenshots', async () => {
    await onWall(async ({ page, problems }) => {
      const summary = await axeViolations(page);
      assert.equal(summary.length, 0, formatViolations(summary));
      await screenshot(page, 'server-wall-summary');
      await page.keyboard.press('ArrowRight');
      assert.equal(await slideTitle(page).textContent(), '主要经济指标');
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
      const domain = await axeViolations(page);
      assert.equal(domain.length, 0, formatViolations(domain));
      await screenshot(page, 'server-wall-economy');
      assert.deepEqual(problems, []);
    });
  });
});
