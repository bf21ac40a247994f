/**
 * Whether this browser may have a session: set at sign-in, cleared at sign-out or when the server says
 * there is none (401). The session cookie is HttpOnly, so the page cannot look at it; without this hint
 * every anonymous visit would ask GET /session and get a 401 back, which the browser logs as an error
 * and which, on the demo build, would start the mocked API on a page that needs no data. Someone
 * without the hint is not signed in, as far as this browser knows; signing in sets it again.
 */
export const SESSION_HINT_KEY = 'jindu.session-hint';

export function readSessionHint(): boolean {
  try {
    return globalThis.localStorage?.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    // Storage refused (a privacy mode): ask the server rather than guess.
    return true;
  }
}

export function writeSessionHint(mayHaveSession: boolean): void {
  try {
    if (mayHaveSession) globalThis.localStorage?.setItem(SESSION_HINT_KEY, '1');
    else globalThis.localStorage?.removeItem(SESSION_HINT_KEY);
  } catch {
    // Nothing to keep it in: the next page asks the server.
  }
}
