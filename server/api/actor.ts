import type { Context } from 'hono';
import type { SessionUser } from '../../src/api/tracking-schemas';

/**
 * Who is asking: the signed-in account (or null), and where from, as the audit log records it. The
 * session middleware (issue 15) sets it on every request before any route runs; routes that write or
 * read what is not public take it from here and never look at cookies themselves.
 */
export interface Actor {
  user: SessionUser | null;
  /** A wall that opened a display link: may read when reading needs an account, never write. */
  display: boolean;
  address: string | null;
  requestId: string;
}

export type ApiEnv = { Variables: { actor: Actor } };

export const ANONYMOUS: Actor = { user: null, display: false, address: null, requestId: '' };

export function actorOf(c: Context<ApiEnv>): Actor {
  return c.get('actor') ?? ANONYMOUS;
}
