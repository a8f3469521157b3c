/**
 * Benchmark: the `/stock <sku>` lookup, p50 and p95, against the same statement as raw SQL on
 * the same database file.
 *
 *   npm run bench -- stock-lookup [--scale demo|medium|large]
 *
 * "The lookup" is what `/stock WB-500` reads: find the SKU (the cached SKU index), then the
 * stock report of src/core/domain/inventory/stock-service.ts: its one statement (stock per
 * warehouse, open inbound, and per platform the listing, allocation and 30-day sales) through
 * the Prisma client, the cached warehouse directory, the row parsing and the projection.
 * The floor runs the same statement text (stockPictureSql, SQLite dialect, same parameters)
 * through a better-sqlite3 prepared statement and reads every row; the SKU's id comes from a
 * map built beforehand (the app's SKU index is an in-memory cache too); no parsing, no
 * projection. SKUs are spread over the whole catalogue (every copy of a medium or large
 * dataset), 300 of them, each looked up both ways, interleaved, after one untimed pass over
 * all of them.
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { findSku } from '../src/core/domain/catalogue/sku-lookup.ts';
import { stockPictureSql, stockReport } from '../src/core/domain/inventory/stock-service.ts';
import { DAY_MS, RATE_WINDOW_DAYS } from '../src/core/domain/inventory/cover.ts';
import { sqliteFilePath } from '../src/persistence/db.ts';
import { openDatabase } from '../src/persistence/open-database.ts';
import { BENCH_REFERENCE_DATE } from './dataset.ts';
import { timePaired, type Timings } from './customer-lookup.ts';
import { percentile, round, type Benchmark, type BenchContext, type BenchResult } from './lib.ts';

interface Statement {
  all(...params: unknown[]): Array<Record<string, unknown>>;
}
interface RawDb {
  prepare(sql: string): Statement;
  close(): void;
}
type RawDbCtor = new (file: string, options?: { readonly?: boolean }) => RawDb;
const RawDatabase = createRequire(import.meta.url)('better-sqlite3') as RawDbCtor;

const SAMPLES = 300;

/**
 * stockReport's statement as raw SQL: the very text the app sends (SQLite dialect), prepared
 * once, with the same parameters. The parameter list is built once; a lookup only puts the
 * SKU's id in.
 */
function rawStock(raw: RawDb, ids: ReadonlyMap<string, number>, today: number): (code: string) => unknown {
  const ANY_ID = -1;
  const sql = stockPictureSql('sqlite', ANY_ID, new Date(today - RATE_WINDOW_DAYS * DAY_MS), new Date(today));
  const statement = raw.prepare(sql.sql);
  const values = [...sql.values];
  const idSlots = values.flatMap((v, i) => (v === ANY_ID ? [i] : []));
  return (code) => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`raw: no SKU ${code}`);
    for (const i of idSlots) values[i] = id;
    return statement.all(...values);
  };
}

/** Runs the benchmark on a dataset file. */
export async function runStockLookupBench(ctx: BenchContext, log: (line: string) => void): Promise<BenchResult> {
  const db = await openDatabase(ctx.dbUrl);
  const raw = new RawDatabase(sqliteFilePath(ctx.dbUrl), { readonly: true });
  try {
    const now = new Date(`${BENCH_REFERENCE_DATE}T12:00:00Z`);
    const today = Date.parse(`${BENCH_REFERENCE_DATE}T00:00:00Z`);
    const skus = await db.sku.findMany({ where: { active: true }, select: { id: true, code: true }, orderBy: { id: 'asc' } });
    const codes = skus.map((s) => s.code);
    const step = Math.max(1, Math.floor(codes.length / SAMPLES));
    const sample = codes.filter((_, i) => i % step === 0).slice(0, SAMPLES);
    log(`stock-lookup: ${sample.length} SKUs of ${codes.length.toLocaleString('en-US')} on the ${ctx.scale} dataset`);
    const rawLookup = rawStock(raw, new Map(skus.map((s) => [s.code, s.id])), today);
    const appLookup = async (code: string) => {
      const match = await findSku(db, code);
      if (match.kind !== 'found') throw new Error(`app: ${code} ${match.kind}`);
      return stockReport(db, match.sku, now);
    };
    // One untimed pass over the whole sample both ways first: V8 optimises hot code on
    // background threads whose CPU time process.cpuUsage() counts, so a short warm-up leaves
    // that compilation inside the first timed lookups; a long-running bot is past it.
    for (const code of sample) {
      await appLookup(code);
      rawLookup(code);
    }
    const [app, floor] = await timePaired(sample, appLookup, rawLookup);
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
        `${sample.length} SKUs across the catalogue, each looked up both ways, interleaved, after a warm-up pass over all of them; load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
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
  title: 'Stock lookup: /stock <sku> (SKU index + stock report) vs the same statement through better-sqlite3',
  async run(log, ctx) {
    if (!ctx) throw new Error('stock-lookup runs on a prepared dataset: npm run bench -- stock-lookup [--scale …]');
    return runStockLookupBench(ctx, log);
  },
};
