import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, formatViolations, gotoApp, launch, screenshot, withPage } from './support/browser.mjs';
import { ADMIN, onServer, signIn, todayInDistrict } from './support/accounts.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const where = onServer ? 'server' : 'demo';

async function assertNoAxeViolations(page) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations));
}

/** Opens /login?next=/admin and signs in; the app takes the browser to /admin. */
async function signInToAdmin(page, account) {
  await gotoApp(page, '/login?next=%2Fadmin');
  await signIn(page, account);
  await page.waitForURL((url) => url.pathname === '/admin');
}

describe(`/admin (${where} build)`, () => {
  it('asks someone not signed in to sign in first', async () => {
    await withPage(browser, {}, async ({ page, problems }) => {
      await gotoApp(page, '/admin');
      await page.getByRole('heading', { level: 1, name: '请先登录' }).waitFor();
      const link = page.getByRole('main').getByRole('link', { name: '登录' });
      assert.equal(await link.getAttribute('href'), '/login?next=%2Fadmin');
      await assertNoAxeViolations(page);
      assert.deepEqual(problems, []);
    });
  });

  it('lets an admin create an account, issue and revoke a token, filter the audit log and sign out; the new viewer is refused', async () => {
    const viewer = { username: `e2e-viewer-${Date.now().toString(36)}`, password: 'a long enough password 2017' };
    const label = `e2e 三楼会议室大屏 ${Date.now().toString(36)}`;
    await withPage(browser, {}, async ({ page }) => {
      await signInToAdmin(page, ADMIN);
      const header = page.getByRole('banner');
      await header.getByText(ADMIN.username, { exact: true }).waitFor();

      // Accounts: create a viewer.
      const form = page.getByRole('form', { name: '新建账号' });
      await form.getByLabel('用户名').fill(viewer.username);
      await form.getByLabel('初始密码').fill(viewer.password);
      await form.getByLabel('角色').selectOption({ label: '查看者' });
      await form.getByRole('button', { name: '创建账号' }).click();
      await page.getByText(`已创建账号 ${viewer.username}`).waitFor();
      await page.getByRole('rowheader', { name: viewer.username }).waitFor();
      await assertNoAxeViolations(page);

      // Display tokens: issue one, see its one-time link, revoke it after confirming.
      await page.getByRole('link', { name: '大屏令牌' }).click();
      await page.getByLabel('大屏名称').fill(label);
      await page.getByRole('button', { name: '签发令牌' }).click();
      const issued = page.getByRole('region', { name: `「${label}」的大屏链接` });
      await issued.waitFor();
      assert.match(await issued.getByLabel('一次性链接').inputValue(), /display-token=/);
      await issued.getByText('此链接只显示这一次。').waitFor();
      await assertNoAxeViolations(page);
      await issued.getByRole('button', { name: '我已复制,关闭' }).click();
      await page.getByRole('button', { name: `撤销「${label}」` }).click();
      await page.getByRole('button', { name: '确定撤销' }).click();
      await page.getByText(`已撤销令牌「${label}」`).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
      await row.getByText(/^已撤销\(/).waitFor();

      // The audit log: by this admin, today; the CSV link carries the same filters.
      await page.getByRole('link', { name: '审计日志' }).click();
      await page.getByRole('table').waitFor();
      await page.getByLabel('操作人').selectOption({ label: ADMIN.username });
      const today = todayInDistrict();
      await page.getByLabel('起始日期').fill(today);
      await page.getByLabel('截止日期').fill(today);
      const table = page.getByRole('table');
      for (const action of ['撤销大屏令牌', '签发大屏令牌', '创建账号']) await table.getByText(action, { exact: true }).first().waitFor();
      const href = await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href');
      assert.match(href, /\/api\/v1\/audit\.csv\?userId=[^&]+&since=\d{4}-\d{2}-\d{2}&until=\d{4}-\d{2}-\d{2}$/);
      if (onServer) {
        // The export itself: what the link downloads, with the session's cookie.
        const csv = await page.evaluate(async (url) => {
          const res = await fetch(url);
          return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
        }, href);
        assert.equal(csv.status, 200);
        assert.match(csv.type, /text\/csv/);
        assert.match(csv.body, new RegExp(viewer.username));
      }
      await assertNoAxeViolations(page);

      // Sign out, then sign in as the new viewer: /admin says it needs an admin.
      await header.getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('heading', { level: 1, name: '请先登录' }).waitFor();
      await page.getByRole('main').getByRole('link', { name: '登录' }).click();
      await signIn(page, viewer);
      await page.waitForURL((url) => url.pathname === '/admin');
      await page.getByRole('heading', { level: 1, name: '需要管理员账号' }).waitFor();
      await header.getByText('查看者', { exact: true }).waitFor();
      assert.equal(await header.getByRole('link', { name: '管理' }).count(), 0);
      await assertNoAxeViolations(page);
    });
  });

  // One sign-in for both widths: the page is resized from 1440 to 390 and each part shown again.
  it('is laid out for 1440 and 390 wide (screenshots of each part)', async () => {
    await withPage(browser, { viewport: { width: 1440, height: 900 } }, async ({ page }) => {
      await signInToAdmin(page, ADMIN);
      for (const [width, height] of [
        [1440, 900],
        [390, 844],
      ]) {
        if (width !== 1440) {
          await page.setViewportSize({ width, height });
          await page.getByRole('link', { name: '账号与权限' }).click();
        }
        await page.getByRole('table').waitFor();
        await page.getByRole('button', { name: /^改角色(.+)$/ }).last().waitFor();
        await assertNoAxeViolations(page);
        await screenshot(page, `admin-accounts-${width}-${where}`);
        await page.getByRole('button', { name: /^改角色(.+)$/ }).last().click();
        await page.screenshot({ path: `e2e/artifacts/admin-accounts-edit-${width}-${where}.png`, fullPage: true });
        await page.getByRole('link', { name: '大屏令牌' }).click();
        await page.getByLabel('大屏名称').fill('大厅大屏');
        await page.getByRole('button', { name: '签发令牌' }).click();
        await page.getByLabel('一次性链接').waitFor();
        await screenshot(page, `admin-tokens-${width}-${where}`);
        await page.getByRole('link', { name: '审计日志' }).click();
        await page.getByRole('table').waitFor();
        await assertNoAxeViolations(page);
        await screenshot(page, `admin-audit-${width}-${where}`);
      }
      // Signed out again, so the next test starts as everyone does.
      await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('heading', { level: 1, name: '请先登录' }).waitFor();
    });
  });
});
