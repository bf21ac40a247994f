// Meeting mode in Chromium: keyboard control as a presenter (or a clicker) uses it, deep links and the
// back button, accessibility of every slide, the screens it is projected on, and the printed briefing
// as Chromium prints it to PDF (read back with poppler's pdftotext / pdftoppm).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  artifactsDir,
  axeViolations,
  formatViolations,
  gotoApp,
  launch,
  closing,
  openPage,
  screenshot,
  subPathUrl,
  withPage,
} from './support/browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const SLIDE_COUNT = 16;

/** Opens /meeting (or another meeting route) and waits until its slide is on screen. */
async function openMeeting(route = '/meeting', options = {}) {
  const opened = await openPage(browser, options);
  try {
    await gotoApp(opened.page, route);
    await opened.page.locator('[data-slide-index]').waitFor();
    return opened;
  } catch (error) {
    await opened.context.close();
    throw error;
  }
}

/** The agenda's domain rows on screen (the print copy is hidden), each headed by its domain's link. */
const agendaRows = (page) => page.locator('.meeting-screen').getByRole('table', { name: '会议议程' }).getByRole('row').filter({ has: page.getByRole('link') });

/** The domain ids in agenda order, as the agenda on screen links them (each row links to its slide). */
async function agendaIds(page) {
  const hrefs = await agendaRows(page).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => decodeURIComponent(href.split('/').pop() ?? ''));
}

const pathOf = (page) => new URL(page.url()).pathname;

async function expectSlide(page, pathname, index) {
  await page.waitForURL((url) => url.pathname === pathname);
  await page.waitForFunction((i) => document.querySelector('[data-slide-index]')?.dataset.slideIndex === String(i), index);
  await page.getByText(`第 ${index + 1} / ${SLIDE_COUNT} 页`).waitFor();
}

