import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { problem, type FieldProblem } from './problem';

/**
 * Argon2id with OWASP's first recommended setting (Password Storage Cheat Sheet): 19 MiB of memory,
 * 2 passes, 1 lane. Measured on this machine: ~50 ms to hash, ~19 ms to verify, so a sign-in costs
 * little while a stolen table costs an attacker 19 MiB and two passes per guess.
 */
const ARGON2ID: Algorithm = 2;
export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

/**
 * OWASP ASVS 4.0 V2.1.1 and V2.1.2: at least 12 characters, at least 64 allowed, more than 128 denied.
 * No composition rules (ASVS V2.1.9): a long phrase in Chinese or pinyin is fine. The upper bound
 * keeps a sign-in body small; Argon2 itself does not slow down with length.
 */
export const PASSWORD_MIN_CHARACTERS = 12;
export const PASSWORD_MAX_CHARACTERS = 128;

/**
 * The same password typed with a Chinese input method in full-width mode (ａｂｃ１２３) and in
 * half-width mode must be the same password, so it is NFKC-normalised before hashing and checking.
 */
function normalized(password: string): string {
  return password.normalize('NFKC');
}

/** Characters as people count them: one per Unicode code point, not per UTF-16 unit. */
function characterCount(text: string): number {
  return Array.from(text).length;
}

/** The password policy for a new or reset password; null when it is acceptable. */
export function passwordProblem(password: string, username?: string): FieldProblem | null {
  const text = normalized(password);
  const count = characterCount(text);
  if (count < PASSWORD_MIN_CHARACTERS) {
    return { field: 'password', detail: `密码至少需要 ${PASSWORD_MIN_CHARACTERS} 个字符,现在是 ${count} 个。` };
  }
  if (count > PASSWORD_MAX_CHARACTERS) {
    return { field: 'password', detail: `密码最多 ${PASSWORD_MAX_CHARACTERS} 个字符,现在是 ${count} 个。` };
  }
  if (username !== undefined && text.trim().toLowerCase() === normalized(username).trim().toLowerCase()) {
    return { field: 'password', detail: '密码不能与用户名相同。' };
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalized(password), PASSWORD_HASH_OPTIONS);
}

/**
 * A hash of a random password nobody knows, with the same parameters as every real hash (a test keeps
 * them equal), so that checking a password for an account that does not exist costs what checking a
 * real one does.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$pKgpMc1tRK5YIqWQqAmUrQ$PgLuPjtZE32pl8JUrfbCgxozf1i++yMnUt7rT8DtvTk';

/**
 * Checks a sign-in. For an unknown (or disabled) account pass `null`: the password is still run
 * through Argon2id against the dummy hash and the answer is the same `false`, so neither the time
 * nor the answer says whether the account exists.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    await verify(DUMMY_PASSWORD_HASH, normalized(password)).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, normalized(password));
  } catch {
    // A malformed stored hash is a broken account, not a reason to answer differently.
    return false;
  }
}

/** The one answer to a failed sign-in, for a wrong password and an unknown or disabled account alike. */
export const SIGN_IN_REFUSED = problem(401, '用户名或密码不正确', '请检查用户名和密码后重试。');

/** True when a hash was made with weaker or other parameters than today's: rehash after a good sign-in. */
export function needsRehash(storedHash: string): boolean {
  try {
    const used = parseOptions(storedHash);
    return (
      used.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      used.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      used.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}

/** A one-time password for the first admin or a reset: 120 random bits, 20 characters. */
export function randomPassword(): string {
  return randomBytes(15).toString('base64url');
}
