// The wall display (/wall) in Chromium: it fits any screen, rotates by itself, is readable from the
// back of the room, says how fresh its data is, survives a failing API, network loss and a stopped
// service worker, and runs for days without growing. Time is driven with Playwright's page.clock, so
// minutes of rotation and polling take seconds.
// Things are found as someone in front of the wall finds them: the slide title, "3 / 16" in the
// footer, the freshness line in the header, the gauges (meters). What has no role, name or text (the
// 16:9 canvas, the progress bar) is found by where it sits among the landmarks, never by class.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir, axeViolations, formatViolations, gotoApp, launch, openPage, screenshot, subPathUrl } from './support/browser.mjs';
import { installContrast } from './support/contrast.mjs';
import { jsObjectBytes } from './support/heap-snapshot.mjs';
import { DOMAINS as REPORT_DOMAINS, PINNED_STORAGE_KEY, WALL_REFRESH_MS as REFRESH_MS, WALL_RETRY_MS as RETRY_MS } from './support/source.mjs';

/** A Monday morning in Zhengzhou; the wall's clock and "更新于" read local time. */
const T0 = new Date('2024-03-04T09:00:00+08:00');
const BASE_CONTEXT = { timezoneId: 'Asia/Shanghai', colorScheme: 'dark', viewport: { width: 1920, height: 1080 } };
const DOMAINS = REPORT_DOMAINS.length;
/** The wall's design size: everything on it is drawn for 1920×1080 and scaled to the screen. */
const CANVAS_WIDTH = 1920;

let browser;
before(async () => {
  // --expose-gc: the soak test forces garbage collection before it reads the heap.
  browser = await launch(['--js-flags=--expose-gc']);
});
after(async () => {
  await browser?.close();
});

const slideTitle = (page) => page.getByRole('main').getByRole('heading', { level: 1 });
/** "3 / 16": where the rotation is, in the footer. */
const slidePosition = (page) => page.getByRole('contentinfo').getByText(/^\d+ \/ \d+$/);
/** The summary's tiles, one per domain on the wall; a loaded one counts its metrics and milestones. */
const tiles = (page) => page.getByRole('main').getByRole('listitem');
const loadedTiles = (page) => tiles(page).filter({ hasText: /指标 \d+ · 里程碑 \d+/ });
const staleWarning = (page) => page.getByRole('banner').getByText(/数据未能更新/);
/** The 16:9 canvas: the element that holds the header, the slides and the footer. */
const canvas = (page) => page.getByRole('main').locator('xpath=..');
/** The slide on screen (what slides in), inside the slide area. */
const slide = (page) => page.getByRole('main').locator('xpath=*[1]');
/** The bar under the footer that fills until the next slide. */
const progressFill = (page) => page.getByRole('contentinfo').locator('xpath=following-sibling::*[1]/*[1]');

/** Polls `condition` (async, true when done) until it holds, as long as Playwright waits by default. */
async function until(condition, what, timeout = 30_000) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function wallStateFrom(label) {
  const [position, count] = label.split(' / ').map(Number);
  return { index: position - 1, count, label };
}

async function wallState(page) {
  const label = (await slidePosition(page).innerText()).trim();
  return {
    ...wallStateFrom(label),
    paused: await page.getByText('已暂停').isVisible(),
    stale: (await staleWarning(page).count()) > 0,
    title: await slideTitle(page).textContent(),
  };
}

/** Waits until the wall rotates and the summary shows every tile it should, loaded. */
async function wallReady(page) {
  await until(async () => {
    if ((await slidePosition(page).count()) === 0) return false;
    const { index, count } = wallStateFrom((await slidePosition(page).innerText()).trim());
    return index === 0 && (await loadedTiles(page).count()) === count - 1;
  }, 'the wall shows its summary, every tile loaded');
}

/** Opens the wall with the page clock installed (it flows in real time until a test advances it). */
async function openWall(route = '/wall', { clock = true, initScript, initArg, base, ...options } = {}) {
  const opened = await openPage(browser, { ...BASE_CONTEXT, ...options });
  try {
    if (initScript) await opened.page.addInitScript(initScript, initArg);
    if (clock) await opened.page.clock.install({ time: T0 });
    await gotoApp(opened.page, route, base);
    await wallReady(opened.page);
    return opened;
  } catch (error) {
    await opened.context.close();
    throw error;
  }
}

