// `npm start`: builds what the server needs when it is missing or stale, then runs the server in this
// process (so SIGTERM and Ctrl-C reach it directly). PORT, JINDU_DATA_DIR and DATABASE_URL as in the
// README.
import { pathToFileURL } from 'node:url';
import { ensureServerBuild, serverEntry } from './server-build.mjs';

ensureServerBuild();
await import(pathToFileURL(serverEntry).href);
