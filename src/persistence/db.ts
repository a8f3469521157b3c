/**
 * Prisma client factory. SQLite through better-sqlite3; DateTime is stored as epoch
 * milliseconds (as Prisma's native engine does) both here and in the migration runner.
 * PostgreSQL (`postgresql://` URLs) through node-postgres, with the client generated from the
 * derived PostgreSQL schema (see postgres-schema.ts); both have the same model API, so the rest
 * of the code sees one `Db` type.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-pg/client.ts';
import { isPostgresUrl } from './dialect.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';

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
  if (isPostgresUrl(url)) {
    // Same models, same API; only the SQL it plans differs. Typed as the SQLite client so that
    // services are written once (SQLite's API is the subset both engines support).
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new PrismaClient({ adapter: withStatementCache(sqliteAdapter(url)) });
}