/** Runs `test` on the wall at `route` (see openWall), closing its browser context however it ends. */
async function onWall(route, options, test) {
  const opened = await openWall(route, options);
  try {
    await test(opened);
  } finally {
    await opened.context.close();
  }
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
  await until(async () => (await wallState(page)).index === index, `back on slide ${index + 1}`);
  assert.equal((await wallState(page)).count, count);
}

/** The header: the report, the clock, and "更新于 09:00" or the stale warning. */
function freshnessText(page) {
  return page.getByRole('banner').innerText();
}

/**
 * Waits until the header says the figures were updated at a time matching `time`. No default: a stale
 * wall still shows its last 更新于, so "any time" would match before the refetch has landed.
 */
async function freshAgain(page, time, timeout = 15_000) {
  await page.getByRole('banner').getByText(new RegExp(`更新于 ${time.source}`)).waitFor({ timeout });
}

/** Console errors the browser logs by itself for API requests that the test made fail on purpose. */
const expectedResourceErrors = (problems, pattern) => problems.filter((p) => !pattern.test(p));

/** The 16:9 canvas fills the window one way, is centred, scaled to fit, and nothing scrolls. */
async function assertFits(page, name) {
  const m = await canvas(page).evaluate((canvasElement) => {
    const html = document.documentElement;
    const r = canvasElement.getBoundingClientRect();
    return {
      vw: window.innerWidth,
      vh: window.innerHeight,
      html: { sw: html.scrollWidth, sh: html.scrollHeight, cw: html.clientWidth, ch: html.clientHeight },
      body: { sw: document.body.scrollWidth, sh: document.body.scrollHeight },
      canvas: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    };
  });
  const { vw, vh, canvas: box } = m;
  assert.ok(m.html.sw <= m.html.cw && m.html.sh <= m.html.ch, `${name}: document scrolls: ${JSON.stringify(m.html)}`);
  assert.ok(m.body.sw <= vw && m.body.sh <= vh, `${name}: body scrolls: ${JSON.stringify(m.body)}`);
  assert.equal(m.html.cw, vw, `${name}: no vertical scrollbar takes width`);
  assert.equal(m.html.ch, vh, `${name}: no horizontal scrollbar takes height`);

  const scale = Math.min(vw / 1920, vh / 1080);
  const near = (a, b) => Math.abs(a - b) <= 1;
  assert.ok(near(box.width, 1920 * scale) && near(box.height, 1080 * scale), `${name}: canvas ${JSON.stringify(box)} at scale ${scale}`);
  assert.ok(box.left >= -0.5 && box.top >= -0.5 && box.right <= vw + 0.5 && box.bottom <= vh + 0.5, `${name}: canvas outside the window: ${JSON.stringify(box)}`);
  assert.ok(near(box.width, vw) || near(box.height, vh), `${name}: the canvas fills one dimension`);
  assert.ok(near(box.left, vw - box.right) && near(box.top, vh - box.bottom), `${name}: the letterbox is even on both sides`);
}

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
  // One wall per device pixel ratio, the window resized under it from size to size (a screen's
  // resolution changing, which the wall follows): the first size is drawn from the start, the others on
  // resize. Each size gets every check it had with a wall of its own.
  const byRatio = new Map();
  for (const size of sizes) byRatio.set(size.deviceScaleFactor ?? 1, [...(byRatio.get(size.deviceScaleFactor ?? 1) ?? []), size]);
  for (const [deviceScaleFactor, group] of byRatio) {
    it(`at ${group.map((size) => size.name).join(', ')}: the whole 16:9 canvas, centred, scaled to fit, and no scrollbars`, async () => {
      await onWall('/wall', { clock: false, viewport: group[0].viewport, deviceScaleFactor }, async ({ page, problems }) => {
        for (const { name, viewport } of group) {
          if (viewport !== group[0].viewport) {
            await page.setViewportSize(viewport);
            // The canvas follows the window's resize event; give it the frame or two that takes.
            await page
              .waitForFunction(
                ({ w, h }) => {
                  const r = document.querySelector('main')?.parentElement?.getBoundingClientRect();
                  const scale = Math.min(w / 1920, h / 1080);
                  return window.innerWidth === w && r !== undefined && Math.abs(r.width - 1920 * scale) <= 1;
                },
                { w: viewport.width, h: viewport.height },
                { timeout: 5_000 },
              )
              .catch(() => undefined);
          }
          await assertFits(page, name);
        }
        assert.deepEqual(problems, []);
      });
    });
  }

  it('at 3840×2160: screenshots of the summary and a domain', async () => {
    await onWall('/wall', { viewport: { width: 3840, height: 2160 }, reducedMotion: 'reduce' }, async ({ page, problems }) => {
      await screenshot(page, 'wall-3840-summary-dark');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.getByRole('main').getByRole('meter').first().waitFor();
      await screenshot(page, 'wall-3840-air-pollution-dark');
      assert.deepEqual(problems, []);
    });
  });
});

