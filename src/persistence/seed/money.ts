/**
 * Ads (campaigns and 90 days of daily spend with diminishing returns), budgets for this
 * month and next in the playbook's 60 / 30 / 10 shape, and the logistics options the cost
 * tools compare.
 */
import { addDays, daysBetween, monthStart, period } from './calendar.ts';
import type { Catalogue } from './catalogue.ts';
import { PLATFORMS, platformByCode, type PlatformCode } from './platforms.ts';
import { Rng, cents } from './random.ts';
import type { DemoTables } from './types.ts';

/** Days of ad history. */
export const AD_HISTORY_DAYS = 90;

interface AdSpec {
  platform: PlatformCode;
  name: string;
  kind: string;
  sku: string | null;
  /** Typical daily spend, in the platform's currency. */
  daily: number;
  /** Return on ad spend at the typical daily spend. */
  roas: number;
  /** Elasticity: revenue ∝ spend^b, b < 1 is diminishing returns. */
  b: number;
  /** Cost per click, in the platform's currency. */
  cpc: number;
  ctr: number;
  startedDaysAgo: number;
  attributionDays?: number;
  status?: 'enabled' | 'paused' | 'archived';
  /** Last day with spend, for paused campaigns. */
  pausedDaysAgo?: number;
  /** No attributed sales from this many days ago on (the campaign to stop). */
  zeroRevenueSinceDaysAgo?: number;
}

