import { isIPv4, isIPv6 } from 'node:net';
import type { Problem } from '../../src/api/schemas';
import { problem } from './problem';

/**
 * Failed sign-ins allowed in a sliding 15-minute window before further attempts are refused: 10 per
 * account (one person mistyping never gets there; a guesser gets 40 tries an hour), 50 per client
 * address (an office behind one NAT address has many people, but one guesser cannot walk through
 * every account).
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

/** The failed sign-ins the server found for this attempt's account and address (older ones do no harm). */
export interface RecentFailures {
  account: readonly Date[];
  address: readonly Date[];
}

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; problem: Problem };

/** The start of the window: the server needs failures after this (`WHERE at > $1`) and may delete older ones. */
export function throttleWindowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE_WINDOW_MS);
}

/**
 * Milliseconds until fewer than `limit` failures are left in the window, or 0 if that is already so.
 * A failure exactly 15 minutes old has left the window. With exactly `limit` failures the wait runs
 * out with the oldest one; with more (two servers racing past the limit) with the one that brings the
 * count back under it.
 */
function waitMs(failures: readonly Date[], limit: number, now: Date): number {
  const start = throttleWindowStart(now).getTime();
  const inWindow = failures.map((failure) => failure.getTime()).filter((time) => time > start).sort((a, b) => a - b);
  const excess = inWindow.length - limit;
  if (excess < 0) return 0;
  const leaving = inWindow[excess] ?? now.getTime();
  // A failure stamped a little in the future by another server's clock waits at most one window.
  return Math.min(leaving + THROTTLE_WINDOW_MS - now.getTime(), THROTTLE_WINDOW_MS);
}

/**
 * Whether a sign-in attempt may go ahead, decided before the password is checked. It does not take
 * whether the account exists: failures are counted under the name as typed, so a made-up name is
 * throttled exactly like a real one and the 429 says nothing about which accounts exist.
 */
export function signInThrottle(failures: RecentFailures, now: Date): ThrottleDecision {
  const wait = Math.max(
    waitMs(failures.account, MAX_FAILURES_PER_ACCOUNT, now),
    waitMs(failures.address, MAX_FAILURES_PER_ADDRESS, now),
  );
  if (wait === 0) return { allowed: true };
  const retryAfterSeconds = Math.max(1, Math.ceil(wait / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return {
    allowed: false,
    retryAfterSeconds,
    problem: problem(429, '登录尝试过多', `失败的登录次数太多,请在 ${minutes} 分钟后再试。`),
  };
}

/** The account a failure is counted under: the username as typed, in the form usernames are compared. */
export function accountKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  const halves = address.toLowerCase().split('::');
  const groupsOf = (part: string | undefined): number[] => {
    if (part === undefined || part === '') return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [Number.parseInt(group, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  const zeros = halves.length === 2 ? Array.from({ length: 8 - head.length - tail.length }, () => 0) : [];
  const groups = [...head, ...zeros, ...tail];
  return groups.length === 8 ? groups : null;
}

/**
 * The client address a failure is counted under. IPv4 as it is; an IPv4 address written as IPv6
 * (::ffff:192.0.2.1, as Node reports clients of a dual-stack socket) as IPv4; other IPv6 addresses by
 * their /64, since one home or office line is given a whole /64 and could otherwise take a fresh
 * address for every attempt.
 */
export function addressKey(address: string): string {
  const bare = address.trim().replace(/%.*$/, '');
  if (isIPv4(bare)) return bare;
  const groups = ipv6Groups(bare);
  if (groups === null) return bare;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}
