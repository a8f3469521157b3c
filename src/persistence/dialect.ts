/**
 * Which SQL engine a database URL (or an open client) speaks, and the few places where raw SQL
 * must differ between them. Everything else goes through the Prisma client and is portable.
 */
import { Prisma } from '../generated/prisma/client.ts';

/** The engines the bot runs on. */
export type Dialect = 'sqlite' | 'postgresql';

/** True for `postgresql://…` and `postgres://…` URLs. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The dialect of a database URL: `file:` is SQLite, `postgres(ql)://` is PostgreSQL. */
export function dialectOfUrl(url: string): Dialect {
  if (isPostgresUrl(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`unsupported database URL: ${url.split(':')[0]}:…`);
}

/**
 * The dialect of an open client or interactive-transaction client. Prisma records the schema's
 * provider on the client (and transaction clients delegate to it).
 */
export function dialectOf(db: object): Dialect {
  const provider = (db as { _activeProvider?: unknown })._activeProvider;
  return provider === 'postgresql' ? 'postgresql' : 'sqlite';
}

/** Column types raw SQL must cast parameters to on PostgreSQL, where untyped VALUES default to text. */
export type SqlType = 'int' | 'float' | 'text' | 'json' | 'timestamp';

/**
 * A bound parameter with the cast PostgreSQL needs to give it the column's type (SQLite takes
 * the value as it comes). Timestamps go in as Date objects on both engines.
 */
export function typedParam(dialect: Dialect, value: unknown, type: SqlType): Prisma.Sql {
  if (dialect === 'sqlite') return Prisma.sql`${value}`;
  const pgType = { int: 'integer', float: 'double precision', text: 'text', json: 'jsonb', timestamp: 'timestamp(3)' }[type];
  return Prisma.sql`CAST(${value} AS ${Prisma.raw(pgType)})`;
}

/**
 * SQL that turns a DateTime column into epoch milliseconds, the form SQLite stores and the raw
 * queries read (`expr` is trusted SQL such as `o."orderedAt"`).
 */
export function epochMs(dialect: Dialect, expr: string): string {
  return dialect === 'sqlite' ? expr : `(EXTRACT(EPOCH FROM ${expr}) * 1000)::bigint`;
}

/**
 * After rows were inserted with explicit ids, PostgreSQL's id sequences still start at 1;
 * move each table's sequence past its highest id so the next insert does not collide.
 * SQLite needs nothing (autoincrement reads the table's maximum).
 */
export async function resetIdSequences(tx: Prisma.TransactionClient, dialect: Dialect, tables: readonly string[]): Promise<void> {
  if (dialect !== 'postgresql') return;
  for (const table of tables) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    // Only tables with a serial "id"; composite-key tables have no sequence.
    await tx.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT MAX("id") FROM ${quoted}), 0) + 1, false)
        WHERE pg_get_serial_sequence($1, 'id') IS NOT NULL`,
      quoted,
    );
  }
}
