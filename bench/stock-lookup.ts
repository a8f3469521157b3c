/**
 * Benchmark: the `/stock <sku>` lookup, p50 and p95, against the same queries as raw SQL on
 * the same database file.
 *
 *   npm run bench -- stock-lookup [--scale demo|medium|large]
 *
 * "The lookup" is what `/stock WB-500` reads: find the SKU (the cached SKU index), then the
 * stock report of src/core/domain/inventory/stock-service.ts (stock per warehouse, open inbound,
 * allocations, listings, 30-day sales per platform, warehouse channels) and its projection.
 * The floor runs the same seven statements through better-sqlite3 prepared statements and
 * reads every row; no projection. SKUs are spread over the whole catalogue (every copy of a
 * medium or large dataset), 300 of them, each looked up both ways, interleaved.
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { findSku } from '../src/core/domain/catalogue/sku-lookup.ts';
import { stockReport } from '../src/core/domain/inventory/stock-service.ts';
import { sqliteFilePath } from '../src/persistence/db.ts';
import { openDatabase } from '../src/persistence/open-database.ts';
import { BENCH_REFERENCE_DATE } from './dataset.ts';
import { timePaired, type Timings } from './customer-lookup.ts';
import { percentile, round, type Benchmark, type BenchContext, type BenchResult } from './lib.ts';

interface Statement {
  all(...params: unknown[]): Array<Record<string, unknown>>;
  get(...params: unknown[]): Record<string, unknown> | undefined;
}
interface RawDb {
  prepare(sql: string): Statement;
  close(): void;
}
type RawDbCtor = new (file: string, options?: { readonly?: boolean }) => RawDb;
const RawDatabase = createRequire(import.meta.url)('better-sqlite3') as RawDbCtor;

const SAMPLES = 300;
const DAY = 86_400_000;

/** The seven statements of stockReport, as one would write them by hand. */
function rawStock(raw: RawDb): (code: string, today: number) => unknown {
  const sku = raw.prepare('SELECT "id", "code", "name" FROM "Sku" WHERE "code" = ?');
  const levels = raw.prepare(
    'SELECT s."onHand", s."reserved", w."id", w."code", w."name", w."kind" FROM "StockLevel" s JOIN "Warehouse" w ON w."id" = s."warehouseId" WHERE s."skuId" = ?',
  );
  const inbound = raw.prepare(
    `SELECT i."reference", i."quantity", i."eta", i."status", w."id", w."code", w."name", w."kind" FROM "InboundShipment" i
       JOIN "Warehouse" w ON w."id" = i."warehouseId" WHERE i."skuId" = ? AND i."status" IN ('planned', 'in_transit') ORDER BY i."eta"`,
  );
  const allocations = raw.prepare('SELECT "platformId", "quantity" FROM "ChannelAllocation" WHERE "skuId" = ?');
  const listings = raw.prepare('SELECT "platformId", "variant", "status" FROM "Listing" WHERE "skuId" = ?');
  const sales = raw.prepare('SELECT "platformId", SUM("units") AS "units" FROM "SalesDaily" WHERE "skuId" = ? AND "day" >= ? AND "day" < ? GROUP BY "platformId"');
  const channels = raw.prepare('SELECT c."warehouseId", p."id", p."code", p."name" FROM "WarehouseChannel" c JOIN "Platform" p ON p."id" = c."platformId"');
  return (code, today) => {
    const row = sku.get(code);
    if (!row) throw new Error(`raw: no SKU ${code}`);
    const id = row.id;
    return [levels.all(id), inbound.all(id), allocations.all(id), listings.all(id), sales.all(id, today - 30 * DAY, today), channels.all()];
  };
}

