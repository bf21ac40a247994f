/**
 * Where to go after signing in, from `?next=`: a path inside this app only. An absolute URL, a
 * protocol-relative `//evil.example` or a backslash trick (`/\evil.example`, which browsers read as
 * `//`) would turn the sign-in page into a redirector to a look-alike site, so they fall back to `/`.
 * /login itself falls back too, so signing in never lands on the form again.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  // Control characters (a tab or newline inside "/\t/evil") are dropped by URL parsers: refuse them.
  if ([...next].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return '/';
  const base = 'http://app.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  if (url.pathname === '/login') return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in link for someone at `here` (a path inside the app), bringing them back afterwards. */
export function loginHref(here: string): string {
  const next = safeNext(here);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
