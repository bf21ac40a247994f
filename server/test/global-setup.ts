import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The server's tests start the real built server: build its bundle first when it is missing or stale. */
export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/server-build.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [script, '--server-only'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the server bundle failed');
}