/** Runs the benchmark on a dataset file. */
export async function runStockLookupBench(ctx: BenchContext, log: (line: string) => void): Promise<BenchResult> {
  const db = await openDatabase(ctx.dbUrl);
  const raw = new RawDatabase(sqliteFilePath(ctx.dbUrl), { readonly: true });
  try {
    const now = new Date(`${BENCH_REFERENCE_DATE}T12:00:00Z`);
    const today = Date.parse(`${BENCH_REFERENCE_DATE}T00:00:00Z`);
    const codes = (await db.sku.findMany({ where: { active: true }, select: { code: true }, orderBy: { id: 'asc' } })).map((s) => s.code);
    const step = Math.max(1, Math.floor(codes.length / SAMPLES));
    const sample = codes.filter((_, i) => i % step === 0).slice(0, SAMPLES);
    log(`stock-lookup: ${sample.length} SKUs of ${codes.length.toLocaleString('en-US')} on the ${ctx.scale} dataset`);
    const rawLookup = rawStock(raw);
    const [app, floor] = await timePaired(
      sample,
      async (code) => {
        const match = await findSku(db, code);
        if (match.kind !== 'found') throw new Error(`app: ${code} ${match.kind}`);
        return stockReport(db, match.sku, now);
      },
      (code) => rawLookup(code, today),
    );
    const f = (t: Timings, clock: 'wall' | 'cpu', p: number) => round(percentile(t[clock], p), 3);
    const figures: Record<string, number> = {
      stock_lookup_samples: sample.length,
      stock_lookup_p50_ms: f(app, 'cpu', 50),
      stock_lookup_p95_ms: f(app, 'cpu', 95),
      stock_lookup_raw_p50_ms: f(floor, 'cpu', 50),
      stock_lookup_raw_p95_ms: f(floor, 'cpu', 95),
      stock_lookup_p50_ratio: round(percentile(app.cpu, 50) / percentile(floor.cpu, 50), 2),
      stock_lookup_p95_ratio: round(percentile(app.cpu, 95) / percentile(floor.cpu, 95), 2),
      stock_lookup_wall_p50_ms: f(app, 'wall', 50),
      stock_lookup_wall_p95_ms: f(app, 'wall', 95),
      stock_lookup_raw_wall_p50_ms: f(floor, 'wall', 50),
      stock_lookup_raw_wall_p95_ms: f(floor, 'wall', 95),
      stock_lookup_wall_p95_ratio: round(percentile(app.wall, 95) / percentile(floor.wall, 95), 2),
    };
    const ms = (x: number | undefined) => `${(x ?? Number.NaN).toFixed(3)} ms`;
    return {
      table: {
        columns: ['clock', 'app p50', 'app p95', 'raw SQL p50', 'raw SQL p95', 'ratio p50', 'ratio p95'],
        rows: [
          ['CPU', ms(figures.stock_lookup_p50_ms), ms(figures.stock_lookup_p95_ms), ms(figures.stock_lookup_raw_p50_ms), ms(figures.stock_lookup_raw_p95_ms), `${figures.stock_lookup_p50_ratio}×`, `${figures.stock_lookup_p95_ratio}×`],
          [
            'elapsed',
            ms(figures.stock_lookup_wall_p50_ms),
            ms(figures.stock_lookup_wall_p95_ms),
            ms(figures.stock_lookup_raw_wall_p50_ms),
            ms(figures.stock_lookup_raw_wall_p95_ms),
            `${round((figures.stock_lookup_wall_p50_ms ?? 0) / (figures.stock_lookup_raw_wall_p50_ms ?? 1), 2)}×`,
            `${figures.stock_lookup_wall_p95_ratio}×`,
          ],
        ],
      },
      figures,
      notes: [
        `goal: p95 ≤ 3× raw SQL → ${figures.stock_lookup_p95_ratio}× in CPU time (${(figures.stock_lookup_p95_ratio ?? Infinity) <= 3 ? 'met' : 'NOT met'})`,
        `${sample.length} SKUs across the catalogue, each looked up both ways, interleaved, after a warm-up; load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
      ],
    };
  } finally {
    raw.close();
    await db.$disconnect();
  }
}

/** The stock lookup benchmark for `npm run bench`. */
export const benchmark: Benchmark = {
  name: 'stock-lookup',
  title: 'Stock lookup: /stock <sku> (SKU index + stock report) vs the same queries through better-sqlite3',
  async run(log, ctx) {
    if (!ctx) throw new Error('stock-lookup runs on a prepared dataset: npm run bench -- stock-lookup [--scale …]');
    return runStockLookupBench(ctx, log);
  },
};
