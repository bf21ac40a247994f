import { auditEntry } from '../auth/audit';
import { passwordProblem } from '../auth/password-policy';
import { randomPassword } from '../auth/passwords';
import type { AccountStore } from '../core/account-store';
import type { PasswordHasher } from '../core/password-hasher';

export const FIRST_ADMIN = 'admin';

/**
 * The first start on a database without accounts creates `admin`: with JINDU_ADMIN_PASSWORD, or with
 * a one-time random password that `announce` shows once (a plain line on the terminal, never a JSON
 * log line beside other fields, so log collectors that keep JSON do not keep it). Resolves to
 * whether it created the account; a second server starting at the same moment finds it taken.
 */
export async function ensureFirstAdmin(
  accounts: AccountStore,
  hasher: PasswordHasher,
  env: Readonly<Record<string, string | undefined>>,
  announce: (text: string) => void,
  now: Date = new Date(),
): Promise<boolean> {
  if ((await accounts.countUsers()) > 0) return false;
  const given = env.JINDU_ADMIN_PASSWORD;
  if (given !== undefined && given !== '') {
    const weak = passwordProblem(given, FIRST_ADMIN);
    if (weak !== null) throw new Error(`JINDU_ADMIN_PASSWORD: ${weak.detail}`);
  }
  const password = given !== undefined && given !== '' ? given : randomPassword();
  const created = await accounts.transaction(async (tx) => {
    const user = await tx.createUser({ username: FIRST_ADMIN, passwordHash: await hasher.hash(password), role: 'admin', domainIds: [], createdAt: now });
    if (user === undefined) return false;
    await tx.appendAudit(
      auditEntry({
        who: null,
        action: 'user-created',
        target: { kind: 'user', id: user.id, domainId: null },
        after: { username: user.username, role: user.role, domainIds: [], active: true, firstStart: true },
        at: now,
        address: null,
        requestId: 'first-start',
      }),
    );
    return true;
  });
  if (created && (given === undefined || given === '')) {
    announce(
      [
        '',
        '  The first administrator account was created.',
        `  username: ${FIRST_ADMIN}`,
        `  one-time password: ${password}`,
        '  It is shown this once: sign in at /login and change it (npm run users -- reset admin).',
        '',
      ].join('\n'),
    );
  }
  return created;
}
