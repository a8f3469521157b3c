/**
 * The medium and large datasets: the demo (every anchor and planted case, unchanged), then
 * more of the same, streamed in batches so memory stays flat whatever the size:
 * - two more platforms (Amazon UK with its FBA warehouse and freight, TikTok Shop DE), eight
 *   in all;
 * - further copies of the demo catalogue (suffixed SKU codes, own random streams), each with
 *   its year of daily sales, stock, inbound shipments and allocations, and some SKUs listed on
 *   the two extra platforms too;
 * - further people made the way the demo makes its random ones, with identities, links,
 *   orders and order lines.
 * Each batch is written in its own transaction (see bulk-writer.ts for how, per engine); a
 * failure part-way leaves a smaller dataset with its indexes in place; seed again to retry.
 */
import type { Db } from '../db.ts';
import { openBulkWriter, type BulkWriter } from './bulk-writer.ts';
import { startOfUtcDay } from './calendar.ts';
import { buildCatalogue } from './catalogue.ts';
import { PERSON_COUNT } from './customers.ts';
import { buildScaledLogistics } from './money.ts';
import { catalogueCopies, PeopleStream } from './people-batches.ts';
import { platformRows, SCALED_PLATFORMS } from './platforms.ts';
import { buildSales } from './sales.ts';
import { buildStock, scaledWarehouseRows } from './stock.ts';
import { fitListingForecasts, seedDemo } from './index.ts';
import { INSERT_ORDER, type DemoTable, type DemoTables, type SeedSummary } from './types.ts';

/** Dataset sizes; `demo` is the demo itself. */
export const SCALES = {
  demo: { skus: 0, people: PERSON_COUNT },
  /** A tenth of large, for quick runs. */
  medium: { skus: 1_000, people: 100_000 },
  /** 10,000 SKUs on 8 platforms (~35,000 listings, ~10 M daily sales rows), 1,000,000 people (~3 M orders). */
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
type NextIds = Record<
  'Product' | 'Sku' | 'Listing' | 'SalesDaily' | 'StockLevel' | 'InboundShipment' | 'ChannelAllocation' | 'Customer' | 'CustomerIdentity' | 'IdentityLink' | 'Order' | 'OrderLine' | 'LogisticsOption' | 'LogisticsRate',
  number
>;

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
  const writer = await openBulkWriter(db, log);
  try {
    await grow(writer, ref, opts, summary, next, add, log, stamp);
  } finally {
    await writer.close();
  }

  log(`seed: ${INSERT_ORDER.reduce((n, t) => n + summary[t], 0).toLocaleString('en-US')} rows in ${stamp()}`);
  // The copies' listings get their stored forecasts, as the demo's did, so a plan reads them.
  await fitListingForecasts(db, ref, log);
  // Fresh statistics, so the query planner knows how big the tables have become (after the
  // forecasts: statistics taken while ListingForecast held the demo's 469 rows made SQLite scan
  // it rather than seek its key, 25 ms instead of 5 per batch of a plan).
  await db.$executeRawUnsafe('ANALYZE');
  log(`seed: done in ${stamp()}`);
  return summary;
}

/** Writes the extra platforms, the catalogue copies and the extra people, batch by batch. */
async function grow(
  writer: BulkWriter,
  ref: Date,
  opts: ScaledSeedOptions,
  summary: SeedSummary,
  next: NextIds,
  add: (tables: Partial<DemoTables>) => void,
  log: (line: string) => void,
  stamp: () => string,
): Promise<void> {
  const write = (tables: Partial<DemoTables>): Promise<void> => writer.write(tables);

  // The two platforms only the scaled datasets have, their warehouse and freight options.
  const platforms: Partial<DemoTables> = {
    Platform: platformRows(ref, SCALED_PLATFORMS),
    ...scaledWarehouseRows(),
    ...buildScaledLogistics({ option: next.LogisticsOption, rate: next.LogisticsRate }),
  };
  await write(platforms);
  add(platforms);
  log(`seed: platforms ${summary.Platform} (${SCALED_PLATFORMS.map((p) => p.code).join(', ')} added)`);

  // Catalogue copies: one transaction each (~500 listings and ~150,000 sales rows). The extra
  // people are generated meanwhile on a worker thread, from the same copies' listings.
  const demoCatalogue = buildCatalogue(ref);
  const perCopy = demoCatalogue.skus.length;
  const copies = Math.max(0, Math.ceil(opts.scale.skus / perCopy) - 1);
  const firstCopyIds = { product: next.Product, sku: next.Sku, listing: next.Listing };
  const extra = Math.max(0, opts.scale.people - summary.Customer);
  const people =
    extra > 0
      ? new PeopleStream({
          ref,
          copies,
          firstCopyIds,
          people: extra,
          batchSize: opts.peopleBatch ?? 10_000,
          firstIds: { customer: next.Customer, identity: next.CustomerIdentity, link: next.IdentityLink, order: next.Order, line: next.OrderLine },
        })
      : null;
  try {
    for (const catalogue of catalogueCopies(ref, copies, firstCopyIds)) {
      const { index } = catalogue;
      const sales = buildSales(ref, catalogue, { stream: `sales-${index}`, firstId: next.SalesDaily });
      const stock = buildStock(ref, catalogue, sales.stats, {
        index,
        firstIds: { stockLevel: next.StockLevel, inbound: next.InboundShipment, allocation: next.ChannelAllocation },
      });
      const tables: Partial<DemoTables> = { ...catalogue.tables, SalesDaily: sales.rows, ...stock };
      await write(tables);
      add(tables);
      advance(next, tables);
      if (index === copies || index % 5 === 0) {
        log(`seed: catalogue copy ${index}/${copies}: ${summary.Sku.toLocaleString('en-US')} SKUs, ${summary.Listing.toLocaleString('en-US')} listings, ${summary.SalesDaily.toLocaleString('en-US')} sales rows (${stamp()})`);
      }
    }

    // Extra people, a batch per transaction.
    if (!people) return;
    let index = 0;
    for await (const tables of people) {
      index++;
      await write(tables);
      add(tables);
      advance(next, tables);
      if (summary.Customer === opts.scale.people || index % 10 === 0) {
        log(`seed: people ${summary.Customer.toLocaleString('en-US')}, identities ${summary.CustomerIdentity.toLocaleString('en-US')}, orders ${summary.Order.toLocaleString('en-US')} (${stamp()})`);
      }
    }
  } finally {
    await people?.close();
  }
}

/** The id after the highest one of every table the batches add to. */
async function nextIds(db: Db): Promise<NextIds> {
  const tables: (keyof NextIds)[] = ['Product', 'Sku', 'Listing', 'SalesDaily', 'StockLevel', 'InboundShipment', 'ChannelAllocation', 'Customer', 'CustomerIdentity', 'IdentityLink', 'Order', 'OrderLine', 'LogisticsOption', 'LogisticsRate'];
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
