/**
 * Reads one SKU's stock picture: per warehouse (on hand, reserved, inbound), per platform
 * (allocation, 30-day sales, cover) and the projected stock-out.
 *
 * Why one raw statement: `/stock` is the most frequent lookup, and through the Prisma client
 * every query pays a fixed cost (request pipeline, parameter and result mapping) comparable to
 * what SQLite spends answering it. The stock picture is one statement instead, every part read
 * through an index and returned as JSON in a single row, so that cost is paid once. The
 * warehouses and their channels still come from a cached directory (they change when the team
 * opens one).
 */
import { Prisma } from '../../../generated/prisma/client.ts';
import { z } from 'zod';
import type { Db } from '../../../persistence/db.ts';
import { dialectOf, epochMs, type Dialect } from '../../../persistence/dialect.ts';
import { cachedPerDb } from '../catalogue/read-cache.ts';
import type { SkuSummary } from '../catalogue/sku-lookup.ts';
import {
  RATE_WINDOW_DAYS,
  addDays,
  dailyRate,
  projectStockout,
  startOfUtcDay,
  type Arrival,
  type StockoutProjection,
} from './cover.ts';

/** One warehouse's stock of the SKU. */
export interface WarehouseStock {
  code: string;
  name: string;
  kind: string;
  /** Platforms this warehouse fulfils. */
  serves: string[];
  onHand: number;
  reserved: number;
  available: number;
  inbound: number;
  nextEta: Date | null;
}

/** The SKU on one platform. */
export interface PlatformStock {
  code: string;
  name: string;
  listed: boolean;
  variant: string | null;
  allocated: number;
  sold30: number;
  rate: number;
  projection: StockoutProjection;
}

/** A shipment on its way. */
export interface InboundLine {
  reference: string;
  warehouse: string;
  quantity: number;
  eta: Date;
  status: string;
}

/** Everything the stock tool shows for one SKU. */
export interface StockReport {
  sku: SkuSummary;
  today: Date;
  warehouses: WarehouseStock[];
  platforms: PlatformStock[];
  inbound: InboundLine[];
  totals: { onHand: number; reserved: number; available: number; inbound: number; sold30: number; rate: number };
  projection: StockoutProjection;
}

/**
 * The few constructs that differ between SQLite and PostgreSQL here: building a JSON object,
 * aggregating rows into a JSON array (as text; an empty part gives `[]`), DateTimes read as
 * epoch ms, DateTime parameters.
 */
