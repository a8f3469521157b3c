/**
 * Reads what stock planning needs (sales, stock, inbound, allocations, unit economics) for one
 * SKU or the whole catalogue, and runs the pure rules on it: forecast, safety stock, the split
 * across platforms and the reorder plan. Set-based: a fixed number of queries whatever the
 * number of SKUs.
 */
import type { Db } from '../../../persistence/db.ts';
import { ECONOMICS_LISTING_SELECT, ECONOMICS_SKU_SELECT, unitEconomics, platformRoutes, shippingOptions, type UnitEconomics } from '../costs/cost-service.ts';
import { PARCEL_KINDS } from '../costs/logistics.ts';
import { addDays, DAY_MS, startOfUtcDay } from '../inventory/cover.ts';
import { allocateStock, type AllocationResult, type PlatformDemand } from './allocation.ts';
import { FIT_WINDOW_DAYS, forecastDemand, type DemandForecast } from './forecast.ts';
import { platformRevenue30, readListingFigures, salesHorizon, startIndexOf } from './listing-forecasts.ts';
import { reorderPlan, type ReorderPlan } from './replenishment.ts';
import { safetyStock, type PlatformStage, type SafetyStock } from './safety-stock.ts';

/** A listing younger than this many days is on trial. */
export const TRIAL_DAYS = 30;
/** Smallest margin weight, as a share of price, so loss-making listings still get stock ranked. */
const MIN_MARGIN_SHARE = 0.02;

/** Settings the plan depends on. */
export interface PlanOptions {
  trialBatch: number;
  fxPerUsd: Readonly<Record<string, number>>;
}

/** One platform of a SKU's plan. */
export interface PlatformPlan {
  platformId: number;
  code: string;
  stage: PlatformStage;
  listed: boolean;
  trial: boolean;
  /** Days since the listing's first day of sales history; null when it has none. */
  daysLive: number | null;
  forecast: DemandForecast;
  safety: SafetyStock;
  /** Replenishment lead time for this platform: supplier lead time plus transit to its warehouse. */
  leadTimeDays: number;
  transitDays: number;
  /** The warehouse serving it alone, if any. */
  warehouse: string | null;
  economics: UnitEconomics | null;
  version: number | null;
}

/** Everything planned for one SKU. */
export interface SkuPlan {
  skuId: number;
  code: string;
  name: string;
  leadTimeDays: number;
  moq: number;
  available: number;
  pool: number;
  /** Open inbound anywhere (planned and in transit). */
  inbound: number;
  platforms: PlatformPlan[];
  allocation: AllocationResult;
  reorder: ReorderPlan;
  /** Pooled safety stock of the SKU: √Σ of the platforms' squared safety stocks. */
  safetyStock: number;
  /** Forecast units per day, all platforms. */
  rate: number;
  /** Expected margin lost to stock-outs with today's allocation (USD), for ranking. */
  expectedLoss: number;
  /** Inputs that make the allocation what it is: the proposal's basis for staleness checks. */
  basis: { versions: Record<string, number | null>; available: number };
}

/** SKUs planned per batch when planning the whole catalogue: bounds the memory a plan holds (and stays under SQLite's 999 bound parameters per statement). */
export const PLAN_BATCH_SKUS = 500;

/** Plans the given SKUs (the whole active catalogue when `skuIds` is omitted), ordered by SKU code. */
export async function planSkus(db: Db, now: Date, options: PlanOptions, skuIds?: readonly number[]): Promise<SkuPlan[]> {
  const plans: SkuPlan[] = [];
  await forEachPlanBatch(db, now, options, (batch) => void plans.push(...batch), skuIds);
  return plans;
}

/**
 * Plans the given SKUs (the whole active catalogue when omitted) in batches of
 * {@link PLAN_BATCH_SKUS}, in SKU code order, handing each batch to `visit`. A caller that
 * keeps only what it shows (a ranking, the SKUs due) holds one batch at a time, not 10,000
 * plans. Every batch reads its own slice of each table; what all share is read once.
 * @returns the number of SKUs planned.
 */
