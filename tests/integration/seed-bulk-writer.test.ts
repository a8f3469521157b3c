/**
 * The writer of the medium and large datasets' batches stores exactly what the demo's portable
 * insert (insertRows through Prisma) stores: on SQLite it is a raw better-sqlite3 connection with
 * its own value conversion and dropped-then-rebuilt indexes, so every value, type and index is
 * compared with the Prisma path's; on PostgreSQL it is that path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/persistence/db.ts';
import { insertRows } from '../../src/persistence/seed/bulk-insert.ts';
import { openBulkWriter } from '../../src/persistence/seed/bulk-writer.ts';
import { buildCatalogue } from '../../src/persistence/seed/catalogue.ts';
import { buildMorePeople, ListingSampler } from '../../src/persistence/seed/customers.ts';
import { buildDemoDataset } from '../../src/persistence/seed/index.ts';
import { buildScaledLogistics } from '../../src/persistence/seed/money.ts';
import { platformRows, SCALED_PLATFORMS } from '../../src/persistence/seed/platforms.ts';
import { buildSales } from '../../src/persistence/seed/sales.ts';
import { buildStock, scaledWarehouseRows } from '../../src/persistence/seed/stock.ts';
import { INSERT_ORDER, type DemoTables } from '../../src/persistence/seed/types.ts';
import { TEST_REFERENCE_DATE } from '../helpers/demo-db.ts';
import { testEngine } from '../helpers/postgres.ts';
import { dump } from '../helpers/table-dump.ts';
import { createTempDb, type TempDb } from '../helpers/temp-db.ts';

let viaPrisma: TempDb;
let viaWriter: TempDb;
let batch: Partial<DemoTables>;

/** The demo rows a catalogue copy refers to: platforms, the brand, suppliers and warehouses. */
function parents(): Partial<DemoTables> {
  const demo = buildDemoDataset(TEST_REFERENCE_DATE);
  return { Platform: demo.Platform, Brand: demo.Brand, Supplier: demo.Supplier, Warehouse: demo.Warehouse, WarehouseChannel: demo.WarehouseChannel };
}

/** One batch of every kind the scaled seed writes (a catalogue copy and its buyers), ids from 1. */
function scaledBatch(): Partial<DemoTables> {
  const catalogue = buildCatalogue(TEST_REFERENCE_DATE, { index: 1, firstIds: { product: 1, sku: 1, listing: 1 } });
  const sales = buildSales(TEST_REFERENCE_DATE, catalogue, { stream: 'sales-1', firstId: 1 });
  const stock = buildStock(TEST_REFERENCE_DATE, catalogue, sales.stats, { index: 1, firstIds: { stockLevel: 1, inbound: 1, allocation: 1 } });
  const sampler = new ListingSampler();
  sampler.add(catalogue.listings);
  const people = buildMorePeople(TEST_REFERENCE_DATE, sampler, {
    index: 1,
    people: 300,
    firstPerson: 0,
    firstOrder: 0,
    firstIds: { customer: 1, identity: 1, link: 1, order: 1, line: 1 },
  });
  // A copy's stock has no Warehouse rows of its own: the scaled warehouse's come after it.
  return {
    ...catalogue.tables,
    SalesDaily: sales.rows,
    ...stock,
    ...people,
    Platform: platformRows(TEST_REFERENCE_DATE, SCALED_PLATFORMS),
    ...scaledWarehouseRows(),
    ...buildScaledLogistics({ option: 1, rate: 1 }),
  };
}

/** Every index of the database, by name, with its definition. */
async function indexes(db: Db): Promise<Array<{ name: string; definition: string }>> {
  return testEngine() === 'postgresql'
    ? db.$queryRawUnsafe(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`)
    : db.$queryRawUnsafe(`SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`);
}

/** Writes tables the demo's way: insertRows through Prisma, in one transaction. */
async function insertViaPrisma(db: Db, tables: Partial<DemoTables>): Promise<void> {
  await db.$transaction(
    async (tx) => {
      for (const table of INSERT_ORDER) {
        const rows = tables[table];
        if (rows && rows.length > 0) await insertRows(tx, table, rows);
      }
    },
    { timeout: 240_000 },
  );
}

beforeAll(async () => {
  [viaPrisma, viaWriter] = await Promise.all([createTempDb(), createTempDb()]);
  await insertViaPrisma(viaPrisma.db, parents());
  await insertViaPrisma(viaWriter.db, parents());
  batch = scaledBatch();

  await insertViaPrisma(viaPrisma.db, batch);
  const writer = await openBulkWriter(viaWriter.db);
  try {
    await writer.write(batch);
  } finally {
    await writer.close();
  }
}, 300_000);

afterAll(async () => {
  await Promise.all([viaPrisma?.dispose(), viaWriter?.dispose()]);
});

describe('openBulkWriter', () => {
  it('stores the same values, of the same types, as the Prisma path', async () => {
    expect(batch.SalesDaily?.length).toBeGreaterThan(100_000);
    expect(batch.Order?.length).toBeGreaterThan(500);
    const expected = await dump(viaPrisma.db);
    expect(await dump(viaWriter.db)).toEqual(expected);
  });

  it('leaves every index as the migrations made it', async () => {
    const expected = await indexes(viaPrisma.db);
    expect(expected.some((i) => /SalesDaily/.test(i.name))).toBe(true);
    expect(await indexes(viaWriter.db)).toEqual(expected);
  });

  it('leaves the rows readable through Prisma at once', async () => {
    const copy = await viaWriter.db.sku.findUniqueOrThrow({ where: { code: 'WB-500-S1' }, select: { _count: { select: { sales: true, listings: true } } } });
    expect(copy._count.sales).toBeGreaterThan(300);
    expect(await viaWriter.db.platform.count()).toBe(8);
  });
});
