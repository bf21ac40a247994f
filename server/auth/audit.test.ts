// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hashPassword } from './passwords';
import { hashSecret, newSecret, sessionCookie } from './sessions';
import { AUDIT_ACTIONS, REDACTED, auditEntry, redact } from './audit';

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)]);
  return [];
}

describe('redaction', () => {
  it('replaces every key that names a secret, in any spelling and at any depth', () => {
    const redacted = redact({
      username: 'zhang.wei',
      password: 'correct horse battery',
      password_hash: 'x',
      PasswordHash: 'x',
      'Set-Cookie': 'x',
      headers: { Cookie: 'x', authorization: 'Bearer x' },
      sessions: [{ sessionId: 'x', createdAt: new Date('2017-07-03T01:00:00Z') }],
      resetToken: 'x',
      credentials: { secret: 'x' },
    });
    expect(redacted).toEqual({
      username: 'zhang.wei',
      password: REDACTED,
      password_hash: REDACTED,
      PasswordHash: REDACTED,
      'Set-Cookie': REDACTED,
      headers: { Cookie: REDACTED, authorization: REDACTED },
      sessions: [{ sessionId: REDACTED, createdAt: '2017-07-03T01:00:00.000Z' }],
      resetToken: REDACTED,
      credentials: REDACTED,
    });
  });

  it('cuts out values that are secrets whatever key holds them, also inside longer text', async () => {
    const hash = await hashPassword('a password of twelve');
    const id = newSecret();
    const stored = hashSecret(id);
    const redacted = redact({
      note: `pasted ${hash} by mistake`,
      link: `https://jindu.test/wall?display-token=${id}`,
      header: sessionCookie(id, true),
      lookup: stored.toUpperCase(),
      nested: [[{ deep: id }]],
    });
    const everything = strings(redacted).join('\n');
    for (const secret of [hash, id, stored, stored.toUpperCase(), '$argon2id$']) expect(everything).not.toContain(secret);
    expect(redacted).toMatchObject({ link: `https://jindu.test/wall?display-token=${REDACTED}`, nested: [[{ deep: REDACTED }]] });
  });

  it('keeps ordinary text, Chinese included, and numbers as they are', () => {
    const value = { progress: '完成投资 12.3 亿元,占年度目标的 56%', value: 66, ok: true, none: null, list: [1, '二七区'] };
    expect(redact(value)).toEqual(value);
  });

  it('turns what JSON cannot hold into what JSON.stringify would, and survives cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    const shared = { x: 1 };
    expect(
      redact({
        cyclic,
        twice: [shared, shared],
        gone: undefined,
        fn: () => 1,
        nan: Number.NaN,
        big: 12n,
        map: new Map([['passwordHash', 'x'], ['role', 'admin']]),
        set: new Set(['a']),
        arr: [undefined],
      }),
    ).toEqual({
      cyclic: { name: 'a', self: '[cycle]' },
      twice: [{ x: 1 }, { x: 1 }],
      nan: null,
      big: '12',
      map: { passwordHash: REDACTED, role: 'admin' },
      set: ['a'],
      arr: [null],
    });
  });

  it('stops at a sane depth', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i += 1) deep = { deep };
    expect(JSON.stringify(redact(deep))).toContain('[too deep]');
  });
});

describe('audit entries', () => {
  it('always pass before and after through redaction', () => {
    const entry = auditEntry({
      who: { id: 'u-admin', username: 'admin' },
      action: 'password-reset',
      target: { kind: 'user', id: 'u-7', domainId: null },
      before: { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$abc$def' },
      after: { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$ghi$jkl', disabled: false },
      at: new Date('2017-07-03T01:00:00Z'),
      address: '192.0.2.7',
      requestId: 'req-1',
    });
    expect(entry.before).toEqual({ passwordHash: REDACTED });
    expect(entry.after).toEqual({ passwordHash: REDACTED, disabled: false });
    expect(JSON.stringify(entry)).not.toContain('$argon2');
  });

  it('have null before for something new and null after for something gone', () => {
    const entry = auditEntry({
      who: null,
      action: 'sign-in-failed',
      target: null,
      at: new Date('2017-07-03T01:00:00Z'),
      address: null,
      requestId: 'req-2',
    });
    expect([entry.before, entry.after]).toEqual([null, null]);
  });

  it('name every kind of change issue 15 asks to record', () => {
    expect(AUDIT_ACTIONS).toEqual(expect.arrayContaining(['sign-in', 'sign-in-failed', 'user-changed', 'display-token-revoked', 'update-reviewed']));
  });
});
