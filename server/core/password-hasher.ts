/**
 * How passwords are hashed and checked, given to createApi: Argon2id on the Node server
 * (server/node/argon2-hasher.ts); in the browser's demo, where the native Argon2 cannot load, PBKDF2
 * through Web Crypto (server/memory/pbkdf2-hasher.ts), which is enough for the public demo accounts.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** `null` for an unknown or disabled account: still costs a check, and answers false. */
  verify(storedHash: string | null, password: string): Promise<boolean>;
  needsRehash(storedHash: string): boolean;
}
