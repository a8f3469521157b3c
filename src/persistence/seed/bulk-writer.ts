/**
 * Where the medium and large datasets' batches are written.
 *
 * SQLite: through a better-sqlite3 connection of its own on the same file, one reused prepared
 * statement per table and column list, one transaction per batch, `synchronous = OFF` while
 * loading (restored on close), and the secondary indexes of the big tables dropped for the load
 * and created again from their own SQL at the end (also when the load fails), which sorts once
 * instead of updating a B-tree per row. Measured on the medium dataset: see bench/README.md.
 * Values are stored as Prisma's adapter stores them (DateTime as epoch ms, Boolean as 0/1, Json
 * as text); a test compares both paths row by row.
 *
 * PostgreSQL: the portable multi-row INSERT through Prisma (insertRows), a transaction per batch.
 */
import Database from 'better-sqlite3';
import type { Db } from '../db.ts';
import { dialectOf } from '../dialect.ts';
import { insertRows, type Tx } from './bulk-insert.ts';
import { INSERT_ORDER, type DemoTable, type DemoTables } from './types.ts';

/** Writes batches of rows, parents before children; `close()` when done (or failed). */
export interface BulkWriter {
  /** Writes every table of one batch in one transaction. */
  write(tables: Partial<DemoTables>): Promise<void>;
  /** Restores what the load changed (indexes, settings) and lets go of the connection. */
  close(): Promise<void>;
}

/** Tables whose secondary indexes are rebuilt after the load rather than maintained row by row. */
const BIG_TABLES: readonly DemoTable[] = ['SalesDaily', 'Customer', 'CustomerIdentity', 'IdentityLink', 'Order', 'OrderLine'];

/** Opens the writer that suits the database behind `db`. */
export async function openBulkWriter(db: Db, log: (line: string) => void = () => {}): Promise<BulkWriter> {
  return dialectOf(db) === 'postgresql' ? prismaWriter(db) : sqliteWriter(db, log);
}

function prismaWriter(db: Db): BulkWriter {
  return {
    write: (tables) =>
      db.$transaction(
        async (tx: Tx) => {
          for (const table of INSERT_ORDER) {
            const rows = tables[table];
            if (rows && rows.length > 0) await insertRows(tx, table, rows);
          }
        },
        { maxWait: 30_000, timeout: 600_000 },
      ),
    close: async () => {},
  };
}

/** A column value as Prisma's SQLite adapter stores it. */
function toSqlite(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function sqliteWriter(db: Db, log: (line: string) => void): Promise<BulkWriter> {
  const [main] = await db.$queryRawUnsafe<{ file: string }[]>(`SELECT file FROM pragma_database_list WHERE name = 'main'`);
  if (!main?.file) throw new Error('seed: the SQLite database has no file (in-memory databases cannot be grown)');
  const conn = new Database(main.file);
  const synchronous = conn.pragma('synchronous', { simple: true }) as number;
  conn.pragma('synchronous = OFF');
  // A bigger page cache for the load only (KiB); the bot's own connections keep the default.
  conn.pragma('cache_size = -131072');
  // Lets the index builds at the end sort on a second core.
  conn.pragma('threads = 2');

  const placeholders = BIG_TABLES.map(() => '?').join(', ');
  const indexes = conn
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders}) ORDER BY tbl_name, name`)
    .all(...BIG_TABLES) as { name: string; sql: string }[];
  conn.transaction(() => {
    for (const index of indexes) conn.exec(`DROP INDEX ${quote(index.name)}`);
  })();

  const statements = new Map<string, { columns: string[]; stmt: Database.Statement }>();
  const statementFor = (table: string, first: object) => {
    const columns = Object.keys(first);
    const key = `${table}(${columns.join(',')})`;
    let entry = statements.get(key);
    if (!entry) {
      const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      entry = { columns, stmt: conn.prepare(sql) };
      statements.set(key, entry);
    }
    return entry;
  };
  const writeBatch = conn.transaction((tables: Partial<DemoTables>) => {
    for (const table of INSERT_ORDER) {
      const rows = tables[table] as readonly object[] | undefined;
      if (!rows || rows.length === 0) continue;
      const { columns, stmt } = statementFor(table, rows[0] as object);
      const values: unknown[] = new Array(columns.length);
      for (const row of rows) {
        const record = row as Record<string, unknown>;
        for (let c = 0; c < columns.length; c++) values[c] = toSqlite(record[columns[c] as string]);
        stmt.run(values);
      }
    }
  });

  let closed = false;
  return {
    write: async (tables) => {
      writeBatch(tables);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        // The exact statements the migrations created, so the schema is as it was.
        const started = performance.now();
        for (const index of indexes) conn.exec(index.sql);
        log(`seed: ${indexes.length} indexes of ${BIG_TABLES.join(', ')} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } finally {
        conn.pragma(`synchronous = ${synchronous}`);
        conn.close();
      }
    },
  };
}