describe('/wall rotates', () => {
  it('moves from 1 / 16 to 2 / 16 after the default 20 s, through every domain and back to the summary; Space pauses and resumes where it was; the arrow keys step and wrap', async () => {
    await onWall('/wall', {}, async ({ page, problems }) => {
      let state = await wallState(page);
      assert.deepEqual([state.index, state.count, state.label], [0, 16, '1 / 16']);
      await restartSlideTimer(page);
      await advance(page, 19_000);
      assert.equal((await wallState(page)).label, '1 / 16');
      await advance(page, 1_500);
      state = await wallState(page);
      assert.equal(state.label, '2 / 16');
      assert.equal(state.title, '主要经济指标');
      for (let i = 2; i <= 16; i += 1) await advance(page, 20_100);
      assert.equal((await wallState(page)).label, '1 / 16', 'after the last domain the summary comes back');

      // Space and the arrow keys, on the same wall back at its summary.
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
    });
  });

  for (const [query, seconds, note] of [
    ['interval=5', 5, 'as given'],
    ['interval=abc', 20, 'unparsable: the default'],
    ['interval=1', 5, 'clamped up to 5'],
    ['interval=9999', 600, 'clamped down to 600'],
  ]) {
    it(`?${query} turns every ${seconds} s (${note})`, async () => {
      await onWall(`/wall?${query}`, {}, async ({ page, problems }) => {
        await restartSlideTimer(page);
        // Just before the interval (and well after what the raw value would have given) nothing moved.
        await advance(page, seconds * 1000 - 700);
        assert.equal((await wallState(page)).index, 0);
        await advance(page, 1_200);
        assert.equal((await wallState(page)).index, 1);
        assert.deepEqual(problems, []);
      });
    });
  }

  it('?domains=economy,bogus: the summary and economy, with a note naming bogus', async () => {
    await onWall('/wall?domains=economy,bogus', {}, async ({ page, problems }) => {
      const state = await wallState(page);
      assert.deepEqual([state.count, state.label], [2, '1 / 2']);
      assert.equal(await tiles(page).count(), 1);
      assert.equal(await page.getByRole('contentinfo').getByText(/^已忽略未知领域/).innerText(), '已忽略未知领域:bogus');
      await page.keyboard.press('ArrowRight');
      assert.equal((await wallState(page)).title, '主要经济指标');
      await page.keyboard.press('ArrowRight');
      assert.equal((await wallState(page)).index, 0);
      assert.deepEqual(problems, []);
    });
  });

  it('?pinned=1: only the domains pinned in this browser, or all of them with a note when none is', async () => {
    const pins = (key) => localStorage.setItem(key, JSON.stringify({ version: 1, domainIds: ['land', 'economy'] }));
    await onWall('/wall?pinned=1', { initScript: pins, initArg: PINNED_STORAGE_KEY }, async ({ page, problems }) => {
      assert.equal((await wallState(page)).label, '1 / 3');
      await page.keyboard.press('ArrowRight');
      assert.equal((await wallState(page)).title, '主要经济指标', 'report order, not pin order');
      assert.deepEqual(problems, []);
    });

    await onWall('/wall?pinned=1', {}, async ({ page }) => {
      assert.equal((await wallState(page)).label, '1 / 16');
      assert.match(await page.getByRole('contentinfo').innerText(), /尚未设置“我的领域”,显示全部领域/);
    });
  });

  it('runs under the /jindu/ sub-path too', async () => {
    await onWall('/wall', { base: subPathUrl }, async ({ page, problems }) => {
      assert.equal((await wallState(page)).label, '1 / 16');
      assert.deepEqual(problems, []);
    });
  });
});