describe('meeting mode', () => {
  // One page for both: the agenda is what the slides start from.
  it('lists the agenda with what is behind first, and moves through the slides with the keys a presenter or a clicker sends', async () => {
    await closing(await openMeeting(), async ({ page, problems }) => {
      assert.match(await page.title(), /会议/);
      const ids = await agendaIds(page);
      assert.equal(ids.length, SLIDE_COUNT - 1);
      assert.deepEqual(ids.slice(0, 3), ['air-pollution', 'resettlement-housing', 'economy']);
      assert.equal(await page.locator('.meeting-screen h1').textContent(), '会议议程');
      const at = (i) => (i === 0 ? '/meeting' : `/meeting/${ids[i - 1]}`);

      await page.keyboard.press('ArrowRight');
      await expectSlide(page, at(1), 1);
      assert.equal(await page.locator('.meeting-screen h1').textContent(), '大气污染防治');
      await page.keyboard.press('ArrowLeft');
      await expectSlide(page, at(0), 0);

      await page.keyboard.press('End');
      await expectSlide(page, at(15), 15);
      await page.keyboard.press('ArrowRight');
      assert.equal(pathOf(page), at(15), 'no slide after the last');
      await page.keyboard.press('Home');
      await expectSlide(page, at(0), 0);

      await page.keyboard.press('3');
      await page.getByText('跳到第 3 页').waitFor();
      await page.keyboard.press('Enter');
      await expectSlide(page, at(2), 2);

      await page.keyboard.press('PageDown');
      await expectSlide(page, at(3), 3);
      await page.keyboard.press('PageUp');
      await expectSlide(page, at(2), 2);
      await page.keyboard.press('Space');
      await expectSlide(page, at(3), 3);
      await page.keyboard.press('Shift+Space');
      await expectSlide(page, at(2), 2);

      // Two digits, then a number with no slide: it says so and stays.
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');
      await expectSlide(page, at(11), 11);
      await page.keyboard.type('99');
      await page.keyboard.press('Enter');
      await page.getByText('没有第 99 页(共 16 页)').waitFor();
      assert.equal(pathOf(page), at(11));

      // The on-screen buttons do the same.
      await page.getByRole('button', { name: '下一页' }).click();
      await expectSlide(page, at(12), 12);
      await page.getByRole('button', { name: '议程' }).click();
      await expectSlide(page, at(0), 0);
      assert.deepEqual(problems, []);
    });
  });

  it('shows the shortcuts with ? in an accessible dialog that Esc closes', async () => {
    await closing(await openMeeting(), async ({ page, problems }) => {
      const trigger = page.getByRole('button', { name: /快捷键/ });
      await trigger.focus();
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
      await dialog.waitFor();
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus moves into the dialog');
      assert.match(await dialog.textContent(), /PageDown/);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], formatViolations(violations));
      await page.setViewportSize({ width: 1280, height: 720 });
      await screenshot(page, 'meeting-shortcuts-1280');

      // The slide keys are the dialog's while it is open.
      await page.keyboard.press('ArrowRight');
      assert.equal(pathOf(page), '/meeting');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.ok(await trigger.evaluate((b) => b === document.activeElement), 'focus returns to where it was');
      await page.keyboard.press('ArrowRight');
      await page.waitForURL((url) => url.pathname === '/meeting/air-pollution');
      assert.deepEqual(problems, []);
    });
  });

  it('toggles full screen with f, covering the app header', async () => {
    await closing(await openMeeting('/meeting/economy'), async ({ page, problems }) => {
      await page.keyboard.press('f');
      await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
      await page.locator('.meeting[data-fullscreen]').waitFor();
      // A slide change keeps full screen: the whole document is full screen, not the slide.
      await page.keyboard.press('Home');
      await expectSlide(page, '/meeting', 0);
      assert.ok(await page.evaluate(() => document.fullscreenElement !== null));
      await page.keyboard.press('f');
      await page.waitForFunction(() => document.fullscreenElement === null);
      await page.getByRole('button', { name: '全屏', exact: true }).click();
      await page.getByRole('button', { name: '退出全屏' }).waitFor();
      // Esc is left to the browser, which leaves full screen with it (a synthetic key press cannot
      // reach the browser's own handling here, so the test checks the page leaves Esc alone).
      await page.evaluate(() =>
        window.addEventListener('keydown', (e) => {
          if (e.key === 'Escape') window.escapeDefaultPrevented = e.defaultPrevented;
        }),
      );
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => window.escapeDefaultPrevented), false);
      await page.getByRole('button', { name: '退出全屏' }).click();
      await page.waitForFunction(() => document.fullscreenElement === null);
      await page.getByRole('button', { name: '全屏', exact: true }).waitFor();
      assert.deepEqual(problems, []);
    });
  });

  it('lands deep links on their slide, and the back button on the previous slide', async () => {
    await closing(await openMeeting('/meeting/air-pollution'), async ({ page, problems }) => {
      await expectSlide(page, '/meeting/air-pollution', 1);
      assert.equal(await page.locator('.meeting-screen h1').textContent(), '大气污染防治');
      assert.match(await page.title(), /大气污染防治/);
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, '/meeting/resettlement-housing', 2);
      await page.goBack();
      await expectSlide(page, '/meeting/air-pollution', 1);
      assert.equal(await page.locator('.meeting-screen h1').textContent(), '大气污染防治');
      await page.goForward();
      await expectSlide(page, '/meeting/resettlement-housing', 2);

      // From the sub-path build too.
      await gotoApp(page, '/meeting/economy', subPathUrl);
      await page.waitForFunction(() => document.querySelector('[data-slide-index]')?.dataset.slideIndex === '3');
      await page.keyboard.press('Home');
      await page.waitForURL((url) => url.pathname === '/jindu/meeting');
      assert.deepEqual(problems, []);
    });
  });

  it('shows the 404 view for an unknown domain id', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await gotoApp(page, '/meeting/no-such-domain');
      await page.getByRole('heading', { name: /未找到/ }).waitFor();
      assert.match(await page.title(), /未找到/);
      assert.equal(await page.locator('[data-slide-index]').count(), 0);
      assert.deepEqual(problems, []);
    });
  });

  it('has no axe-core violations on the agenda or on any slide (and in the dark theme on those with status colours)', async () => {
    // The first four slides carry every status colour in use: those are checked in the dark theme too,
    // switched as the system switches it (prefers-color-scheme), on the same page rather than a second load.
    const DARK_SLIDES = 4;
    await closing(await openMeeting('/meeting', { colorScheme: 'light' }), async ({ page, problems }) => {
      const ids = await agendaIds(page);
      assert.equal(ids.length + 1, SLIDE_COUNT);
      for (let i = 0; i < SLIDE_COUNT; i += 1) {
        if (i > 0) {
          await page.keyboard.press('ArrowRight');
          await expectSlide(page, `/meeting/${ids[i - 1]}`, i);
        }
        for (const colorScheme of i < DARK_SLIDES ? ['light', 'dark'] : ['light']) {
          await page.emulateMedia({ colorScheme });
          const violations = await axeViolations(page);
          assert.deepEqual(violations, [], `${colorScheme} slide ${i + 1}:\n${formatViolations(violations)}`);
        }
        await page.emulateMedia({ colorScheme: 'light' });
      }
      assert.deepEqual(problems, []);
    });
  });

  it('fits a projector at 1920×1080 and 1280×720', async () => {
    // One page, the projector's resolution changed under it: the agenda and a slide at each.
    await closing(await openMeeting('/meeting', { viewport: { width: 1920, height: 1080 } }), async ({ page, problems }) => {
      for (const [width, height] of [
        [1920, 1080],
        [1280, 720],
      ]) {
        if (width !== 1920) {
          await page.keyboard.press('Home');
          await expectSlide(page, '/meeting', 0);
          await page.setViewportSize({ width, height });
          await page.waitForFunction((w) => window.innerWidth === w, width);
        }
        await screenshot(page, `meeting-agenda-${width}`);
        // The agenda names every domain without scrolling once the app header is out of the way.
        await page.keyboard.press('f');
        await page.waitForFunction(() => document.fullscreenElement !== null);
        const lastRow = await agendaRows(page).last().boundingBox();
        assert.ok(lastRow && lastRow.y + lastRow.height <= height, `last agenda row at ${lastRow?.y} of ${height}`);
        await screenshot(page, `meeting-agenda-fullscreen-${width}`);
        await page.keyboard.press('f');
        await page.waitForFunction(() => document.fullscreenElement === null);

        await page.keyboard.press('ArrowRight');
        await expectSlide(page, '/meeting/air-pollution', 1);
        // The points that matter are above the fold: what is behind, and the first talking point.
        for (const selector of ['.meeting-screen .slide-behind__item', '.meeting-screen .slide-points > li']) {
          const box = await page.locator(selector).first().boundingBox();
          assert.ok(box && box.y + box.height <= height, `${selector} is below the fold at ${width}×${height}`);
        }
        await screenshot(page, `meeting-slide-${width}`);
      }
      assert.deepEqual(problems, []);
    });
  });
});

