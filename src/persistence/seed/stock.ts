/**
 * Warehouses, stock, inbound shipments and per-platform allocations, derived from the
 * generated sales so that days of cover come out as intended: mostly healthy, WB-500 short
 * at FBA US with its inbound arriving too late, a few SKUs about to run out with nothing on
 * the way, and some slow movers overstocked.
 */
import { addDays, addSeconds } from './calendar.ts';
import type { Catalogue, ListingPlan, SkuPlan } from './catalogue.ts';
import { SCALED_PLATFORMS, platformByCode, type PlatformCode } from './platforms.ts';
import { Rng } from './random.ts';
import type { ListingStats } from './sales.ts';
import { ms, type DemoTables } from './types.ts';

/** One warehouse and the platforms it fulfils. */
interface WarehouseSpec {
  id: number;
  code: string;
  name: string;
  kind: 'own' | 'fba' | 'threepl';
  country: string;
  serves: readonly PlatformCode[];
  /** Typical days from the sender to this warehouse. */
  transitDays: number;
}

/** The four demo warehouses. CN-SZ also replenishes the FBA and 3PL warehouses. */
export const WAREHOUSES: readonly WarehouseSpec[] = [
  { id: 1, code: 'CN-SZ', name: 'Shenzhen own warehouse (Longhua)', kind: 'own', country: 'CN', serves: ['aliexpress', 'shopify', 'tiktok-us', 'tiktok-de'], transitDays: 0 },
  { id: 2, code: 'FBA-US', name: 'Amazon FBA US', kind: 'fba', country: 'US', serves: ['amazon-us'], transitDays: 32 },
  { id: 3, code: 'FBA-DE', name: 'Amazon FBA DE', kind: 'fba', country: 'DE', serves: ['amazon-de'], transitDays: 40 },
  { id: 4, code: 'MY-3PL', name: 'Shah Alam 3PL (Malaysia)', kind: 'threepl', country: 'MY', serves: ['shopee-my'], transitDays: 10 },
];

/** The warehouse only the medium and large datasets have: Amazon UK's own FBA stock. */
export const SCALED_WAREHOUSES: readonly WarehouseSpec[] = [
  { id: 5, code: 'FBA-UK', name: 'Amazon FBA UK', kind: 'fba', country: 'GB', serves: ['amazon-uk'], transitDays: 36 },
];

/** Every warehouse a listing can be stocked from; the demo's SKUs use only the demo's four. */
const ALL_WAREHOUSES: readonly WarehouseSpec[] = [...WAREHOUSES, ...SCALED_WAREHOUSES];

/**
 * The Warehouse and WarehouseChannel rows the scaled datasets add to the demo's: FBA UK for
 * Amazon UK, and CN-SZ shipping TikTok Shop DE's parcels.
 */
export function scaledWarehouseRows(): Pick<DemoTables, 'Warehouse' | 'WarehouseChannel'> {
  const scaledOnly = new Set(SCALED_PLATFORMS.map((p) => p.code));
  const Warehouse = SCALED_WAREHOUSES.map((w) => ({ id: w.id, code: w.code, name: w.name, kind: w.kind, country: w.country }));
  const WarehouseChannel = ALL_WAREHOUSES.flatMap((w) =>
    w.serves.filter((code) => scaledOnly.has(code)).map((code) => ({ warehouseId: w.id, platformId: platformByCode(code).id })),
  );
  return { Warehouse, WarehouseChannel };
}

/** SKUs seeded to run out within a week with nothing arriving in time. */
export const STOCKOUT_SKUS = ['NF-1-PNK', 'SP-2', 'CN-LAV'] as const;

/** Days of cover WB-500 has at FBA US (available units ÷ its 30-day rate there). */
export const WB500_FBA_COVER_DAYS = 16;
/** Days after the reference date WB-500's next FBA US inbound lands: after the stock-out. */
export const WB500_INBOUND_ETA_DAYS = 24;

/** Trial batch for a brand-new platform or listing (the playbook's 100 units). */
export const TRIAL_BATCH = 100;

/** Where a catalogue copy's stock rows start (medium and large datasets). */
export interface StockCopy {
  /** Copy number: random stream and the suffix of inbound references (IS-2026-0001-S3). */
  index: number;
  firstIds: { stockLevel: number; inbound: number; allocation: number };
}

