// The wall for a week: the server's build of /wall?interval=5 in Chromium, its event stream open,
// rotated `rotations` times by page.clock (5 s each: 1,000 rotations are 83 minutes of a wall), while
// a department's figure is approved every `approveEvery` rotations on the server. About every `every`
// rotations, always on the same slide: the page's JS heap after full collections, read from a heap
// snapshot by kind (scripts/bench/wall-heap.mjs), its DOM nodes, and the server's memory.
//
// Why the warm-up is long (wall-code-census.mjs counts it; 2026-12-02, 1,500 rotations, a snapshot every 48): the set
// of functions the wall runs is fixed early (773 with feedback at rotation 208, 788 at 1,456), but
// V8 keeps compiling them into optimised code for hundreds of rotations, as each function that runs
// a few times a cycle (or once a refetch) reaches its tier's budget: optimised Code objects 83 at
// start, 233 at rotation 208, 296 at 400, 338 at 608, 377 at 1,008, 410 at 1,456, fewer new ones each
// stretch and few dropped (no recompiling in a loop). Around rotation 700 V8 flushes the bytecode of
// the functions only the start-up ran (1,324 → 819 bytecode arrays, −83 KiB), a dip in the curve. The
// JS objects stay at 1.76–1.85 MiB throughout. The live heap: 4.22 MiB at start, 4.72 at 208, 4.89
// at 400, then 4.84–5.04 to 1,456. With V8's compilers off (--no-opt --no-maglev --no-sparkplug) the
// climb is gone: 3.19 MiB at start, 3.24 at 208, 3.25–3.30 to 464. So the long run compares from
// rotation 400, where the climb has flattened, to 1,000 rotations later; the short CI run from 200.
import { currentObservationId, greeningAccounts, submitAndApprove } from './approval-to-wall.mjs';
import { growthPct, openLiveWall, sampleRotations, settledHeap } from './wall-heap.mjs';

export async function wallWeek(browser, server, { rotations, warmUp, every = 100, approveEvery = 50, firstValue = 100 }) {
  const accounts = await greeningAccounts(server.origin);
  let supersedes = await currentObservationId(accounts.api);
  // Answers the wall fetched with a body: after an approval it must fetch the new figures.
  let freshAnswers = 0;
  const { context, page, cdp, slides } = await openLiveWall(browser, server.origin, {
    beforeLoad: (page) =>
      page.on('response', (response) => {
        if (response.url().includes('/api/v1/reports/') && response.status() === 200) freshAnswers += 1;
      }),
  });
  const { warmAt, endAt, at } = sampleRotations({ rotations, slides, every, warmUp });
  const sample = async (rotation) => ({ ...(await settledHeap(page, cdp, rotation)), server: await server.memory() });
  const samples = [await sample(0)];
  let approvals = 0;
  const answersBefore = freshAnswers;
  for (let r = 1; r <= endAt; r += 1) {
    await page.clock.runFor(5000);
    // Away from the samples (with the defaults, at 25 and 75 of every 100 rotations: 10 rotations or
    // more from any sample), so the wall has fetched and drawn the new figures before a sample comes.
    if (r % approveEvery === approveEvery / 2) {
      supersedes = await submitAndApprove(accounts, firstValue + approvals, supersedes);
      approvals += 1;
    }
    if (at.has(r)) samples.push(await sample(r));
  }
  // The stream is still open, and the wall fetched new answers after the approvals.
  const streamOpen = (await page.locator('[data-live="open"]').count()) > 0;
  await context.close();
  const [warm, end] = [samples.find((s) => s.rotation === warmAt), samples.find((s) => s.rotation === endAt)];
  const afterWarmUp = samples.filter((s) => s.rotation >= warmAt);
  return {
    rotations: endAt,
    slides,
    warmAt,
    endAt,
    approvals,
    streamOpen,
    freshAnswersAfterStart: freshAnswers - answersBefore,
    growth: {
      livePct: growthPct(warm.liveMiB, end.liveMiB),
      /** The highest sample after the warm-up against it: a climb that came back down shows here. */
      liveMaxPct: growthPct(warm.liveMiB, Math.max(...afterWarmUp.map((s) => s.liveMiB))),
      jsObjectsPct: growthPct(warm.jsObjectsMiB, end.jsObjectsMiB),
      codePct: growthPct(warm.codeMiB, end.codeMiB),
      usedPct: growthPct(warm.usedMiB, end.usedMiB),
    },
    samples,
  };
}