function pdftotext(file) {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`reading the PDF needs pdftotext (apt-get install poppler-utils): ${error.message}`);
  }
}

describe('the printed briefing', () => {
  it('prints since the last meeting, the agenda and every domain, one per A4 landscape page, with date and page numbers', async () => {
    // Printed from a domain slide: the briefing has all slides, not just the one on screen.
    await closing(await openMeeting('/meeting'), async ({ page, problems }) => {
      const ids = await agendaIds(page);
      const names = await agendaRows(page).getByRole('link').allTextContents();
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, `/meeting/${ids[0]}`, 1);
      // Since the last meeting opens the briefing, on a page of its own.
      const PRINTED = SLIDE_COUNT + 1;
      await page.waitForFunction((n) => document.querySelectorAll('.meeting-print .print-page').length === n, PRINTED);

      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
      const file = path.join(artifactsDir, 'meeting-briefing.pdf');
      writeFileSync(file, pdf);

      // Page objects, not the /Pages tree node.
      const pageObjects = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
      assert.equal(pageObjects.length, 2 + ids.length, 'since the last meeting, the agenda and one page per domain');
      const mediaBox = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
      assert.ok(mediaBox, 'a media box');
      assert.ok(Math.abs(Number(mediaBox[1]) - 841.9) < 1 && Math.abs(Number(mediaBox[2]) - 595.3) < 1, `A4 landscape, got ${mediaBox[0]}`);

      const pages = pdftotext(file).split('\f').filter((p) => p.trim() !== '');
      assert.equal(pages.length, PRINTED);
      assert.match(pages[0], /自上次例会以来/);
      assert.match(pages[1], /会议议程/);
      names.forEach((name, i) => assert.ok(pages[i + 2].includes(name), `page ${i + 3} is ${name}`));
      pages.forEach((text, i) => {
        assert.match(text, /2017年6月27日/, `page ${i + 1} carries the report date`);
        assert.match(text, new RegExp(`第 ${i + 1} 页 / 共 ${PRINTED} 页`), `page ${i + 1} is numbered`);
        assert.doesNotMatch(text, /打印简报|上一页|下一页|报告原文|跳到主要内容/, `page ${i + 1} has no screen chrome`);
      });
      const air = pages[2];
      for (const figure of ['66 / 190 天', '84 / 63 微克/立方米', '差距−13.0 个百分点', '余下191天平均须降至43.9微克/立方米以下']) {
        assert.ok(air.includes(figure), `大气污染防治 page shows ${figure}`);
      }
      assert.match(pages[ids.indexOf('economy') + 2], /地区生产总值253亿元/);

      // Rendered for a person to look at.
      const pngPrefix = path.join(artifactsDir, 'meeting-briefing');
      for (const f of readdirSync(artifactsDir)) if (f.startsWith('meeting-briefing-')) rmSync(path.join(artifactsDir, f));
      mkdirSync(artifactsDir, { recursive: true });
      execFileSync('pdftoppm', ['-r', '72', '-png', '-f', '1', '-l', '4', file, pngPrefix]);
      assert.deepEqual(problems, []);
    });
  });
});
