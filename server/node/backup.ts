import { closeSync, openSync, renameSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { BackupError, parseBackup, restoreBackup, writeBackup } from '../db/backup';
import { databaseSettings, openDatabase } from '../db/open';

// `npm run backup -- FILE` and `npm run restore -- FILE` (scripts/backup.mjs and restore.mjs run this,
// built as dist-server/server/backup.js): on the database the server uses (JINDU_DATA_DIR or
// DATABASE_URL). The embedded database is locked while the server runs: stop it first. PostgreSQL
// can be backed up while servers run (one consistent snapshot); restoring needs a new, empty database.

const USAGE = 'Usage: npm run backup -- FILE   |   npm run restore -- FILE';

async function backup(file: string): Promise<void> {
  const settings = databaseSettings();
  const db = await openDatabase(settings);
  // Written beside the file and renamed at the end: a failed backup never leaves a file that looks whole.
  const partial = `${file}.partial-${process.pid}`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    const counts = await writeBackup(db, (line) => {
      writeSync(fd, `${line}\n`);
    });
    closeSync(fd);
    renameSync(partial, file);
    process.stdout.write(`Backed up ${counts.rows} rows of ${counts.tables} tables (schema version ${counts.schemaVersion}) to ${file}.\n`);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await db.close();
  }
}

async function restore(file: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new BackupError(`Cannot read ${file}.`);
  }
  // Checked whole before the database is even opened.
  const parsed = parseBackup(text);
  const db = await openDatabase(databaseSettings());
  try {
    const restored = await restoreBackup(db, parsed);
    process.stdout.write(
      `Restored ${restored.rows} rows from ${file} (backed up ${parsed.createdAt}, schema version ${parsed.schemaVersion}; the database is now at version ${restored.schemaVersion}).\n`,
    );
  } finally {
    await db.close();
  }
}

const [command, file] = process.argv.slice(2);
try {
  if ((command !== 'backup' && command !== 'restore') || file === undefined || file === '') throw new BackupError(USAGE);
  const target = path.resolve(file);
  await (command === 'backup' ? backup(target) : restore(target));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
