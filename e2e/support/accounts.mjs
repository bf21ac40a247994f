// Signing in for the browser tests of /login and /admin: the demo build (MSW) has the demo accounts of
// the README; the built server has only its first admin, made from JINDU_ADMIN_PASSWORD (run.mjs sets it).
export const onServer = process.env.E2E_SERVER === '1';

export const ADMIN = onServer
  ? { username: 'admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-2017' }
  : { username: 'demo-admin', password: 'demo-admin-2017' };

/** Fills the sign-in form of the page (already at /login) and sends it. */
export async function signIn(page, { username, password }) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Today in the district (+08:00), as a date input wants it. */
export function todayInDistrict() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