function jsonSql(dialect: Dialect) {
  const pg = dialect === 'postgresql';
  return {
    object: (pairs: ReadonlyArray<readonly [string, string]>) =>
      `${pg ? 'json_build_object' : 'json_object'}(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
    array: (item: string) => (pg ? `COALESCE(json_agg(${item}), '[]'::json)::text` : `json_group_array(${item})`),
    ms: (column: string) => epochMs(dialect, column),
    /**
     * A DateTime parameter. SQLite keeps DateTimes as epoch ms (see db.ts), and a number binds
     * for a fraction of a Date's cost (the client serialises a Date, the adapter parses it back).
     */
    at: (date: Date): Date | number => (pg ? date : date.getTime()),
  };
}

/**
 * The statement that reads the stock picture of SKU `skuId`, with sales counted in
 * [`from`, `to`): one row of three JSON arrays, `levels` (stock per warehouse), `inbound` (open
 * shipments) and `platforms` (each platform the SKU is listed on, has an allocation on, or sold
 * on in the window). One row rather than one per item keeps the client's per-row work small.
 * Shared with the benchmark, which runs the same text (`.sql`, SQLite dialect) through
 * better-sqlite3 as its floor.
 */
export function stockPictureSql(dialect: Dialect, skuId: number, from: Date, to: Date): Prisma.Sql {
  const q = jsonSql(dialect);
  const level = q.object([['warehouseId', 's."warehouseId"'], ['onHand', 's."onHand"'], ['reserved', 's."reserved"']]);
  const shipment = q.object([
    ['warehouseId', 'i."warehouseId"'], ['quantity', 'i."quantity"'], ['reference', 'i."reference"'], ['status', 'i."status"'], ['eta', q.ms('i."eta"')],
  ]);
  const platform = q.object([
    ['code', 'p."code"'], ['name', 'p."name"'], ['allocated', 'a."quantity"'], ['sold', 'p."sold"'], ['listingStatus', 'l."status"'], ['variant', 'l."variant"'],
  ]);
  // Sales per platform as one index range each on SalesDaily (skuId, platformId, day): the
  // platform list is short, while grouping the SKU's sales would walk every sale day it has.
  return Prisma.sql`
SELECT
  (SELECT ${Prisma.raw(q.array(level))} FROM "StockLevel" s WHERE s."skuId" = ${skuId}) AS "levels",
  (SELECT ${Prisma.raw(q.array(shipment))}
     FROM "InboundShipment" i WHERE i."skuId" = ${skuId} AND i."status" IN ('planned', 'in_transit')) AS "inbound",
  (SELECT ${Prisma.raw(q.array(platform))}
     FROM (SELECT pl."id", pl."code", pl."name",
                  (SELECT SUM(d."units") FROM "SalesDaily" d
                    WHERE d."skuId" = ${skuId} AND d."platformId" = pl."id" AND d."day" >= ${q.at(from)} AND d."day" < ${q.at(to)}) AS "sold"
             FROM "Platform" pl) p
     LEFT JOIN "Listing" l ON l."skuId" = ${skuId} AND l."platformId" = p."id"
     LEFT JOIN "ChannelAllocation" a ON a."skuId" = ${skuId} AND a."platformId" = p."id"
    WHERE l."id" IS NOT NULL OR a."id" IS NOT NULL OR p."sold" IS NOT NULL) AS "platforms"`;
}

/**
 * A JSON array (as text) whose items match `item`. The array schema is built once, here: zod
 * prepares a schema on its first parse, which costs more than this whole parse.
 */
function jsonArray<T extends z.ZodType>(item: T) {
  const list = z.array(item);
  return z.string().transform((text, ctx) => {
    const parsed = list.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: parsed.error.message });
    return z.NEVER;
  });
}

/** The statement's row, parsed. Absent parts are null: no allocation, no sales rows, no listing. */
const pictureRow = z.object({
  levels: jsonArray(z.object({ warehouseId: z.number(), onHand: z.number(), reserved: z.number() })),
  inbound: jsonArray(
    z.object({ warehouseId: z.number(), quantity: z.number(), reference: z.string(), status: z.string(), eta: z.number().transform((ms) => new Date(ms)) }),
  ),
  platforms: jsonArray(
    z.object({
      code: z.string(),
      name: z.string(),
      allocated: z.number().nullable(),
      sold: z.number().nullable(),
      listingStatus: z.string().nullable(),
      variant: z.string().nullable(),
    }),
  ),
});

/**
 * Builds the stock report of `sku` as of `now`. Sales are counted over the 30 whole days
 * before today; inbound counts shipments planned or in transit.
 */
export async function stockReport(db: Db, sku: SkuSummary, now: Date): Promise<StockReport> {
  const today = startOfUtcDay(now);
  const windowStart = addDays(today, -RATE_WINDOW_DAYS);

  const [rows, { warehouses: warehouseById, channels }] = await Promise.all([
    db.$queryRaw<unknown[]>(stockPictureSql(dialectOf(db), sku.id, windowStart, today)),
    warehouseDirectory.get(db),
  ]);
  const picture = pictureRow.parse(rows[0]);
  // Warehouses and their channels come from the cached directory rather than a join per lookup.
  const warehouseOf = (id: number): { id: number; code: string; name: string; kind: string } => warehouseById.get(id) ?? { id, code: `#${id}`, name: `#${id}`, kind: 'own' };
  const levels = picture.levels.map((l) => ({ onHand: l.onHand, reserved: l.reserved, warehouse: warehouseOf(l.warehouseId) }));
  const shipments = picture.inbound.map((s) => ({ reference: s.reference, quantity: s.quantity, eta: s.eta, status: s.status, warehouse: warehouseOf(s.warehouseId) }));
  // Soonest first; the reference breaks ties so the order never depends on the engine.
  shipments.sort((a, b) => a.eta.getTime() - b.eta.getTime() || a.reference.localeCompare(b.reference));

  const servesByWarehouse = new Map<number, string[]>();
  for (const c of channels) servesByWarehouse.set(c.warehouseId, [...(servesByWarehouse.get(c.warehouseId) ?? []), c.platform.code]);

  const warehouseMap = new Map<number, WarehouseStock>();
  const ensureWarehouse = (w: { id: number; code: string; name: string; kind: string }): WarehouseStock => {
    let row = warehouseMap.get(w.id);
    if (!row) {
      row = { code: w.code, name: w.name, kind: w.kind, serves: servesByWarehouse.get(w.id) ?? [], onHand: 0, reserved: 0, available: 0, inbound: 0, nextEta: null };
      warehouseMap.set(w.id, row);
    }
    return row;
  };
  for (const level of levels) {
    const row = ensureWarehouse(level.warehouse);
    row.onHand += level.onHand;
    row.reserved += level.reserved;
    row.available = Math.max(0, row.onHand - row.reserved);
  }
  const arrivalsByWarehouse = new Map<string, Arrival[]>();
  for (const s of shipments) {
    const row = ensureWarehouse(s.warehouse);
    row.inbound += s.quantity;
    if (row.nextEta === null || s.eta < row.nextEta) row.nextEta = s.eta;
    arrivalsByWarehouse.set(s.warehouse.code, [...(arrivalsByWarehouse.get(s.warehouse.code) ?? []), { eta: s.eta, quantity: s.quantity }]);
  }
  const warehouses = [...warehouseMap.values()].sort((a, b) => a.code.localeCompare(b.code));

  const platforms: PlatformStock[] = picture.platforms
    .map((p) => {
      const sold30 = p.sold ?? 0;
      const allocated = p.allocated ?? 0;
      const rate = dailyRate(sold30);
      // Only inbound to a warehouse that serves this platform alone can be attributed to it.
      const arrivals = warehouses
        .filter((w) => w.serves.length === 1 && w.serves[0] === p.code)
        .flatMap((w) => arrivalsByWarehouse.get(w.code) ?? []);
      return {
        code: p.code,
        name: p.name,
        listed: p.listingStatus === 'active',
        variant: p.variant,
        allocated,
        sold30,
        rate,
        projection: projectStockout({ available: allocated, rate, arrivals, today }),
      };
    })
    .sort((a, b) => b.sold30 - a.sold30 || a.code.localeCompare(b.code));

  const totals = {
    onHand: sum(warehouses.map((w) => w.onHand)),
    reserved: sum(warehouses.map((w) => w.reserved)),
    available: sum(warehouses.map((w) => w.available)),
    inbound: sum(warehouses.map((w) => w.inbound)),
    sold30: sum(platforms.map((p) => p.sold30)),
    rate: 0,
  };
  totals.rate = dailyRate(totals.sold30);

  return {
    sku,
    today,
    warehouses,
    platforms,
    inbound: shipments.map((s) => ({ reference: s.reference, warehouse: s.warehouse.code, quantity: s.quantity, eta: s.eta, status: s.status })),
    totals,
    projection: projectStockout({
      available: totals.available,
      rate: totals.rate,
      arrivals: shipments.map((s) => ({ eta: s.eta, quantity: s.quantity })),
      today,
    }),
  };
}

/**
 * Warehouses and which platforms each fulfils: read-mostly (they change when the team opens a
 * warehouse), read by every stock lookup, so cached per client like the platform directory.
 */
const warehouseDirectory = cachedPerDb(async (db: Db) => {
  const [warehouses, channels] = await Promise.all([
    db.warehouse.findMany({ select: { id: true, code: true, name: true, kind: true } }),
    db.warehouseChannel.findMany({ select: { warehouseId: true, platform: { select: { code: true } } } }),
  ]);
  return { warehouses: new Map(warehouses.map((w) => [w.id, w])), channels };
});

/** Drops the cached warehouse directory, e.g. after warehouses or channels changed. */
export function invalidateWarehouseDirectory(db: Db): void {
  warehouseDirectory.invalidate(db);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