/** Builds the stock tables; a catalogue copy gets no warehouses of its own (the demo's serve it). */
export function buildStock(
  ref: Date,
  catalogue: Catalogue,
  stats: Map<number, ListingStats>,
  copy?: StockCopy,
): Pick<DemoTables, 'Warehouse' | 'WarehouseChannel' | 'StockLevel' | 'InboundShipment' | 'ChannelAllocation'> {
  const rng = new Rng(copy ? `stock-${copy.index}` : 'stock');
  const ids = copy?.firstIds ?? { stockLevel: 1, inbound: 1, allocation: 1 };
  const platformIds = new Map(catalogue.listings.map((l) => [l.platform.code, l.platform.id]));
  const Warehouse = (copy ? [] : WAREHOUSES).map((w) => ({ id: w.id, code: w.code, name: w.name, kind: w.kind, country: w.country }));
  // Only the platforms the catalogue lists on: CN-SZ also serves a platform the demo lacks.
  const WarehouseChannel = (copy ? [] : WAREHOUSES).flatMap((w) =>
    w.serves.filter((code) => platformIds.has(code)).map((code) => ({ warehouseId: w.id, platformId: platformIds.get(code) ?? 0 })),
  );

  const StockLevel: DemoTables['StockLevel'] = [];
  const ChannelAllocation: DemoTables['ChannelAllocation'] = [];
  const shipments: Omit<DemoTables['InboundShipment'][number], 'id' | 'reference'>[] = [];
  const syncedAt = addSeconds(addDays(ref, -1), 22 * 3600);
  const listingsBySku = new Map<number, ListingPlan[]>();
  for (const l of catalogue.listings) listingsBySku.set(l.sku.id, [...(listingsBySku.get(l.sku.id) ?? []), l]);

  const rateOf = (l: ListingPlan): number => (l.status === 'active' ? (stats.get(l.id)?.rate30 ?? 0) : 0);
  const overstocked = new Set(
    rng.sample(
      catalogue.skus.filter((s) => s.active && (listingsBySku.get(s.id) ?? []).reduce((a, l) => a + rateOf(l), 0) < 1),
      6,
    ).map((s) => s.code),
  );

  for (const sku of catalogue.skus) {
    const listings = listingsBySku.get(sku.id) ?? [];
    const byWarehouse = new Map<string, ListingPlan[]>();
    for (const w of ALL_WAREHOUSES) byWarehouse.set(w.code, listings.filter((l) => w.serves.includes(l.platform.code)));
    const risky = (STOCKOUT_SKUS as readonly string[]).includes(sku.code);
    const downstreamRate = ['FBA-US', 'FBA-DE', 'MY-3PL', 'FBA-UK'].reduce(
      (sum, code) => sum + (byWarehouse.get(code) ?? []).reduce((a, l) => a + rateOf(l), 0),
      0,
    );

    // A warehouse none of the SKU's listings use is skipped before any draw, so the demo's
    // SKUs (never on the scaled-only platforms) come out as they always have.
    for (const w of ALL_WAREHOUSES) {
      const served = byWarehouse.get(w.code) ?? [];
      if (served.length === 0 && w.code !== 'CN-SZ') continue;
      const rate = served.reduce((a, l) => a + rateOf(l), 0);
      let cover: number;
      if (!sku.active) cover = 0;
      else if (risky) cover = rng.float(2.5, 4.5);
      else if (sku.code === 'WB-500' && w.code === 'FBA-US') cover = WB500_FBA_COVER_DAYS;
      else if (w.kind === 'fba') cover = rng.float(24, 70);
      else if (w.kind === 'threepl') cover = rng.float(22, 60);
      else if (sku.code === 'WB-500') cover = rng.float(25, 35);
      else cover = rng.float(35, 100) + (overstocked.has(sku.code) ? rng.float(150, 400) : 0);

      let available = Math.round(rate * cover);
      if (w.code === 'CN-SZ') {
        // CN-SZ also holds the next FBA/3PL top-up and trial batches for new listings.
        // WB-500's top-up is already on the water (the inbound below), so CN holds little of it.
        const topUp = risky || sku.code === 'WB-500' ? 0 : Math.round(downstreamRate * rng.float(5, 30));
        const trials = risky ? 0 : served.filter((l) => l.status === 'active' && isTrial(l, ref)).length * TRIAL_BATCH;
        available += topUp + trials;
        if (!sku.active) available = rng.int(12, 60); // leftovers of a discontinued SKU
      }
      const reserved = sku.active ? Math.min(available, Math.round(rate * rng.float(0.3, 1.1))) : 0;
      const onHand = available + reserved;
      StockLevel.push({ id: ids.stockLevel + StockLevel.length, skuId: sku.id, warehouseId: w.id, onHand, reserved, updatedAt: syncedAt });

      for (const l of served) {
        ChannelAllocation.push({
          id: 0, // numbered after sorting by listing below
          skuId: sku.id,
          platformId: l.platform.id,
          quantity: 0,
          version: 1,
          updatedAt: addDays(ref, -rng.int(1, 14)),
          updatedBy: 'seed',
        });
      }
      allocate(ChannelAllocation, served, available, w, rateOf, ref);
      planInbound(rng, ref, sku, w, rate, available, risky, shipments);
    }
  }

  ChannelAllocation.sort((a, b) => a.skuId - b.skuId || a.platformId - b.platformId);
  ChannelAllocation.forEach((row, i) => (row.id = ids.allocation + i));

  // References are numbered per year in the order the shipments were created.
  shipments.sort((a, b) => ms(a.createdAt) - ms(b.createdAt) || a.skuId - b.skuId || a.warehouseId - b.warehouseId);
  const perYear = new Map<number, number>();
  const InboundShipment = shipments.map((s, i) => {
    const year = new Date(ms(s.createdAt)).getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    return { id: ids.inbound + i, reference: `IS-${year}-${String(n).padStart(4, '0')}${copy ? `-S${copy.index}` : ''}`, ...s };
  });
  return { Warehouse, WarehouseChannel, StockLevel, InboundShipment, ChannelAllocation };
}

