import { afterEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../node/first-admin';
import { CliError, runUsersCommand } from '../node/users-cli';
import { backends } from './auth-harness';

describe.each(backends)('the first admin and the users command on $name', (backend) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  // Each test opens its own database: PGlite's start alone can take most of a minute on a loaded machine.
  it('creates admin once with a printed one-time password, which signs in', { timeout: 180_000 }, async () => {
    const opened = await backend.open();
    close = opened.close;
    const printed: string[] = [];
    expect(await ensureFirstAdmin(opened.accounts, opened.hasher, {}, (text) => printed.push(text))).toBe(true);
    expect(printed).toHaveLength(1);
    const password = /one-time password: (\S+)/.exec(printed[0] ?? '')?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const admin = await opened.accounts.findUser('admin');
    expect(admin).toMatchObject({ role: 'admin', active: true });
    expect(await opened.hasher.verify(admin?.passwordHash ?? null, password)).toBe(true);
    // The second start finds an account and neither creates nor prints anything.
    expect(await ensureFirstAdmin(opened.accounts, opened.hasher, { JINDU_ADMIN_PASSWORD: 'another long password' }, (text) => printed.push(text))).toBe(false);
    expect(printed).toHaveLength(1);
    expect(await opened.accounts.listUsers()).toHaveLength(1);
    const [entry] = await opened.accounts.listAudit({});
    expect(entry).toMatchObject({ action: 'user-created', who: null, requestId: 'first-start' });
    expect(JSON.stringify(entry)).not.toContain(password);
  });

  it('takes JINDU_ADMIN_PASSWORD without printing it, and refuses a weak one', { timeout: 180_000 }, async () => {
    const opened = await backend.open();
    close = opened.close;
    const printed: string[] = [];
    await expect(ensureFirstAdmin(opened.accounts, opened.hasher, { JINDU_ADMIN_PASSWORD: 'admin' }, (text) => printed.push(text))).rejects.toThrow(
      /JINDU_ADMIN_PASSWORD: 密码至少需要 12 个字符/,
    );
    expect(await opened.accounts.countUsers()).toBe(0);
    expect(await ensureFirstAdmin(opened.accounts, opened.hasher, { JINDU_ADMIN_PASSWORD: 'the district office 2017' }, (text) => printed.push(text))).toBe(true);
    expect(printed).toEqual([]);
    const admin = await opened.accounts.findUser('admin');
    expect(await opened.hasher.verify(admin?.passwordHash ?? null, 'the district office 2017')).toBe(true);
  });

  it('adds, lists, resets, disables and enables accounts, the password from standard input only', { timeout: 180_000 }, async () => {
    const opened = await backend.open();
    close = opened.close;
    const lines: string[] = [];
    let input = '';
    const run = (...args: string[]) =>
      runUsersCommand(args, {
        accounts: opened.accounts,
        hasher: opened.hasher,
        knownDomainIds: new Set(['air-pollution', 'greening']),
        io: { readInput: async () => input, out: (line) => lines.push(line) },
      });
    input = 'a long pass phrase\n';
    await run('add', 'li-ming', 'updater', 'air-pollution');
    await expect(run('add', 'li-ming', 'viewer')).rejects.toThrow(/exists already/);
    await expect(run('add', 'wang-fang', 'boss')).rejects.toThrow(CliError);
    await expect(run('add', 'wang-fang', 'reviewer', 'greening')).rejects.toThrow(/Only updaters/);
    await expect(run('add', 'wang-fang', 'updater', 'nowhere')).rejects.toThrow(/No such domain/);
    input = '';
    await expect(run('add', 'wang-fang', 'viewer')).rejects.toThrow(/standard input/);
    input = 'short\n';
    await expect(run('add', 'wang-fang', 'viewer')).rejects.toThrow(/至少需要 12 个字符/);
    lines.length = 0;
    await run('list');
    expect(lines).toEqual([expect.stringMatching(/^\S+\tli-ming\tupdater\tactive\tair-pollution$/)]);

    const user = await opened.accounts.findUser('li-ming');
    await opened.accounts.startSession({ idHash: 'h'.repeat(64), userId: user?.id ?? '', createdAt: new Date(), lastSeenAt: new Date() }, null);
    input = 'a different pass phrase\n';
    await run('reset', 'li-ming');
    expect(await opened.hasher.verify((await opened.accounts.findUser('li-ming'))?.passwordHash ?? null, 'a different pass phrase')).toBe(true);
    expect(await opened.accounts.findSession('h'.repeat(64))).toBeUndefined();
    await run('disable', 'li-ming');
    expect((await opened.accounts.findUser('li-ming'))?.active).toBe(false);
    await run('enable', 'li-ming');
    expect((await opened.accounts.findUser('li-ming'))?.active).toBe(true);
    await expect(run('reset', 'nobody-here')).rejects.toThrow(/No account/);
    await expect(run('frobnicate')).rejects.toThrow(/Usage/);
    const actions = (await opened.accounts.listAudit({})).map((entry) => entry.action);
    expect(actions).toEqual(['user-changed', 'user-changed', 'password-reset', 'user-created']);
  });
});
