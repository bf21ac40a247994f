import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, baseUrl, closing, formatViolations, gotoApp, launch, openPage, screenshot, withPage } from './support/browser.mjs';
import { ADMIN, onServer, signIn } from './support/accounts.mjs';

// The weekly cycle in the browser (issue 16): an updater submits on /updates, a reviewer returns it on
// /review with a comment, the updater fixes and resubmits, the reviewer approves, and the new figure is
// on the domain page. Then a 409: a figure approved while someone else was filling the form.
//
// The demo keeps updates in the page's memory (a reload starts from the report again), so every step
// moves through the app's own links, never a page load. On the built server the accounts are made
// through the API by its first admin.

let browser;
const where = onServer ? 'server' : 'demo';
const suffix = Date.now().toString(36);
const UPDATER = onServer ? { username: `e2e-updater-${suffix}`, password: 'e2e updater password 2017' } : { username: 'demo-updater', password: 'demo-updater-2017' };
const UPDATER_2 = onServer ? { username: `e2e-updater2-${suffix}`, password: 'e2e updater password 2017' } : UPDATER;
const REVIEWER = onServer ? { username: `e2e-reviewer-${suffix}`, password: 'e2e reviewer password 2017' } : { username: 'demo-reviewer', password: 'demo-reviewer-2017' };

