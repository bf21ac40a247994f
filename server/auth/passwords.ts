import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { normalized } from './password-policy';

/**
 * Argon2id with OWASP's first recommended setting (Password Storage Cheat Sheet): 19 MiB of memory,
 * 2 passes, 1 lane. Measured on this machine: ~50 ms to hash, ~19 ms to verify, so a sign-in costs
 * little while a stolen table costs an attacker 19 MiB and two passes per guess.
 */
const ARGON2ID: Algorithm = 2;
// The policy has its own module so the browser's demo build can use it without loading Argon2.
export { PASSWORD_MAX_CHARACTERS, PASSWORD_MIN_CHARACTERS, SIGN_IN_REFUSED, passwordProblem } from './password-policy';

export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

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