/**
 * Every visible text on the current slide: size in canvas px, contrast against its background, and
 * where it is; the headline figures (the summary's totals, the gauges' numbers, the clock) and whether
 * a gauge's number runs over its dial.
 */
async function readText(page) {
  await installContrast(page);
  return canvas(page).evaluate((canvasElement, designWidth) => {
    const canvasBox = canvasElement.getBoundingClientRect();
    const scale = canvasBox.width / designWidth;
    const mainElement = canvasElement.querySelector('main');
    const main = mainElement.getBoundingClientRect();
    // A text box is the font's full ascent and descent (tall for CJK fonts), so it may stand out of its
    // line box by a little: allowed up to a tenth of the font size.
    const within = (r, box, slack) =>
      r.left >= box.left - slack && r.right <= box.right + slack && r.top >= box.top - slack && r.bottom <= box.bottom + slack;
    const texts = [];
    const walker = document.createTreeWalker(canvasElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text) continue;
      const el = node.parentElement;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      // Screen-reader-only text is clipped to 1 px: not read from across a room.
      if (r.width <= 1 || r.height <= 1) continue;
      const style = getComputedStyle(el);
      const slack = Math.max(1, parseFloat(style.fontSize) * 0.1);
      texts.push({
        text,
        className: el.className,
        px: Math.round(parseFloat(style.fontSize) * scale * 100) / 100,
        contrast: window.contrastOf(el).ratio,
        color: style.color,
        // Inside the canvas, and a slide's text inside the slide area (not under the footer).
        inside: within(r, canvasBox, slack) && (!mainElement.contains(el) || within(r, main, slack)),
        ellipsis: style.textOverflow === 'ellipsis',
      });
    }
    /** The element of the first visible words inside `el`: a figure before its unit. */
    const firstWords = (el) => {
      const inside = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = inside.nextNode(); node; node = inside.nextNode()) if (node.textContent.trim()) return node.parentElement;
      return el;
    };
    const dials = [...mainElement.querySelectorAll('[role="meter"]')];
    const headline = [
      ...[...mainElement.querySelectorAll('header dd')].map(firstWords),
      ...dials.map(firstWords),
      ...canvasElement.querySelectorAll('header time'),
    ];
    const figures = headline.map((el) => ({
      text: el.textContent,
      px: parseFloat(getComputedStyle(el).fontSize) * scale,
      clipped: el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis',
    }));
    // A dial's number must sit inside the dial, not run over its arc.
    const overDial = dials
      .filter((dial) => {
        const v = firstWords(dial).getBoundingClientRect();
        const d = dial.getBoundingClientRect();
        return v.left < d.left || v.right > d.right;
      })
      .map((dial) => firstWords(dial).textContent);
    return { texts, figures, overDial };
  }, CANVAS_WIDTH);
}

