/** Runs the real importer on a test database, the way `npm run import` does. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeAudit } from '../../src/core/domain/audit/audit-writer.ts';
import { importFile, type ImportOptions, type ImportReport, type ImportSuccess } from '../../src/importers/import-file.ts';
import type { Db } from '../../src/persistence/db.ts';

/** The shared real-world samples (../shared/realdata beside the repo). */
export const REALDATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'realdata');
/** Our own rows under the real headers, for formats whose public samples are header-only. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

/** Imports `bytes` named `name` into `db`. */
export function importBytes(db: Db, name: string, bytes: Uint8Array, opts: Partial<Omit<ImportOptions, 'transaction'>> = {}): Promise<ImportReport> {
  const now = opts.now ?? new Date(Date.UTC(2026, 10, 20, 12));
  return importFile(db, { name, bytes }, {
    by: 'test',
    ...opts,
    now,
    transaction: (fn) => db.$transaction((tx) => fn(tx, (entry) => writeAudit(tx, 'test', 'console', now, entry)), { maxWait: 30_000, timeout: 300_000 }),
  });
}

/** Imports the file at `path`. */
export function importPath(db: Db, path: string, opts: Partial<Omit<ImportOptions, 'transaction'>> = {}): Promise<ImportReport> {
  return importBytes(db, basename(path), readFileSync(path), opts);
}

/** The report, which must be a success. */
export function ok(report: ImportReport): ImportSuccess {
  if (!report.ok) throw new Error(`import refused: ${JSON.stringify(report.failure)}`);
  return report;
}

/** Row counts and a content digest of every table an import writes, to prove "nothing changed". */
export async function snapshot(db: Db): Promise<Record<string, unknown>> {
  const tables = ['Platform', 'Warehouse', 'WarehouseChannel', 'Listing', 'StockLevel', 'InboundShipment', 'SalesDaily', 'AdCampaign', 'AdSpendDaily', 'Customer', 'CustomerIdentity', 'IdentityLink', 'Order', 'OrderLine'].map((t) => `"${t}"`);
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM ${table} ORDER BY 1`);
    out[table] = { count: rows.length, digest: JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) };
  }
  return out;
}
