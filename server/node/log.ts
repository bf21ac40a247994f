/** One JSON line per event on standard output: what a log collector reads without parsing prose. */
export type Log = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

/**
 * Writes JSON lines to `write`. Callers pass only fields they chose (never headers, cookies, query
 * strings or bodies), so a password, token or session can reach the log only by being named here.
 */
export function createLog(write: (line: string) => void = (line) => process.stdout.write(line)): Log {
  return (level, msg, fields = {}) => {
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
  };
}

/** An error as a log field: its name, message and code, not its stack's data or a driver's detail. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = (error as Error & { code?: unknown }).code;
  return { error: error.message, errorName: error.name, ...(typeof code === 'string' ? { errorCode: code } : {}) };
}
