// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientAddress, isHttps, publicOrigin } from './config';
import {
  DISPLAY_TOKEN_PARAM,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  canExchangeDisplayLink,
  clearDisplayCookie,
  clearSessionCookie,
  displayLink,
  displayLinkInRequest,
  exchangeDisplayLink,
  hashSecret,
  isDisplayTokenValid,
  isSessionValid,
  issueDisplayToken,
  newSecret,
  readDisplaySecret,
  readSessionId,
  sessionAtSignIn,
  sessionCookie,
  sessionExpiresAt,
  startSession,
  touch,
  urlForLog,
  type Session,
} from './sessions';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const t0 = new Date('2017-07-03T09:00:00+08:00');
const at = (ms: number): Date => new Date(t0.getTime() + ms);

/** The value of a Set-Cookie line, as a browser would send it back. */
function cookieHeader(setCookie: string): string {
  return setCookie.split(';')[0] ?? '';
}

describe('session ids', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const id = newSecret();
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(new Set(Array.from({ length: 100 }, newSecret)).size).toBe(100);
  });

  it('are stored only as their SHA-256', () => {
    const { id, session } = startSession('user-1', t0);
    expect(session.idHash).toBe(createHash('sha256').update(id).digest('hex'));
    expect(JSON.stringify(session)).not.toContain(id);
  });
});

describe('signing in (session fixation)', () => {
  /** The server's steps, over a map standing in for the sessions table keyed by idHash. */
  function signIn(store: Map<string, Session>, userId: string, now: Date, presentedId: string | null): string {
    const { id, session, endIdHash } = sessionAtSignIn(userId, now, presentedId);
    if (endIdHash !== null) store.delete(endIdHash);
    store.set(session.idHash, session);
    return id;
  }
  function lookUp(store: Map<string, Session>, id: string, now: Date): Session | null {
    const session = store.get(hashSecret(id));
    return session !== undefined && isSessionValid(session, now) ? session : null;
  }

  it('never keeps an id issued before the sign-in: a planted id is ended, a new one issued', () => {
    const store = new Map<string, Session>();
    // The attacker signs in as themself and plants that session id in the victim's browser.
    const planted = signIn(store, 'attacker', t0, null);
    expect(lookUp(store, planted, at(MINUTE))?.userId).toBe('attacker');

    const issued = signIn(store, 'victim', at(2 * MINUTE), planted);
    expect(issued).not.toBe(planted);
    expect(lookUp(store, planted, at(3 * MINUTE))).toBeNull();
    expect(lookUp(store, issued, at(3 * MINUTE))?.userId).toBe('victim');
  });

  it('issues a new id even when the same person signs in again with a valid session', () => {
    const store = new Map<string, Session>();
    const first = signIn(store, 'user-1', t0, null);
    const second = signIn(store, 'user-1', at(HOUR), first);
    expect(second).not.toBe(first);
    expect(lookUp(store, first, at(HOUR))).toBeNull();
    expect(store.size).toBe(1);
  });

  it('does not look up a presented value that cannot be a session id', () => {
    expect(sessionAtSignIn('user-1', t0, 'not-a-session-id').endIdHash).toBeNull();
  });
});

