import path from 'node:path';
import type { ReportDataset } from '../core/dataset';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { seedIfEmpty } from './seed';

export interface DatabaseSettings {
  /** postgres://… : a PostgreSQL server. Without it, the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
}

/** The settings from the environment: DATABASE_URL, else JINDU_DATA_DIR (default ./data). */
export function databaseSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): DatabaseSettings {
  const databaseUrl = env.DATABASE_URL?.trim();
  return { ...(databaseUrl ? { databaseUrl } : {}), dataDir: path.resolve(cwd, env.JINDU_DATA_DIR?.trim() || 'data') };
}

/** Opens the database the settings name. */
export function openDatabase(settings: DatabaseSettings): Promise<Database> {
  return settings.databaseUrl ? openPostgres(settings.databaseUrl) : openPglite(settings.dataDir);
}

/** Opens, migrates and (if empty) seeds: a database ready to serve. Closes it again on failure. */
export async function prepareDatabase(
  settings: DatabaseSettings,
  datasets: readonly ReportDataset[],
): Promise<{ db: Database; applied: number[]; seeded: boolean; version: number }> {
  const db = await openDatabase(settings);
  try {
    const { applied, version } = await migrate(db);
    const seeded = await seedIfEmpty(db, datasets);
    return { db, applied, seeded, version };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