/** The demo's ad campaigns; the cork-mat one on amazon-de spends and sells nothing. */
export const AD_CAMPAIGNS: readonly AdSpec[] = [
  { platform: 'amazon-us', name: 'SP - WB-500 - Auto', kind: 'sponsored-products', sku: 'WB-500', daily: 120, roas: 4.2, b: 0.6, cpc: 0.95, ctr: 0.0045, startedDaysAgo: 640 },
  { platform: 'amazon-us', name: 'SP - BT-100 - Exact', kind: 'sponsored-products', sku: 'BT-100', daily: 70, roas: 5.0, b: 0.55, cpc: 0.62, ctr: 0.006, startedDaysAgo: 700 },
  { platform: 'amazon-us', name: 'SP - Kitchen - Broad', kind: 'sponsored-products', sku: null, daily: 110, roas: 2.8, b: 0.7, cpc: 1.1, ctr: 0.0035, startedDaysAgo: 420 },
  { platform: 'amazon-us', name: 'SP - Smart Plug - Exact', kind: 'sponsored-products', sku: 'SP-2', daily: 60, roas: 3.5, b: 0.6, cpc: 1.25, ctr: 0.004, startedDaysAgo: 380 },
  { platform: 'amazon-us', name: 'SP - Hand Warmer - Auto', kind: 'sponsored-products', sku: 'HW-1', daily: 50, roas: 3.8, b: 0.65, cpc: 0.85, ctr: 0.005, startedDaysAgo: 330 },
  { platform: 'amazon-us', name: 'SB - Brand - Verdant Goods', kind: 'sponsored-brands', sku: null, daily: 90, roas: 3.2, b: 0.5, cpc: 1.4, ctr: 0.003, startedDaysAgo: 520, attributionDays: 14 },
  { platform: 'amazon-us', name: 'SD - Retargeting - Views', kind: 'sponsored-display', sku: null, daily: 60, roas: 2.4, b: 0.5, cpc: 0.7, ctr: 0.0018, startedDaysAgo: 300, attributionDays: 14 },
  { platform: 'amazon-de', name: 'SP - WB-500 DE - Auto', kind: 'sponsored-products', sku: 'WB-500', daily: 60, roas: 3.8, b: 0.6, cpc: 0.72, ctr: 0.0045, startedDaysAgo: 500 },
  { platform: 'amazon-de', name: 'SP - Heizkörperthermostat - Exact', kind: 'sponsored-products', sku: 'TRV-1', daily: 55, roas: 4.5, b: 0.6, cpc: 0.9, ctr: 0.005, startedDaysAgo: 410 },
  { platform: 'amazon-de', name: 'SP - Bienenwachstücher - Broad', kind: 'sponsored-products', sku: 'BW-3', daily: 35, roas: 3.0, b: 0.65, cpc: 0.55, ctr: 0.004, startedDaysAgo: 450 },
  { platform: 'amazon-de', name: 'SP - Cork Yoga Mat - Broad', kind: 'sponsored-products', sku: 'YM-4', daily: 30, roas: 0, b: 0.6, cpc: 0.8, ctr: 0.0025, startedDaysAgo: 120, zeroRevenueSinceDaysAgo: 120 },
  { platform: 'amazon-de', name: 'SB - Marke - Verdant Goods', kind: 'sponsored-brands', sku: null, daily: 35, roas: 2.6, b: 0.5, cpc: 1.05, ctr: 0.003, startedDaysAgo: 360, attributionDays: 14 },
  { platform: 'aliexpress', name: 'Search - Bamboo Toothbrush', kind: 'search', sku: 'BT-100', daily: 80, roas: 3.2, b: 0.6, cpc: 0.22, ctr: 0.008, startedDaysAgo: 400 },
  { platform: 'aliexpress', name: 'Search - Smart Plug', kind: 'search', sku: 'SP-2', daily: 60, roas: 2.6, b: 0.65, cpc: 0.3, ctr: 0.006, startedDaysAgo: 350 },
  { platform: 'aliexpress', name: 'Search - Earbuds', kind: 'search', sku: 'EB-1-WHT', daily: 70, roas: 2.9, b: 0.6, cpc: 0.26, ctr: 0.007, startedDaysAgo: 300 },
  { platform: 'aliexpress', name: 'Search - Neck Fan', kind: 'search', sku: 'NF-1-WHT', daily: 30, roas: 2.5, b: 0.7, cpc: 0.2, ctr: 0.007, startedDaysAgo: 260 },
  { platform: 'aliexpress', name: 'Affiliate - Store-wide', kind: 'affiliate', sku: null, daily: 160, roas: 6.5, b: 1, cpc: 0.5, ctr: 0.01, startedDaysAgo: 600 },
  { platform: 'shopee-my', name: 'Shopee Ads - Search - Earbuds', kind: 'search', sku: 'EB-1-WHT', daily: 50, roas: 6, b: 0.55, cpc: 0.35, ctr: 0.02, startedDaysAgo: 380 },
  { platform: 'shopee-my', name: 'Shopee Ads - Discovery - Neck Fan', kind: 'discovery', sku: 'NF-1-WHT', daily: 40, roas: 4.5, b: 0.6, cpc: 0.25, ctr: 0.012, startedDaysAgo: 300 },
  { platform: 'shopee-my', name: 'Shopee Ads - Shop - Verdant Goods', kind: 'shop-ads', sku: null, daily: 58, roas: 3.5, b: 0.5, cpc: 0.4, ctr: 0.015, startedDaysAgo: 340 },
  { platform: 'tiktok-us', name: 'Video - Bamboo Toothbrush UGC', kind: 'video', sku: 'BT-100', daily: 40, roas: 1.8, b: 0.7, cpc: 0.45, ctr: 0.011, startedDaysAgo: 20 },
  { platform: 'tiktok-us', name: 'LIVE - Weekly Showcase', kind: 'live', sku: null, daily: 25, roas: 1.2, b: 0.6, cpc: 0.5, ctr: 0.009, startedDaysAgo: 19 },
  { platform: 'tiktok-us', name: 'Video - Hand Warmer Spark Ads', kind: 'video', sku: 'HW-1', daily: 15, roas: 2.2, b: 0.7, cpc: 0.4, ctr: 0.012, startedDaysAgo: 14 },
  { platform: 'shopify', name: 'Google Shopping - All Products', kind: 'google-shopping', sku: null, daily: 14, roas: 4, b: 0.6, cpc: 0.6, ctr: 0.009, startedDaysAgo: 700 },
  { platform: 'shopify', name: 'Meta - Prospecting - Candles', kind: 'meta-ads', sku: 'CN-LAV', daily: 8, roas: 2.2, b: 0.6, cpc: 0.55, ctr: 0.008, startedDaysAgo: 160, zeroRevenueSinceDaysAgo: 35 },
  { platform: 'shopify', name: 'Meta - Retargeting - Spring', kind: 'meta-ads', sku: null, daily: 10, roas: 3, b: 0.6, cpc: 0.5, ctr: 0.01, startedDaysAgo: 240, status: 'paused', pausedDaysAgo: 40 },
];

