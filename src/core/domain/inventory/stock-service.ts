/**
 * Reads one SKU's stock picture: per warehouse (on hand, reserved, inbound), per platform
 * (allocation, 30-day sales, cover) and the projected stock-out. Set-based queries only:
 * one query per table, never one per row.
 */
import type { Db } from '../../../persistence/db.ts';
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
 * Builds the stock report of `sku` as of `now`. Sales are counted over the 30 whole days
 * before today; inbound counts shipments planned or in transit.
 */
export async function stockReport(db: Db, sku: SkuSummary, now: Date): Promise<StockReport> {
  const today = startOfUtcDay(now);
  const windowStart = addDays(today, -RATE_WINDOW_DAYS);

  const [levelRows, shipmentRows, allocations, listings, sales, { warehouses: warehouseById, channels }] = await Promise.all([
    db.stockLevel.findMany({ where: { skuId: sku.id }, select: { onHand: true, reserved: true, warehouseId: true } }),
    db.inboundShipment.findMany({
      where: { skuId: sku.id, status: { in: ['planned', 'in_transit'] } },
      select: { reference: true, quantity: true, eta: true, status: true, warehouseId: true },
      orderBy: { eta: 'asc' },
    }),
    db.channelAllocation.findMany({ where: { skuId: sku.id }, select: { platformId: true, quantity: true } }),
    db.listing.findMany({ where: { skuId: sku.id }, select: { platformId: true, variant: true, status: true } }),
    db.salesDaily.groupBy({
      by: ['platformId'],
      where: { skuId: sku.id, day: { gte: windowStart, lt: today } },
      _sum: { units: true },
    }),
    warehouseDirectory.get(db),
  ]);
  // Warehouses and their channels come from the cached directory rather than a join per lookup.
  const warehouseOf = (id: number): { id: number; code: string; name: string; kind: string } => warehouseById.get(id) ?? { id, code: `#${id}`, name: `#${id}`, kind: 'own' };
  const levels = levelRows.map((l) => ({ ...l, warehouse: warehouseOf(l.warehouseId) }));
  const shipments = shipmentRows.map((s) => ({ ...s, warehouse: warehouseOf(s.warehouseId) }));

  const servesByWarehouse = new Map<number, string[]>();
  const platformsById = new Map<number, { code: string; name: string }>();
  for (const c of channels) {
    servesByWarehouse.set(c.warehouseId, [...(servesByWarehouse.get(c.warehouseId) ?? []), c.platform.code]);
    platformsById.set(c.platform.id, { code: c.platform.code, name: c.platform.name });
  }
  // Platforms that have a listing, allocation or sales but no warehouse mapping still show up.
  const missingIds = [...new Set([...listings, ...allocations, ...sales].map((r) => r.platformId))].filter(
    (id) => !platformsById.has(id),
  );
  if (missingIds.length > 0) {
    for (const p of await db.platform.findMany({ where: { id: { in: missingIds } }, select: { id: true, code: true, name: true } })) {
      platformsById.set(p.id, { code: p.code, name: p.name });
    }
  }

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

  const soldBy = new Map(sales.map((s) => [s.platformId, s._sum.units ?? 0]));
  const allocatedBy = new Map(allocations.map((a) => [a.platformId, a.quantity]));
  const listingBy = new Map(listings.map((l) => [l.platformId, l]));
  const platformIds = [...new Set([...listingBy.keys(), ...allocatedBy.keys(), ...soldBy.keys()])];

  const platforms: PlatformStock[] = platformIds
    .map((id) => {
      const info = platformsById.get(id) ?? { code: `#${id}`, name: `#${id}` };
      const sold30 = soldBy.get(id) ?? 0;
      const allocated = allocatedBy.get(id) ?? 0;
      const rate = dailyRate(sold30);
      // Only inbound to a warehouse that serves this platform alone can be attributed to it.
      const arrivals = warehouses
        .filter((w) => w.serves.length === 1 && w.serves[0] === info.code)
        .flatMap((w) => arrivalsByWarehouse.get(w.code) ?? []);
      const listing = listingBy.get(id);
      return {
        code: info.code,
        name: info.name,
        listed: listing !== undefined && listing.status === 'active',
        variant: listing?.variant ?? null,
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
    db.warehouseChannel.findMany({ select: { warehouseId: true, platform: { select: { id: true, code: true, name: true } } } }),
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
