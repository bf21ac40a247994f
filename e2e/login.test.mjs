import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, formatViolations, gotoApp, launch, screenshot, withPage } from './support/browser.mjs';
import { ADMIN, onServer, signIn } from './support/accounts.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const where = onServer ? 'server' : 'demo';

describe(`/login (${where} build)`, () => {
  // One page for both widths (resized from 1440 to 390), so the page loads once.
  it('has no axe violations at 1440 and 390 wide, and shows the demo accounts only on the demo build', async () => {
    await withPage(browser, { viewport: { width: 1440, height: 900 } }, async ({ page, problems }) => {
      await gotoApp(page, '/login');
      await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
      const demo = page.getByRole('region', { name: '演示账号' });
      if (onServer) {
        assert.equal(await demo.count(), 0, 'the real server has no demo accounts');
      } else {
        await demo.waitFor();
        assert.equal(await demo.getByRole('listitem').count(), 4);
        // The updater's domains are named once the report has arrived.
        await demo.getByText('负责:大气污染防治、生态绿化建设').waitFor();
      }
      // Validation messages are part of what axe checks.
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByText('请输入用户名').waitFor();
      for (const [width, height] of [
        [1440, 900],
        [390, 844],
      ]) {
        await page.setViewportSize({ width, height });
        await page.waitForFunction((w) => window.innerWidth === w, width);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${width} wide:\n${formatViolations(violations)}`);
        await screenshot(page, `login-${width}-${where}`);
      }
      assert.deepEqual(problems, []);
    });
  });

  it('refuses a wrong password in words, then signs in with the keyboard and goes back to `next`', async () => {
    await withPage(browser, {}, async ({ page }) => {
      await gotoApp(page, '/login?next=%2Fsource');
      await signIn(page, { username: ADMIN.username, password: 'not the password at all' });
      await page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();

      // Keyboard only: type, Enter.
      await page.getByLabel('密码', { exact: true }).fill('');
      await page.getByLabel('密码', { exact: true }).focus();
      await page.keyboard.type(ADMIN.password);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/source');
      const header = page.getByRole('banner');
      await header.getByText(ADMIN.username, { exact: true }).waitFor();
      await header.getByText('管理员', { exact: true }).waitFor();

      await header.getByRole('button', { name: '退出登录' }).click();
      const signInLink = header.getByRole('link', { name: '登录' });
      await signInLink.waitFor();
      assert.equal(await signInLink.getAttribute('href'), '/login?next=%2Fsource');
      assert.equal(await header.getByText(ADMIN.username, { exact: true }).count(), 0);
    });
  });

  it('ignores a `next` that leaves the app', async () => {
    await withPage(browser, {}, async ({ page }) => {
      await gotoApp(page, '/login?next=%2F%2Fevil.example%2F');
      await signIn(page, ADMIN);
      await page.waitForURL((url) => url.pathname === '/' && url.host !== 'evil.example');
      await page.getByRole('banner').getByRole('button', { name: '退出登录' }).waitFor();
    });
  });

  // The demo build only: the real server has no demo accounts (checked above).
  if (!onServer) it('lets a demo account be picked with one button', async () => {
    await withPage(browser, {}, async ({ page }) => {
      await gotoApp(page, '/login?next=%2Fmeeting');
      await page.getByRole('button', { name: '填入 demo-reviewer(督查室)' }).click();
      assert.equal(await page.getByLabel('用户名').inputValue(), 'demo-reviewer');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/meeting');
      await page.getByRole('banner').getByText('督查室', { exact: true }).waitFor();
    });
  });
});
