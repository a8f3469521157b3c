/**
 * A year of daily sales per listing: trend, weekly rhythm, yearly seasonality, marketplace
 * events (Black Friday, Cyber Monday, Prime Day, 11.11, Shopee double days), intermittent
 * demand for slow movers, and noise. Each listing is calibrated so its last 30 days average
 * the rate the catalogue planned, which keeps the stock and anchor numbers predictable.
 */
import {
  DAY_MS,
  addDays,
  blackFriday,
  cyberMonday,
  dayOfYear,
  daysBetween,
  primeBigDealDays,
  primeDay,
} from './calendar.ts';
import type { Season } from './catalogue-data.ts';
import type { Catalogue, ListingPlan } from './catalogue.ts';
import type { PlatformCode } from './platforms.ts';
import { Rng, cents } from './random.ts';
import type { DemoTables } from './types.ts';

/** Days of history the seed writes, ending the day before the reference date. */
export const HISTORY_DAYS = 365;

/** A marketplace event on one day: how much demand rises and the discount given. */
export interface PromoDay {
  event: string;
  multiplier: number;
  discount: number;
}

const WESTERN: readonly PlatformCode[] = ['amazon-us', 'amazon-de', 'shopify', 'tiktok-us', 'amazon-uk', 'tiktok-de'];

/** The marketplace event on `day` for a platform, or null on an ordinary day. */
export function promoFor(platform: PlatformCode, day: Date): PromoDay | null {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1;
  const date = day.getUTCDate();
  const same = (d: Date): boolean => d.getTime() === day.getTime();
  const within = (from: Date, days: number): boolean => {
    const offset = daysBetween(from, day);
    return offset >= 0 && offset < days;
  };

  if (WESTERN.includes(platform)) {
    const bf = blackFriday(year);
    if (same(bf)) return { event: 'black-friday', multiplier: 3.4, discount: 0.25 };
    if (same(cyberMonday(year))) return { event: 'cyber-monday', multiplier: 2.7, discount: 0.25 };
    if (within(addDays(bf, 1), 2)) return { event: 'black-friday-weekend', multiplier: 1.9, discount: 0.2 };
    if (within(addDays(bf, -6), 6)) return { event: 'early-black-friday', multiplier: 1.3, discount: 0.1 };
    if (platform.startsWith('amazon')) {
      if (within(primeDay(year), 2)) return { event: 'prime-day', multiplier: 2.9, discount: 0.2 };
      if (within(primeBigDealDays(year), 2)) return { event: 'prime-big-deal-days', multiplier: 1.8, discount: 0.15 };
    }
    if (month === 12 && date >= 24 && date <= 26) return { event: 'christmas-lull', multiplier: 0.65, discount: 0 };
    if (month === 12 && date <= 18) return { event: 'gift-season', multiplier: 1.15, discount: 0 };
    return null;
  }
  if (platform === 'aliexpress') {
    if (month === 11 && date === 11) return { event: '11-11', multiplier: 4.5, discount: 0.3 };
    if (month === 11 && (date === 10 || date === 12)) return { event: '11-11-warmup', multiplier: 1.8, discount: 0.2 };
    if (same(blackFriday(year))) return { event: 'black-friday', multiplier: 1.6, discount: 0.15 };
    if (month === 3 && date >= 25 && date <= 29) return { event: 'anniversary-sale', multiplier: 1.7, discount: 0.15 };
    return null;
  }
  if (platform === 'shopee-my') {
    if (month === 11 && date === 11) return { event: '11-11', multiplier: 4, discount: 0.3 };
    if (month === 12 && date === 12) return { event: '12-12', multiplier: 3, discount: 0.25 };
    if (month === date) return { event: `${month}-${date}`, multiplier: 2.2, discount: 0.15 };
    if (date >= 25 && date <= 27) return { event: 'payday-sale', multiplier: 1.3, discount: 0.05 };
    return null;
  }
  return null;
}

/** Yearly demand multiplier for a season profile on a day. */
export function seasonFactor(season: Season, day: Date): number {
  const doy = dayOfYear(day);
  const wave = (peakDoy: number, amplitude: number): number => 1 + amplitude * Math.cos((2 * Math.PI * (doy - peakDoy)) / 365);
  switch (season) {
    case 'flat':
      return 1;
    case 'summer':
      return wave(190, 0.35);
    case 'winter':
      return wave(355, 0.5);
    case 'spring':
      return wave(120, 0.45);
    case 'q4-gift':
      return wave(340, 0.2);
    case 'monsoon':
      return wave(330, 0.4);
  }
}

/** Actual sales of one listing over the last 30 days. */
export interface ListingStats {
  units30: number;
  /** Days of the last 30 on which the listing was live. */
  liveDays30: number;
  /** Mean units per live day over the last 30 days. */
  rate30: number;
  /** Total units over the whole history. */
  unitsTotal: number;
}

/** Daily sales rows plus per-listing stats. */
export interface SalesResult {
  rows: DemoTables['SalesDaily'];
  stats: Map<number, ListingStats>;
}

/** Growth per year by platform; new marketplaces grow fastest. */
const GROWTH: Record<PlatformCode, readonly [number, number]> = {
  'amazon-us': [-0.15, 0.35],
  'amazon-de': [0, 0.4],
  aliexpress: [0.2, 0.9],
  'shopee-my': [0.3, 1.0],
  'tiktok-us': [0, 0],
  shopify: [0, 0.4],
  'amazon-uk': [0.1, 0.6],
  'tiktok-de': [0, 0],
};