describe('/wall is readable from across the room', () => {
  // One wall per theme for both halves: axe and the screenshots on the summary and a domain as the wall
  // comes up, then, paused, every slide read for size, contrast and anything cut off.
  for (const theme of ['dark', 'light']) {
    it(`${theme}: zero axe violations (WCAG 2.2 AA, plus the 7:1 enhanced contrast) on the summary and a domain; screenshots; on every slide no text under 24 px, headline figures at least 64 px, contrast at least 7:1, nothing cut off`, async () => {
      const route = theme === 'light' ? '/wall?theme=light' : '/wall';
      await onWall(route, { reducedMotion: 'reduce' }, async ({ page, problems }) => {
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme === 'light' ? 'wall-light' : 'wall');
        await installContrast(page);
        const background = await slideTitle(page).evaluate((title) => window.contrastOf(title).background);
        assert.deepEqual(background, theme === 'light' ? { r: 255, g: 255, b: 255, a: 1 } : { r: 5, g: 8, b: 12, a: 1 });
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
        await until(async () => (await page.getByRole('main').getByRole('meter').count()) === 3, 'the three headline gauges are drawn');
        assert.equal((await wallState(page)).title, '大气污染防治');
        await screenshot(page, `wall-1920-air-pollution-${theme}`);
        violations = await axeViolations(page);
        assert.equal(violations.length, 0, formatViolations(violations));
        assert.deepEqual(await enhanced(), []);

        // Every slide, from the one on screen round to it again.
        await page.keyboard.press('Space');
        assert.equal(await canvas(page).evaluate((c) => c.getBoundingClientRect().width), CANVAS_WIDTH, 'drawn at its design size');
        const { count } = await wallState(page);
        let checked = 0;
        const lowest = { px: Infinity, contrast: Infinity };
        for (let i = 0; i < count; i += 1) {
          const { texts, figures, overDial } = await readText(page);
          const shown = await wallState(page);
          const where = `slide ${shown.index + 1} (${shown.title})`;
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
      });
    });
  }
});

