// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core (no test tool may
// download a browser of its own here), and the servers e2e/run.mjs started.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const artifactsDir = path.resolve(here, '../artifacts');
mkdirSync(artifactsDir, { recursive: true });

/** Where run.mjs serves the production build at the site root, and the sub-path build. */
export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4173';
export const subPathUrl = process.env.E2E_SUBPATH_URL ?? 'http://127.0.0.1:4174/jindu/';

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * A page that records every uncaught error and console error, so a test can assert that nothing
 * went wrong behind the scenes.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // "Failed to load resource" names no address in its text: the location says which one failed.
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`);
  });
  return { context, page, problems };
}

/**
 * Runs `test` on a page of its own (see openPage) and closes the page's context afterwards, whether
 * the test passed or failed, so one failure does not leave a browser context behind for the rest.
 */
export async function withPage(browser, options, test) {
  return closing(await openPage(browser, options), test);
}

/** Runs `test` on a page already opened (see openPage), closing its context however the test ends. */
export async function closing(opened, test) {
  try {
    return await test(opened);
  } finally {
    await opened.context.close();
  }
}

/**
 * Opens a route of the app and waits until the app answers input (`data-app-ready`): the overview
 * arrives prerendered, so it looks ready before its buttons work. `{ ready: false }` for pages
 * without scripts.
 */
export async function gotoApp(page, route = '/', base = baseUrl, { ready = true } = {}) {
  const url = new URL(route.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).href;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (ready) await page.waitForFunction(() => document.documentElement.hasAttribute('data-app-ready'));
}

/**
 * Opens a page of the app that asks the API nothing (the 404 view) and waits for the mocked API to be
 * up, for tests that fetch from the API or override its answers themselves before the app asks.
 */
export async function gotoQuietPage(page, base = baseUrl) {
  await gotoApp(page, '/__quiet__', base);
  await page.getByRole('heading', { name: /未找到/ }).waitFor();
  await page.waitForFunction(() => 'msw' in window);
}

export async function screenshot(page, name) {
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

const axeSource = readFileSync(path.resolve(here, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page with the WCAG 2.2 AA rule sets; returns the violations. */
export async function axeViolations(page, context) {
  // Evaluated through the DevTools protocol rather than added as a <script>: the server's
  // Content-Security-Policy refuses inline scripts, and must keep doing so for the app's sake.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (ctx) => {
    const result = await window.axe.run(ctx ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary}`),
    }));
  }, context);
}

export function formatViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`).join('\n');
}
