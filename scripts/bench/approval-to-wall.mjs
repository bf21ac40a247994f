// From an approval to the new figure on an open wall: the wall (the server's build, in Chromium) stays
// on the 生态绿化建设 slide while an updater submits a new 公园绿化面积 and a reviewer approves it; the
// time runs from the moment the approval is sent to the moment the wall's DOM shows the new figure.
// With two servers, the wall is open on one and the approval goes to the other: only PostgreSQL's
// LISTEN/NOTIFY can carry it across.
import { BENCH_ADMIN } from './server.mjs';
import { client } from './api.mjs';

const DOMAIN_ID = 'greening';
const METRIC_ID = 'canal-park-greened';
/** The metric's name on the wall, before its figure: how the figure is found, by its text. */
const METRIC_LABEL = '公园绿化面积';
export const UPDATER = { username: 'bench-greening', password: 'bench-greening-2017', role: 'updater', domainIds: [DOMAIN_ID] };
export const REVIEWER = { username: 'bench-reviewer', password: 'bench-reviewer-2017', role: 'reviewer', domainIds: [] };

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];

/** The updater's and the reviewer's sessions on a server (the accounts made once, by the admin). */
export async function greeningAccounts(origin) {
  const api = client(origin);
  const admin = await api.signIn(BENCH_ADMIN);
  await api.ensureUser(admin, UPDATER);
  await api.ensureUser(admin, REVIEWER);
  return { api, updater: await api.signIn(UPDATER), reviewer: await api.signIn(REVIEWER) };
}

/** Submits `value` for the metric and approves it; the approved observation's id. */
export async function submitAndApprove({ api, updater, reviewer }, value, supersedes) {
  const submitted = await api.submit(updater, { domainId: DOMAIN_ID, metricId: METRIC_ID, value, asOf: '2017-07-02', supersedes });
  const approved = await api.approve(reviewer, submitted.id);
  return approved.observations[0].id;
}

export async function currentObservationId(api) {
  return (await api.domain(DOMAIN_ID)).metrics.find((m) => m.id === METRIC_ID).observationId;
}

/** Opens the wall on `origin` at the greening slide, its event stream open; the page. */
async function openWall(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  // A long interval: the slide stays put while the figures change under it.
  await page.goto(`${origin}/wall?domains=${DOMAIN_ID}&interval=3600`);
  await page.getByText(/^1 \/ 2$/).waitFor({ timeout: 30_000 });
  await page.keyboard.press('ArrowRight');
  await page.getByText(METRIC_LABEL, { exact: true }).first().waitFor({ timeout: 30_000 });
  // The event stream opens once the browser is idle after first paint.
  await page.locator('[data-live="open"]').waitFor({ timeout: 30_000 });
  return { context, page };
}

/**
 * `approvals` approvals, one after the other, each of a new figure; the wall opened on `wallOrigin`,
 * the approvals sent to `apiOrigin`. Latencies in ms.
 */
export async function approvalToWall(browser, { wallOrigin, apiOrigin = wallOrigin, approvals, firstValue = 30 }) {
  const accounts = await greeningAccounts(apiOrigin);
  let supersedes = await currentObservationId(accounts.api);
  const { context, page } = await openWall(browser, wallOrigin);
  const times = [];
  try {
    for (let i = 0; i < approvals; i += 1) {
      const value = firstValue + i;
      const submitted = await accounts.api.submit(accounts.updater, { domainId: DOMAIN_ID, metricId: METRIC_ID, value, asOf: '2017-07-02', supersedes });
      // The watcher stamps the time in the page the moment the figure is in the DOM (the same clock
      // as Date.now() here: one machine).
      const shown = page.evaluate(
        ({ label, figure }) =>
          new Promise((resolve, reject) => {
            const pattern = new RegExp(`${label}\\s*${figure}\\s*万平方米`);
            const main = () => document.querySelector('main') ?? document.body;
            const check = () => pattern.test(main().innerText);
            if (check()) return resolve(Date.now());
            const observer = new MutationObserver(() => {
              if (!check()) return;
              observer.disconnect();
              clearTimeout(timer);
              resolve(Date.now());
            });
            const timer = setTimeout(() => {
              observer.disconnect();
              reject(new Error(`the wall did not show ${label} ${figure} within 30 s`));
            }, 30_000);
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          }),
        { label: METRIC_LABEL, figure: String(value) },
      );
      // The watcher is in place before the approval is sent.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
      const sent = Date.now();
      const approved = await accounts.api.approve(accounts.reviewer, submitted.id);
      supersedes = approved.observations[0].id;
      times.push((await shown) - sent);
    }
  } finally {
    await context.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { approvals: times.length, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), maxMs: sorted.at(-1), timesMs: times };
}
