import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { readSessionHint, sessionQuery } from '../api';
import type { SessionUser } from '../api/tracking-schemas';
import { useAfterFirstPaint } from './use-after-first-paint';

export type SessionState =
  | { status: 'unknown' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: SessionUser };

/**
 * Who is signed in. The server is asked only when this browser may have a session (the hint of
 * session-hint.ts); `deferred` waits for the page to have painted first (the shell: reading is public
 * and nobody waits for this). A session set by signing in here is known at once either way.
 */
export function useSession({ deferred }: { deferred: boolean }): SessionState {
  const afterPaint = useAfterFirstPaint();
  // Read once per mount, never during the prerender's render (no storage there, and the markup must not depend on it).
  const [hinted] = useState(readSessionHint);
  const mounted = afterPaint || !deferred;
  // The shell does not ask again after the page's own request failed: that would put the page back to
  // loading while the shell's request runs. The page offers its retry.
  const failedAlready = useQueryClient().getQueryState(sessionQuery().queryKey)?.status === 'error';
  const session = useQuery({ ...sessionQuery(), enabled: hinted && mounted && !(deferred && failedAlready) });

  if (session.isSuccess) return session.data === null ? { status: 'signed-out' } : { status: 'signed-in', user: session.data.user };
  if (session.isError) return { status: 'error', error: session.error, retry: () => void session.refetch() };
  if (!hinted && (afterPaint || !deferred)) return { status: 'signed-out' };
  return { status: 'unknown' };
}
