// The wall display (/wall) in Chromium: it fits any screen, rotates by itself, is readable from the
// back of the room, says how fresh its data is, survives a failing API, network loss and a stopped
// service worker, and runs for days without growing. Time is driven with Playwright's page.clock, so
// minutes of rotation and polling take seconds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  artifactsDir,
  axeViolations,
  formatViolations,
  gotoApp,
  launch,
  openPage,
  screenshot,
  subPathUrl,
} from './support/browser.mjs';

/** A Monday morning in Zhengzhou; the wall's clock and "更新于" read local time. */
const T0 = new Date('2024-03-04T09:00:00+08:00');
const BASE_CONTEXT = { timezoneId: 'Asia/Shanghai', colorScheme: 'dark', viewport: { width: 1920, height: 1080 } };
const REFRESH_MS = 5 * 60_000;
const RETRY_MS = 60_000;
const DOMAINS = 15;

let browser;
before(async () => {
  // --expose-gc: the soak test forces garbage collection before it reads the heap.
  browser = await launch(['--js-flags=--expose-gc']);
});
after(async () => {
  await browser?.close();
});

/** Waits until the wall rotates and the summary shows every tile it should, loaded. */
async function wallReady(page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('.wall-main[data-slide-count]');
    if (!main || main.dataset.slideIndex !== '0') return false;
    const tiles = Number(main.dataset.slideCount) - 1;
    return document.querySelectorAll('.wall-tile .status-badge').length === tiles;
  });
}

/** Opens the wall with the page clock installed (it flows in real time until a test advances it). */
async function openWall(route = '/wall', { clock = true, initScript, base, ...options } = {}) {
  const opened = await openPage(browser, { ...BASE_CONTEXT, ...options });
  if (initScript) await opened.page.addInitScript(initScript);
  if (clock) await opened.page.clock.install({ time: T0 });
  await gotoApp(opened.page, route, base);
  await wallReady(opened.page);
  return opened;
}

function wallState(page) {
  return page.evaluate(() => {
    const main = document.querySelector('.wall-main');
    const wall = document.querySelector('.wall');
    return {
      index: Number(main.dataset.slideIndex),
      count: Number(main.dataset.slideCount),
      paused: main.dataset.paused === 'true',
      label: document.querySelector('.wall-index')?.textContent,
      interval: Number(wall.dataset.intervalSeconds),
      stale: document.querySelector('.wall-header').dataset.stale === 'true',
      title: document.querySelector('.wall-main h1')?.textContent,
    };
  });
}

/** Moves the page clock on, firing every timer in between, and lets React commit what they set off. */
async function advance(page, ms) {
  await page.clock.runFor(ms);
  await page.waitForTimeout(80);
}

/**
 * Stops the page clock where it is (it flowed in real time while the wall loaded) and gives the current
 * slide a fresh, full interval: timing checks then count from an exact point, however slow the machine.
 */
async function restartSlideTimer(page) {
  // A margin, not +10 ms: on a loaded machine the clock runs on between the read and the pause, and
  // pausing in the past throws. A timer falling due in the margin fires; the state is read after it.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 250);
  const { index, count } = await wallState(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((i) => document.querySelector('.wall-main').dataset.slideIndex === String(i), index);
  assert.equal((await wallState(page)).count, count);
}

/** The header's freshness line: "更新于 09:00", or the stale warning. */
function freshnessText(page) {
  return page.locator('.wall-clock').innerText();
}

/**
 * Bytes of JavaScript objects in a heap snapshot: objects, closures, arrays, strings, numbers. Leaves
 * out compiled code (V8 keeps optimising hot functions for a long while, which is not a leak) and the
 * browser's native records, so a growth here is the app holding on to something.
 */
async function jsObjectBytes(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
  const counted = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'regexp', 'number', 'symbol', 'bigint']);
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (counted.has(typeNames[nodes[i + typeAt]])) bytes += nodes[i + sizeAt];
  }
  return bytes;
}

/** Console errors the browser logs by itself for API requests that the test made fail on purpose. */
const expectedResourceErrors = (problems, pattern) => problems.filter((p) => !pattern.test(p));

