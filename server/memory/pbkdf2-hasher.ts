import type { PasswordHasher } from '../core/password-hasher';
import { normalized } from '../auth/password-policy';

/**
 * PBKDF2-SHA-256 through Web Crypto, for the in-memory store: the browser's demo (where Argon2's
 * native module cannot load) and tests that do not care about the cost of a hash. Far weaker than
 * Argon2id against a stolen table, which is why the Node server never uses it: the demo's accounts
 * and their passwords are public anyway.
 */
const ITERATIONS = 10_000;
const PREFIX = `pbkdf2-sha256$${ITERATIONS}$`;

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(normalized(password)), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return toBase64(new Uint8Array(bits));
}

const DUMMY_SALT = new Uint8Array(16);

export const pbkdf2Hasher: PasswordHasher = {
  async hash(password) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    return `${PREFIX}${toBase64(salt)}$${await derive(password, salt, ITERATIONS)}`;
  },
  async verify(storedHash, password) {
    const [kind, iterations, salt, expected] = (storedHash ?? '').split('$');
    if (storedHash === null || kind !== 'pbkdf2-sha256' || salt === undefined || expected === undefined) {
      await derive(password, DUMMY_SALT, ITERATIONS);
      return false;
    }
    const saltBytes = Uint8Array.from(atob(salt), (c) => c.charCodeAt(0));
    const actual = await derive(password, saltBytes, Number(iterations));
    // Equal length base64 of two digests; the demo's hashes guard nothing worth a timing attack.
    return actual === expected;
  },
  needsRehash: (storedHash) => !storedHash.startsWith(PREFIX),
};
