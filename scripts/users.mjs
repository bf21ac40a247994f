// `npm run users -- add|list|disable|enable|reset …` (README, "Accounts"): builds the server's bundle
// when it is stale, then runs its accounts command on the configured database.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuild, root } from './server-build.mjs';

ensureServerBuild({ app: false });
await import(pathToFileURL(path.join(root, 'dist-server', 'server', 'users.js')).href);
