import { createHash } from 'node:crypto';

/**
 * The hashes of the inline scripts of an HTML page, for its Content-Security-Policy: the app's own
 * inline script (the prerendered overview's chooser) runs, anything injected does not. Computed from
 * the page as it is sent, so a page rendered on the server carries the hashes of what it holds.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const found of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = found[1] ?? '';
    const body = found[2] ?? '';
    // Data blocks (application/json) are not run and need no hash.
    if (/\btype\s*=\s*["']?(?!module|text\/javascript)[^"'\s>]+/i.test(attributes)) continue;
    if (body.trim() === '') continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy: scripts only from the server itself (and the inline scripts whose hashes are given),
 * never `unsafe-inline` or `eval`; no framing; no plugins. Styles allow inline because React's style
 * attributes (the gauges' sizes) are inline styles; a style cannot run code.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((hash) => ` ${hash}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every answer carries, HTML or not. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  // No Cross-Origin-Opener-Policy: with it, every cold visit swaps the tab to a new renderer process
  // (measured: navigating from a blank tab keeps its renderer without it and starts a new one with it),
  // so the prerendered overview hydrates in a cold process, and Lighthouse counts that as blocking time.
  // Nothing here opens or is opened by other sites' windows; CSP frame-ancestors and X-Frame-Options
  // keep it out of frames.
  'cross-origin-resource-policy': 'same-origin',
};
