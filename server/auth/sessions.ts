import { createHash, randomBytes } from 'node:crypto';

/**
 * How long a session lasts, in one place.
 * - Idle 8 hours: a working day. An updater can open the form in the morning, gather figures from
 *   colleagues through the day and still send it; a session left overnight is over by morning.
 * - Absolute 7 days: one weekly reporting cycle. Even a tab that keeps a session busy (a dashboard
 *   left open) has to sign in again every week, and a stolen cookie is worth a week at most.
 * - Touch at most once a minute: the overview and the wall poll, and a write per poll per viewer
 *   would be most of the database's work. The idle clock is therefore up to a minute early, never late.
 */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

/** A session as the database keeps it: never the id itself, only its SHA-256. */
export interface Session {
  idHash: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
}

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url (43 characters): session ids, display links and display cookies. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 in hex, what the database stores and looks up. A plain hash is enough (no salt, no Argon2):
 * the secret has 256 random bits, so nobody can guess backwards, and lookups stay one index probe.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A presented value that cannot be one of ours is not looked up at all. */
export function isWellFormedSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

/** A new session for a user: the id goes into the cookie, the session (with its hash) into the database. */
export function startSession(userId: string, now: Date): { id: string; session: Session } {
  const id = newSecret();
  return { id, session: { idHash: hashSecret(id), userId, createdAt: now, lastSeenAt: now } };
}

/**
 * What a successful sign-in does with sessions. It always starts a new one (a session id someone
 * planted before the sign-in is never promoted: no session fixation) and names the session the
 * browser presented, if any, so the server ends it in the same transaction.
 */
export function sessionAtSignIn(
  userId: string,
  now: Date,
  presentedId: string | null,
): { id: string; session: Session; endIdHash: string | null } {
  const { id, session } = startSession(userId, now);
  const endIdHash = presentedId !== null && isWellFormedSecret(presentedId) ? hashSecret(presentedId) : null;
  return { id, session, endIdHash };
}

/** When the session ends if nobody uses it again: the earlier of idle and absolute expiry. */
export function sessionExpiresAt(session: Session): Date {
  const idle = session.lastSeenAt.getTime() + SESSION_IDLE_MS;
  const absolute = session.createdAt.getTime() + SESSION_ABSOLUTE_MS;
  return new Date(Math.min(idle, absolute));
}

export function isSessionValid(session: Session, now: Date): boolean {
  return now.getTime() < sessionExpiresAt(session).getTime();
}

/**
 * The sliding idle expiry: the new lastSeenAt to write, or null when the last write was under a
 * minute ago (or the session is no longer valid, which touching must not revive).
 */
export function touch(session: Session, now: Date): Date | null {
  if (!isSessionValid(session, now)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() < SESSION_TOUCH_INTERVAL_MS) return null;
  return now;
}

/**
 * The cookies. SameSite=Lax rather than Strict: with Strict a link to Jindu followed from a chat or
 * an e-mail arrives without the cookie, so in a closed deployment (JINDU_READ=signed-in) the
 * server-drawn first page would show a signed-out view to a signed-in person. Lax still keeps the
 * cookie off cross-site POSTs and subrequests, and writes do not rely on SameSite anyway: the
 * request guard checks Origin. Nothing changes state on GET except the display link exchange.
 *
 * Secure requests get the __Host- prefix: the browser then only accepts the cookie from this exact
 * host over HTTPS with Path=/ and no Domain, so a sibling subdomain cannot plant or shadow it.
 */
const SESSION_COOKIE = 'jindu_session';
const DISPLAY_COOKIE = 'jindu_display';

function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}

