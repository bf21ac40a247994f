import { auditActionSchema } from '../../src/api/tracking-schemas';

/** What a JSON column holds. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What happened, in the words the audit view shows: the API's list (its zod schema is the one source). */
export const AUDIT_ACTIONS = auditActionSchema.options;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One line of the audit log. `before` and `after` are what changed (for a new account `before` is
 * null); `target.domainId` is what the admin view filters by domain on. `address` is the client's
 * address as the request log has it; `requestId` ties the entry to that log line.
 */
export interface AuditEntry {
  who: { id: string; username: string } | null;
  action: AuditAction;
  target: { kind: 'user' | 'display-token' | 'update' | 'session' | 'settings'; id: string; domainId: string | null } | null;
  before: JsonValue | null;
  after: JsonValue | null;
  at: Date;
  address: string | null;
  requestId: string;
}

export const REDACTED = '[redacted]';

/**
 * Keys whose values never enter the log, compared without case or separators (password_hash,
 * passwordHash and Password-Hash alike). A match anywhere in the key counts, so a new field such as
 * `resetToken` is covered before anyone thinks of it; the price is that a harmless key containing
 * one of these words is redacted too.
 */
const SECRET_KEY_PARTS = ['password', 'passwd', 'passphrase', 'hash', 'token', 'cookie', 'secret', 'sessionid', 'authorization', 'credential'];

/**
 * Values that are secrets whatever key holds them: an Argon2 hash, one of our 43-character random
 * secrets (session ids, display links and cookies) and a SHA-256 in hex (how those are stored). They
 * are cut out of longer text too, such as a pasted link or a Cookie header.
 */
const SECRET_VALUE_PATTERNS = [
  /\$argon2(?:id|i|d)\$[^\s"',;]*/g,
  /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
  /(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/g,
];

const MAX_DEPTH = 32;

function isSecretKey(key: string): boolean {
  const plain = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_KEY_PARTS.some((part) => plain.includes(part));
}

function redactText(text: string): string {
  return SECRET_VALUE_PATTERNS.reduce((result, pattern) => result.replace(pattern, REDACTED), text);
}

/**
 * A copy of any value as plain JSON with every secret replaced by "[redacted]", at any depth: keys
 * that name a secret, and values that look like one. The key stays, so the log still shows that a
 * password was changed, never what it became. Dates become ISO strings, cycles and too-deep nesting
 * a marker, functions and undefined disappear as JSON.stringify would drop them.
 */
export function redact(value: unknown): JsonValue {
  const seen = new WeakSet<object>();
  const walk = (current: unknown, depth: number): JsonValue | undefined => {
    if (current === null) return null;
    switch (typeof current) {
      case 'string':
        return redactText(current);
      case 'number':
        return Number.isFinite(current) ? current : null;
      case 'boolean':
        return current;
      case 'bigint':
        return current.toString();
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined;
    }
    if (current instanceof Date) return Number.isNaN(current.getTime()) ? null : current.toISOString();
    if (depth >= MAX_DEPTH) return '[too deep]';
    if (seen.has(current)) return '[cycle]';
    seen.add(current);
    try {
      if (Array.isArray(current) || current instanceof Set) {
        return Array.from(current as Iterable<unknown>, (item) => walk(item, depth + 1) ?? null);
      }
      const entries = current instanceof Map ? Array.from(current.entries()) : Object.entries(current);
      const result: { [key: string]: JsonValue } = {};
      for (const [rawKey, item] of entries) {
        const key = String(rawKey);
        if (isSecretKey(key)) {
          result[key] = REDACTED;
          continue;
        }
        const copied = walk(item, depth + 1);
        if (copied !== undefined) result[key] = copied;
      }
      return result;
    } finally {
      seen.delete(current);
    }
  };
  return walk(value, 0) ?? null;
}

/** An audit entry ready to append: `before` and `after` always pass through redact, whatever the caller gave. */
export function auditEntry(
  entry: Omit<AuditEntry, 'before' | 'after'> & { before?: unknown; after?: unknown },
): AuditEntry {
  return {
    ...entry,
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
  };
}
