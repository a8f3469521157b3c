/**
 * Unit economics per SKU × platform from the database: price, commission, logistics, ad spend
 * per unit and cost of goods, all in USD at the configured reference rates. Set-based: one
 * query per table for any number of SKUs.
 */
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { Db } from '../../../persistence/db.ts';
import { CACHE_TTL_MS, cachedPerDb } from '../catalogue/read-cache.ts';
import { addDays, startOfUtcDay } from '../inventory/cover.ts';
import { listingFigures, platformRevenue30, salesHorizon, SALES_WINDOW_DAYS, type ListingFiguresMap } from '../planning/listing-forecasts.ts';
import { toUsd } from './fx.ts';
import { chooseShipping, PARCEL_KINDS, priceFor, type ShippingChoice, type ShippingOption } from './logistics.ts';
import { contributionMargin, type Margin } from './margin.ts';

/** Days of sales and ad spend the per-unit figures are measured over. */
export const COST_WINDOW_DAYS = SALES_WINDOW_DAYS;
/** Smallest inbound batch assumed when spreading freight over units. */
export const MIN_BATCH_UNITS = 100;

/** How goods reach a platform's buyers. */
export type Fulfilment =
  | { kind: 'parcel'; origin: string; destination: string }
  | { kind: 'bulk'; warehouse: string; country: string; lastMile: boolean };

/** How a unit's logistics cost was worked out. */
export interface LogisticsCost {
  usd: number | null;
  /** The option used (parcel), or the inbound freight and last-mile options (bulk). */
  options: string[];
  fulfilment: Fulfilment;
  /** Units the bulk freight was spread over. */
  batchUnits: number | null;
  choice: ShippingChoice | null;
}

/** One SKU on one platform. */
export interface UnitEconomics {
  skuId: number;
  platformId: number;
  platform: string;
  listed: boolean;
  priceLocal: number;
  currency: string;
  margin: Margin;
  logistics: LogisticsCost;
  units30: number;
  adSpend30Usd: number;
}

/** Every shipping option with its rate bands; cached, it changes rarely. */
export const shippingOptions = cachedPerDb(async (db: Db): Promise<ShippingOption[]> => {
  const rows = await db.logisticsOption.findMany({ include: { rates: true }, orderBy: { code: 'asc' } });
  return rows.map((o) => ({
    code: o.code,
    carrier: o.carrier,
    kind: o.kind,
    origin: o.originCountry,
    destinations: Array.isArray(o.destinations) ? (o.destinations as unknown[]).filter((d): d is string => typeof d === 'string') : [],
    transitDaysMin: o.transitDaysMin,
    transitDaysMax: o.transitDaysMax,
    maxWeightGrams: o.maxWeightGrams,
    maxDeclaredUsd: o.maxDeclaredValue === null ? null : Number(o.maxDeclaredValue),
    tracked: o.tracked,
    currency: o.currency,
    bands: o.rates
      .map((r) => ({ minGrams: r.minGrams, maxGrams: r.maxGrams, baseFee: Number(r.baseFee), perKg: Number(r.perKg) }))
      .sort((a, b) => a.minGrams - b.minGrams),
  }));
});

/** Where each platform's goods ship from: its own dedicated warehouse, or the shared one. */
export interface PlatformRoute {
  platformId: number;
  code: string;
  /** The warehouse serving this platform alone, if any. */
  dedicated: { id: number; code: string; country: string; kind: string } | null;
  /** Country of the shared warehouse that ships parcels (the own warehouse). */
  origin: string;
  /** Country most of its buyers are in. */
  destination: string;
}

/**
 * Each active platform's route, from warehouses, channels and where its orders ship to. Read by
 * every plan and cost figure, and a scan of every order's destination (2.9 M on the large
 * dataset): kept for a minute per client like the other read-mostly lookups.
 */
export function platformRoutes(db: Db): Promise<Map<number, PlatformRoute>> {
  return routesCache.get(db);
}

const routesCache = cachedPerDb(loadPlatformRoutes);

async function loadPlatformRoutes(db: Db): Promise<Map<number, PlatformRoute>> {
  const [platforms, channels, destinations] = await Promise.all([
    db.platform.findMany({ where: { active: true }, select: { id: true, code: true, country: true } }),
    db.warehouseChannel.findMany({ select: { platformId: true, warehouse: { select: { id: true, code: true, country: true, kind: true } } } }),
    db.order.groupBy({ by: ['platformId', 'shipCountry'], _count: { _all: true } }),
  ]);
  const servedBy = new Map<number, Array<{ id: number; code: string; country: string; kind: string }>>();
  const platformsOf = new Map<number, number>();
  for (const c of channels) {
    servedBy.set(c.platformId, [...(servedBy.get(c.platformId) ?? []), c.warehouse]);
    platformsOf.set(c.warehouse.id, (platformsOf.get(c.warehouse.id) ?? 0) + 1);
  }
  const ownCountry = channels.find((c) => c.warehouse.kind === 'own')?.warehouse.country ?? 'CN';
  const routes = new Map<number, PlatformRoute>();
  for (const p of platforms) {
    const dedicated = (servedBy.get(p.id) ?? []).find((w) => platformsOf.get(w.id) === 1) ?? null;
    const top = destinations
      .filter((d) => d.platformId === p.id && d.shipCountry)
      .sort((a, b) => b._count._all - a._count._all || String(a.shipCountry).localeCompare(String(b.shipCountry)))[0];
    routes.set(p.id, { platformId: p.id, code: p.code, dedicated, origin: ownCountry, destination: p.country ?? top?.shipCountry ?? 'US' });
  }
  return routes;
}