/** Builds ad campaigns and their daily results. */
export function buildAds(ref: Date, catalogue: Catalogue): Pick<DemoTables, 'AdCampaign' | 'AdSpendDaily'> {
  const rng = new Rng('ads');
  const AdCampaign: DemoTables['AdCampaign'] = [];
  const AdSpendDaily: DemoTables['AdSpendDaily'] = [];
  const skuIds = new Map(catalogue.skus.map((s) => [s.code, s.id]));
  const avgPrice = new Map<PlatformCode, number>();
  for (const p of PLATFORMS) {
    const prices = catalogue.listings.filter((l) => l.platform.code === p.code).map((l) => l.price);
    avgPrice.set(p.code, prices.reduce((a, b) => a + b, 0) / Math.max(1, prices.length));
  }

  AD_CAMPAIGNS.forEach((spec, index) => {
    const platform = platformByCode(spec.platform);
    const id = index + 1;
    const startedOn = addDays(ref, -spec.startedDaysAgo);
    AdCampaign.push({
      id,
      platformId: platform.id,
      externalId: adExternalId(rng, spec),
      name: spec.name,
      kind: spec.kind,
      status: spec.status ?? 'enabled',
      skuId: spec.sku ? (skuIds.get(spec.sku) ?? null) : null,
      startedOn,
    });
    const listing = spec.sku ? catalogue.listings.find((l) => l.sku.code === spec.sku && l.platform.code === spec.platform) : undefined;
    const aov = (listing?.price ?? avgPrice.get(spec.platform) ?? 25) * 1.15;
    // revenue = a · spend^b, with a set so the typical spend returns the typical ROAS.
    const a = spec.roas * Math.pow(spec.daily, 1 - spec.b);
    const first = Math.max(daysBetween(ref, startedOn), -AD_HISTORY_DAYS);
    const last = -(spec.pausedDaysAgo ?? 1);
    let level = 1;
    let daysAtLevel = 0;
    for (let t = first; t <= last; t++) {
      // Budgets are changed every week or two; the spread is what lets a response curve be fitted.
      if (daysAtLevel-- <= 0) {
        level = rng.pick([0.45, 0.7, 1, 1, 1.3, 1.7]);
        daysAtLevel = rng.int(7, 14);
      }
      const spend = cents(spec.daily * level * rng.noise(0.15));
      const clicks = Math.max(1, Math.round((spend / spec.cpc) * rng.noise(0.1)));
      const impressions = Math.round((clicks / spec.ctr) * rng.noise(0.1));
      const zero = spec.zeroRevenueSinceDaysAgo !== undefined && t >= -spec.zeroRevenueSinceDaysAgo;
      const expected = zero ? 0 : a * Math.pow(spend, spec.b);
      const orders = zero ? 0 : rng.poisson(expected / aov);
      const revenue = cents(orders * aov * (orders > 0 ? rng.noise(0.1) : 0));
      AdSpendDaily.push({
        id: AdSpendDaily.length + 1,
        campaignId: id,
        day: addDays(ref, t),
        impressions,
        clicks,
        spend,
        orders,
        attributedRevenue: revenue,
        currency: platform.currency,
        attributionDays: spec.attributionDays ?? (platform.marketplace === 'amazon' ? 7 : 1),
      });
    }
  });
  return { AdCampaign, AdSpendDaily };
}

