/**
 * Platforms and the brand profile of the demo, plus the per-platform knobs the sales,
 * pricing and ads generators share (weekly rhythm, price level, currency).
 */
import { addDays } from './calendar.ts';
import type { DemoTables } from './types.ts';

/** Codes of the demo platforms, and of the two the medium and large datasets add. */
export type PlatformCode = 'amazon-us' | 'amazon-de' | 'aliexpress' | 'shopee-my' | 'tiktok-us' | 'shopify' | 'amazon-uk' | 'tiktok-de';

/** One platform as the generators see it. */
export interface PlatformSpec {
  id: number;
  code: PlatformCode;
  name: string;
  marketplace: string;
  region: string;
  country: string | null;
  currency: 'USD' | 'EUR' | 'MYR' | 'GBP';
  stage: 'mature' | 'growing' | 'new';
  commissionRate: number;
  marketPotential: number;
  /** Days before the reference date the brand started selling there. */
  launchedDaysAgo: number;
  /** Sales multiplier per weekday, Sunday first (normalised to mean 1 when used). */
  weekly: readonly number[];
  /** Units per day a typical SKU sells there today. */
  unitsPerDay: number;
  /** Price level relative to the US list price, before currency conversion. */
  priceLevel: number;
}

/** USD → platform currency, a fixed rate so prices stay stable across seeds. */
export const FX_FROM_USD: Record<PlatformSpec['currency'], number> = { USD: 1, EUR: 0.92, MYR: 4.45, GBP: 0.79 };

/** CNY per USD, for unit costs bought in China. */
export const CNY_PER_USD = 7.15;

/** The six demo platforms; ids are fixed so every generator can refer to them. */
export const PLATFORMS: readonly PlatformSpec[] = [
  {
    id: 1,
    code: 'amazon-us',
    name: 'Amazon US',
    marketplace: 'amazon',
    region: 'US',
    country: 'US',
    currency: 'USD',
    stage: 'mature',
    commissionRate: 0.15,
    marketPotential: 5,
    launchedDaysAgo: 1_642,
    weekly: [1.12, 1.1, 1.02, 0.97, 0.94, 0.9, 0.95],
    unitsPerDay: 3.2,
    priceLevel: 1,
  },
  {
    id: 2,
    code: 'amazon-de',
    name: 'Amazon DE',
    marketplace: 'amazon',
    region: 'EU',
    country: 'DE',
    currency: 'EUR',
    stage: 'mature',
    commissionRate: 0.15,
    marketPotential: 4,
    launchedDaysAgo: 1_103,
    weekly: [1.16, 1.08, 1.0, 0.97, 0.95, 0.87, 0.97],
    unitsPerDay: 1.6,
    priceLevel: 1.05,
  },
  {
    id: 3,
    code: 'aliexpress',
    name: 'AliExpress',
    marketplace: 'aliexpress',
    region: 'GLOBAL',
    country: null,
    currency: 'USD',
    stage: 'growing',
    commissionRate: 0.08,
    marketPotential: 4,
    launchedDaysAgo: 812,
    weekly: [1.0, 1.05, 1.02, 1.0, 0.98, 0.95, 1.0],
    unitsPerDay: 1.5,
    priceLevel: 0.8,
  },
  {
    id: 4,
    code: 'shopee-my',
    name: 'Shopee Malaysia',
    marketplace: 'shopee',
    region: 'SEA',
    country: 'MY',
    currency: 'MYR',
    stage: 'growing',
    commissionRate: 0.12,
    marketPotential: 3,
    launchedDaysAgo: 548,
    weekly: [1.06, 0.95, 0.94, 0.97, 1.0, 1.03, 1.05],
    unitsPerDay: 3,
    priceLevel: 0.78,
  },
  {
    id: 5,
    code: 'tiktok-us',
    name: 'TikTok Shop US',
    marketplace: 'tiktok',
    region: 'US',
    country: 'US',
    currency: 'USD',
    stage: 'new',
    commissionRate: 0.06,
    marketPotential: 4,
    launchedDaysAgo: 21,
    weekly: [1.2, 0.9, 0.9, 0.94, 1.0, 1.05, 1.15],
    unitsPerDay: 1.3,
    priceLevel: 0.92,
  },
  {
    id: 6,
    code: 'shopify',
    name: 'Verdant Goods Online Store',
    marketplace: 'shopify',
    region: 'GLOBAL',
    country: null,
    currency: 'USD',
    stage: 'growing',
    commissionRate: 0.029,
    marketPotential: 2,
    launchedDaysAgo: 987,
    weekly: [0.95, 1.08, 1.05, 1.02, 1.0, 0.96, 0.92],
    unitsPerDay: 0.7,
    priceLevel: 1,
  },
];

/**
 * The two platforms the medium and large datasets add (the demo keeps its six: tests and the NL
 * eval are built on its figures). Amazon UK is run from Seller Central Europe and stocked through
 * its own FBA warehouse; TikTok Shop Germany (open to sellers since 2025) is the brand's newest
 * market, a trial served by parcel from the Shenzhen warehouse like TikTok Shop US.
 */