/** Listings whose demand is fading: older phone model, say. */
const DECLINING: Readonly<Record<string, number>> = { 'PC-IP15': -1.1 };

/**
 * Generates the sales history for every listing of the catalogue. A catalogue copy (the
 * medium and large datasets) passes its own random stream and the id of its first row.
 */
export function buildSales(ref: Date, catalogue: Catalogue, opts: { stream?: string; firstId?: number } = {}): SalesResult {
  const rng = new Rng(opts.stream ?? 'sales');
  const firstId = opts.firstId ?? 1;
  const rows: DemoTables['SalesDaily'] = [];
  const stats = new Map<number, ListingStats>();
  const historyStart = addDays(ref, -HISTORY_DAYS);
  const lastDay = addDays(ref, -1);
  // Events and seasons depend on the day only: worked out once per platform or profile and day
  // rather than for every listing (the large dataset has ~30,000 listings).
  const promoCache = new Map<PlatformCode, Map<number, PromoDay | null>>();
  const promoOn = (code: PlatformCode, day: Date): PromoDay | null => {
    let byDay = promoCache.get(code);
    if (!byDay) promoCache.set(code, (byDay = new Map()));
    let promo = byDay.get(day.getTime());
    if (promo === undefined) byDay.set(day.getTime(), (promo = promoFor(code, day)));
    return promo;
  };
  const seasonCache = new Map<Season, Map<number, number>>();
  const seasonOn = (season: Season, day: Date): number => {
    let byDay = seasonCache.get(season);
    if (!byDay) seasonCache.set(season, (byDay = new Map()));
    let factor = byDay.get(day.getTime());
    if (factor === undefined) byDay.set(day.getTime(), (factor = seasonFactor(season, day)));
    return factor;
  };

  for (const listing of catalogue.listings) {
    const first = listing.launchedOn > historyStart ? listing.launchedOn : historyStart;
    const last = listing.endsOn && listing.endsOn < lastDay ? listing.endsOn : lastDay;
    const growth = DECLINING[listing.sku.code] ?? rng.float(...GROWTH[listing.platform.code]);
    if (listing.status === 'draft' || first > last) {
      stats.set(listing.id, { units30: 0, liveDays30: 0, rate30: 0, unitsTotal: 0 });
      continue;
    }
    const days = daysBetween(first, last) + 1;
    const shapes: number[] = [];
    const promos: (PromoDay | null)[] = [];
    const weeklyMean = listing.platform.weekly.reduce((a, b) => a + b, 0) / 7;
    for (let i = 0; i < days; i++) {
      const day = addDays(first, i);
      const promo = promoOn(listing.platform.code, day);
      promos.push(promo);
      shapes.push(shapeOn(listing, day, ref, growth, weeklyMean, seasonOn(listing.season, day)) * (promo?.multiplier ?? 1));
    }
    // Calibrate: the listing's last 30 days (or fewer, if newer) average the planned rate.
    const window = shapes.slice(Math.max(0, days - 30));
    const shapeSum = window.reduce((a, b) => a + b, 0);
    const base = shapeSum > 0 ? (listing.rate * window.length) / shapeSum : 0;
    const intermittent = listing.rate < 0.35;

    let units30 = 0;
    let unitsTotal = 0;
    const recentFrom = addDays(ref, -30);
    for (let i = 0; i < days; i++) {
      const day = addDays(first, i);
      const mean = base * (shapes[i] ?? 0);
      let units: number;
      if (intermittent) {
        // Lumpy demand: rare orders, sometimes of several units.
        const orders = rng.poisson(mean / 1.6);
        units = 0;
        for (let k = 0; k < orders; k++) units += 1 + rng.poisson(0.6);
      } else {
        units = rng.poisson(mean * rng.noise(0.22));
      }
      const discount = promos[i]?.discount ?? 0;
      rows.push({
        id: firstId + rows.length,
        skuId: listing.sku.id,
        platformId: listing.platform.id,
        day,
        units,
        revenue: cents(units * listing.price * (1 - discount)),
        currency: listing.currency,
      });
      unitsTotal += units;
      if (day >= recentFrom) units30 += units;
    }
    const liveFrom = first > recentFrom ? first : recentFrom;
    const liveDays30 = last >= recentFrom ? daysBetween(liveFrom, last) + 1 : 0;
    stats.set(listing.id, { units30, liveDays30, rate30: liveDays30 > 0 ? units30 / liveDays30 : 0, unitsTotal });
  }
  return { rows, stats };
}

/** daysBetween, without truncating dates that already are 00:00 UTC (all of them, in practice; the hot path). */
function wholeDays(from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  return a % DAY_MS === 0 && b % DAY_MS === 0 ? Math.round((b - a) / DAY_MS) : daysBetween(from, to);
}

/** Expected relative demand of a listing on a day (`season`: its season factor that day), before events and noise. */
function shapeOn(listing: ListingPlan, day: Date, ref: Date, growth: number, weeklyMean: number, season: number): number {
  const t = wholeDays(ref, day); // negative in the past
  const trend = Math.exp((growth * t) / 365);
  const weekly = (listing.platform.weekly[day.getUTCDay()] ?? 1) / weeklyMean;
  const live = wholeDays(listing.launchedOn, day);
  // New listings need a few weeks to earn reviews and rank.
  const ramp = 1 - 0.7 * Math.exp(-live / 18);
  let fade = 1;
  if (listing.endsOn) {
    const left = wholeDays(day, listing.endsOn);
    if (left < 45) fade = 0.3 + (0.7 * left) / 45;
  }
  return trend * weekly * season * ramp * fade;
}