/** Freight per unit for a batch of `units` of a SKU weighing `grams` each, by the cheapest bulk option. */
function bulkPerUnit(options: readonly ShippingOption[], origin: string, country: string, grams: number, units: number, perUsd: Readonly<Record<string, number>>): { usd: number; code: string } | null {
  let best: { usd: number; code: string } | null = null;
  for (const o of options) {
    if (PARCEL_KINDS.includes(o.kind) || o.kind === 'domestic' || o.origin !== origin || !o.destinations.includes(country)) continue;
    const price = priceFor(o, grams * units);
    if (price === null) continue;
    const usd = toUsd(price, o.currency, perUsd) / units;
    if (!best || usd < best.usd) best = { usd, code: o.code };
  }
  return best;
}

/** The last-mile parcel inside a country (e.g. the 3PL's courier), per unit. */
function lastMilePerUnit(options: readonly ShippingOption[], country: string, grams: number, perUsd: Readonly<Record<string, number>>): { usd: number; code: string } | null {
  let best: { usd: number; code: string } | null = null;
  for (const o of options) {
    if (o.kind !== 'domestic' || o.origin !== country || !o.destinations.includes(country)) continue;
    const price = priceFor(o, grams);
    if (price === null) continue;
    const usd = toUsd(price, o.currency, perUsd);
    if (!best || usd < best.usd) best = { usd, code: o.code };
  }
  return best;
}

/** The SKU columns unit economics reads. */
export const ECONOMICS_SKU_SELECT = { id: true, unitCost: true, costCurrency: true, weightGrams: true, declaredValue: true } as const;
/** The listing columns unit economics reads. */
export const ECONOMICS_LISTING_SELECT = { skuId: true, platformId: true, price: true, currency: true, status: true } as const;

/** What a caller of {@link unitEconomics} has read already (the plan reads the same rows). */
export interface EconomicsPrefetch {
  /** The listings' stored figures at the sales horizon. */
  figures?: ListingFiguresMap;
  /** Each platform's 30-day revenue at the sales horizon. */
  platformRevenue?: Map<number, number>;
  /** The SKUs asked about, with {@link ECONOMICS_SKU_SELECT}'s columns at least. */
  skus?: ReadonlyArray<Prisma.SkuGetPayload<{ select: typeof ECONOMICS_SKU_SELECT }>>;
  /** Their listings, with {@link ECONOMICS_LISTING_SELECT}'s columns at least. */
  listings?: ReadonlyArray<Prisma.ListingGetPayload<{ select: typeof ECONOMICS_LISTING_SELECT }>>;
}

/**
 * Unit economics of the given SKUs (all active SKUs when `skuIds` is omitted) on every
 * platform they are listed on, as of `now`.
 */
