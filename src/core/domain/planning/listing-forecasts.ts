/**
 * Per-listing sales figures and demand forecasts, kept in the ListingForecast table for the
 * current sales horizon.
 *
 * Why stored: planning the whole catalogue needs, for every listing, half a year of daily
 * sales fitted into a forecast, plus its 30-day units and revenue. On the large dataset
 * (30,000 listings, 10 M daily rows) reading and fitting that takes tens of seconds and
 * gigabytes, for figures that only change when sales are imported (once a day). So they are
 * computed once per horizon, in batches of SKUs, and every plan reads one row per listing.
 *
 * When rows are (re)built: a row is valid for one horizon (the day after the newest sales
 * day). A new day of sales moves the horizon and makes every row stale; an import that changes
 * older days deletes the rows of the listings it touched ({@link invalidateListingForecasts}).
 * {@link ensureListingForecasts} fills whatever is missing or stale, and is called by every
 * plan and by the scheduled refresh, so after an import the work is done once, off the
 * request path when the job gets there first. Several instances may fill at once: the rows
 * they write are the same, and a batch that loses the race is skipped.
 */
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Db } from '../../../persistence/db.ts';
import { dialectOf, epochMs } from '../../../persistence/dialect.ts';
import { addDays, DAY_MS, startOfUtcDay } from '../inventory/cover.ts';
import { FIT_WINDOW_DAYS, forecastDemand, type DemandForecast } from './forecast.ts';
import { firstSaleDays, salesSeries } from './sales-series.ts';

/** Days of the 30-day sales figures (units, revenue) kept per listing. */
export const SALES_WINDOW_DAYS = 30;
/** SKUs fitted per batch: bounds memory (one batch's daily rows) and how long the event loop is held. */
export const REFRESH_BATCH_SKUS = 400;

/** One listing's stored figures. */
export interface ListingFigures {
  firstSaleDay: Date | null;
  units30: number;
  /** Revenue over the 30 days, in the currency of its sales rows (as SalesDaily keeps it). */
  revenue30: number;
  /** The forecast of the listing's sales, whether or not it is listed today. */
  forecast: DemandForecast;
}

/** `${skuId}:${platformId}` → figures. */
export type ListingFiguresMap = Map<string, ListingFigures>;

/** What {@link ensureListingForecasts} did. */
export interface RefreshResult {
  horizon: Date;
  /** Listings whose row was (re)computed. */
  computed: number;
  /** Listings whose row was already current. */
  current: number;
}

const pairKey = (skuId: number, platformId: number): string => `${skuId}:${platformId}`;

/**
 * The day after the newest sales data before `today`, or `today` when there is none or it is
 * later. Sales arrive by import, so a day without any rows means "not imported yet", not
 * "nothing sold": forecasts end where the data ends instead of reading missing days as zeros.
 */
export async function salesHorizon(db: Db, today: Date): Promise<Date> {
  // ORDER BY … LIMIT 1 walks the day index from the top; MAX() with a bound scanned it (1.3 s on 10 M rows).
  const latest = await db.salesDaily.findFirst({ where: { day: { lt: today } }, orderBy: { day: 'desc' }, select: { day: true } });
  return latest ? addDays(startOfUtcDay(latest.day), 1) : today;
}

/** In-flight fills per database client and horizon, so concurrent plans in one process share one. */
const inFlight = new WeakMap<Db, Map<number, Promise<RefreshResult>>>();

/**
 * Computes the rows missing or stale for `horizon` (every listing's), in batches of
 * {@link REFRESH_BATCH_SKUS} SKUs, yielding to the event loop between batches.
 */
export function ensureListingForecasts(db: Db, horizon: Date, options: { log?: (line: string) => void; now?: () => Date } = {}): Promise<RefreshResult> {
  let perDb = inFlight.get(db);
  if (!perDb) inFlight.set(db, (perDb = new Map()));
  const running = perDb.get(horizon.getTime());
  if (running) return running;
  const run = fill(db, horizon, options).finally(() => perDb.delete(horizon.getTime()));
  perDb.set(horizon.getTime(), run);
  return run;
}

