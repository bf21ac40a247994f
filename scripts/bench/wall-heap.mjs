// The wall's JS heap, read the same way by the demo wall's soak (scripts/bench.mjs part 4) and the wall
// for a week (wall-week.mjs): the same slide at every sample, several full collections, then a heap
// snapshot. Chromium must run with --js-flags=--expose-gc.
import { heapBytesByKind } from '../../e2e/support/heap-snapshot.mjs';

const mib = (bytes) => +(bytes / 1048576).toFixed(3);

/**
 * The rotations to sample at, given the slides a cycle: the first whole cycle at or after every
 * `every` rotations (so every sample shows the same slide: each draws its own DOM, and the heap
 * differs by some 0.3 MiB from slide to slide), the first after `warmUp`, and `endAt`, the first at
 * or after `rotations`, where the run ends (so the stretch measured is at least `rotations - warmUp`).
 */
export function sampleRotations({ rotations, slides, every, warmUp }) {
  const cycleAtOrAfter = (r) => Math.ceil(r / slides) * slides;
  const warmAt = cycleAtOrAfter(warmUp);
  const endAt = cycleAtOrAfter(rotations);
  const at = new Set([warmAt, endAt]);
  for (let r = every; r <= rotations; r += every) if (cycleAtOrAfter(r) <= endAt) at.add(cycleAtOrAfter(r));
  return { warmAt, endAt, at };
}

/** The number of slides in the wall's cycle, from its "n / N" counter. */
export async function slidesOnWall(page) {
  return Number(/\d+ \/ (\d+)/.exec(await page.evaluate(() => document.body.innerText))[1]);
}

/**
 * The page's heap after `collections` rounds of a full GC from the page (gc()) and from the
 * profiler: `liveMiB` is everything live in the JS heap, from a heap snapshot (which collects once
 * more first), with its parts (JS objects, compiled code and its records, shapes) and V8's Code
 * objects counted; `usedMiB` is the heap's used size read after the snapshot, which also counts what
 * the page allocated since (±0.3 MiB from one sample to the next); DOM nodes beside.
 */
export async function settledHeap(page, cdp, rotation, { collections = 3 } = {}) {
  for (let i = 0; i < collections; i += 1) {
    await page.evaluate(() => window.gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const kinds = await heapBytesByKind(cdp);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return {
    rotation,
    liveMiB: mib(kinds.jsHeap),
    jsObjectsMiB: mib(kinds.jsObjects),
    codeMiB: mib(kinds.code),
    shapesMiB: mib(kinds.shapes),
    codeObjects: kinds.codeObjects,
    usedMiB: mib(usedSize),
    domNodes: nodes,
  };
}

/** Growth in percent from `a` to `b`, one decimal. */
export const growthPct = (a, b) => +(((b - a) / a) * 100).toFixed(1);

/**
 * A wall for a long run: the server build's /wall at 5 s a slide on the page's own clock, drawn, with
 * its event stream open. `beforeLoad` sees the page before it loads (to count its answers, say).
 */
export async function openLiveWall(browser, origin, { beforeLoad } = {}) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  beforeLoad?.(page);
  await page.clock.install();
  await page.goto(`${origin}/wall?interval=5`);
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0 && /\d+ \/ \d+/.test(document.body.innerText));
  await page.locator('[data-live="open"]').waitFor({ timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, slides: await slidesOnWall(page) };
}