describe('/wall says how fresh it is', () => {
  it('shows the clock, the report date and 更新于; the clock turns with the minute; refetches every 5 minutes: 更新于 moves on', async () => {
    await onWall('/wall', {}, async ({ page, problems }) => {
      const header = await page.getByRole('banner').innerText();
      assert.match(header, /报告日期 2017年6月27日/);
      assert.match(header, /09:00/);
      assert.match(await freshnessText(page), /更新于 09:00/);
      await advance(page, 61_000);
      assert.equal(await page.getByRole('banner').getByText(/^\d\d:\d\d$/).innerText(), '09:01');

      // The same wall, on to its first refetch.
      let requests = 0;
      page.on('request', (r) => {
        if (r.url().includes('/api/v1/')) requests += 1;
      });
      await advance(page, REFRESH_MS + 2_000);
      await freshAgain(page, /09:05/);
      assert.equal(requests, 1 + DOMAINS, 'the report and every domain, once');
      assert.deepEqual(problems, []);
    });
  });

  it('API errors: keeps the last good data with a stale warning, and recovers by itself', async () => {
    // Faults injected at the mocked API (window.msw, exposed by src/app/mock-api.ts for tests): the
    // requests really are made and really fail, as with a backend answering 503.
    await onWall('/wall', {}, async ({ page, problems }) => {
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
      assert.equal(await loadedTiles(page).count(), DOMAINS, 'the last good data stays up');
      // Every request has given up (react-query tries each three times, src/app/query-client.ts), so
      // what brings the data back below is the wall's own retry, not a retry still under way.
      for (let waited = 0; refused < 3 * (1 + DOMAINS) && waited < 100; waited += 1) await page.waitForTimeout(100);
      assert.equal(refused, 3 * (1 + DOMAINS));
      assert.equal((await wallState(page)).stale, true);

      await page.evaluate(() => window.msw.worker.resetHandlers());
      await advance(page, RETRY_MS + 1_000); // retried before the next poll
      await freshAgain(page, /09:06/);
      assert.match(await freshnessText(page), /更新于 09:06/);
      assert.deepEqual(expectedResourceErrors(problems, /status of 503/), []);
    });
  });

  it('network loss: stale while offline, fresh again as soon as the browser is back online', async () => {
    // Offline, react-query holds (pauses) the poll instead of failing it; the wall counts that as stale.
    await onWall('/wall', {}, async ({ context, page, problems }) => {
      await page.keyboard.press('Space');
      await context.setOffline(true);
      await advance(page, REFRESH_MS + 2_000);
      await page.getByText('数据未能更新,显示的是 09:00 的数据').waitFor();
      await context.setOffline(false);
      await advance(page, 500);
      await freshAgain(page, /09:05/);
      assert.match(await freshnessText(page), /更新于 09:05/);
      assert.deepEqual(problems, []);
    });
  });

  it('service worker stopped by the browser and the host unreachable: the event stream brings the worker back before the next refresh, which never reaches the host', async () => {
    await onWall('/wall', {}, async ({ context, page, problems }) => {
      await page.keyboard.press('Space');
      await page.locator('.wall[data-live="open"]').waitFor({ timeout: 20_000 });
      // The restarted worker has forgotten this page and would pass its requests to the network:
      // aborting them there is a host that does not answer at all. None should get there.
      const reachedHost = [];
      await context.route('**/api/v1/**', (route) => {
        reachedHost.push(route.request().url());
        return route.abort('connectionrefused');
      });
      const mocked = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/v1/') && r.fromServiceWorker() && r.status() === 200) mocked.push(r.url());
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      // The stream dropped with the worker; it reconnects through the check that tells the restarted
      // worker about this page again (src/api/events.ts), well before the 5-minute refresh.
      await page.locator('.wall[data-live="down"]').waitFor({ timeout: 20_000 });
      // The page's clock is the test's: first the stream's 5 s, and the moment the worker takes to
      // start again (real time), then the refresh.
      await advance(page, 6_000);
      await page.locator('.wall[data-live="open"]').waitFor({ timeout: 20_000 });
      await advance(page, REFRESH_MS);
      await freshAgain(page, /09:05/, 15_000);
      assert.equal((await wallState(page)).stale, false);
      assert.equal(await page.getByText(/数据未能更新/).count(), 0);
      assert.equal(await loadedTiles(page).count(), DOMAINS);
      assert.deepEqual(reachedHost, [], 'no request went past the worker to the host');
      assert.ok(mocked.length >= 1 + DOMAINS, 'answered by the restarted worker');
      assert.deepEqual(problems, []);
    });
  });

  it('service worker stopped through the DevTools protocol: the wall gets its data again from the restarted worker', async () => {
    await onWall('/wall', {}, async ({ context, page, problems }) => {
      await page.keyboard.press('Space');
      const fromWorker = new Set();
      page.on('response', (r) => {
        if (r.url().includes('/api/v1/reports/') && r.fromServiceWorker() && r.status() === 200) fromWorker.add(r.url());
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await advance(page, REFRESH_MS + 2_000);
      // Whichever meets the stopped worker first brings it back: the refresh (the transport revives the
      // worker and sends again, src/api/worker-transport.ts) or the event stream's reconnect, whose
      // catch-up refetch lands anywhere in the five minutes the clock was just moved on (real time
      // against the page's). Either way every figure comes from the restarted worker, and the wall
      // never says its data is stale. (Asserting 更新于 09:05 failed whenever the stream came first.)
      await until(async () => fromWorker.size >= 1 + DOMAINS, 'the report and every domain answered by the restarted worker', 20_000);
      await freshAgain(page, /09:0[0-5]/);
      assert.equal((await wallState(page)).stale, false);
      assert.equal(await page.getByText(/数据未能更新/).count(), 0);
      assert.equal(await loadedTiles(page).count(), DOMAINS);
      // The stopped worker let the first requests through to the static server, which logs its 404s.
      assert.deepEqual(expectedResourceErrors(problems, /Failed to load resource: the server responded with a status of 404/), []);
    });
  });
});

describe('/wall runs for days', () => {
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
    await onWall('/wall', { initScript: stub }, async ({ page, problems }) => {
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
    });

    const refuse = () => {
      Object.defineProperty(navigator, 'wakeLock', {
        configurable: true,
        value: { request: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    };
    await onWall('/wall', { initScript: refuse }, async ({ problems }) => {
      assert.deepEqual(problems, []);
    });
  });

  it('respects prefers-reduced-motion: no slide transition, the progress bar steps instead of gliding; hides the cursor after 3 s without movement and shows it again on a move', async () => {
    // Without reduced motion: the transition and the gliding bar, then (the same wall) the cursor.
    await onWall('/wall', {}, async ({ page, problems }) => {
      assert.equal(await slide(page).evaluate((el) => getComputedStyle(el).animationName), 'wall-slide-in');
      await advance(page, 2_100);
      assert.equal(await progressFill(page).evaluate((fill) => getComputedStyle(fill).transitionDuration), '1s');

      // The pointer as it looks where it rests, and over the slide's title.
      const cursor = async () => [
        await page.evaluate(() => getComputedStyle(document.elementFromPoint(300, 300)).cursor),
        await slideTitle(page).evaluate((title) => getComputedStyle(title).cursor),
      ];
      await page.mouse.move(300, 300);
      await advance(page, 100);
      assert.deepEqual(await cursor(), ['auto', 'auto']);
      await advance(page, 3_100);
      assert.deepEqual(await cursor(), ['none', 'none']);
      await page.mouse.move(320, 310);
      await advance(page, 100);
      assert.deepEqual(await cursor(), ['auto', 'auto']);
      assert.deepEqual(problems, []);
    });

    await onWall('/wall', { reducedMotion: 'reduce' }, async ({ page, problems }) => {
      assert.equal(await slide(page).evaluate((el) => getComputedStyle(el).animationName), 'none');
      await advance(page, 2_100);
      const step = await progressFill(page).evaluate((fill) => ({
        duration: parseFloat(getComputedStyle(fill).transitionDuration),
        transform: fill.style.transform,
      }));
      assert.ok(step.duration <= 0.001, `transition ${step.duration}s`);
      assert.match(step.transform, /^scaleX\(0\.\d+\)$/, 'the bar shows the time gone');
      assert.equal(await page.evaluate(() => document.querySelectorAll('svg animate, .recharts-wrapper').length), 0, 'no animated charts');
      assert.deepEqual(problems, []);
    });
  });

  it('soak: 300+ rotations at ?interval=5 — heap after GC grows < 10% after warm-up, DOM flat', async () => {
    await onWall('/wall?interval=5', {}, async ({ context, page, problems }) => {
      const cdp = await context.newCDPSession(page);
      const measure = async () => {
        await page.evaluate(() => window.gc());
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const { nodes, jsEventListeners, documents } = await cdp.send('Memory.getDOMCounters');
        return { heapBytes: usedSize, jsObjectBytes: await jsObjectBytes(cdp), nodes, jsEventListeners, documents };
      };
      const elementCount = () => page.evaluate(() => document.getElementsByTagName('*').length);
      // Time moves only when the test moves it: on a loaded machine a clock flowing in real time as well
      // turned a slide by itself now and then, and the next runFor turned it again (two in one step).
      await restartSlideTimer(page);
      const { count } = await wallState(page);
      // Where the rotation is, read from the footer alone (one round trip to the page, not wallState's
      // four): the soak reads it some 1,400 times.
      const shownIndex = async () => wallStateFrom((await slidePosition(page).innerText()).trim()).index;
      let rotations = 0;
      const rotate = async () => {
        const before = await shownIndex();
        await page.clock.runFor(5_000);
        await until(async () => (await shownIndex()) === (before + 1) % count, `slide ${((before + 1) % count) + 1} is up`);
        rotations += 1;
      };

      // Warm-up: ten full cycles (the last one counting elements), 13⅓ minutes of wall time: every slide
      // drawn many times, two refetches, most of V8's optimising compilation done (compiled code is what
      // the heap still gains later). Both measurements fall between two 5-minute refetches (at 13⅓ and
      // 38⅔ minutes), so neither catches requests in flight.
      while (rotations < 9 * count) await rotate();
      const perSlide = [];
      for (let i = 0; i < count; i += 1) {
        perSlide[await shownIndex()] = await elementCount();
        await rotate();
      }
      const warm = { rotation: rotations, ...(await measure()) };

      const target = rotations + 19 * count; // 304 more: 19 more full cycles, 25⅓ minutes
      const drift = [];
      while (rotations < target) {
        await rotate();
        const index = await shownIndex();
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
      // The renderer's node counter also counts detached nodes not yet released; the live DOM is checked
      // slide by slide above (drift). What must not happen is growth: fewer nodes at the end (seen since
      // the wall's data gained 较上次 and 逾期未报: 385 → 237, with every slide's elements the same) is
      // something held at warm-up and let go, not a leak.
      assert.ok(end.nodes <= warm.nodes * 1.02, `DOM nodes ${warm.nodes} → ${end.nodes}`);
      assert.deepEqual(problems, []);
    });
  });
});
