// The wall for a week: the server's build of /wall?interval=5 in Chromium, its event stream open,
// rotated `rotations` times by page.clock (5 s each: 1,000 rotations are 83 minutes of a wall), while
// a department's figure is approved every `approveEvery` rotations on the server. After every
// `every` rotations: the page's JS heap and DOM nodes after a forced GC, and the server's memory; at the
// end of warm-up and of the run, a heap snapshot's bytes of JS objects apart from compiled code.
import { heapBytesByKind } from '../../e2e/support/heap-snapshot.mjs';
import { currentObservationId, greeningAccounts, submitAndApprove } from './approval-to-wall.mjs';

/** The heap snapshot's bytes by kind, in MiB (see e2e/support/heap-snapshot.mjs). */
async function heapByKind(cdp) {
  const bytes = await heapBytesByKind(cdp);
  return Object.fromEntries(Object.entries(bytes).map(([k, v]) => [`${k}MiB`, +(v / 1048576).toFixed(3)]));
}

export async function wallWeek(browser, server, { rotations, every = 100, approveEvery = 50, firstValue = 100, warmUp = 200 }) {
  const accounts = await greeningAccounts(server.origin);
  let supersedes = await currentObservationId(accounts.api);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  // Answers the wall fetched with a body: after an approval it must fetch the new figures.
  let freshAnswers = 0;
  page.on('response', (response) => {
    if (response.url().includes('/api/v1/reports/') && response.status() === 200) freshAnswers += 1;
  });
  await page.clock.install();
  await page.goto(`${server.origin}/wall?interval=5`);
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0 && /\d+ \/ \d+/.test(document.body.innerText));
  await page.locator('[data-live="open"]').waitFor({ timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  const sample = async (rotation) => {
    await page.evaluate(() => window.gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
    // At the two points compared, the snapshot first: it collects more thoroughly than one GC, and the
    // heap read after it is steadier (±0.3 MiB without it, from one sample to the next).
    const breakdown = rotation === warmAt || rotation === endAt ? await heapByKind(cdp) : undefined;
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    return { rotation, heapMiB: +(usedSize / 1048576).toFixed(2), domNodes: nodes, ...(breakdown ? { heapSnapshot: breakdown } : {}), server: await server.memory() };
  };
  // The heap differs from slide to slide (each draws its own DOM): the warm-up and the end are compared
  // on the same slide, at whole cycles, the first after `warmUp` rotations and the last of the run.
  const slides = Number(/\d+ \/ (\d+)/.exec(await page.evaluate(() => document.body.innerText))[1]);
  const warmAt = Math.ceil(warmUp / slides) * slides;
  const endAt = Math.floor(rotations / slides) * slides;
  const samples = [await sample(0)];
  let approvals = 0;
  const answersBefore = freshAnswers;
  for (let r = 1; r <= rotations; r += 1) {
    await page.clock.runFor(5000);
    if (r % approveEvery === 0) {
      supersedes = await submitAndApprove(accounts, firstValue + approvals, supersedes);
      approvals += 1;
    }
    if (r % every === 0 || r === warmAt || r === endAt) samples.push(await sample(r));
  }
  // The stream is still open, and the wall fetched new answers after the approvals.
  const streamOpen = (await page.locator('[data-live="open"]').count()) > 0;
  await context.close();
  return { rotations, slides, warmAt, endAt, approvals, streamOpen, freshAnswersAfterStart: freshAnswers - answersBefore, samples };
}