function adExternalId(rng: Rng, spec: AdSpec): string {
  switch (spec.platform) {
    case 'amazon-us':
    case 'amazon-de':
    case 'amazon-uk':
      return rng.digits(15);
    case 'aliexpress':
      return rng.digits(10);
    case 'shopee-my':
      return rng.digits(9);
    case 'tiktok-us':
    case 'tiktok-de':
      return `17${rng.digits(17, false)}`;
    case 'shopify':
      return spec.kind === 'meta-ads' ? `120${rng.digits(15, false)}` : rng.digits(11);
  }
}

/** Monthly budget lines in USD: [platform, purpose, amount this month]. */
const BUDGET_LINES: ReadonlyArray<[PlatformCode, 'ads' | 'inventory' | 'exploration', number]> = [
  // Ads: 60 % Amazon, 30 % AliExpress, 10 % the newer channels (the playbook's prior).
  ['amazon-us', 'ads', 17_000],
  ['amazon-de', 'ads', 7_000],
  ['aliexpress', 'ads', 12_000],
  ['tiktok-us', 'ads', 2_400],
  ['shopee-my', 'ads', 1_000],
  ['shopify', 'ads', 600],
  // Stock purchases follow sales volume.
  ['amazon-us', 'inventory', 42_000],
  ['amazon-de', 'inventory', 16_000],
  ['aliexpress', 'inventory', 9_000],
  ['shopee-my', 'inventory', 7_000],
  ['tiktok-us', 'inventory', 3_000],
  ['shopify', 'inventory', 2_500],
  // Market research and brand building where the brand is new.
  ['tiktok-us', 'exploration', 3_000],
  ['shopee-my', 'exploration', 1_200],
];

/** Budgets for the reference month and the next one, version 1. */
export function buildBudgets(ref: Date): DemoTables['Budget'] {
  const rows: DemoTables['Budget'] = [];
  for (const offset of [0, 1]) {
    const p = period(ref, offset);
    // Peak season asks for more; other months carry over.
    const month = Number(p.slice(5, 7));
    const factor = offset === 0 ? 1 : month === 11 || month === 12 ? 1.2 : 1.05;
    const updatedAt = offset === 0 ? addDays(monthStart(ref), -4) : addDays(ref, -3);
    for (const [code, purpose, amount] of BUDGET_LINES) {
      rows.push({
        id: rows.length + 1,
        period: p,
        platformId: platformByCode(code).id,
        purpose,
        amount: Math.round((amount * factor) / 50) * 50,
        currency: 'USD',
        version: 1,
        updatedAt,
      });
    }
  }
  return rows;
}

interface RateBand {
  max: number;
  base: number;
  perKg: number;
}
interface LogisticsSpec {
  code: string;
  carrier: string;
  kind: string;
  origin: string;
  destinations: string[];
  transit: [number, number];
  maxWeightGrams: number;
  maxDeclaredValue: number | null;
  tracked: boolean;
  currency: string;
  bands: RateBand[];
}

