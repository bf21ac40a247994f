import { hashPassword, needsRehash, verifyPassword } from '../auth/passwords';
import type { PasswordHasher } from '../core/password-hasher';

/** Argon2id (server/auth/passwords.ts): the Node server's hasher, never bundled for the browser. */
export const argon2Hasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword, needsRehash };