function setCookie(name: string, value: string, secure: boolean, maxAgeSeconds: number | null): string {
  return [
    `${name}=${value}`,
    ...(maxAgeSeconds === null ? [] : [`Max-Age=${maxAgeSeconds}`]),
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * The session cookie has no Max-Age: it ends when the browser does (a shared office computer), and the
 * server ends it after the idle or absolute limit whatever the browser keeps.
 */
export function sessionCookie(id: string, secure: boolean): string {
  return setCookie(cookieName(SESSION_COOKIE, secure), id, secure, null);
}

export function clearSessionCookie(secure: boolean): string {
  return setCookie(cookieName(SESSION_COOKIE, secure), '', secure, 0);
}

/** The value of one cookie from a Cookie header; only the name a request of this kind may carry. */
function readCookie(request: Pick<Request, 'headers'>, name: string): string | null {
  const header = request.headers.get('cookie');
  if (header === null) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    if (part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return isWellFormedSecret(value) ? value : null;
    }
  }
  return null;
}

/**
 * The session id a request carries. Over HTTPS only the __Host- cookie counts: a plain-named cookie
 * there could have been set by a subdomain or over HTTP (cookie tossing, another way to fix a session).
 */
export function readSessionId(request: Pick<Request, 'headers'>, secure: boolean): string | null {
  return readCookie(request, cookieName(SESSION_COOKIE, secure));
}

/**
 * Display tokens, for walls. An admin issues one and gets a link with a one-time secret; the wall
 * opens it once, the server swaps it for a different secret in a long-lived cookie and redirects to
 * the same address without it. The link then no longer works (it may linger in a browser's history
 * or a chat), and revoking the token ends the cookie at the wall's next request.
 */
export const DISPLAY_TOKEN_PARAM = 'display-token';
/** An unopened link expires after a week: issue one when the wall is being set up. */
export const DISPLAY_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** 400 days, the longest a browser keeps a cookie: a wall must survive restarts and power cuts. */
export const DISPLAY_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export interface DisplayToken {
  /** Null once the link has been exchanged. */
  linkSecretHash: string | null;
  /** Null until the link has been exchanged. */
  cookieSecretHash: string | null;
  issuedAt: Date;
  revokedAt: Date | null;
}

export function issueDisplayToken(now: Date): { linkSecret: string; token: DisplayToken } {
  const linkSecret = newSecret();
  return { linkSecret, token: { linkSecretHash: hashSecret(linkSecret), cookieSecretHash: null, issuedAt: now, revokedAt: null } };
}

/** The address an admin copies to the wall: the app's address with the one-time secret. */
export function displayLink(appUrl: string, linkSecret: string): string {
  const url = new URL(appUrl);
  url.searchParams.set(DISPLAY_TOKEN_PARAM, linkSecret);
  return url.toString();
}

/**
 * A request that opens a display link: the hash to look the token up by and where to send the wall
 * afterwards (the same address without the secret, relative so it stays on this origin). Null when
 * the request carries no such parameter.
 */
export function displayLinkInRequest(request: Request): { linkSecretHash: string | null; location: string } | null {
  const url = new URL(request.url);
  const secret = url.searchParams.get(DISPLAY_TOKEN_PARAM);
  if (secret === null) return null;
  url.searchParams.delete(DISPLAY_TOKEN_PARAM);
  // A malformed secret still gets the redirect (the address bar is cleaned) but matches no token.
  return { linkSecretHash: isWellFormedSecret(secret) ? hashSecret(secret) : null, location: `${url.pathname}${url.search}` };
}

export function canExchangeDisplayLink(token: DisplayToken, now: Date): boolean {
  return (
    token.revokedAt === null &&
    token.linkSecretHash !== null &&
    now.getTime() < token.issuedAt.getTime() + DISPLAY_LINK_LIFETIME_MS
  );
}

/**
 * The exchange: the token's new state (link spent, cookie secret hashed) and the Set-Cookie for the
 * wall. The server writes the state only if the link was still unspent (one conditional UPDATE), so
 * two walls opening the same link at once get one cookie between them.
 */
export function exchangeDisplayLink(
  token: DisplayToken,
  secure: boolean,
): { token: DisplayToken; setCookie: string } {
  const cookieSecret = newSecret();
  return {
    token: { ...token, linkSecretHash: null, cookieSecretHash: hashSecret(cookieSecret) },
    setCookie: setCookie(cookieName(DISPLAY_COOKIE, secure), cookieSecret, secure, DISPLAY_COOKIE_MAX_AGE_SECONDS),
  };
}

export function isDisplayTokenValid(token: DisplayToken): boolean {
  return token.revokedAt === null && token.cookieSecretHash !== null;
}

export function readDisplaySecret(request: Pick<Request, 'headers'>, secure: boolean): string | null {
  return readCookie(request, cookieName(DISPLAY_COOKIE, secure));
}

export function clearDisplayCookie(secure: boolean): string {
  return setCookie(cookieName(DISPLAY_COOKIE, secure), '', secure, 0);
}

/** A URL as logs may show it: the display link's secret replaced, since logs never hold secrets. */
export function urlForLog(url: string): string {
  const parsed = new URL(url);
  if (parsed.searchParams.has(DISPLAY_TOKEN_PARAM)) parsed.searchParams.set(DISPLAY_TOKEN_PARAM, '[redacted]');
  return `${parsed.pathname}${parsed.search}`;
}
