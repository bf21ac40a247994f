// What the wall's compiled code is, over a long run: the evidence behind the wall for a week's warm-up
// (see wall-week.mjs). The server's build of /wall?interval=5 with its event stream, an approval every
// 50 rotations, and at the first whole cycle after every `--every` rotations (the same slide) a heap
// snapshot counted by what V8 keeps about code: functions with feedback (those the wall has run),
// shared function infos (one per function in the source: more would mean functions made at run
// time), bytecode arrays, Code objects and the optimised ones among them (those with deoptimisation
// data), closures and regular expressions, beside the live JS heap.
//
//   node scripts/bench/wall-code-census.mjs [--rotations 1500] [--every 48] [--js-flags "--no-opt --no-maglev --no-sparkplug"]
//
// Diagnostic only (minutes per thousand rotations); prints one line a sample. Port: BENCH_PORT + 35.
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { ensureServerBuild } from '../server-build.mjs';
import { currentObservationId, greeningAccounts, submitAndApprove } from './approval-to-wall.mjs';
import { startServer } from './server.mjs';
import { openLiveWall } from './wall-heap.mjs';

const { values } = parseArgs({ options: { rotations: { type: 'string', default: '1500' }, every: { type: 'string', default: '48' }, 'js-flags': { type: 'string', default: '' } } });
const rotations = Number(values.rotations);
const every = Number(values.every);

/** Counts (and bytes) of a heap snapshot's nodes by what V8 keeps about code. */
async function census(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes, edges, strings } = JSON.parse(chunks.join(''));
  const nodeFields = snapshot.meta.node_fields;
  const edgeFields = snapshot.meta.edge_fields;
  const typeNames = snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nodeFields.indexOf(f));
  const toAt = edgeFields.indexOf('to_node');
  const count = { live: 0, feedbackVectors: 0, sharedFunctionInfos: 0, bytecodeArrays: 0, codeObjects: 0, optimisedCode: 0, closures: 0, regexps: 0 };
  let edge = 0;
  for (let i = 0; i < nodes.length; i += nodeFields.length) {
    const type = typeNames[nodes[i + typeAt]];
    const name = strings[nodes[i + nameAt]];
    const edgeCount = nodes[i + edgeCountAt];
    if (type !== 'native' && type !== 'synthetic') count.live += nodes[i + sizeAt];
    if (type === 'closure') count.closures += 1;
    else if (type === 'regexp') count.regexps += 1;
    else if (name === 'system / FeedbackVector') count.feedbackVectors += 1;
    else if (name.startsWith('system / SharedFunctionInfo')) count.sharedFunctionInfos += 1;
    else if (name === 'system / BytecodeArray') count.bytecodeArrays += 1;
    else if (name === 'system / Code') {
      count.codeObjects += 1;
      // Optimised code (Maglev, Turbofan) carries deoptimisation data; baseline code does not.
      for (let e = edge; e < edge + edgeCount * edgeFields.length; e += edgeFields.length) {
        if (strings[nodes[edges[e + toAt] + nameAt]] === 'system / ProtectedFixedArray') {
          count.optimisedCode += 1;
          break;
        }
      }
    }
    edge += edgeCount * edgeFields.length;
  }
  count.live = +(count.live / 1048576).toFixed(3);
  return count;
}

ensureServerBuild();
const server = await startServer({ port: Number(process.env.BENCH_PORT ?? 4380) + 35 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--js-flags=--expose-gc ${values['js-flags']}`] });
try {
  const accounts = await greeningAccounts(server.origin);
  let supersedes = await currentObservationId(accounts.api);
  const { context, page, cdp, slides } = await openLiveWall(browser, server.origin);
  const sample = async (rotation) => {
    for (let i = 0; i < 3; i += 1) {
      await page.evaluate(() => window.gc?.());
      await cdp.send('HeapProfiler.collectGarbage');
    }
    console.log(JSON.stringify({ rotation, ...(await census(cdp)) }));
  };
  await sample(0);
  let approvals = 0;
  for (let r = 1; r <= rotations; r += 1) {
    await page.clock.runFor(5000);
    if (r % 50 === 25) {
      supersedes = await submitAndApprove(accounts, 100 + approvals, supersedes);
      approvals += 1;
    }
    if (r % slides === 0 && r % every < slides) await sample(r);
  }
  console.log(`${approvals} approvals; event stream ${(await page.locator('[data-live="open"]').count()) > 0 ? 'open' : 'CLOSED'} at the end`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
process.exit(0);