async function fill(db: Db, horizon: Date, options: { log?: (line: string) => void; now?: () => Date }): Promise<RefreshResult> {
  const stale = await db.$queryRaw<{ skuId: number | bigint; platformId: number | bigint }[]>`
    SELECT l."skuId", l."platformId"
      FROM "Listing" l
      LEFT JOIN "ListingForecast" f ON f."skuId" = l."skuId" AND f."platformId" = l."platformId" AND f."horizon" = ${horizon}
     WHERE f."skuId" IS NULL`;
  const total = await db.listing.count();
  if (stale.length === 0) return { horizon, computed: 0, current: total };
  const skuIds = [...new Set(stale.map((r) => Number(r.skuId)))].sort((a, b) => a - b);
  const started = performance.now();
  let computed = 0;
  for (let i = 0; i < skuIds.length; i += REFRESH_BATCH_SKUS) {
    const batch = skuIds.slice(i, i + REFRESH_BATCH_SKUS);
    computed += await fillBatch(db, horizon, batch, options.now?.() ?? new Date());
    if (skuIds.length > REFRESH_BATCH_SKUS) {
      options.log?.(`listing forecasts: ${Math.min(i + REFRESH_BATCH_SKUS, skuIds.length)}/${skuIds.length} SKUs (${Math.round(performance.now() - started)} ms)`);
      // Let requests in between batches: a whole large catalogue is tens of seconds of fitting.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { horizon, computed, current: total - stale.length };
}

/** Fits and stores the rows of every listing of `skuIds`; returns how many were written. */
async function fillBatch(db: Db, horizon: Date, skuIds: readonly number[], now: Date): Promise<number> {
  const from = addDays(horizon, -FIT_WINDOW_DAYS);
  const window30 = addDays(horizon, -SALES_WINDOW_DAYS);
  const [listings, series, firstDays, sums] = await Promise.all([
    db.listing.findMany({ where: { skuId: { in: [...skuIds] } }, select: { skuId: true, platformId: true } }),
    salesSeries(db, from, horizon, skuIds),
    firstSaleDays(db, skuIds),
    db.salesDaily.groupBy({ by: ['skuId', 'platformId'], where: { skuId: { in: [...skuIds] }, day: { gte: window30, lt: horizon } }, _sum: { units: true, revenue: true } }),
  ]);
  const sumBy = new Map(sums.map((s) => [pairKey(s.skuId, s.platformId), s._sum]));
  const rows: Prisma.ListingForecastCreateManyInput[] = listings.map((l) => {
    const key = pairKey(l.skuId, l.platformId);
    const first = firstDays.get(key) ?? null;
    const forecast = fitListing(series.get(key), first, from);
    const sum = sumBy.get(key);
    return {
      skuId: l.skuId,
      platformId: l.platformId,
      horizon,
      firstSaleDay: first,
      units30: sum?.units ?? 0,
      revenue30: sum?.revenue ?? new Prisma.Decimal(0),
      fit: JSON.stringify(forecast),
      computedAt: now,
    };
  });
  try {
    await db.$transaction(async (tx) => {
      await tx.listingForecast.deleteMany({ where: { skuId: { in: [...skuIds] } } });
      for (let i = 0; i < rows.length; i += 2_000) await tx.listingForecast.createMany({ data: rows.slice(i, i + 2_000) });
      // Prisma's 5 s default is too short when another process holds the file (a second SQLite
      // process, an import): wait for the lock rather than fail half-way through a refresh.
    }, { maxWait: 60_000, timeout: 120_000 });
  } catch (error) {
    // Another instance wrote the same batch between our delete and insert: its rows are ours.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 0;
    throw error;
  }
  return rows.length;
}

/**
 * The forecast of one listing: its daily units from its first sale day (or the window start,
 * if earlier) to the day before the horizon, days without a row read as zero.
 */
export function fitListing(days: ReadonlyMap<number, number> | undefined, firstSaleDay: Date | null, from: Date): DemandForecast {
  const startIndex = startIndexOf(firstSaleDay, from);
  const units: number[] = [];
  for (let d = startIndex; d < FIT_WINDOW_DAYS; d++) units.push(days?.get(d) ?? 0);
  return forecastDemand(units, addDays(from, startIndex).getUTCDay());
}

/** Index in the fit window (0 = `from`) of a listing's first day; the window's end when it never sold. */
export function startIndexOf(firstSaleDay: Date | null, from: Date): number {
  return firstSaleDay ? Math.max(0, Math.round((startOfUtcDay(firstSaleDay).getTime() - from.getTime()) / DAY_MS)) : FIT_WINDOW_DAYS;
}

/**
 * The stored figures at `horizon` of the listings of `skuIds` (every listing when omitted),
 * after filling what is missing. Figures of pairs without a listing are absent.
 *
 * Read as one packed text (a line per listing) rather than as rows: decoding 30,000 rows
 * column by column through the driver cost a second; one string and a split cost a few ms.
 */
export async function listingFigures(db: Db, horizon: Date, skuIds?: readonly number[]): Promise<ListingFiguresMap> {
  await ensureListingForecasts(db, horizon);
  return readListingFigures(db, horizon, skuIds);
}

/**
 * {@link listingFigures} without filling first: for a caller that has just ensured the rows
 * (a plan checks once, then reads batch by batch; the check scans every listing).
 */
export async function readListingFigures(db: Db, horizon: Date, skuIds?: readonly number[]): Promise<ListingFiguresMap> {
  const dialect = dialectOf(db);
  const text = (expr: string): string => `CAST(${expr} AS TEXT)`;
  const line = [text('"skuId"'), text('"platformId"'), `COALESCE(${text(epochMs(dialect, '"firstSaleDay"'))}, '')`, text('"units30"'), text('"revenue30"'), '"fit"'].join(` || '\t' || `);
  const aggregate = dialect === 'postgresql' ? `string_agg(${line}, chr(10))` : `group_concat(${line}, char(10))`;
  const only = skuIds ? (skuIds.length > 0 ? Prisma.sql` AND "skuId" IN (${Prisma.join([...skuIds])})` : Prisma.sql` AND 1 = 0`) : Prisma.empty;
  const [row] = await db.$queryRaw<{ packed: string | null }[]>`
    SELECT ${Prisma.raw(aggregate)} AS "packed" FROM "ListingForecast" WHERE "horizon" = ${horizon}${only}`;
  const out: ListingFiguresMap = new Map();
  for (const entry of (row?.packed ?? '').split('\n')) {
    if (entry === '') continue;
    const [skuId, platformId, first, units30, revenue30, fit] = entry.split('\t') as [string, string, string, string, string, string];
    out.set(`${skuId}:${platformId}`, {
      firstSaleDay: first === '' ? null : new Date(Number(first)),
      units30: Number(units30),
      revenue30: Number(revenue30),
      forecast: JSON.parse(fit) as DemandForecast,
    });
  }
  return out;
}

/**
 * Each platform's revenue over the 30 days before `horizon`, in the currency of its sales rows:
 * the sum of its listings' stored figures (filled first, so the sum is over every listing).
 */
export async function platformRevenue30(db: Db, horizon: Date): Promise<Map<number, number>> {
  await ensureListingForecasts(db, horizon);
  const rows = await db.listingForecast.groupBy({ by: ['platformId'], where: { horizon }, _sum: { revenue30: true } });
  return new Map(rows.map((r) => [r.platformId, Number(r._sum.revenue30 ?? 0)]));
}

/**
 * Drops the stored figures of listings whose sales changed, inside the transaction that changed
 * them, so no plan reads figures older than the data. Call with every (SKU, platform) written.
 */
export async function invalidateListingForecasts(tx: Pick<Db, 'listingForecast'>, pairs: ReadonlyArray<{ skuId: number; platformId: number }>): Promise<void> {
  const byPlatform = new Map<number, Set<number>>();
  for (const p of pairs) {
    const set = byPlatform.get(p.platformId) ?? new Set<number>();
    set.add(p.skuId);
    byPlatform.set(p.platformId, set);
  }
  for (const [platformId, skus] of byPlatform) {
    const ids = [...skus];
    for (let i = 0; i < ids.length; i += 5_000) await tx.listingForecast.deleteMany({ where: { platformId, skuId: { in: ids.slice(i, i + 5_000) } } });
  }
}
