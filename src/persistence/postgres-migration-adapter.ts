/**
 * The migration-aware PostgreSQL adapter the WebAssembly schema engine runs over. Stock
 * `PrismaPg` serves the app well but trips the engine in two places (TOOLCHAIN.md):
 * - the engine's catalog queries return `"char"` columns (pg_class.relkind, pg_constraint.contype…),
 *   which the adapter refuses to map; here they are reported as text, which is what they hold;
 * - its shadow-database factory, given a connection string, connects back to the main database
 *   and drops the shadow database while still connected to it. Ours creates a throwaway
 *   database, connects to that one, and drops it after closing its pool.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** PostgreSQL type oids: `"char"` and `text`. */
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

/** Rewrites `"char"` result columns to text in place; the values are already strings. */
function charAsText<T>(result: T): T {
  for (const field of (result as QueryResultLike | undefined)?.fields ?? []) {
    if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/** Wraps an object's promise-returning `query` so its results report `"char"` columns as text. */
function patchQuery(target: { query: unknown }): void {
  const query = (target.query as (...args: unknown[]) => unknown).bind(target);
  target.query = (...args: unknown[]) => {
    const out = query(...args);
    return out instanceof Promise ? out.then(charAsText) : out;
  };
}

/**
 * A pool whose queries report `"char"` columns as text (see the file comment): both
 * `pool.query` (plain queries) and the clients it lends (transactions) are wrapped.
 */
function catalogFriendlyPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  patchQuery(pool as unknown as { query: unknown });
  pool.on('connect', (client) => patchQuery(client as unknown as { query: unknown }));
  return pool;
}

/** `url` pointing at database `name` instead (same server, credentials and options). */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** An adapter on its own catalog-friendly pool; disposing it ends the pool. */
async function connectTo(url: string, afterEnd?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg(catalogFriendlyPool(url), { disposeExternalPool: true }).connect();
  if (afterEnd) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await afterEnd();
    };
  }
  return adapter;
}

/** The migration-aware adapter factory for a `postgresql://` URL. */
export function postgresMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo(url),
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        await admin.end();
        throw error;
      }
      return connectTo(withDatabase(url, name), async () => {
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        } finally {
          await admin.end();
        }
      });
    },
  };
}