export const SCALED_PLATFORMS: readonly PlatformSpec[] = [
  {
    id: 7,
    code: 'amazon-uk',
    name: 'Amazon UK',
    marketplace: 'amazon',
    region: 'EU',
    country: 'GB',
    currency: 'GBP',
    stage: 'growing',
    commissionRate: 0.15,
    marketPotential: 3,
    launchedDaysAgo: 690,
    weekly: [1.14, 1.09, 1.01, 0.97, 0.95, 0.88, 0.96],
    unitsPerDay: 1.2,
    priceLevel: 1,
  },
  {
    id: 8,
    code: 'tiktok-de',
    name: 'TikTok Shop DE',
    marketplace: 'tiktok',
    region: 'EU',
    country: 'DE',
    currency: 'EUR',
    stage: 'new',
    commissionRate: 0.09,
    marketPotential: 3,
    launchedDaysAgo: 75,
    weekly: [1.18, 0.92, 0.9, 0.95, 1.0, 1.04, 1.12],
    unitsPerDay: 0.9,
    priceLevel: 0.95,
  },
];

/** The platform with this code (demo or scaled). */
export function platformByCode(code: PlatformCode): PlatformSpec {
  const found = PLATFORMS.find((p) => p.code === code) ?? SCALED_PLATFORMS.find((p) => p.code === code);
  if (!found) throw new Error(`unknown platform ${code}`);
  return found;
}

/** Launch date of a platform relative to the reference day. */
export function platformLaunch(spec: PlatformSpec, ref: Date): Date {
  return addDays(ref, -spec.launchedDaysAgo);
}

/** The brand's name, used in every listing. */
export const BRAND_NAME = 'Verdant Goods';

/** Claims the brand never makes; the listing generator keeps them out except where planted. */
export const BANNED_PHRASES = [
  'best in the world',
  '100% guaranteed',
  'cures',
  'FDA approved',
  'miracle',
  'chemical-free',
] as const;

/** The Platform rows of `specs` (the demo's six unless told otherwise). */
export function platformRows(ref: Date, specs: readonly PlatformSpec[] = PLATFORMS): DemoTables['Platform'] {
  return specs.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    marketplace: p.marketplace,
    region: p.region,
    country: p.country,
    currency: p.currency,
    stage: p.stage,
    commissionRate: p.commissionRate,
    marketPotential: p.marketPotential,
    launchedOn: platformLaunch(p, ref),
    active: true,
  }));
}

/** Builds the Platform and Brand rows. */
export function buildPlatformsAndBrand(ref: Date): Pick<DemoTables, 'Platform' | 'Brand'> {
  const Platform = platformRows(ref);
  const Brand = [
    {
      id: 1,
      name: BRAND_NAME,
      coreValues: ['high quality', 'sustainable living'],
      tone: 'Warm, clear and practical. Confident about craftsmanship, honest about materials, never hyped; short sentences, active voice, no exclamation marks in titles.',
      vocabulary: [
        'durable',
        'plastic-free',
        'refillable',
        'thoughtfully made',
        'everyday',
        'recycled',
        'responsibly sourced',
        'BPA-free',
        'low-waste',
        'built to last',
      ],
      requiredPhrases: [BRAND_NAME],
      bannedPhrases: [...BANNED_PHRASES],
      visualTokens: {
        colors: { primary: '#2F5D50', secondary: '#F4EFE6', accent: '#D98E04', text: '#1E2421' },
        fonts: { heading: 'Fraunces', body: 'Inter' },
        logo: {
          files: { onLight: 'verdant-logo-forest.svg', onDark: 'verdant-logo-cream.svg' },
          minWidthPx: 120,
          clearSpace: 'height of the leaf mark on every side',
          donts: ['no recolouring', 'no drop shadows', 'never on busy photography'],
        },
        photography: 'natural daylight, real homes, linen and wood textures, no plastic props',
        packaging: 'kraft card, one-colour forest green print, leaf mark on the front panel',
      },
      translations: {
        zh: {
          coreValues: ['高品质', '可持续生活'],
          vocabulary: ['经久耐用', '无塑料', '可重复灌装', '用心制作', '日常', '再生材料', '负责任采购', '不含 BPA', '低浪费'],
          bannedPhrases: ['世界第一', '全球最好', '100% 保证', '治愈', '神奇', '不含任何化学物质'],
        },
        de: {
          coreValues: ['hohe Qualität', 'nachhaltiges Leben'],
          vocabulary: ['langlebig', 'plastikfrei', 'nachfüllbar', 'durchdacht', 'alltäglich', 'recycelt', 'verantwortungsvoll beschafft', 'BPA-frei', 'abfallarm'],
          bannedPhrases: ['das Beste der Welt', '100 % garantiert', 'heilt', 'Wundermittel', 'chemiefrei'],
        },
      },
      updatedAt: addDays(ref, -45),
    },
  ];
  return { Platform, Brand };
}