describe('/wall fits the screen', () => {
  const sizes = [
    { name: '1280×720', viewport: { width: 1280, height: 720 } },
    { name: '1920×1080', viewport: { width: 1920, height: 1080 } },
    { name: '3840×2160', viewport: { width: 3840, height: 2160 } },
    { name: '1080×1920 (portrait, letterboxed)', viewport: { width: 1080, height: 1920 } },
    { name: '2560×1080 (ultra-wide, pillarboxed)', viewport: { width: 2560, height: 1080 } },
    { name: '1536×864 at device pixel ratio 1.25', viewport: { width: 1536, height: 864 }, deviceScaleFactor: 1.25 },
    { name: '1280×720 at device pixel ratio 1.5', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 },
    { name: '2560×1440 at device pixel ratio 1.5', viewport: { width: 2560, height: 1440 }, deviceScaleFactor: 1.5 },
  ];
  for (const { name, ...options } of sizes) {
    it(`at ${name}: the whole 16:9 canvas, centred, scaled to fit, and no scrollbars`, async () => {
      const { context, page, problems } = await openWall('/wall', { clock: false, ...options });
      const m = await page.evaluate(() => {
        const html = document.documentElement;
        const r = document.querySelector('.wall-canvas').getBoundingClientRect();
        return {
          vw: window.innerWidth,
          vh: window.innerHeight,
          html: { sw: html.scrollWidth, sh: html.scrollHeight, cw: html.clientWidth, ch: html.clientHeight },
          body: { sw: document.body.scrollWidth, sh: document.body.scrollHeight },
          canvas: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
        };
      });
      const { vw, vh, canvas } = m;
      assert.ok(m.html.sw <= m.html.cw && m.html.sh <= m.html.ch, `document scrolls: ${JSON.stringify(m.html)}`);
      assert.ok(m.body.sw <= vw && m.body.sh <= vh, `body scrolls: ${JSON.stringify(m.body)}`);
      assert.equal(m.html.cw, vw, 'no vertical scrollbar takes width');
      assert.equal(m.html.ch, vh, 'no horizontal scrollbar takes height');

      const scale = Math.min(vw / 1920, vh / 1080);
      const near = (a, b) => Math.abs(a - b) <= 1;
      assert.ok(near(canvas.width, 1920 * scale) && near(canvas.height, 1080 * scale), `canvas ${JSON.stringify(canvas)} at scale ${scale}`);
      assert.ok(canvas.left >= -0.5 && canvas.top >= -0.5 && canvas.right <= vw + 0.5 && canvas.bottom <= vh + 0.5, `canvas outside the window: ${JSON.stringify(canvas)}`);
      assert.ok(near(canvas.width, vw) || near(canvas.height, vh), 'the canvas fills one dimension');
      assert.ok(near(canvas.left, vw - canvas.right) && near(canvas.top, vh - canvas.bottom), 'the letterbox is even on both sides');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('at 3840×2160: screenshots of the summary and a domain', async () => {
    const { context, page, problems } = await openWall('/wall', { viewport: { width: 3840, height: 2160 }, reducedMotion: 'reduce' });
    await screenshot(page, 'wall-3840-summary-dark');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelectorAll('.wall-headline [role="meter"]').length > 0);
    await screenshot(page, 'wall-3840-air-pollution-dark');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('/wall rotates', () => {
  it('moves from 1 / 16 to 2 / 16 after the default 20 s, through every domain and back to the summary', async () => {
    const { context, page, problems } = await openWall('/wall');
    let state = await wallState(page);
    assert.deepEqual([state.index, state.count, state.label, state.interval], [0, 16, '1 / 16', 20]);
    await restartSlideTimer(page);
    await advance(page, 19_000);
    assert.equal((await wallState(page)).label, '1 / 16');
    await advance(page, 1_500);
    state = await wallState(page);
    assert.equal(state.label, '2 / 16');
    assert.equal(state.title, '主要经济指标');
    for (let i = 2; i <= 16; i += 1) await advance(page, 20_100);
    assert.equal((await wallState(page)).label, '1 / 16', 'after the last domain the summary comes back');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [query, seconds, note] of [
    ['interval=5', 5, 'as given'],
    ['interval=abc', 20, 'unparsable: the default'],
    ['interval=1', 5, 'clamped up to 5'],
    ['interval=9999', 600, 'clamped down to 600'],
  ]) {
    it(`?${query} turns every ${seconds} s (${note})`, async () => {
      const { context, page, problems } = await openWall(`/wall?${query}`);
      assert.equal((await wallState(page)).interval, seconds);
      await restartSlideTimer(page);
      // Just before the interval (and well after what the raw value would have given) nothing moved.
      await advance(page, seconds * 1000 - 700);
      assert.equal((await wallState(page)).index, 0);
      await advance(page, 1_200);
      assert.equal((await wallState(page)).index, 1);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('Space pauses and resumes where it was; the arrow keys step and wrap', async () => {
    const { context, page, problems } = await openWall('/wall');
    await restartSlideTimer(page);
    await advance(page, 15_000);
    await page.keyboard.press('Space');
    assert.equal((await wallState(page)).paused, true);
    assert.ok(await page.getByText('已暂停').isVisible());
    await advance(page, 120_000);
    assert.equal((await wallState(page)).index, 0, 'paused: no rotation');
    await page.keyboard.press('Space');
    assert.equal(await page.getByText('已暂停').count(), 0);
    await advance(page, 4_000);
    assert.equal((await wallState(page)).index, 0, 'resumed with the 5 s that were left');
    await advance(page, 1_500);
    assert.equal((await wallState(page)).index, 1);

    await page.keyboard.press('ArrowRight');
    assert.equal((await wallState(page)).label, '3 / 16');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await wallState(page)).label, '16 / 16');
    await page.keyboard.press('ArrowRight');
    assert.equal((await wallState(page)).label, '1 / 16');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('?domains=economy,bogus: the summary and economy, with a note naming bogus', async () => {
    const { context, page, problems } = await openWall('/wall?domains=economy,bogus');
    const state = await wallState(page);
    assert.deepEqual([state.count, state.label], [2, '1 / 2']);
    assert.equal(await page.locator('.wall-tile').count(), 1);
    assert.equal(await page.locator('.wall-footer__note').innerText(), '已忽略未知领域:bogus');
    await page.keyboard.press('ArrowRight');
    assert.equal((await wallState(page)).title, '主要经济指标');
    await page.keyboard.press('ArrowRight');
    assert.equal((await wallState(page)).index, 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('?pinned=1: only the domains pinned in this browser, or all of them with a note when none is', async () => {
    const pins = () =>
      localStorage.setItem('jindu:pinned-domains:v1', JSON.stringify({ version: 1, domainIds: ['land', 'economy'] }));
    const pinned = await openWall('/wall?pinned=1', { initScript: pins });
    assert.equal((await wallState(pinned.page)).label, '1 / 3');
    await pinned.page.keyboard.press('ArrowRight');
    assert.equal((await wallState(pinned.page)).title, '主要经济指标', 'report order, not pin order');
    assert.deepEqual(pinned.problems, []);
    await pinned.context.close();

    const none = await openWall('/wall?pinned=1');
    assert.equal((await wallState(none.page)).label, '1 / 16');
    assert.match(await none.page.locator('.wall-footer__note').innerText(), /尚未设置“我的领域”,显示全部领域/);
    await none.context.close();
  });

  it('runs under the /jindu/ sub-path too', async () => {
    const { context, page, problems } = await openWall('/wall', { base: subPathUrl });
    assert.equal((await wallState(page)).label, '1 / 16');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

/** Every visible text on the current slide: size in canvas px, contrast against its background, and where it is. */
function readText(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const ch = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) return c;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255 };
    };
    const scale = Number(document.querySelector('.wall').dataset.scale);
    const canvas = document.querySelector('.wall-canvas').getBoundingClientRect();
    const mainElement = document.querySelector('.wall-main');
    const main = mainElement.getBoundingClientRect();
    // A text box is the font's full ascent and descent (tall for CJK fonts), so it may stand out of its
    // line box by a little: allowed up to a tenth of the font size.
    const within = (r, box, slack) =>
      r.left >= box.left - slack && r.right <= box.right + slack && r.top >= box.top - slack && r.bottom <= box.bottom + slack;
    const texts = [];
    const walker = document.createTreeWalker(document.querySelector('.wall'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text) continue;
      const el = node.parentElement;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      // Screen-reader-only text (.visually-hidden) is clipped to 1 px: not read from across a room.
      if (r.width <= 1 || r.height <= 1) continue;
      const style = getComputedStyle(el);
      const slack = Math.max(1, parseFloat(style.fontSize) * 0.1);
      const fg = parse(style.color);
      const bg = background(el);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      texts.push({
        text,
        className: el.className,
        px: Math.round(parseFloat(style.fontSize) * scale * 100) / 100,
        contrast: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100,
        color: style.color,
        // Inside the canvas, and a slide's text inside the slide area (not under the footer).
        inside: within(r, canvas, slack) && (!mainElement.contains(el) || within(r, main, slack)),
        ellipsis: style.textOverflow === 'ellipsis',
      });
    }
    const figures = [...document.querySelectorAll('.wall-figure, .wall-headline .gauge__value, .wall-clock__time')].map((el) => ({
      text: el.textContent,
      px: parseFloat(getComputedStyle(el).fontSize) * scale,
      clipped: el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis',
    }));
    // A dial's number must sit inside the dial, not run over its arc.
    const overDial = [...document.querySelectorAll('.wall-headline .gauge__dial .gauge__value')]
      .filter((el) => {
        const v = el.getBoundingClientRect();
        const d = el.closest('.gauge__dial').getBoundingClientRect();
        return v.left < d.left || v.right > d.right;
      })
      .map((el) => el.textContent);
    return { texts, figures, overDial };
  });
}

describe('/wall is readable from across the room', () => {
  for (const theme of ['dark', 'light']) {
    it(`${theme}: on every slide no text under 24 px, headline figures at least 64 px, contrast at least 7:1, nothing cut off`, async () => {
      const route = theme === 'light' ? '/wall?theme=light' : '/wall';
      const { context, page, problems } = await openWall(route, { reducedMotion: 'reduce' });
      await page.keyboard.press('Space');
      assert.equal(await page.evaluate(() => document.querySelector('.wall').dataset.scale), '1');
      const { count } = await wallState(page);
      let checked = 0;
      const lowest = { px: Infinity, contrast: Infinity };
      for (let i = 0; i < count; i += 1) {
        const { texts, figures, overDial } = await readText(page);
        const where = `slide ${i + 1} (${(await wallState(page)).title})`;
        const small = texts.filter((t) => t.px < 24);
        assert.deepEqual(small, [], `${where}: text under 24 px`);
        const faint = texts.filter((t) => t.contrast < 7);
        assert.deepEqual(faint, [], `${where}: text under 7:1`);
        assert.deepEqual(texts.filter((t) => !t.inside || t.ellipsis), [], `${where}: text cut off`);
        assert.ok(figures.length >= 1, `${where}: has headline figures`);
        assert.deepEqual(figures.filter((f) => f.px < 64 || f.clipped), [], `${where}: headline figures`);
        assert.deepEqual(overDial, [], `${where}: figures running over their dial`);
        for (const t of texts) {
          lowest.px = Math.min(lowest.px, t.px);
          lowest.contrast = Math.min(lowest.contrast, t.contrast);
        }
        checked += texts.length;
        await page.keyboard.press('ArrowRight');
      }
      console.log(`wall ${theme}: ${checked} text nodes on ${count} slides; smallest ${lowest.px} px, lowest contrast ${lowest.contrast}:1`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const theme of ['dark', 'light']) {
    it(`${theme}: zero axe violations (WCAG 2.2 AA, plus the 7:1 enhanced contrast) on the summary and a domain; screenshots`, async () => {
      const route = theme === 'light' ? '/wall?theme=light' : '/wall';
      const { context, page, problems } = await openWall(route, { reducedMotion: 'reduce' });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme === 'light' ? 'wall-light' : 'wall');
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('.wall')).backgroundColor);
      assert.equal(background, theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(5, 8, 12)');
      await screenshot(page, `wall-1920-summary-${theme}`);
      const enhanced = () =>
        page.evaluate(async () => {
          const r = await window.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
        });
      let violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations));
      assert.deepEqual(await enhanced(), []);

      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelectorAll('.wall-headline [role="meter"]').length === 3);
      assert.equal((await wallState(page)).title, '大气污染防治');
      await screenshot(page, `wall-1920-air-pollution-${theme}`);
      violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations));
      assert.deepEqual(await enhanced(), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('/wall says how fresh it is', () => {
  it('shows the clock, the report date and 更新于; the clock turns with the minute', async () => {
    const { context, page, problems } = await openWall('/wall');
    const header = await page.locator('.wall-header').innerText();
    assert.match(header, /报告日期 2017年6月27日/);
    assert.match(header, /09:00/);
    assert.match(await freshnessText(page), /更新于 09:00/);
    await advance(page, 61_000);
    assert.match(await page.locator('.wall-clock__time').innerText(), /^09:01$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('refetches every 5 minutes: 更新于 moves on', async () => {
    const { context, page, problems } = await openWall('/wall');
    let requests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/')) requests += 1;
    });
    await advance(page, REFRESH_MS + 2_000);
    await page.waitForFunction(() => document.querySelector('.wall-clock').innerText.includes('更新于 09:05'));
    assert.equal(requests, 1 + DOMAINS, 'the report and every domain, once');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('API errors: keeps the last good data with a stale warning, and recovers by itself', async () => {
    // Faults injected at the mocked API (window.msw, exposed by src/app/mock-api.ts for tests): the
    // requests really are made and really fail, as with a backend answering 503.
    const { context, page, problems } = await openWall('/wall');
    await page.keyboard.press('Space');
    let refused = 0;
    page.on('response', (r) => {
      if (r.url().includes('/api/v1/') && r.status() === 503) refused += 1;
    });
    await page.evaluate(() => {
      const { worker, http, HttpResponse } = window.msw;
      worker.use(
        http.get('*/api/v1/reports/*', () =>
          HttpResponse.json(
            { type: 'about:blank', title: '服务暂不可用', status: 503, detail: '演练' },
            { status: 503, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
      );
    });
    await advance(page, REFRESH_MS + 5_000); // the poll and react-query's two retries
    await page.getByText('数据未能更新,显示的是 09:00 的数据').waitFor();
    assert.equal((await wallState(page)).stale, true);
    assert.equal(await page.locator('.wall-tile .status-badge').count(), DOMAINS, 'the last good data stays up');
    // Every request has given up (react-query tries each three times, src/app/query-client.ts), so
    // what brings the data back below is the wall's own retry, not a retry still under way.
    for (let waited = 0; refused < 3 * (1 + DOMAINS) && waited < 100; waited += 1) await page.waitForTimeout(100);
    assert.equal(refused, 3 * (1 + DOMAINS));
    assert.equal((await wallState(page)).stale, true);

    await page.evaluate(() => window.msw.worker.resetHandlers());
    await advance(page, RETRY_MS + 1_000); // retried before the next poll
    await page.waitForFunction(() => document.querySelector('.wall-header').dataset.stale === 'false');
    assert.match(await freshnessText(page), /更新于 09:06/);
    assert.deepEqual(expectedResourceErrors(problems, /status of 503/), []);
    await context.close();
  });

  it('network loss: stale while offline, fresh again as soon as the browser is back online', async () => {
    // Offline, react-query holds (pauses) the poll instead of failing it; the wall counts that as stale.
    const { context, page, problems } = await openWall('/wall');
    await page.keyboard.press('Space');
    await context.setOffline(true);
    await advance(page, REFRESH_MS + 2_000);
    await page.getByText('数据未能更新,显示的是 09:00 的数据').waitFor();
    await context.setOffline(false);
    await advance(page, 500);
    await page.waitForFunction(() => document.querySelector('.wall-header').dataset.stale === 'false');
    assert.match(await freshnessText(page), /更新于 09:05/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('service worker stopped by the browser and the host unreachable: stale, then recovers through a restarted worker', async () => {
    const { context, page, problems } = await openWall('/wall');
    await page.keyboard.press('Space');
    // With the worker stopped, the restarted worker passes API requests to the network (it forgot this
    // page); aborting them there is a host that does not answer at all.
    await context.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await advance(page, REFRESH_MS + 5_000);
    await page.getByText('数据未能更新,显示的是 09:00 的数据').waitFor();
    assert.equal(await page.locator('.wall-tile .status-badge').count(), DOMAINS);

    const mocked = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/v1/') && r.fromServiceWorker() && r.status() === 200) mocked.push(r.url());
    });
    await context.unroute('**/api/v1/**');
    // Retries still under way recover at once; what had given up comes back with the wall's retry,
    // once a minute while anything fails (the API-errors test above pins that minute down).
    for (let minute = 0; minute < 3 && (await wallState(page)).stale; minute += 1) {
      await advance(page, RETRY_MS + 1_000);
      await page.waitForTimeout(500);
    }
    await page.waitForFunction(() => document.querySelector('.wall-header').dataset.stale === 'false', null, { timeout: 10_000 });
    assert.match(await freshnessText(page), /更新于 09:0[5-8]/);
    assert.ok(mocked.length >= 1 + DOMAINS, 'answered by the mocked API again, through the restarted worker');
    assert.deepEqual(expectedResourceErrors(problems, /Failed to load resource: (net::ERR_|the server responded with a status of 404)/), []);
    await context.close();
  });

  it('service worker stopped through the DevTools protocol: the next refresh still gets data', async () => {
    const { context, page, problems } = await openWall('/wall');
    await page.keyboard.press('Space');
    const fromWorker = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/v1/')) fromWorker.push(r.fromServiceWorker() && r.status() === 200);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await advance(page, REFRESH_MS + 2_000);
    await page.waitForFunction(() => document.querySelector('.wall-clock').innerText.includes('更新于 09:05'), null, { timeout: 10_000 });
    assert.equal((await wallState(page)).stale, false);
    assert.equal(await page.getByText(/数据未能更新/).count(), 0);
    assert.equal(await page.locator('.wall-tile .status-badge').count(), DOMAINS);
    assert.ok(fromWorker.filter(Boolean).length >= 1 + DOMAINS, 'every request answered by the restarted worker in the end');
    // The stopped worker let the first requests through to the static server, which logs its 404s.
    assert.deepEqual(expectedResourceErrors(problems, /Failed to load resource: the server responded with a status of 404/), []);
    await context.close();
  });
});

describe('/wall runs for days', () => {
  it('hides the cursor after 3 s without movement and shows it again on a move', async () => {
    const { context, page, problems } = await openWall('/wall');
    const cursor = () => page.evaluate(() => [getComputedStyle(document.querySelector('.wall')).cursor, getComputedStyle(document.querySelector('.wall h1')).cursor]);
    await page.mouse.move(300, 300);
    await advance(page, 100);
    assert.deepEqual(await cursor(), ['auto', 'auto']);
    await advance(page, 3_100);
    assert.deepEqual(await cursor(), ['none', 'none']);
    await page.mouse.move(320, 310);
    await advance(page, 100);
    assert.deepEqual(await cursor(), ['auto', 'auto']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('asks for a screen wake lock, again after the page was hidden, and shrugs off a refusal', async () => {
    const stub = () => {
      window.__wakeLocks = [];
      window.__visibility = 'visible';
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => window.__visibility });
      Object.defineProperty(navigator, 'wakeLock', {
        configurable: true,
        value: {
          request: async (type) => {
            const sentinel = { type, released: false, release: async () => void (sentinel.released = true) };
            window.__wakeLocks.push(sentinel);
            return sentinel;
          },
        },
      });
    };
    const { context, page, problems } = await openWall('/wall', { initScript: stub });
    assert.deepEqual(await page.evaluate(() => window.__wakeLocks.map((s) => s.type)), ['screen']);
    // Hidden, the browser releases the lock; shown again, the wall asks anew.
    await page.evaluate(() => {
      window.__visibility = 'hidden';
      window.__wakeLocks[0].released = true;
      document.dispatchEvent(new Event('visibilitychange'));
      window.__visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForFunction(() => window.__wakeLocks.length === 2);
    assert.deepEqual(problems, []);
    await context.close();

    const refuse = () => {
      Object.defineProperty(navigator, 'wakeLock', {
        configurable: true,
        value: { request: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    };
    const refused = await openWall('/wall', { initScript: refuse });
    assert.deepEqual(refused.problems, []);
    await refused.context.close();
  });

  it('respects prefers-reduced-motion: no slide transition, the progress bar steps instead of gliding', async () => {
    const moving = await openWall('/wall');
    assert.equal(await moving.page.evaluate(() => getComputedStyle(document.querySelector('.wall-slide')).animationName), 'wall-slide-in');
    await advance(moving.page, 2_100);
    assert.equal(await moving.page.evaluate(() => getComputedStyle(document.querySelector('.wall-progress__fill')).transitionDuration), '1s');
    await moving.context.close();

    const { context, page, problems } = await openWall('/wall', { reducedMotion: 'reduce' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.wall-slide')).animationName), 'none');
    await advance(page, 2_100);
    const step = await page.evaluate(() => {
      const fill = document.querySelector('.wall-progress__fill');
      return { duration: parseFloat(getComputedStyle(fill).transitionDuration), transform: fill.style.transform };
    });
    assert.ok(step.duration <= 0.001, `transition ${step.duration}s`);
    assert.match(step.transform, /^scaleX\(0\.\d+\)$/, 'the bar shows the time gone');
    assert.equal(await page.evaluate(() => document.querySelectorAll('svg animate, .recharts-wrapper').length), 0, 'no animated charts');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('soak: 300+ rotations at ?interval=5 — heap after GC grows < 10% after warm-up, DOM flat', async () => {
    const { context, page, problems } = await openWall('/wall?interval=5');
    const cdp = await context.newCDPSession(page);
    const measure = async () => {
      await page.evaluate(() => window.gc());
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes, jsEventListeners, documents } = await cdp.send('Memory.getDOMCounters');
      return { heapBytes: usedSize, jsObjectBytes: await jsObjectBytes(cdp), nodes, jsEventListeners, documents };
    };
    const elementCount = () => page.evaluate(() => document.getElementsByTagName('*').length);
    const { count } = await wallState(page);
    let rotations = 0;
    const rotate = async () => {
      const before = (await wallState(page)).index;
      await page.clock.runFor(5_000);
      await page.waitForFunction(
        ([b, n]) => Number(document.querySelector('.wall-main').dataset.slideIndex) === (b + 1) % n,
        [before, count],
      );
      rotations += 1;
    };

    // Warm-up: ten full cycles (the last one counting elements), 13⅓ minutes of wall time: every slide
    // drawn many times, two refetches, most of V8's optimising compilation done (compiled code is what
    // the heap still gains later). Both measurements fall between two 5-minute refetches (at 13⅓ and
    // 38⅔ minutes), so neither catches requests in flight.
    while (rotations < 9 * count) await rotate();
    const perSlide = [];
    for (let i = 0; i < count; i += 1) {
      perSlide[(await wallState(page)).index] = await elementCount();
      await rotate();
    }
    const warm = { rotation: rotations, ...(await measure()) };

    const target = rotations + 19 * count; // 304 more: 19 more full cycles, 25⅓ minutes
    const drift = [];
    while (rotations < target) {
      await rotate();
      const { index } = await wallState(page);
      const n = await elementCount();
      if (n !== perSlide[index]) drift.push({ rotation: rotations, index, n, expected: perSlide[index] });
    }
    const end = { rotation: rotations, ...(await measure()) };
    const pct = (a, b) => +(((b - a) / a) * 100).toFixed(2);
    const mib = (bytes) => +(bytes / 1048576).toFixed(2);
    const result = {
      interval: 5,
      rotationsAfterWarmUp: end.rotation - warm.rotation,
      warm: { ...warm, heapMiB: mib(warm.heapBytes) },
      end: { ...end, heapMiB: mib(end.heapBytes) },
      heapGrowthPct: pct(warm.heapBytes, end.heapBytes),
      jsObjectGrowthPct: pct(warm.jsObjectBytes, end.jsObjectBytes),
      elementsPerSlide: perSlide,
    };
    writeFileSync(path.join(artifactsDir, 'wall-soak.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `wall soak: ${result.rotationsAfterWarmUp} rotations after ${warm.rotation} of warm-up; ` +
        `JS heap after GC ${result.warm.heapMiB} → ${result.end.heapMiB} MiB (${result.heapGrowthPct}%), ` +
        `JS objects alone ${warm.jsObjectBytes} → ${end.jsObjectBytes} bytes (${result.jsObjectGrowthPct}%); ` +
        `DOM nodes ${warm.nodes} → ${end.nodes}, listeners ${warm.jsEventListeners} → ${end.jsEventListeners}`,
    );

    assert.ok(result.rotationsAfterWarmUp >= 300);
    assert.ok(result.heapGrowthPct < 10, `heap grew ${result.heapGrowthPct}%`);
    // The objects the app holds (not compiled code, not the browser's own records) stay the same.
    assert.ok(Math.abs(result.jsObjectGrowthPct) < 2, `JS objects grew ${result.jsObjectGrowthPct}%`);
    assert.deepEqual(drift, [], 'the same slide has the same number of elements on every cycle');
    assert.equal(end.jsEventListeners, warm.jsEventListeners, 'no event listeners pile up');
    assert.equal(end.documents, warm.documents);
    assert.ok(Math.abs(end.nodes - warm.nodes) <= warm.nodes * 0.02, `DOM nodes ${warm.nodes} → ${end.nodes}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