describe('session expiry', () => {
  it('ends 8 hours after the last use', () => {
    const { session } = startSession('user-1', t0);
    expect(isSessionValid(session, at(SESSION_IDLE_MS - 1))).toBe(true);
    expect(isSessionValid(session, at(SESSION_IDLE_MS))).toBe(false);
    expect(sessionExpiresAt(session)).toEqual(at(8 * HOUR));
  });

  it('slides with use, but ends 7 days after the sign-in however busy it is', () => {
    let { session } = startSession('user-1', t0);
    for (let now = HOUR; now < SESSION_ABSOLUTE_MS; now += HOUR) {
      const seen = touch(session, at(now));
      expect(seen).toEqual(at(now));
      if (seen !== null) session = { ...session, lastSeenAt: seen };
    }
    expect(isSessionValid(session, at(SESSION_ABSOLUTE_MS - 1))).toBe(true);
    expect(isSessionValid(session, at(SESSION_ABSOLUTE_MS))).toBe(false);
    expect(touch(session, at(SESSION_ABSOLUTE_MS))).toBeNull();
  });

  it('writes the last use at most once a minute', () => {
    const { session } = startSession('user-1', t0);
    expect(touch(session, at(MINUTE - 1))).toBeNull();
    expect(touch(session, at(MINUTE))).toEqual(at(MINUTE));
  });

  it('is not revived by a touch after it ended', () => {
    const { session } = startSession('user-1', t0);
    expect(touch(session, at(9 * HOUR))).toBeNull();
    expect(isSessionValid(session, at(9 * HOUR))).toBe(false);
  });

  it('uses the 8-hour and 7-day limits', () => {
    expect(SESSION_IDLE_MS).toBe(8 * HOUR);
    expect(SESSION_ABSOLUTE_MS).toBe(7 * DAY);
  });
});

