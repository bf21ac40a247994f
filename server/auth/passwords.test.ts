// @vitest-environment node
import { hash, parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  DUMMY_PASSWORD_HASH,
  PASSWORD_HASH_OPTIONS,
  hashPassword,
  needsRehash,
  passwordProblem,
  randomPassword,
  verifyPassword,
} from './passwords';

describe('password hashes', () => {
  it('are Argon2id with the chosen parameters and a fresh salt each time', async () => {
    const first = await hashPassword('二七区进度填报 2017');
    const second = await hashPassword('二七区进度填报 2017');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(second).not.toBe(first);
    expect(needsRehash(first)).toBe(false);
  });

  it('accept the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapl')).toBe(false);
  });

  it('read a password typed in full-width mode as the same password', async () => {
    const stored = await hashPassword('abc123456789xyz');
    expect(await verifyPassword(stored, 'ａｂｃ１２３４５６７８９ｘｙｚ')).toBe(true);
  });

  it('answer false for a malformed stored hash instead of failing', async () => {
    expect(await verifyPassword('not a hash', 'whatever password')).toBe(false);
  });

  it('ask for a rehash when a stored hash used weaker parameters', async () => {
    const weak = await hash('an older password', { ...PASSWORD_HASH_OPTIONS, memoryCost: 4096 });
    expect(parseOptions(weak).memoryCost).toBe(4096);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });
});

describe('an unknown account', () => {
  it('is checked against a dummy hash with the same parameters as real ones', () => {
    const dummy = parseOptions(DUMMY_PASSWORD_HASH);
    expect(dummy).toMatchObject({
      algorithm: PASSWORD_HASH_OPTIONS.algorithm,
      memoryCost: PASSWORD_HASH_OPTIONS.memoryCost,
      timeCost: PASSWORD_HASH_OPTIONS.timeCost,
      parallelism: PASSWORD_HASH_OPTIONS.parallelism,
    });
    expect(needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
  });

  it('gives the same answer as a wrong password, in about the same time', async () => {
    const stored = await hashPassword('the real password here');
    const timed = async (check: () => Promise<boolean>): Promise<number> => {
      const start = performance.now();
      expect(await check()).toBe(false);
      return performance.now() - start;
    };
    // Interleaved, and the fastest of each kept: other work on the machine only ever adds time.
    let wrongPassword = Infinity;
    let unknownAccount = Infinity;
    for (let i = 0; i < 5; i += 1) {
      wrongPassword = Math.min(wrongPassword, await timed(() => verifyPassword(stored, 'a wrong password')));
      unknownAccount = Math.min(unknownAccount, await timed(() => verifyPassword(null, 'a wrong password')));
    }
    // Both run one Argon2id verification (~19 ms here); an early return would be under a millisecond.
    // Only the lower bound is timed: on a loaded machine an upper one fails at random, and the test
    // above already holds the dummy hash to the same parameters, hence the same cost.
    expect(unknownAccount).toBeGreaterThan(wrongPassword * 0.5);
  });
});

describe('the password policy', () => {
  it('refuses 11 characters and accepts 12, naming the field', () => {
    expect(passwordProblem('a'.repeat(11))).toEqual({ field: 'password', detail: '密码至少需要 12 个字符,现在是 11 个。' });
    expect(passwordProblem('a'.repeat(12))).toBeNull();
  });

  it('accepts 128 characters and refuses 129', () => {
    expect(passwordProblem('密'.repeat(128))).toBeNull();
    expect(passwordProblem('密'.repeat(129))?.field).toBe('password');
  });

  it('counts characters as people do, not UTF-16 units', () => {
    // Six emoji are twelve UTF-16 units but six characters: too short.
    expect(passwordProblem('😀'.repeat(6))?.detail).toContain('现在是 6 个');
  });

  it('refuses the username as the password', () => {
    expect(passwordProblem('Zhang.Wei.2017', 'zhang.wei.2017')?.detail).toBe('密码不能与用户名相同。');
    expect(passwordProblem('Zhang.Wei.2017', 'li.na')).toBeNull();
  });

  it('makes random passwords that pass it', () => {
    const password = randomPassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(passwordProblem(password)).toBeNull();
    expect(randomPassword()).not.toBe(password);
  });
});
