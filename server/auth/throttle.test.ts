// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  THROTTLE_WINDOW_MS,
  accountKey,
  addressKey,
  signInThrottle,
  throttleWindowStart,
} from './throttle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const now = new Date('2017-07-03T09:30:00+08:00');
const ago = (ms: number): Date => new Date(now.getTime() - ms);
/** `count` failures, one a second, the oldest `oldest` ago. */
const failures = (count: number, oldest: number): Date[] => Array.from({ length: count }, (_, i) => ago(oldest - i * SECOND));

describe('sign-in throttling per account', () => {
  it('lets the attempt after 9 failures go ahead (it may be the 10th failure)', () => {
    expect(signInThrottle({ account: failures(9, 5 * MINUTE), address: [] }, now)).toEqual({ allowed: true });
  });

  it('refuses the attempt after 10 failures (it would be the 11th), until the oldest leaves the window', () => {
    const decision = signInThrottle({ account: failures(10, 5 * MINUTE), address: [] }, now);
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 10 * 60 });
    if (decision.allowed) return;
    expect(decision.problem).toEqual({
      type: 'about:blank',
      title: '登录尝试过多',
      status: 429,
      detail: '失败的登录次数太多,请在 10 分钟后再试。',
    });
  });

  it('counts a failure exactly 15 minutes old as out of the window', () => {
    const tenWithOldestAtEdge = failures(10, THROTTLE_WINDOW_MS);
    expect(signInThrottle({ account: tenWithOldestAtEdge, address: [] }, now)).toEqual({ allowed: true });
    const tenWithOldestJustInside = failures(10, THROTTLE_WINDOW_MS - 1);
    expect(signInThrottle({ account: tenWithOldestJustInside, address: [] }, now)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it('ignores failures older than the window', () => {
    const old = failures(30, 2 * THROTTLE_WINDOW_MS);
    expect(signInThrottle({ account: [...old, ...failures(9, MINUTE)], address: [] }, now)).toEqual({ allowed: true });
  });

  it('with more than 10 failures (two servers racing), waits until the count is back under 10', () => {
    // 12 failures: the oldest at 14 min ago, then one a second. Fewer than 10 remain once three have left.
    const decision = signInThrottle({ account: failures(12, 14 * MINUTE), address: [] }, now);
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 60 + 2 });
  });

  it('waits at most one window for failures stamped in the future by another clock', () => {
    const future = Array.from({ length: 10 }, () => new Date(now.getTime() + 5 * MINUTE));
    expect(signInThrottle({ account: future, address: [] }, now)).toMatchObject({ retryAfterSeconds: 15 * 60 });
  });

  it('does not depend on the order the failures come in', () => {
    const shuffled = failures(10, 5 * MINUTE).reverse();
    expect(signInThrottle({ account: shuffled, address: [] }, now)).toMatchObject({ retryAfterSeconds: 10 * 60 });
  });
});

describe('sign-in throttling per address', () => {
  it('allows 49 failures from one address and refuses after 50', () => {
    expect(signInThrottle({ account: [], address: failures(49, 10 * MINUTE) }, now)).toEqual({ allowed: true });
    expect(signInThrottle({ account: [], address: failures(50, 10 * MINUTE) }, now)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 5 * 60,
    });
  });

  it('answers with the longer wait when both limits are reached', () => {
    const decision = signInThrottle({ account: failures(10, 3 * MINUTE), address: failures(50, 12 * MINUTE) }, now);
    expect(decision).toMatchObject({ retryAfterSeconds: 12 * 60 });
  });

  it('uses the limits of the design', () => {
    expect([MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MS]).toEqual([10, 50, 15 * MINUTE]);
    expect(throttleWindowStart(now)).toEqual(ago(15 * MINUTE));
  });
});

describe('what failures are counted under', () => {
  it('an account is the username as typed, compared as usernames are, whether or not it exists', () => {
    expect(accountKey('  Zhang.Wei ')).toBe('zhang.wei');
    expect(accountKey('ｚｈａｎｇ．ｗｅｉ')).toBe('zhang.wei');
  });

  it('an address is IPv4 as it is, IPv4-mapped IPv6 as IPv4, and other IPv6 by its /64', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('unknown')).toBe('unknown');
  });
});
