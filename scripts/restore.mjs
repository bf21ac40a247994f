// `npm run restore -- FILE` (README, "Backup and restore"): builds the server's bundle when it is stale,
// then runs its restore on the configured database (JINDU_DATA_DIR or DATABASE_URL).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuild, root } from './server-build.mjs';

ensureServerBuild({ app: false });
process.argv.splice(2, 0, 'restore');
await import(pathToFileURL(path.join(root, 'dist-server', 'server', 'backup.js')).href);
