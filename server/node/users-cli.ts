import { auditEntry } from '../auth/audit';
import { passwordProblem } from '../auth/password-policy';
import { isRole, type Role } from '../auth/permissions';
import type { AccountStore } from '../core/account-store';
import type { PasswordHasher } from '../core/password-hasher';

/**
 * `npm run users -- add|list|disable|enable|reset …`: accounts from the shell, for the first admin's
 * colleagues or a forgotten admin password. Passwords come from standard input, never from the
 * command line (which the shell's history and `ps` would show). Every change goes into the audit log
 * with who = nobody and the request id `cli`.
 */
export const USAGE = `Usage: npm run users -- <command>
  list                                   the accounts
  add <username> <role> [domain-id …]    role: viewer, updater, reviewer, admin (domains for updaters); password from standard input
  reset <username>                       a new password from standard input; ends the account's sessions
  disable <username>                     the account can no longer sign in; ends its sessions
  enable <username>
Example: printf '%s\\n' 'a long pass phrase' | npm run users -- add li updater air-pollution`;

export interface CliIo {
  /** Standard input, whole (the password is its first line). */
  readInput(): Promise<string>;
  out(line: string): void;
}

export class CliError extends Error {}

async function passwordFrom(io: CliIo, username: string): Promise<string> {
  const password = (await io.readInput()).split(/\r?\n/)[0] ?? '';
  if (password === '') throw new CliError('No password on standard input (pipe it in; it is never taken as an argument).');
  const weak = passwordProblem(password, username);
  if (weak !== null) throw new CliError(weak.detail);
  return password;
}

const audit = (action: 'user-created' | 'user-changed' | 'password-reset', id: string, before: unknown, after: unknown, at: Date) =>
  auditEntry({ who: null, action, target: { kind: 'user', id, domainId: null }, before, after, at, address: null, requestId: 'cli' });

/** Runs one command; throws CliError for what the person typed wrong. */
export async function runUsersCommand(
  args: readonly string[],
  { accounts, hasher, io, knownDomainIds, now = () => new Date() }: { accounts: AccountStore; hasher: PasswordHasher; io: CliIo; knownDomainIds: ReadonlySet<string>; now?: () => Date },
): Promise<void> {
  const [command, username, ...rest] = args;
  const named = async () => {
    if (username === undefined) throw new CliError(USAGE);
    const user = await accounts.findUser(username.toLowerCase());
    if (user === undefined) throw new CliError(`No account named ${username}.`);
    return user;
  };
  switch (command) {
    case 'list': {
      for (const user of await accounts.listUsers()) {
        io.out([user.id, user.username, user.role, user.active ? 'active' : 'disabled', user.domainIds.join(',')].join('\t').trimEnd());
      }
      return;
    }
    case 'add': {
      const [roleText = '', ...domainIds] = rest;
      if (username === undefined || !/^[a-z0-9][a-z0-9._-]{2,31}$/.test(username)) {
        throw new CliError('A username is 3–32 lower-case letters, digits, ".", "_" or "-".');
      }
      if (!isRole(roleText)) throw new CliError(`The role must be viewer, updater, reviewer or admin, not "${roleText}".`);
      const role: Role = roleText;
      if (role !== 'updater' && domainIds.length > 0) throw new CliError('Only updaters have domains.');
      const unknown = domainIds.filter((id) => !knownDomainIds.has(id));
      if (unknown.length > 0) throw new CliError(`No such domain: ${unknown.join(', ')}.`);
      const password = await passwordFrom(io, username);
      const passwordHash = await hasher.hash(password);
      const at = now();
      const created = await accounts.transaction(async (tx) => {
        const user = await tx.createUser({ username, passwordHash, role, domainIds, createdAt: at });
        if (user !== undefined) await tx.appendAudit(audit('user-created', user.id, undefined, { username, role, domainIds, active: true }, at));
        return user;
      });
      if (created === undefined) throw new CliError(`An account named ${username} exists already.`);
      io.out(`Created ${created.username} (${created.role}${domainIds.length > 0 ? `: ${domainIds.join(', ')}` : ''}).`);
      return;
    }
    case 'reset': {
      const user = await named();
      const password = await passwordFrom(io, user.username);
      const passwordHash = await hasher.hash(password);
      const at = now();
      await accounts.transaction(async (tx) => {
        await tx.updateUser(user.id, { passwordHash });
        await tx.endUserSessions(user.id);
        await tx.appendAudit(audit('password-reset', user.id, undefined, { password: 'changed', sessionsEnded: true }, at));
      });
      io.out(`New password set for ${user.username}; their sessions are ended.`);
      return;
    }
    case 'disable':
    case 'enable': {
      const user = await named();
      const active = command === 'enable';
      const at = now();
      await accounts.transaction(async (tx) => {
        await tx.updateUser(user.id, { active });
        if (!active) await tx.endUserSessions(user.id);
        await tx.appendAudit(audit('user-changed', user.id, { active: user.active }, { active }, at));
      });
      io.out(`${user.username} is ${active ? 'enabled' : 'disabled'}.`);
      return;
    }
    default:
      throw new CliError(USAGE);
  }
}