/** The server's API as its first admin: sign in, then create the accounts the tests use. */
async function createServerAccounts() {
  const origin = new URL(baseUrl).origin;
  const post = (path, body, cookie) =>
    fetch(`${origin}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const session = await post('/session', ADMIN);
  assert.equal(session.status, 200, 'the first admin signs in');
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  for (const [account, role, domainIds] of [
    [UPDATER, 'updater', ['air-pollution', 'greening']],
    [UPDATER_2, 'updater', ['air-pollution']],
    [REVIEWER, 'reviewer', []],
  ]) {
    const created = await post('/users', { ...account, role, domainIds }, cookie);
    assert.equal(created.status, 201, `${account.username} is created: ${await created.text()}`);
  }
}

before(async () => {
  browser = await launch();
  if (onServer) await createServerAccounts();
});
after(async () => {
  await browser?.close();
});

async function assertNoAxeViolations(page) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations));
}

/** Signs out with the header's button, then in again as `account` from the page's own 登录 link. */
async function switchTo(page, account) {
  await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('heading', { level: 1, name: '请先登录' }).waitFor();
  await page.getByRole('main').getByRole('link', { name: '登录' }).click();
  await signIn(page, account);
  await page.getByRole('banner').getByText(account.username, { exact: true }).waitFor();
}

/** To /updates or /review through the header's link (no page load: the demo's updates live in the page). */
async function openFromHeader(page, name) {
  await page.getByRole('banner').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const airForm = (page) => page.getByRole('form', { name: '大气污染防治填报' });

describe(`/updates and /review (${where} build)`, () => {
  it('tells someone not signed in who may use /updates and /review, with a sign-in link', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      for (const path of ['/updates', '/review']) {
        await gotoApp(page, path);
        await page.getByRole('heading', { level: 1, name: '请先登录' }).waitFor();
        const link = page.getByRole('main').getByRole('link', { name: '登录' });
        assert.equal(await link.getAttribute('href'), `/login?next=${encodeURIComponent(path)}`);
        await assertNoAxeViolations(page);
      }
      assert.deepEqual(problems, []);
    });
  });

  it('walks the cycle: submit → return with a comment → fix and resubmit → approve → the new figure on the domain page', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await gotoApp(page, '/login?next=%2Fupdates');
      await signIn(page, UPDATER);
      await page.waitForURL((url) => url.pathname === '/updates');
      const form = airForm(page);
      await form.getByLabel('优良天数 新值').fill('７０');
      await form.getByLabel('优良天数 截至日期').fill('7月2日');
      await form.getByLabel('优良天数 依据').fill('环保局估算');
      const row = form.locator('tbody', { has: page.getByRole('rowheader', { name: '优良天数' }) });
      // The status the figure would give, before sending: still behind the pace at 70 days.
      await row.getByText('不变').waitFor();
      await form.getByLabel('工作进展').fill('完成6月份工地巡查');
      await assertNoAxeViolations(page);
      await form.getByRole('button', { name: '提交审核' }).click();
      await form.getByText(/已提交,等待督查室审核/).waitFor();
      await page.getByText('待审核', { exact: true }).first().waitFor();

      // The reviewer returns it with a comment.
      await switchTo(page, REVIEWER);
      await openFromHeader(page, '审核');
      const card = page.getByRole('article').filter({ hasText: UPDATER.username }).filter({ hasText: '大气污染防治' }).first();
      await card.getByRole('cell', { name: /^70天/ }).waitFor();
      await assertNoAxeViolations(page);
      await card.getByLabel('退回意见').fill('请附统计局月报');
      await card.getByRole('button', { name: '退回' }).click();
      await page.getByText(/已退回大气污染防治的填报.*请附统计局月报/).waitFor();

      // The updater sees the comment, loads the update back, fixes the basis and resubmits.
      await switchTo(page, UPDATER);
      await openFromHeader(page, '填报');
      const returned = page.getByRole('region', { name: /被退回的填报/ }).first();
      await returned.getByText('请附统计局月报').waitFor();
      await returned.getByRole('button', { name: '载入表格修改后重新提交' }).click();
      assert.equal(await form.getByLabel('优良天数 新值').inputValue(), '70');
      await form.getByLabel('优良天数 依据').fill('统计局6月月报');
      await form.getByRole('button', { name: '重新提交审核' }).click();
      await form.getByText(/已提交,等待督查室审核/).waitFor();

      // The reviewer approves; the domain page shows the new figure.
      await switchTo(page, REVIEWER);
      await openFromHeader(page, '审核');
      const again = page.getByRole('article').filter({ hasText: '退回后重新提交' }).filter({ hasText: '大气污染防治' }).first();
      await again.getByText('统计局6月月报').waitFor();
      await again.getByRole('button', { name: '通过' }).click();
      await page.getByText(/已通过大气污染防治的填报.*数据已生效/).waitFor();
      await page.getByRole('link', { name: '查看大气污染防治' }).first().click();
      await page.waitForURL((url) => url.pathname === '/domains/air-pollution');
      await page.locator('#metric-good-air-days').getByText(/优良天数70天/).first().waitFor();
      assert.deepEqual(problems, []);
    });
  });

  it('shows a 409 when a figure was approved while the form was being filled, keeps what was typed, and sends it again', async () => {
    // PM2.5 was not touched by the walk above; each build starts from the report's 84.
    const filling = await openPage(browser);
    await closing(filling, async ({ page }) => {
      await gotoApp(page, '/login?next=%2Fupdates');
      await signIn(page, UPDATER);
      await page.waitForURL((url) => url.pathname === '/updates');
      // Typing fixes what the update supersedes: the figure approved now.
      await airForm(page).getByLabel('PM2.5累积浓度 新值').fill('80');
      await airForm(page).getByLabel('PM2.5累积浓度 截至日期').fill('2017-07-02');

      if (onServer) {
        // Someone else, in another browser: another updater submits PM2.5, a reviewer approves it.
        const other = await openPage(browser);
        await closing(other, async ({ page: otherPage }) => {
          await gotoApp(otherPage, '/login?next=%2Fupdates');
          await signIn(otherPage, UPDATER_2);
          await otherPage.waitForURL((url) => url.pathname === '/updates');
          await airForm(otherPage).getByLabel('PM2.5累积浓度 新值').fill('78');
          await airForm(otherPage).getByLabel('PM2.5累积浓度 截至日期').fill('2017-07-01');
          await airForm(otherPage).getByRole('button', { name: '提交审核' }).click();
          await airForm(otherPage).getByText(/已提交/).waitFor();
          await switchTo(otherPage, REVIEWER);
          await openFromHeader(otherPage, '审核');
          const card = otherPage.getByRole('article').filter({ hasText: UPDATER_2.username }).first();
          await card.getByRole('button', { name: '通过' }).click();
          await otherPage.getByText(/数据已生效/).waitFor();
        });
      } else {
        // The demo's API lives in this page: the other person submits and approves through it here.
        await page.evaluate(async ({ reviewer, updater }) => {
          const api = `${location.origin}/api/v1`;
          const send = async (method, path, body) => {
            const res = await fetch(`${api}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
            if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
            return res.json();
          };
          const domain = await (await fetch(`${api}/reports/erqi-2017-h1/domains/air-pollution`)).json();
          const pm25 = domain.metrics.find((m) => m.id === 'pm25');
          const created = await send('POST', '/reports/erqi-2017-h1/domains/air-pollution/updates', {
            observations: [{ metricId: 'pm25', value: 78, asOf: '2017-07-01', supersedes: pm25.observationId }],
          });
          await send('POST', '/session', reviewer);
          await send('POST', `/updates/${created.id}/review`, { decision: 'approve' });
          await send('POST', '/session', updater);
        }, { reviewer: REVIEWER, updater: UPDATER });
      }

      const form = airForm(page);
      await form.getByRole('button', { name: '提交审核' }).click();
      const alert = form.getByRole('alert');
      await alert.getByText(/数据已被他人更新/).waitFor();
      await alert.getByText(/你填的是「80」;现在审核通过的是 78微克\/立方米\(截至7月1日/).waitFor();
      assert.equal(await form.getByLabel('PM2.5累积浓度 新值').inputValue(), '80');
      // The table shows the figure approved meanwhile as the last one.
      const row = form.locator('tbody', { has: page.getByRole('rowheader', { name: 'PM2.5累积浓度' }) });
      await row.getByText('78微克/立方米').waitFor();
      await assertNoAxeViolations(page);
      await screenshot(page, `updates-409-${where}`);
      await form.getByRole('button', { name: '提交审核' }).click();
      await form.getByText(/已提交,等待督查室审核/).waitFor();
    });
  });

  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ]) {
    it(`lays out /updates and /review ${width} wide (screenshots)`, async () => {
      await withPage(browser, { viewport: { width, height } }, async ({ page }) => {
        await gotoApp(page, '/login?next=%2Fupdates');
        await signIn(page, UPDATER);
        await page.waitForURL((url) => url.pathname === '/updates');
        const form = airForm(page);
        // A figure a quarter of the last one: the form asks before sending, whatever the build's history.
        await form.getByLabel('PM2.5累积浓度 新值').fill('20');
        await form.getByLabel('PM2.5累积浓度 截至日期').fill('2017-07-02');
        await form.getByText(/请核对单位和位数/).waitFor();
        await assertNoAxeViolations(page);
        await screenshot(page, `updates-${width}-${where}`);
        await form.getByLabel('已核对,PM2.5累积浓度的数据无误').check();
        await form.getByRole('button', { name: '提交审核' }).click();
        await form.getByText(/已提交/).waitFor();
        await switchTo(page, REVIEWER);
        await openFromHeader(page, '审核');
        await page.getByRole('article').first().waitFor();
        await assertNoAxeViolations(page);
        await screenshot(page, `review-${width}-${where}`);
        // Returned, so the next test's queue is as it found it.
        const card = page.getByRole('article').filter({ hasText: UPDATER.username }).first();
        await card.getByLabel('退回意见').fill('截图用,退回');
        await card.getByRole('button', { name: '退回' }).click();
        await page.getByText(/已退回/).waitFor();
      });
    });
  }
});
