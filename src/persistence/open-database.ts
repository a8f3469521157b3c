/**
 * The one way entry points (start, seed, import, bench) get a database: bring its schema up to
 * date first, then hand out a Prisma client. A fresh checkout therefore needs no separate
 * "migrate" step, and an old database file is upgraded on the next start.
 */
import { createDb, type Db } from './db.ts';
import { migrateDatabase } from './migrate.ts';

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Receives a line for each migration being applied. */
  log?: (line: string) => void;
}

/**
 * Applies pending migrations to the database at `url`, then opens a Prisma client on it.
 * Costs a few milliseconds when nothing is pending. Call `$disconnect()` on the client when done.
 * @throws MigrationError when a migration fails; the database is then left as the engine left it.
 */
export async function openDatabase(url: string, opts: OpenDatabaseOptions = {}): Promise<Db> {
  await migrateDatabase(url, opts.log ? { log: opts.log } : {});
  return createDb(url);
}
