/**
 * A strong ETag from the body's bytes (64 bits of FNV-1a, two 32-bit lanes): the same answer has the
 * same tag on every server and in the browser's mocked API alike, without Web Crypto (async, and
 * missing on plain-HTTP origins).
 */
export function strongEtag(body: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (a >>> 15), 0x01000193);
  }
  return `"${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}-${body.length.toString(36)}"`;
}

/**
 * Whether If-None-Match matches the current tag (RFC 9110 §13.1.2: weak comparison, `*` matches any
 * current representation), so the answer is 304.
 */
export function notModified(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const current = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === current);
}