describe('the session cookie', () => {
  const id = newSecret();

  it('over HTTPS: __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain, no Max-Age', () => {
    expect(sessionCookie(id, true)).toBe(`__Host-jindu_session=${id}; Path=/; HttpOnly; SameSite=Lax; Secure`);
  });

  it('over plain HTTP (a laptop on localhost): no prefix and no Secure, which the browser would refuse', () => {
    expect(sessionCookie(id, false)).toBe(`jindu_session=${id}; Path=/; HttpOnly; SameSite=Lax`);
  });

  it('is cleared with the same attributes and Max-Age=0', () => {
    expect(clearSessionCookie(true)).toBe('__Host-jindu_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Secure');
    expect(clearSessionCookie(false)).toBe('jindu_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
  });

  it('is read back by its own name only', () => {
    const secure = new Request('https://jindu.test/api/v1/session', {
      headers: { cookie: `theme=dark; __Host-jindu_session=${id}; other=1` },
    });
    expect(readSessionId(secure, true)).toBe(id);
    // Over HTTPS a plain-named cookie may have been tossed in by a subdomain: not a session.
    const tossed = new Request('https://jindu.test/api/v1/session', { headers: { cookie: `jindu_session=${id}` } });
    expect(readSessionId(tossed, true)).toBeNull();
    const plain = new Request('http://localhost:8080/api/v1/session', { headers: { cookie: `jindu_session=${id}` } });
    expect(readSessionId(plain, false)).toBe(id);
  });

  it('is ignored when it cannot be a session id', () => {
    const request = new Request('http://localhost:8080/', { headers: { cookie: "jindu_session=' OR 1=1 --" } });
    expect(readSessionId(request, false)).toBeNull();
    expect(readSessionId(new Request('http://localhost:8080/'), false)).toBeNull();
  });
});

describe('whether a request is HTTPS', () => {
  const direct = { behindProxy: false };
  const proxied = { behindProxy: true };

  it('is the request URL itself unless a proxy is trusted', () => {
    expect(isHttps(new Request('https://jindu.test/'), direct)).toBe(true);
    const claimed = new Request('http://jindu.test/', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.test' } });
    expect(isHttps(claimed, direct)).toBe(false);
    expect(publicOrigin(claimed, direct)).toBe('http://jindu.test');
  });

  it('follows X-Forwarded-Proto and X-Forwarded-Host (first value) behind a trusted proxy', () => {
    const request = new Request('http://127.0.0.1:8080/', {
      headers: { 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'jindu.example.gov.cn, 10.0.0.2' },
    });
    expect(isHttps(request, proxied)).toBe(true);
    expect(publicOrigin(request, proxied)).toBe('https://jindu.example.gov.cn');
    expect(publicOrigin(new Request('http://127.0.0.1:8080/'), proxied)).toBe('http://127.0.0.1:8080');
  });
});

describe('the client address', () => {
  const request = new Request('http://127.0.0.1:8080/api/v1/session', { headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.4' } });

  it('is the socket’s peer unless a proxy is trusted, so a client cannot pick its own', () => {
    expect(clientAddress(request, '10.0.0.2', { behindProxy: false })).toBe('10.0.0.2');
  });

  it('behind a trusted proxy is the X-Forwarded-For entry that proxy appended (the last)', () => {
    expect(clientAddress(request, '10.0.0.2', { behindProxy: true })).toBe('198.51.100.4');
    expect(clientAddress(new Request('http://127.0.0.1:8080/'), '10.0.0.2', { behindProxy: true })).toBe('10.0.0.2');
  });
});

describe('display tokens', () => {
  it('open once: the link is swapped for a cookie and taken out of the address', () => {
    const { linkSecret, token } = issueDisplayToken(t0);
    const link = displayLink('https://jindu.test/jindu/wall?rotate=20', linkSecret);
    expect(new URL(link).searchParams.get(DISPLAY_TOKEN_PARAM)).toBe(linkSecret);
    expect(JSON.stringify(token)).not.toContain(linkSecret);

    const opened = displayLinkInRequest(new Request(link));
    expect(opened).toEqual({ linkSecretHash: token.linkSecretHash, location: '/jindu/wall?rotate=20' });
    expect(canExchangeDisplayLink(token, at(HOUR))).toBe(true);

    const { token: exchanged, setCookie } = exchangeDisplayLink(token, true);
    expect(setCookie).toMatch(/^__Host-jindu_display=[A-Za-z0-9_-]{43}; Max-Age=34560000; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    expect(setCookie).not.toContain(linkSecret);
    expect(canExchangeDisplayLink(exchanged, at(HOUR))).toBe(false);
    expect(isDisplayTokenValid(exchanged)).toBe(true);

    const wallRequest = new Request('https://jindu.test/api/v1/reports', { headers: { cookie: cookieHeader(setCookie) } });
    const secret = readDisplaySecret(wallRequest, true);
    expect(secret === null ? null : hashSecret(secret)).toBe(exchanged.cookieSecretHash);
  });

  it('stop working once revoked', () => {
    const { token } = issueDisplayToken(t0);
    const { token: exchanged } = exchangeDisplayLink(token, true);
    const revoked = { ...exchanged, revokedAt: at(DAY) };
    expect(isDisplayTokenValid(revoked)).toBe(false);
    expect(canExchangeDisplayLink({ ...token, revokedAt: at(DAY) }, at(DAY))).toBe(false);
  });

  it('have links that expire unopened after 7 days', () => {
    const { token } = issueDisplayToken(t0);
    expect(isDisplayTokenValid(token)).toBe(false);
    expect(canExchangeDisplayLink(token, at(7 * DAY - 1))).toBe(true);
    expect(canExchangeDisplayLink(token, at(7 * DAY))).toBe(false);
  });

  it('clean a malformed link from the address without matching any token', () => {
    const opened = displayLinkInRequest(new Request(`http://localhost:8080/wall?${DISPLAY_TOKEN_PARAM}=abc`));
    expect(opened).toEqual({ linkSecretHash: null, location: '/wall' });
    expect(displayLinkInRequest(new Request('http://localhost:8080/wall'))).toBeNull();
  });

  it('are cleared like sessions, and never appear in logged URLs', () => {
    expect(clearDisplayCookie(false)).toBe('jindu_display=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
    const secret = newSecret();
    const logged = urlForLog(`https://jindu.test/wall?${DISPLAY_TOKEN_PARAM}=${secret}&x=1`);
    expect(logged).not.toContain(secret);
    expect(logged).toBe('/wall?display-token=%5Bredacted%5D&x=1');
  });
});
