/**
 * Daily units per SKU × platform over a window, read as one packed row per listing, and each
 * listing's first sale day: the inputs of the stored forecasts (listing-forecasts.ts).
 *
 * Why packed: the whole-catalogue plan reads every listing's last 182 days; on the large
 * dataset (30,000 listings) that is millions of rows, and turning each into a JavaScript
 * object through the driver cost seconds and hundreds of MB. The database aggregates the
 * sale days of a listing into one "offset:units,…" string instead (days without sales are
 * left out: they are zeros), so the app handles one short row per listing.
 */
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Db } from '../../../persistence/db.ts';
import { dialectOf, epochMs } from '../../../persistence/dialect.ts';
import { DAY_MS } from '../inventory/cover.ts';

/** Units per day offset (0 = `from`) of each `${skuId}:${platformId}`; days without sales are absent. */
export type SalesSeries = Map<string, Map<number, number>>;

/**
 * Sales days in [from, end) per SKU × platform, for the given SKUs or all of them.
 */
export async function salesSeries(db: Db, from: Date, end: Date, skuIds?: readonly number[]): Promise<SalesSeries> {
  const dialect = dialectOf(db);
  // `from` is a whole UTC day computed by the caller, inlined as an integer literal.
  const offset = `(${epochMs(dialect, '"day"')} - ${Math.trunc(from.getTime())}) / ${DAY_MS}`;
  const item = `CAST(${offset} AS TEXT) || ':' || CAST("units" AS TEXT)`;
  const aggregate = dialect === 'postgresql' ? `string_agg(${item}, ',')` : `group_concat(${item}, ',')`;
  const only = skuIds ? (skuIds.length > 0 ? Prisma.sql` AND "skuId" IN (${Prisma.join([...skuIds])})` : Prisma.sql` AND 1 = 0`) : Prisma.empty;
  const rows = await db.$queryRaw<{ skuId: number | bigint; platformId: number | bigint; packed: string | null }[]>`
    SELECT "skuId", "platformId", ${Prisma.raw(aggregate)} AS "packed"
      FROM "SalesDaily"
     WHERE "day" >= ${from} AND "day" < ${end} AND "units" > 0${only}
     GROUP BY "skuId", "platformId"`;
  const series: SalesSeries = new Map();
  for (const row of rows) {
    const days = new Map<number, number>();
    for (const pair of (row.packed ?? '').split(',')) {
      const colon = pair.indexOf(':');
      if (colon > 0) days.set(Number(pair.slice(0, colon)), Number(pair.slice(colon + 1)));
    }
    series.set(`${Number(row.skuId)}:${Number(row.platformId)}`, days);
  }
  return series;
}

/**
 * Each listing's first day with a sales row, as `${skuId}:${platformId}` → Date. One index
 * seek per listing (the SalesDaily unique index starts with skuId, platformId, day) rather
 * than grouping every sales row of the year.
 */
export async function firstSaleDays(db: Db, skuIds?: readonly number[]): Promise<Map<string, Date>> {
  const dialect = dialectOf(db);
  const only = skuIds ? (skuIds.length > 0 ? Prisma.sql` WHERE l."skuId" IN (${Prisma.join([...skuIds])})` : Prisma.sql` WHERE 1 = 0`) : Prisma.empty;
  const rows = await db.$queryRaw<{ skuId: number | bigint; platformId: number | bigint; first: number | bigint | null }[]>`
    SELECT l."skuId", l."platformId",
           (SELECT ${Prisma.raw(epochMs(dialect, 'MIN(s."day")'))} FROM "SalesDaily" s WHERE s."skuId" = l."skuId" AND s."platformId" = l."platformId") AS "first"
      FROM "Listing" l${only}`;
  const out = new Map<string, Date>();
  for (const row of rows) if (row.first !== null) out.set(`${Number(row.skuId)}:${Number(row.platformId)}`, new Date(Number(row.first)));
  return out;
}
