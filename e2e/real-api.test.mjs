// A build made with VITE_API_BASE_URL talks to that backend and starts no mocked API (issue 2.4).
// The backend is scripts/real-api-server.mjs on loopback: the real-API build and the API's answers
// from one origin, the answers read from the mocked build so both show the same report.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveWithApi, snapshotApi } from '../scripts/real-api-server.mjs';
import { baseUrl, launch, withPage } from './support/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.resolve(root, process.env.E2E_REAL_API_DIST_DIR ?? 'dist-real-api');
const port = Number(process.env.E2E_PORT ?? 4173) + 5;

let browser;
let backend;
before(async () => {
  assert.ok(existsSync(path.join(distDir, 'index.html')), `${distDir} is missing: VITE_API_BASE_URL=/api/v1 npx vite build --outDir dist-real-api`);
  browser = await launch();
  const page = await browser.newPage();
  const answers = await snapshotApi(page, baseUrl);
  await page.close();
  backend = await serveWithApi(distDir, answers, port);
});
after(async () => {
  await browser?.close();
  await backend?.close();
});

describe('a build against a real API (VITE_API_BASE_URL)', () => {
  it('draws the overview from that API and registers no service worker', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await page.goto(`${backend.origin}/`);
      await page.getByRole('meter', { name: '优良天数' }).first().waitFor({ timeout: 20_000 });
      assert.equal(await page.getByRole('meter', { name: '优良天数' }).first().getAttribute('aria-valuenow'), '66');
      assert.ok(backend.requests.includes('/reports/erqi-2017-h1/domains/air-pollution'), 'the backend answered');
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
      assert.equal(await page.evaluate(() => 'msw' in window), false);
      // Nothing of MSW was even downloaded.
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      assert.ok(!scripts.some((s) => /mockServiceWorker|\/browser-[\w-]+\.js/.test(s)), scripts.join('\n'));
      assert.deepEqual(problems, []);
    });
  });

  it('shows a backend 404 for an unknown domain as the 404 view', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await page.goto(`${backend.origin}/domains/no-such-domain`);
      await page.getByRole('heading', { name: /未找到/ }).waitFor({ timeout: 20_000 });
      assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []);
    });
  });
});
