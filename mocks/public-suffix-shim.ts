/**
 * Stands in for `tldts` in the demo build (aliased in vite.config.ts). MSW's cookie jar, tough-cookie,
 * asks tldts for the registrable domain of a cookie's domain, and tldts answers from the whole public
 * suffix list: about 100 KiB gzip, more than MSW and the report data together, downloaded by every
 * phone that opens the demo. The mocked API sets no cookies and answers on the page's own origin, so
 * "the last two labels" is exact enough here; a build against a real API loads no MSW at all.
 */
export function getDomain(hostname: string): string | null {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  const topLevel = labels.at(-1) ?? '';
  // One label (localhost), an empty label, or an IPv4 address: no registrable domain, as tldts says.
  if (labels.length < 2 || labels.includes('') || /^\d+$/.test(topLevel)) return null;
  return labels.slice(-2).join('.');
}
