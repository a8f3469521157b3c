/**
 * The medium and large datasets: the demo (every anchor and planted case, unchanged), then
 * more of the same, streamed in batches so memory stays flat whatever the size:
 * - further copies of the demo catalogue (suffixed SKU codes, own random streams), each with
 *   its year of daily sales, stock, inbound shipments and allocations;
 * - further people made the way the demo makes its random ones, with identities, links,
 *   orders and order lines.
 * Each batch is written in its own transaction through the same portable bulk insert as the
 * demo, so a failure part-way leaves a smaller but consistent dataset; seed again to retry.
 */
import type { Db } from '../db.ts';
import { insertRows, type Tx } from './bulk-insert.ts';
import { startOfUtcDay } from './calendar.ts';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { buildMorePeople, ListingSampler, PERSON_COUNT } from './customers.ts';
import { buildSales } from './sales.ts';
import { buildStock } from './stock.ts';
import { seedDemo } from './index.ts';
import { INSERT_ORDER, type DemoTable, type DemoTables, type SeedSummary } from './types.ts';

/** Dataset sizes; `demo` is the demo itself. */
export const SCALES = {
  demo: { skus: 0, people: PERSON_COUNT },
  /** A tenth of large, for quick runs. */
  medium: { skus: 1_000, people: 100_000 },
  /** 10,000 SKUs (~30,000 listings, ~10 M daily sales rows), 1,000,000 people (~3 M orders). */
  large: { skus: 10_000, people: 1_000_000 },
} as const;

/** A named scale. */
export type ScaleName = keyof typeof SCALES;

/** How big to make the dataset: at least this many SKUs and people (the demo's own count if fewer). */
export interface ScaleSpec {
  skus: number;
  people: number;
}

/** Options of {@link seedScaled}. */
export interface ScaledSeedOptions {
  referenceDate: Date;
  scale: ScaleSpec;
  /** People per transaction (default 10,000). */
  peopleBatch?: number;
  log?: (line: string) => void;
}

/** Highest id written so far per table, so every batch continues the numbering. */
type NextIds = Record<'Product' | 'Sku' | 'Listing' | 'SalesDaily' | 'StockLevel' | 'InboundShipment' | 'ChannelAllocation' | 'Customer' | 'CustomerIdentity' | 'IdentityLink' | 'Order' | 'OrderLine', number>;

/**
 * Seeds the demo, then grows it to `scale`. Deterministic: the same reference date and scale
 * give the same rows.
 * @returns rows written per table.
 */