export async function forEachPlanBatch(
  db: Db,
  now: Date,
  options: PlanOptions,
  visit: (plans: SkuPlan[]) => void | Promise<void>,
  skuIds?: readonly number[],
): Promise<number> {
  const today = startOfUtcDay(now);
  const end = await salesHorizon(db, today);
  const [ordered, platformRevenue] = await Promise.all([
    db.sku.findMany({ where: skuIds ? { id: { in: [...skuIds] } } : { active: true }, select: { id: true }, orderBy: { code: 'asc' } }),
    platformRevenue30(db, end),
  ]);
  for (let i = 0; i < ordered.length; i += PLAN_BATCH_SKUS) {
    const batch = ordered.slice(i, i + PLAN_BATCH_SKUS).map((s) => s.id);
    await visit(await planBatch(db, now, options, end, batch, platformRevenue));
  }
  return ordered.length;
}

/** Plans one batch of SKUs. */
async function planBatch(db: Db, now: Date, options: PlanOptions, end: Date, skuIds: readonly number[], platformRevenue: Map<number, number>): Promise<SkuPlan[]> {
  const today = startOfUtcDay(now);
  const from = addDays(end, -FIT_WINDOW_DAYS);
  const skuFilter = { skuId: { in: [...skuIds] } };
  // Read once, used by the plan and by the unit economics.
  // forEachPlanBatch has filled the rows for this horizon (platformRevenue30 does).
  const figures = await readListingFigures(db, end, skuIds);
  // SKUs and listings with the columns the unit economics needs too, so it need not read them again.
  const [skus, listings] = await Promise.all([
    db.sku.findMany({ where: { id: { in: [...skuIds] } }, select: { ...ECONOMICS_SKU_SELECT, code: true, name: true, leadTimeDays: true, moq: true }, orderBy: { code: 'asc' } }),
    db.listing.findMany({ where: skuFilter, select: ECONOMICS_LISTING_SELECT }),
  ]);
  const [platforms, levels, inbound, allocations, channels, routes, economics, options_] = await Promise.all([
    db.platform.findMany({ where: { active: true }, select: { id: true, code: true, stage: true } }),
    db.stockLevel.findMany({ where: skuFilter, select: { skuId: true, warehouseId: true, onHand: true, reserved: true } }),
    db.inboundShipment.findMany({ where: { ...skuFilter, status: { in: ['planned', 'in_transit'] } }, select: { skuId: true, warehouseId: true, quantity: true, eta: true, reference: true } }),
    db.channelAllocation.findMany({ where: skuFilter, select: { skuId: true, platformId: true, quantity: true, version: true } }),
    db.warehouseChannel.findMany({ select: { warehouseId: true, platformId: true } }),
    platformRoutes(db),
    unitEconomics(db, now, options.fxPerUsd, skuIds, { figures, platformRevenue, skus, listings }),
    shippingOptions.get(db),
  ]);

  const platformById = new Map(platforms.map((p) => [p.id, p]));
  const platformsOfWarehouse = new Map<number, number[]>();
  for (const c of channels) platformsOfWarehouse.set(c.warehouseId, [...(platformsOfWarehouse.get(c.warehouseId) ?? []), c.platformId]);
  const dedicatedOf = (warehouseId: number): number | null => {
    const served = platformsOfWarehouse.get(warehouseId) ?? [];
    return served.length === 1 ? (served[0] as number) : null;
  };
  // Fastest bulk transfer from the shared warehouse to a dedicated warehouse's country.
  const transitTo = (country: string, origin: string): number => {
    const days = options_
      .filter((o) => !PARCEL_KINDS.includes(o.kind) && o.kind !== 'domestic' && o.origin === origin && o.destinations.includes(country))
      .map((o) => o.transitDaysMax);
    return days.length > 0 ? Math.min(...days) : 0;
  };

  const key = (s: number, p: number): string => `${s}:${p}`;
  const group = <T extends { skuId: number }>(rows: readonly T[]): Map<number, T[]> => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const list = m.get(r.skuId);
      if (list) list.push(r);
      else m.set(r.skuId, [r]);
    }
    return m;
  };
  const listingsBy = group(listings);
  const levelsBy = group(levels);
  const inboundBy = group(inbound);
  const allocBy = group(allocations);

  return skus.map((sku): SkuPlan => {
    const skuLevels = levelsBy.get(sku.id) ?? [];
    const skuInbound = inboundBy.get(sku.id) ?? [];
    const available = skuLevels.reduce((a, l) => a + Math.max(0, l.onHand - l.reserved), 0);
    const pool = skuLevels.filter((l) => dedicatedOf(l.warehouseId) === null).reduce((a, l) => a + Math.max(0, l.onHand - l.reserved), 0);
    const econ = economics.get(sku.id) ?? [];
    const allocs = new Map((allocBy.get(sku.id) ?? []).map((a) => [a.platformId, a]));

    const platformPlans: PlatformPlan[] = [];
    const demands: PlatformDemand[] = [];
    const skuListings = (listingsBy.get(sku.id) ?? []).filter((l) => platformById.has(l.platformId));
    skuListings.sort((a, b) => (platformById.get(a.platformId)?.code ?? '').localeCompare(platformById.get(b.platformId)?.code ?? ''));
    for (const l of skuListings) {
      const platform = platformById.get(l.platformId);
      if (!platform) continue;
      const listed = l.status === 'active';
      const stored = figures.get(key(sku.id, l.platformId));
      const first = stored?.firstSaleDay ?? null;
      const daysLive = first ? Math.round((today.getTime() - startOfUtcDay(first).getTime()) / DAY_MS) : null;
      // The stored forecast covers the listing's sales from its first day (or the window start)
      // to yesterday; a delisted listing plans no demand.
      const forecast = listed && stored ? stored.forecast : forecastDemand([], addDays(from, startIndexOf(first, from)).getUTCDay());
      const route = routes.get(l.platformId);
      const dedicatedWarehouse = route?.dedicated ?? null;
      const transitDays = dedicatedWarehouse ? transitTo(dedicatedWarehouse.country, route?.origin ?? 'CN') : 0;
      const leadTimeDays = sku.leadTimeDays + transitDays;
      const safety = safetyStock(forecast, platform.stage, leadTimeDays);
      const e = econ.find((x) => x.platformId === l.platformId) ?? null;
      const trial = listed && (daysLive === null || daysLive < TRIAL_DAYS);
      const dedicatedUnits = skuLevels.filter((x) => dedicatedOf(x.warehouseId) === l.platformId).reduce((a, x) => a + Math.max(0, x.onHand - x.reserved), 0);
      const arrivals = skuInbound
        .filter((s) => dedicatedOf(s.warehouseId) === l.platformId)
        .map((s) => ({ day: Math.max(0, Math.round((startOfUtcDay(s.eta).getTime() - today.getTime()) / DAY_MS)), quantity: s.quantity, reference: s.reference }));
      const alloc = allocs.get(l.platformId);
      platformPlans.push({
        platformId: l.platformId,
        code: platform.code,
        stage: platform.stage,
        listed,
        trial,
        daysLive,
        forecast,
        safety,
        leadTimeDays,
        transitDays,
        warehouse: dedicatedWarehouse?.code ?? null,
        economics: e,
        version: alloc?.version ?? null,
      });
      if (!listed) continue;
      const price = e?.margin.price ?? 0;
      demands.push({
        code: platform.code,
        stage: platform.stage,
        dedicated: dedicatedUnits,
        inbound: arrivals,
        current: alloc?.quantity ?? 0,
        rate: forecast.rate,
        sigma: forecast.sigma,
        unitMargin: Math.max(e?.margin.contribution ?? 0, price * MIN_MARGIN_SHARE, 0.01),
        trial,
        transitDays,
      });
    }

    const allocation = allocateStock({ pool, horizonDays: sku.leadTimeDays, trialBatch: options.trialBatch, platforms: demands });
    const rate = platformPlans.reduce((a, p) => a + (p.listed ? p.forecast.rate : 0), 0);
    const pooledSafety = Math.ceil(Math.sqrt(platformPlans.reduce((a, p) => a + (p.listed ? p.safety.units ** 2 : 0), 0)));
    const inboundUnits = skuInbound.reduce((a, s) => a + s.quantity, 0);
    const reorder = reorderPlan({ rate, safetyStock: pooledSafety, leadTimeDays: sku.leadTimeDays, position: available + inboundUnits, moq: sku.moq, today });
    // Expected units short at each platform's tight moment, priced at its unit margin.
    const expectedLoss = allocation.lines.reduce((acc, line) => acc + (demands.find((x) => x.code === line.code)?.unitMargin ?? 0) * line.shortNow, 0);
    const versions: Record<string, number | null> = {};
    for (const p of platformPlans) if (p.listed) versions[p.code] = p.version;
    return {
      skuId: sku.id,
      code: sku.code,
      name: sku.name,
      leadTimeDays: sku.leadTimeDays,
      moq: sku.moq,
      available,
      pool,
      inbound: inboundUnits,
      platforms: platformPlans,
      allocation,
      reorder,
      safetyStock: pooledSafety,
      rate,
      expectedLoss,
      basis: { versions, available },
    };
  });
}