export async function unitEconomics(
  db: Db,
  now: Date,
  perUsd: Readonly<Record<string, number>>,
  skuIds?: readonly number[],
  /** What the caller has read already: the listings' stored figures and the platforms' 30-day revenue at the sales horizon. */
  prefetched: EconomicsPrefetch = {},
): Promise<Map<number, UnitEconomics[]>> {
  // Measured up to the newest imported day (planning's sales horizon), not today.
  const today = await salesHorizon(db, startOfUtcDay(now));
  const from = addDays(today, -COST_WINDOW_DAYS);
  const skuWhere = skuIds ? { id: { in: [...skuIds] } } : { active: true };
  const [skus, listings, platforms, routes, options, sales, platformSales, campaigns, spend] = await Promise.all([
    prefetched.skus ?? db.sku.findMany({ where: skuWhere, select: ECONOMICS_SKU_SELECT }),
    prefetched.listings ?? db.listing.findMany({ where: skuIds ? { skuId: { in: [...skuIds] } } : { sku: { active: true } }, select: ECONOMICS_LISTING_SELECT }),
    db.platform.findMany({ where: { active: true }, select: { id: true, code: true, commissionRate: true } }),
    platformRoutes(db),
    shippingOptions.get(db),
    // Only the SKUs asked about; each platform's total (for sharing store-wide ad spend) is
    // summed by the database rather than from every SKU's row.
    prefetched.figures ?? listingFigures(db, today, skuIds),
    prefetched.platformRevenue ?? platformRevenue30(db, today),
    db.adCampaign.findMany({ select: { id: true, platformId: true, skuId: true } }),
    db.adSpendDaily.groupBy({ by: ['campaignId'], where: { day: { gte: from, lt: today } }, _sum: { spend: true }, _max: { currency: true } }),
  ]);
  const platformById = new Map(platforms.map((p) => [p.id, p]));
  const salesKey = (s: number, p: number): string => `${s}:${p}`;
  const salesBy = new Map([...sales].map(([key, f]) => [key, { units: f.units30, revenue: f.revenue30 }]));
  const platformRevenue = platformSales;
  const spendBy = new Map(spend.map((s) => [s.campaignId, { amount: Number(s._sum.spend ?? 0), currency: s._max.currency ?? 'USD' }]));
  // Ad spend per (sku, platform) for SKU campaigns, and per platform for store-wide ones.
  const skuSpend = new Map<string, number>();
  const storeSpend = new Map<number, number>();
  for (const c of campaigns) {
    const s = spendBy.get(c.id);
    if (!s || s.amount === 0) continue;
    const usd = toUsd(s.amount, s.currency, perUsd);
    if (c.skuId === null) storeSpend.set(c.platformId, (storeSpend.get(c.platformId) ?? 0) + usd);
    else skuSpend.set(salesKey(c.skuId, c.platformId), (skuSpend.get(salesKey(c.skuId, c.platformId)) ?? 0) + usd);
  }

  const skuById = new Map(skus.map((s) => [s.id, s]));
  const parcelOptions = options.filter((o) => PARCEL_KINDS.includes(o.kind));
  const choices = new Map<string, ShippingChoice>();
  const out = new Map<number, UnitEconomics[]>();
  for (const l of listings) {
    const sku = skuById.get(l.skuId);
    const platform = platformById.get(l.platformId);
    const route = routes.get(l.platformId);
    if (!sku || !platform || !route) continue;
    const sold = salesBy.get(salesKey(l.skuId, l.platformId)) ?? { units: 0, revenue: 0 };
    const revenueShare = (platformRevenue.get(l.platformId) ?? 0) > 0 ? sold.revenue / (platformRevenue.get(l.platformId) as number) : 0;
    const adSpend = (skuSpend.get(salesKey(l.skuId, l.platformId)) ?? 0) + (storeSpend.get(l.platformId) ?? 0) * revenueShare;
    const priceUsd = toUsd(Number(l.price), l.currency, perUsd);
    const declaredUsd = Number(sku.declaredValue);

    let logistics: LogisticsCost;
    if (route.dedicated) {
      const batch = Math.max(MIN_BATCH_UNITS, sold.units);
      const freight = bulkPerUnit(options, route.origin, route.dedicated.country, sku.weightGrams, batch, perUsd);
      const lastMile = route.dedicated.kind === 'threepl' ? lastMilePerUnit(options, route.dedicated.country, sku.weightGrams, perUsd) : null;
      logistics = {
        usd: freight ? freight.usd + (lastMile?.usd ?? 0) : null,
        options: [freight?.code, lastMile?.code].filter((c): c is string => Boolean(c)),
        fulfilment: { kind: 'bulk', warehouse: route.dedicated.code, country: route.dedicated.country, lastMile: lastMile !== null },
        batchUnits: batch,
        choice: null,
      };
    } else {
      // Many SKUs share a weight and value (and every listing of a route its options): the
      // choice is made once per distinct parcel and shared, read-only, by all of them.
      const parcelKey = `${route.origin}|${route.destination}|${sku.weightGrams}|${declaredUsd}`;
      let choice = choices.get(parcelKey);
      if (!choice) {
        choice = chooseShipping(parcelOptions, { origin: route.origin, destination: route.destination, weightGrams: sku.weightGrams, declaredUsd, deadlineDays: null }, perUsd);
        choices.set(parcelKey, choice);
      }
      logistics = {
        usd: choice.chosen?.priceUsd ?? null,
        options: choice.chosen ? [choice.chosen.option.code] : [],
        fulfilment: { kind: 'parcel', origin: route.origin, destination: route.destination },
        batchUnits: null,
        choice,
      };
    }
    const margin = contributionMargin({
      price: priceUsd,
      commissionRate: platform.commissionRate,
      logistics: logistics.usd ?? 0,
      adsPerUnit: sold.units > 0 ? adSpend / sold.units : 0,
      cogs: toUsd(Number(sku.unitCost), sku.costCurrency, perUsd),
    });
    const row: UnitEconomics = {
      skuId: l.skuId,
      platformId: l.platformId,
      platform: platform.code,
      listed: l.status === 'active',
      priceLocal: Number(l.price),
      currency: l.currency,
      margin,
      logistics,
      units30: sold.units,
      adSpend30Usd: adSpend,
    };
    out.set(l.skuId, [...(out.get(l.skuId) ?? []), row]);
  }
  for (const rows of out.values()) rows.sort((a, b) => b.units30 - a.units30 || a.platform.localeCompare(b.platform));
  return out;
}
