/** What the auth rules need to know about where the server runs. */
export interface AuthConfig {
  /**
   * True only when a reverse proxy that sets X-Forwarded-Proto and X-Forwarded-Host (and strips them
   * from clients) stands in front: otherwise anyone could send those headers and pick the origin the
   * CSRF check compares with, or whether cookies are Secure.
   */
  behindProxy: boolean;
  /** Further origins allowed to write (serialised origins such as https://jindu.example.gov.cn). */
  allowedOrigins: readonly string[];
}

/**
 * JINDU_ORIGINS: origins separated by commas or spaces; a malformed one stops the start instead of
 * silently never matching. JINDU_TRUST_PROXY=1 (or true): the server is behind a trusted proxy.
 */
export function authConfigFromEnv(env: Readonly<Record<string, string | undefined>>): AuthConfig {
  const allowedOrigins = (env.JINDU_ORIGINS ?? '')
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`JINDU_ORIGINS: “${entry}” is not an origin such as https://jindu.example.gov.cn`);
      }
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== entry.replace(/\/$/, '')) {
        throw new Error(`JINDU_ORIGINS: “${entry}” is not an origin (scheme, host and port only, such as https://jindu.example.gov.cn)`);
      }
      return url.origin;
    });
  const trust = (env.JINDU_TRUST_PROXY ?? '').trim().toLowerCase();
  return { behindProxy: trust === '1' || trust === 'true', allowedOrigins };
}

/**
 * What these rules read of a request. A Request satisfies it; inside MSW in the browser the API
 * passes a view whose standalone Headers can hold what a script-built Request may not (Cookie).
 */
export type RequestView = Pick<Request, 'method' | 'url' | 'headers'>;

/** The first value of a header a proxy may have appended to (`a, b`): the one the nearest client sent to it. */
function firstValue(header: string | null): string | null {
  const first = header?.split(',')[0]?.trim();
  return first === undefined || first === '' ? null : first;
}

/**
 * The scheme and host the browser used: the request's own, or, behind a trusted proxy, what the proxy
 * says it received. This is what an Origin header must equal and what decides Secure cookies.
 */
export function publicOrigin(request: Pick<RequestView, 'url' | 'headers'>, config: Pick<AuthConfig, 'behindProxy'>): string {
  const own = new URL(request.url);
  if (!config.behindProxy) return own.origin;
  const proto = firstValue(request.headers.get('x-forwarded-proto'))?.toLowerCase();
  const host = firstValue(request.headers.get('x-forwarded-host'));
  const scheme = proto === 'https' || proto === 'http' ? `${proto}:` : own.protocol;
  try {
    return new URL(`${scheme}//${host ?? own.host}`).origin;
  } catch {
    return own.origin;
  }
}

export function isHttps(request: Pick<RequestView, 'url' | 'headers'>, config: Pick<AuthConfig, 'behindProxy'>): boolean {
  return publicOrigin(request, config).startsWith('https:');
}

/**
 * The client's address for throttling and the audit log: the socket's peer, or, behind a trusted
 * proxy, the last X-Forwarded-For entry, the one that proxy appended itself (earlier entries are
 * whatever the client chose to send).
 */
export function clientAddress(request: Pick<RequestView, 'headers'>, socketAddress: string | null, config: Pick<AuthConfig, 'behindProxy'>): string | null {
  if (!config.behindProxy) return socketAddress;
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded === undefined || forwarded === '' ? socketAddress : forwarded;
}
