/**
 * Prisma client factory. SQLite through better-sqlite3; DateTime is stored as epoch
 * milliseconds (as Prisma's native engine does) both here and in the migration runner.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.ts';

/** The database client every service receives. */
export type Db = PrismaClient;

/** Absolute file path of a `file:` URL, resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  const path = url.replace(/^file:/, '').replace(/\?.*$/, '');
  return resolve(path);
}

/** The driver adapter factory for a SQLite `file:` URL; shared by the app and the migration runner. */
export function sqliteAdapter(url: string): PrismaBetterSqlite3 {
  const file = sqliteFilePath(url);
  mkdirSync(dirname(file), { recursive: true });
  return new PrismaBetterSqlite3({ url: `file:${file}` }, { timestampFormat: 'unixepoch-ms' });
}

/** Opens a Prisma client on the database at `url`. Call `$disconnect()` when done. */
export function createDb(url: string): Db {
  return new PrismaClient({ adapter: sqliteAdapter(url) });
}