export async function seedScaled(db: Db, opts: ScaledSeedOptions): Promise<SeedSummary> {
  const log = opts.log ?? (() => {});
  const ref = startOfUtcDay(opts.referenceDate);
  const started = performance.now();
  const stamp = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s, rss ${Math.round(process.memoryUsage().rss / 1_048_576)} MB`;
  const summary = await seedDemo(db, { referenceDate: ref, log });
  if (opts.scale.skus <= summary.Sku && opts.scale.people <= summary.Customer) return summary;

  const next = await nextIds(db);
  const add = (tables: Partial<DemoTables>): void => {
    for (const [table, rows] of Object.entries(tables) as [DemoTable, unknown[]][]) summary[table] += rows.length;
  };
  const write = (tables: Partial<DemoTables>): Promise<void> =>
    db.$transaction(
      async (tx: Tx) => {
        for (const table of INSERT_ORDER) {
          const rows = tables[table];
          if (rows && rows.length > 0) await insertRows(tx, table, rows);
        }
      },
      { maxWait: 30_000, timeout: 600_000 },
    ).then(async () => {
      // better-sqlite3 keeps every prepared statement until its connection closes (measured:
      // ~330 bytes of RSS per row inserted, 3 GB for the medium dataset). Reconnecting after
      // each batch keeps the seed's memory flat; on PostgreSQL it merely renews the pool.
      await db.$disconnect();
      await db.$connect();
    });

  // Catalogue copies: one transaction each (~470 listings and ~150,000 sales rows).
  const sampler = new ListingSampler();
  const demoCatalogue = buildCatalogue(ref);
  sampler.add(demoCatalogue.listings);
  const perCopy = demoCatalogue.skus.length;
  const copies = Math.max(0, Math.ceil(opts.scale.skus / perCopy) - 1);
  for (let index = 1; index <= copies; index++) {
    const catalogue: Catalogue = buildCatalogue(ref, { index, firstIds: { product: next.Product, sku: next.Sku, listing: next.Listing } });
    const sales = buildSales(ref, catalogue, { stream: `sales-${index}`, firstId: next.SalesDaily });
    const stock = buildStock(ref, catalogue, sales.stats, {
      index,
      firstIds: { stockLevel: next.StockLevel, inbound: next.InboundShipment, allocation: next.ChannelAllocation },
    });
    const tables: Partial<DemoTables> = { ...catalogue.tables, SalesDaily: sales.rows, ...stock };
    await write(tables);
    add(tables);
    advance(next, tables);
    sampler.add(catalogue.listings); // plans only; the rows above are dropped with `tables`
    if (index === copies || index % 5 === 0) {
      log(`seed: catalogue copy ${index}/${copies}: ${summary.Sku.toLocaleString('en-US')} SKUs, ${summary.Listing.toLocaleString('en-US')} listings, ${summary.SalesDaily.toLocaleString('en-US')} sales rows (${stamp()})`);
    }
  }

  // Extra people, a batch per transaction.
  const extra = Math.max(0, opts.scale.people - summary.Customer);
  const batchSize = opts.peopleBatch ?? 10_000;
  let orders = 0;
  for (let done = 0, index = 1; done < extra; index++) {
    const people = Math.min(batchSize, extra - done);
    const tables = buildMorePeople(ref, sampler, {
      index,
      people,
      firstPerson: done,
      firstOrder: orders,
      firstIds: { customer: next.Customer, identity: next.CustomerIdentity, link: next.IdentityLink, order: next.Order, line: next.OrderLine },
    });
    await write(tables);
    add(tables);
    advance(next, tables);
    done += people;
    orders += tables.Order.length;
    if (done === extra || index % 10 === 0) {
      log(`seed: people ${summary.Customer.toLocaleString('en-US')}, identities ${summary.CustomerIdentity.toLocaleString('en-US')}, orders ${summary.Order.toLocaleString('en-US')} (${stamp()})`);
    }
  }

  // Fresh statistics, so the query planner knows how big the tables have become.
  await db.$executeRawUnsafe('ANALYZE');
  log(`seed: ${INSERT_ORDER.reduce((n, t) => n + summary[t], 0).toLocaleString('en-US')} rows in ${stamp()}`);
  return summary;
}

/** The id after the highest one of every table the batches add to. */
async function nextIds(db: Db): Promise<NextIds> {
  const tables: (keyof NextIds)[] = ['Product', 'Sku', 'Listing', 'SalesDaily', 'StockLevel', 'InboundShipment', 'ChannelAllocation', 'Customer', 'CustomerIdentity', 'IdentityLink', 'Order', 'OrderLine'];
  const out = {} as NextIds;
  for (const table of tables) {
    const [row] = await db.$queryRawUnsafe<{ max: number | bigint | null }[]>(`SELECT MAX("id") AS "max" FROM "${table}"`);
    out[table] = Number(row?.max ?? 0) + 1;
  }
  return out;
}

/** Moves every table's next id past the rows just written. */
function advance(next: NextIds, tables: Partial<DemoTables>): void {
  for (const table of Object.keys(next) as (keyof NextIds)[]) {
    for (const row of (tables[table] as { id: number }[] | undefined) ?? []) if (row.id >= next[table]) next[table] = row.id + 1;
  }
}