/** Shipping options the brand uses, with weight-band rates in each option's currency. */
const LOGISTICS: readonly LogisticsSpec[] = [
  {
    code: 'CNPOST-REG',
    carrier: 'China Post',
    kind: 'postal',
    origin: 'CN',
    destinations: ['US', 'DE', 'FR', 'ES', 'PL', 'GB', 'MY'],
    transit: [12, 30],
    maxWeightGrams: 2_000,
    maxDeclaredValue: 400,
    tracked: true,
    currency: 'CNY',
    bands: [
      { max: 500, base: 18, perKg: 78 },
      { max: 1_000, base: 20, perKg: 74 },
      { max: 2_000, base: 22, perKg: 70 },
    ],
  },
  {
    code: 'CNPOST-ORD',
    carrier: 'China Post',
    kind: 'postal',
    origin: 'CN',
    destinations: ['US', 'DE', 'FR', 'ES', 'PL', 'GB', 'MY'],
    transit: [20, 45],
    maxWeightGrams: 2_000,
    maxDeclaredValue: 50,
    tracked: false,
    currency: 'CNY',
    bands: [
      { max: 500, base: 6, perKg: 72 },
      { max: 2_000, base: 8, perKg: 68 },
    ],
  },
  {
    code: 'YANWEN-SL',
    carrier: 'Yanwen',
    kind: 'postal',
    origin: 'CN',
    destinations: ['US', 'DE', 'FR', 'ES', 'GB'],
    transit: [8, 18],
    maxWeightGrams: 2_000,
    maxDeclaredValue: 300,
    tracked: true,
    currency: 'CNY',
    bands: [
      { max: 300, base: 19, perKg: 88 },
      { max: 1_000, base: 21, perKg: 84 },
      { max: 2_000, base: 23, perKg: 80 },
    ],
  },
  {
    code: 'DHL-EXP',
    carrier: 'DHL Express',
    kind: 'express',
    origin: 'CN',
    destinations: ['US', 'DE', 'FR', 'ES', 'PL', 'GB', 'MY'],
    transit: [3, 6],
    maxWeightGrams: 70_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'CNY',
    bands: [
      { max: 500, base: 210, perKg: 0 },
      { max: 2_000, base: 160, perKg: 95 },
      { max: 10_000, base: 240, perKg: 72 },
      { max: 70_000, base: 420, perKg: 55 },
    ],
  },
  {
    code: 'FEDEX-IP',
    carrier: 'FedEx International Priority',
    kind: 'express',
    origin: 'CN',
    destinations: ['US', 'DE', 'GB', 'MY'],
    transit: [3, 5],
    maxWeightGrams: 68_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'CNY',
    bands: [
      { max: 500, base: 198, perKg: 0 },
      { max: 2_000, base: 150, perKg: 92 },
      { max: 10_000, base: 230, perKg: 70 },
      { max: 68_000, base: 400, perKg: 52 },
    ],
  },
  {
    code: 'FBA-SEA-US',
    carrier: 'Flexport (LCL sea, DDP to FBA)',
    kind: 'fba-inbound',
    origin: 'CN',
    destinations: ['US'],
    transit: [28, 38],
    maxWeightGrams: 5_000_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'USD',
    bands: [
      { max: 500_000, base: 350, perKg: 1.35 },
      { max: 5_000_000, base: 600, perKg: 1.05 },
    ],
  },
  {
    code: 'FBA-AIR-US',
    carrier: 'Flexport (air, DDP to FBA)',
    kind: 'fba-inbound',
    origin: 'CN',
    destinations: ['US'],
    transit: [8, 12],
    maxWeightGrams: 1_000_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'USD',
    bands: [
      { max: 100_000, base: 120, perKg: 6.8 },
      { max: 1_000_000, base: 250, perKg: 5.9 },
    ],
  },
  {
    code: 'FBA-SEA-DE',
    carrier: 'COSCO via Hamburg (LCL sea, DDP to FBA)',
    kind: 'fba-inbound',
    origin: 'CN',
    destinations: ['DE'],
    transit: [35, 45],
    maxWeightGrams: 5_000_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'USD',
    bands: [
      { max: 500_000, base: 380, perKg: 1.45 },
      { max: 5_000_000, base: 650, perKg: 1.15 },
    ],
  },
  {
    code: 'FBA-AIR-DE',
    carrier: 'DB Schenker (air, DDP to FBA)',
    kind: 'fba-inbound',
    origin: 'CN',
    destinations: ['DE'],
    transit: [8, 12],
    maxWeightGrams: 1_000_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'USD',
    bands: [
      { max: 100_000, base: 140, perKg: 7.2 },
      { max: 1_000_000, base: 280, perKg: 6.2 },
    ],
  },
  {
    code: 'CN-MY-SEA',
    carrier: 'Shenzhen–Port Klang consolidation',
    kind: 'sea-freight',
    origin: 'CN',
    destinations: ['MY'],
    transit: [7, 12],
    maxWeightGrams: 5_000_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'CNY',
    bands: [{ max: 5_000_000, base: 900, perKg: 4.2 }],
  },
  {
    code: 'JNT-MY',
    carrier: 'J&T Express Malaysia',
    kind: 'domestic',
    origin: 'MY',
    destinations: ['MY'],
    transit: [1, 3],
    maxWeightGrams: 30_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'MYR',
    bands: [
      { max: 1_000, base: 5.5, perKg: 0 },
      { max: 5_000, base: 4.5, perKg: 2.1 },
      { max: 30_000, base: 8, perKg: 1.6 },
    ],
  },
];

