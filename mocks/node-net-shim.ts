/**
 * Stands in for `node:net` in the browser's demo build (vite.config.ts): server/auth/throttle.ts
 * asks it whether an address is IPv4 or IPv6. Inside MSW no client address is known, so these only
 * need to be right, not fast.
 */
export function isIPv4(text: string): boolean {
  return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(text);
}

export function isIPv6(address: string): boolean {
  // A zone (fe80::1%eth0) is allowed, as Node allows it.
  const text = address.replace(/%[0-9A-Za-z._~-]+$/, '');
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || (text.match(/::/g) ?? []).length > 1) return false;
  const parts = text.split(':');
  const last = parts.at(-1) ?? '';
  const groups = last.includes('.') ? (isIPv4(last) ? parts.length + 1 : -1) : parts.length;
  if (groups < 0) return false;
  const hex = (last.includes('.') ? parts.slice(0, -1) : parts).every((part) => /^[0-9A-Fa-f]{0,4}$/.test(part));
  return hex && (text.includes('::') ? groups <= 8 : groups === 8);
}
