/**
 * A fingerprint of every data table, for comparing two databases' content exactly (tests).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../src/persistence/db.ts';
import { testEngine } from './postgres.ts';

/**
 * sha256 of every data table (migration bookkeeping excluded). SQLite renders each row with
 * quote(), ordered by all columns; PostgreSQL renders each row as its text form, in text order.
 * Either way the comparison sees the exact stored values and types.
 */
export async function dump(target: Db): Promise<Record<string, string>> {
  return testEngine() === 'postgresql' ? dumpPostgres(target) : dumpSqlite(target);
}

async function dumpSqlite(target: Db): Promise<Record<string, string>> {
  const tables = await target.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%' ORDER BY name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const columns = await target.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${name}')`);
    const row = columns.map((c) => `quote("${c.name}")`).join(` || '|' || `);
    const orderBy = columns.map((c) => `"${c.name}"`).join(', ');
    const [result] = await target.$queryRawUnsafe<{ n: number | bigint; text: string | null }[]>(
      `SELECT count(*) AS n, group_concat(r, char(10)) AS text FROM (SELECT ${row} AS r FROM "${name}" ORDER BY ${orderBy})`,
    );
    out[name] = `${Number(result?.n ?? 0)}:${createHash('sha256').update(result?.text ?? '').digest('hex')}`;
  }
  return out;
}

async function dumpPostgres(target: Db): Promise<Record<string, string>> {
  const tables = await target.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name NOT LIKE '\\_prisma\\_%' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [result] = await target.$queryRawUnsafe<{ n: number | bigint; text: string | null }[]>(
      `SELECT count(*) AS n, string_agg(r, chr(10) ORDER BY r COLLATE "C") AS text FROM (SELECT t::text AS r FROM "${name}" t) x`,
    );
    out[name] = `${Number(result?.n ?? 0)}:${createHash('sha256').update(result?.text ?? '').digest('hex')}`;
  }
  return out;
}