/**
 * Bulk freight to Amazon UK's FBA warehouse, which only the medium and large datasets have
 * (the parcel options above already reach GB).
 */
const SCALED_LOGISTICS: readonly LogisticsSpec[] = [
  {
    code: 'FBA-SEA-UK',
    carrier: 'Flexport (LCL sea via Felixstowe, DDP to FBA)',
    kind: 'fba-inbound',
    origin: 'CN',
    destinations: ['GB'],
    transit: [32, 42],
    maxWeightGrams: 5_000_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'USD',
    bands: [
      { max: 500_000, base: 370, perKg: 1.4 },
      { max: 5_000_000, base: 620, perKg: 1.1 },
    ],
  },
  {
    code: 'FBA-AIR-UK',
    carrier: 'Flexport (air, DDP to FBA)',
    kind: 'fba-inbound',
    origin: 'CN',
    destinations: ['GB'],
    transit: [7, 11],
    maxWeightGrams: 1_000_000,
    maxDeclaredValue: null,
    tracked: true,
    currency: 'USD',
    bands: [
      { max: 100_000, base: 130, perKg: 7 },
      { max: 1_000_000, base: 260, perKg: 6 },
    ],
  },
];

/** Builds logistics options and their weight bands. */
export function buildLogistics(): Pick<DemoTables, 'LogisticsOption' | 'LogisticsRate'> {
  return logisticsRows(LOGISTICS, { option: 1, rate: 1 });
}

/** The logistics options (and bands) the medium and large datasets add, ids from `firstIds`. */
export function buildScaledLogistics(firstIds: { option: number; rate: number }): Pick<DemoTables, 'LogisticsOption' | 'LogisticsRate'> {
  return logisticsRows(SCALED_LOGISTICS, firstIds);
}

function logisticsRows(specs: readonly LogisticsSpec[], firstIds: { option: number; rate: number }): Pick<DemoTables, 'LogisticsOption' | 'LogisticsRate'> {
  const LogisticsOption: DemoTables['LogisticsOption'] = [];
  const LogisticsRate: DemoTables['LogisticsRate'] = [];
  specs.forEach((spec, i) => {
    const optionId = firstIds.option + i;
    LogisticsOption.push({
      id: optionId,
      code: spec.code,
      carrier: spec.carrier,
      kind: spec.kind,
      originCountry: spec.origin,
      destinations: spec.destinations,
      transitDaysMin: spec.transit[0],
      transitDaysMax: spec.transit[1],
      maxWeightGrams: spec.maxWeightGrams,
      maxDeclaredValue: spec.maxDeclaredValue,
      tracked: spec.tracked,
      currency: spec.currency,
    });
    let min = 0;
    for (const band of spec.bands) {
      LogisticsRate.push({ id: firstIds.rate + LogisticsRate.length, optionId, minGrams: min === 0 ? 0 : min + 1, maxGrams: band.max, baseFee: band.base, perKg: band.perKg });
      min = band.max;
    }
  });
  return { LogisticsOption, LogisticsRate };
}