/** A listing that went live in the last 30 days gets the trial batch rather than a forecast share. */
function isTrial(l: ListingPlan, ref: Date): boolean {
  return l.launchedOn > addDays(ref, -30);
}

/**
 * Splits a warehouse's available units over the platforms it serves: FBA and 3PL stock
 * belongs to their one platform; CN-SZ stock goes by a month of each platform's sales,
 * trial batches for new listings, and whatever is left stays unallocated for FBA top-ups.
 */
function allocate(
  rows: DemoTables['ChannelAllocation'],
  served: ListingPlan[],
  available: number,
  w: WarehouseSpec,
  rateOf: (l: ListingPlan) => number,
  ref: Date,
): void {
  const rowFor = (l: ListingPlan): DemoTables['ChannelAllocation'][number] | undefined =>
    rows.find((r) => r.skuId === l.sku.id && r.platformId === l.platform.id);
  if (w.kind !== 'own') {
    for (const l of served) {
      const row = rowFor(l);
      if (row) row.quantity = l.status === 'active' ? available : 0;
    }
    return;
  }
  const wants = served.map((l) => {
    if (l.status !== 'active') return 0;
    if (isTrial(l, ref) || l.platform.stage === 'new') return TRIAL_BATCH;
    return Math.round(rateOf(l) * 30 * 1.25);
  });
  const total = wants.reduce((a, b) => a + b, 0);
  const scale = total > available ? available / total : 1;
  served.forEach((l, i) => {
    const row = rowFor(l);
    if (row) row.quantity = Math.floor((wants[i] ?? 0) * scale);
  });
}

/** Adds the shipments on their way to (or recently received at) one warehouse. */
function planInbound(
  rng: Rng,
  ref: Date,
  sku: SkuPlan,
  w: WarehouseSpec,
  rate: number,
  available: number,
  risky: boolean,
  out: Omit<DemoTables['InboundShipment'][number], 'id' | 'reference'>[],
): void {
  const roundTo = (n: number, step: number): number => Math.max(step, Math.round(n / step) * step);
  const cover = rate > 0 ? available / rate : Infinity;
  const push = (quantity: number, etaDays: number, status: 'planned' | 'in_transit' | 'received' | 'cancelled', transit: number): void => {
    const eta = addDays(ref, etaDays);
    let createdAt = addDays(eta, -transit);
    if (createdAt > ref) createdAt = addDays(ref, -rng.int(1, 6));
    out.push({ skuId: sku.id, warehouseId: w.id, quantity, eta, status, createdAt: addSeconds(createdAt, rng.int(8, 18) * 3600) });
  };

  if (sku.code === 'CS-43' && w.code === 'CN-SZ') push(sku.moq, -50, 'cancelled', sku.leadTimeDays);
  if (!sku.active) return;

  if (sku.code === 'WB-500' && w.code === 'FBA-US') {
    // The anchor: arrives a week after FBA US runs dry.
    push(1200, WB500_INBOUND_ETA_DAYS, 'in_transit', w.transitDays);
  } else if (risky) {
    // Nothing in time: at most a purchase order that lands after the stock-out.
    if (w.code === 'CN-SZ') push(roundTo(Math.max(sku.moq, rate * 60), 100), rng.int(38, 48), 'planned', sku.leadTimeDays);
  } else if (w.kind !== 'own' && rate > 0 && cover < 40) {
    const eta = rng.int(3, Math.max(4, Math.floor(cover) - 3));
    push(roundTo(rate * rng.float(30, 60), 10), eta, 'in_transit', w.transitDays);
  } else if (w.kind === 'own' && rate > 0 && cover < 50) {
    const eta = rng.int(7, sku.leadTimeDays + 10);
    push(roundTo(Math.max(sku.moq, rate * 60), 100), eta, eta <= 6 + Math.floor(sku.leadTimeDays / 4) ? 'in_transit' : 'planned', sku.leadTimeDays);
  }
  if (sku.code === 'WB-500' && w.code === 'CN-SZ') push(2000, 38, 'planned', sku.leadTimeDays);

  // History: a received shipment for about a third of the SKU × warehouse pairs.
  if (rate > 0 && rng.chance(0.35)) {
    push(roundTo(rate * rng.float(30, 60), 10), -rng.int(5, 120), 'received', Math.max(w.transitDays, w.kind === 'own' ? sku.leadTimeDays : 0));
  }
}
