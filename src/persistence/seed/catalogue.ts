/**
 * Suppliers, products, SKUs and per-platform listings of the demo, and the plan each
 * later generator reads (launch date, price, demand rate of every listing).
 */
import { addDays, daysBetween } from './calendar.ts';
import {
  PRODUCTS,
  SUPPLIERS,
  type PlatformTag,
  type ProductSpec,
  type Season,
  type VariantSpec,
} from './catalogue-data.ts';
import { PRODUCT_I18N } from './catalogue-i18n.ts';
import {
  BRAND_NAME,
  CNY_PER_USD,
  FX_FROM_USD,
  PLATFORMS,
  SCALED_PLATFORMS,
  platformByCode,
  platformLaunch,
  type PlatformCode,
  type PlatformSpec,
} from './platforms.ts';
import { Rng, cents } from './random.ts';
import type { DemoTables } from './types.ts';

const TAG_TO_CODE: Record<PlatformTag, PlatformCode> = {
  US: 'amazon-us',
  DE: 'amazon-de',
  AE: 'aliexpress',
  MY: 'shopee-my',
  TT: 'tiktok-us',
  SH: 'shopify',
};

/** A SKU as the later generators see it. */
export interface SkuPlan {
  id: number;
  code: string;
  name: string;
  productId: number;
  product: ProductSpec;
  variant: VariantSpec;
  /** Unit cost converted to USD, for budgets and declared values. */
  unitCostUsd: number;
  leadTimeDays: number;
  moq: number;
  active: boolean;
}

/** A listing as the later generators see it. */
export interface ListingPlan {
  id: number;
  sku: SkuPlan;
  platform: PlatformSpec;
  title: string;
  price: number;
  currency: string;
  variant: 'standard' | 'eco-pack' | 'mini-pack';
  status: 'active' | 'inactive' | 'draft';
  /** First day it could sell. */
  launchedOn: Date;
  /** Last day it sold, for discontinued listings; null while it is live. */
  endsOn: Date | null;
  /** Mean units per day over the last 30 days (the sales generator calibrates to it). */
  rate: number;
  season: Season;
}

/** The catalogue tables plus the plans. */
export interface Catalogue {
  tables: Pick<DemoTables, 'Supplier' | 'Product' | 'Sku' | 'Listing'>;
  skus: SkuPlan[];
  listings: ListingPlan[];
}

/** SKUs that were discontinued a few months ago: inactive listings, history that stops. */
export const DISCONTINUED_SKUS = ['CS-43', 'WS-20'] as const;

/** Listings prepared but not yet live (new-platform pipeline). */
const DRAFT_LISTINGS: ReadonlyArray<[string, PlatformCode]> = [
  ['AQ-1', 'tiktok-us'],
  ['HG-6', 'tiktok-us'],
];

/** Listing problems planted for the brand audit; see DEMO_ANCHORS.listingIssues. */
export const PLANTED_ISSUES = {
  bannedClaim: { sku: 'YM-4', platform: 'shopify' as PlatformCode, phrase: 'cures' },
  priceConflict: { sku: 'KS-5', platform: 'aliexpress' as PlatformCode, price: 8.99, referencePlatform: 'amazon-us' as PlatformCode },
  longTitle: { sku: 'GC-5', platform: 'amazon-us' as PlatformCode },
  /** A claim that contradicts the other platforms: "48 hours" cold where they all say 24. */
  claimConflict: { sku: 'WB-500', platform: 'aliexpress' as PlatformCode, claim: '48 hours', elsewhere: '24 hours' },
} as const;

/** Fixed demand (units/day over the last 30 days) for the anchor listings. */
const FIXED_RATES: Record<string, Partial<Record<PlatformCode, number>>> = {
  'WB-500': { 'amazon-us': 33.3, 'amazon-de': 8, shopify: 4, aliexpress: 0.7 },
  'BT-100': { 'amazon-us': 18, 'amazon-de': 7, shopify: 3, aliexpress: 5, 'tiktok-us': 4 },
};

/** WB-500 was put on AliExpress only this many days ago. */
export const WB500_ALIEXPRESS_DAYS = 10;

/**
 * A further copy of the demo catalogue, for the medium and large datasets: the same products
 * and variants under suffixed SKU codes (WB-500 → WB-500-S7) and ids after `firstIds`, with
 * their own random stream. Fixed rates, planted issues and drafts key on the demo's codes, so a
 * copy carries none of them; the suppliers are the demo's (it writes none). A copy also lists
 * some SKUs on the two platforms only the scaled datasets have (see {@link SCALED_PLATFORMS}).
 */
export interface CatalogueCopy {
  /** 1, 2, …: suffix of the SKU codes and name of the random stream. */
  index: number;
  /** Ids the copy's first product, SKU and listing get. */
  firstIds: { product: number; sku: number; listing: number };
}

/** Builds the catalogue for a reference day (the demo's own, or one more copy of it). */
export function buildCatalogue(ref: Date, copy?: CatalogueCopy): Catalogue {
  const rng = new Rng(copy ? `catalogue-${copy.index}` : 'catalogue');
  const suffix = copy ? `-S${copy.index}` : '';
  const ids = copy?.firstIds ?? { product: 1, sku: 1, listing: 1 };
  const Supplier = (copy ? [] : SUPPLIERS).map((s, i) => ({
    id: i + 1,
    code: s.code,
    name: s.name,
    country: s.country,
    currency: s.currency,
    defaultLeadTimeDays: s.leadTimeDays,
  }));
  const supplierIds = new Map(SUPPLIERS.map((s, i) => [s.code, i + 1]));

  const tables: Catalogue['tables'] = { Supplier, Product: [], Sku: [], Listing: [] };
  // Which copy SKUs also go on the scaled-only platforms: a stream of its own, so the choice
  // leaves the rest of the copy's draws alone.
  const expansion = copy ? new Rng(`catalogue-${copy.index}-expansion`) : null;
  const skus: SkuPlan[] = [];
  const listings: ListingPlan[] = [];

  PRODUCTS.forEach((product, productIndex) => {
    const productId = ids.product + productIndex;
    tables.Product.push({
      id: productId,
      brandId: 1,
      name: product.name,
      nameI18n: { zh: product.zh, de: product.de },
      category: product.category,
      market: product.market,
      description: product.description,
      features: [...product.features],
      featuresI18n: productFeaturesI18n(product),
      material: product.material,
      keywords: [...product.keywords],
      keywordsI18n: productKeywordsI18n(product),
    });
    const supplier = SUPPLIERS.find((s) => s.code === product.supplier);
    if (!supplier) throw new Error(`unknown supplier ${product.supplier}`);

    product.variants.forEach((variant, variantIndex) => {
      const skuId = ids.sku + tables.Sku.length;
      const skuCode = `${variant.code}${suffix}`;
      const unitCostUsd = supplier.currency === 'CNY' ? variant.cost / CNY_PER_USD : variant.cost;
      const leadTimeDays = supplier.leadTimeDays + rng.int(-3, 5);
      const moq = variant.moq ?? 500;
      const active = !(DISCONTINUED_SKUS as readonly string[]).includes(skuCode);
      const name = `${product.name} ${variant.label}${copy ? ` (series ${copy.index})` : ''}`;
      tables.Sku.push({
        id: skuId,
        code: skuCode,
        productId,
        name,
        unitCost: variant.cost,
        costCurrency: supplier.currency,
        weightGrams: variant.grams,
        lengthMm: variant.dims[0],
        widthMm: variant.dims[1],
        heightMm: variant.dims[2],
        // Customs value: landed cost with a margin, the way forwarders declare it.
        declaredValue: cents(unitCostUsd * 1.3),
        supplierId: supplierIds.get(supplier.code) ?? 0,
        leadTimeDays,
        moq,
        active,
      });
      const sku: SkuPlan = { id: skuId, code: skuCode, name, productId, product, variant, unitCostUsd, leadTimeDays, moq, active };
      skus.push(sku);

      const tags = (variant.on ?? product.on).split(/\s+/).filter(Boolean) as PlatformTag[];
      // Listings follow the fixed platform order so ids do not depend on how `on` is spelled.
      const codes = PLATFORMS.map((p) => p.code).filter((code) => tags.some((t) => TAG_TO_CODE[t] === code));
      if (expansion) codes.push(...expansionPlatforms(expansion, product, codes));
      for (const code of codes) {
        const plan = planListing(rng, ref, sku, variantIndex, platformByCode(code), ids.listing + listings.length);
        listings.push(plan);
        tables.Listing.push(listingRow(rng, ref, plan));
      }
    });
  });
  return { tables, skus, listings };
}

/**
 * The scaled-only platforms a copy SKU is listed on: Amazon UK for about a quarter of what sells
 * on Amazon US (not the South-East Asian range), TikTok Shop DE for a few of what sells on
 * TikTok US or Amazon DE. Together they add about one listing in fifteen.
 */
function expansionPlatforms(rng: Rng, product: ProductSpec, codes: readonly PlatformCode[]): PlatformCode[] {
  const out: PlatformCode[] = [];
  const uk = rng.chance(0.25);
  const de = rng.chance(0.18);
  if (uk && codes.includes('amazon-us') && product.market !== 'sea') out.push('amazon-uk');
  if (de && (codes.includes('tiktok-us') || codes.includes('amazon-de'))) out.push('tiktok-de');
  // Same order as every other listing: the platform order.
  return SCALED_PLATFORMS.map((p) => p.code).filter((code) => out.includes(code));
}

/** Selling points per extra language: Chinese from catalogue-i18n.ts, German from the product's own list. */
function productFeaturesI18n(product: ProductSpec): Record<string, string[]> {
  const i18n = PRODUCT_I18N[product.name];
  if (!i18n) throw new Error(`no translations for ${product.name}`);
  return { zh: [...i18n.featuresZh], de: [...(product.featuresDe ?? i18n.featuresDe ?? [])] };
}

/** Search keywords per extra language. */
function productKeywordsI18n(product: ProductSpec): Record<string, string[]> {
  const i18n = PRODUCT_I18N[product.name];
  if (!i18n) throw new Error(`no translations for ${product.name}`);
  return { zh: [...i18n.keywordsZh], de: [...i18n.keywordsDe] };
}

function planListing(
  rng: Rng,
  ref: Date,
  sku: SkuPlan,
  variantIndex: number,
  platform: PlatformSpec,
  id: number,
): ListingPlan {
  const { product, variant } = sku;
  const variantKind: ListingPlan['variant'] =
    product.eco && (platform.code === 'amazon-de' || platform.code === 'shopify' || platform.code === 'amazon-uk')
      ? 'eco-pack'
      : product.mini && (platform.code === 'shopee-my' || platform.code === 'aliexpress')
        ? 'mini-pack'
        : 'standard';

  // When it went live: after both the platform and the product existed, plus a rollout lag
  // on the platforms the brand expanded to later.
  const productIntro = addDays(ref, -(product.introducedDaysAgo ?? 2_000));
  const platformStart = platformLaunch(platform, ref);
  let launchedOn = productIntro > platformStart ? productIntro : platformStart;
  const maxLag: Record<PlatformCode, number> = {
    'amazon-us': 0,
    'amazon-de': 250,
    aliexpress: 520,
    'shopee-my': 420,
    'tiktok-us': 6,
    shopify: 150,
    'amazon-uk': 200,
    'tiktok-de': 20,
  };
  launchedOn = addDays(launchedOn, rng.int(0, maxLag[platform.code]));
  if (launchedOn > addDays(ref, -3)) launchedOn = addDays(ref, -3);
  if (sku.code === 'WB-500' && platform.code === 'aliexpress') launchedOn = addDays(ref, -WB500_ALIEXPRESS_DAYS);

  const discontinued = !sku.active;
  const draft = DRAFT_LISTINGS.some(([code, p]) => code === sku.code && p === platform.code);
  const status: ListingPlan['status'] = draft ? 'draft' : discontinued ? 'inactive' : 'active';
  const endsOn = discontinued ? addDays(ref, -rng.int(60, 100)) : null;

  // Demand today: platform size × product popularity × variant share, with SKU-level jitter.
  const marketFit = product.market === 'sea' ? (platform.code === 'shopee-my' ? 1 : 0.6) : platform.code === 'aliexpress' ? 0.7 : 1;
  const variantShare = variant.demand ?? Math.pow(0.7, variantIndex);
  const packBoost = variantKind === 'mini-pack' ? 1.3 : 1;
  let rate = platform.unitsPerDay * product.popularity * variantShare * marketFit * packBoost * rng.noise(0.35);
  const fixed = FIXED_RATES[sku.code]?.[platform.code];
  if (fixed !== undefined) rate = fixed;
  if (status === 'draft') rate = 0;

  const price = listingPrice(rng, sku, platform, variantKind);
  const title = listingTitle(sku, platform, variantKind);
  return {
    id,
    sku,
    platform,
    title,
    price,
    currency: platform.currency,
    variant: variantKind,
    status,
    launchedOn,
    endsOn,
    rate: Math.round(rate * 1000) / 1000,
    season: product.season,
  };
}

/** Price in the platform's currency with the rounding shoppers there expect. */
function listingPrice(rng: Rng, sku: SkuPlan, platform: PlatformSpec, variant: ListingPlan['variant']): number {
  if (sku.code === PLANTED_ISSUES.priceConflict.sku && platform.code === PLANTED_ISSUES.priceConflict.platform) {
    return PLANTED_ISSUES.priceConflict.price;
  }
  const packFactor = variant === 'eco-pack' ? 1.06 : variant === 'mini-pack' ? 0.62 : 1;
  const local = sku.variant.price * platform.priceLevel * packFactor * FX_FROM_USD[platform.currency];
  if (platform.currency === 'MYR') return Math.max(4.9, Math.floor(local) + 0.9); // RM 39.90
  if (platform.code === 'aliexpress') return cents(Math.max(0.99, local * rng.float(0.97, 1.03))); // US $12.38
  return Math.max(0.99, Math.floor(local) + 0.99); // $24.99, 19,99 €
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const titleCase = (s: string): string =>
  s
    .split(' ')
    .map((w) => (/^(and|or|of|with|for|to|the|a|in)$/.test(w) ? w : capitalise(w)))
    .join(' ');

/** Fits `parts` joined by `sep` into `max` characters, dropping trailing parts first. */
function fit(head: string, parts: string[], sep: string, max: number): string {
  let out = head;
  for (const part of parts) {
    if ((out + sep + part).length > max) break;
    out += sep + part;
  }
  return out;
}

/** "Head – first feature, second feature" within `max` characters. */
function withFeatures(head: string, features: readonly string[], max: number): string {
  let out = head;
  for (let i = 0; i < features.length; i++) {
    const next = `${out}${i === 0 ? ' – ' : ', '}${features[i]}`;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** German label: explicit, or the common pack/set patterns translated. */
function germanLabel(v: VariantSpec): string {
  if (v.de) return v.de;
  return v.label
    .replace(/(\d+)-pack/, '$1er-Pack')
    .replace(/set of (\d+)/, '$1er-Set')
    .replace(/(\d+)-piece set/, '$1-teiliges Set')
    .replace(/1 L\b/, '1 Liter');
}

function listingTitle(sku: SkuPlan, platform: PlatformSpec, variant: ListingPlan['variant']): string {
  const { product } = sku;
  const label = capitalise(sku.variant.label);
  const pack = variant === 'eco-pack' ? ' (Eco Pack)' : variant === 'mini-pack' ? ' (Mini Pack)' : '';
  switch (platform.code) {
    case 'amazon-us': {
      const head = `${BRAND_NAME} ${titleCase(product.name)} ${label}${pack}`;
      if (sku.code === PLANTED_ISSUES.longTitle.sku) {
        // Planted: a keyword-stuffed title just over Amazon's 200-character limit.
        const stuffed = `${head} – ${product.features.slice(0, 2).join(', ')}, ${product.keywords.join(', ')}, Microwave Safe, Gift for Mom`;
        return stuffed.length > 200 ? stuffed.slice(0, stuffed.lastIndexOf(',', 240)) : stuffed;
      }
      return withFeatures(head, product.features.slice(0, 2), 150);
    }
    case 'amazon-de': {
      const head = `${BRAND_NAME} ${product.de} ${germanLabel(sku.variant)}${variant === 'eco-pack' ? ' (Öko-Verpackung)' : ''}`;
      return withFeatures(head, (product.featuresDe ?? []).slice(0, 2), 150);
    }
    case 'aliexpress':
      return fit(`${BRAND_NAME} ${titleCase(product.name)} ${label}${pack}`, product.keywords.map(titleCase), ' ', 128);
    case 'shopee-my':
      return fit(`[${BRAND_NAME}] ${titleCase(product.name)} ${label}${pack}`, [product.features[0] ?? '', 'Ready Stock'], ' | ', 120);
    case 'tiktok-us':
      return withFeatures(`${BRAND_NAME} ${titleCase(product.name)} ${label}`, product.features.slice(0, 1), 100);
    case 'shopify':
      return `${titleCase(product.name)} — ${capitalise(label)}${pack}`;
    case 'amazon-uk':
      return withFeatures(`${BRAND_NAME} ${titleCase(product.name)} ${label}${pack}`, product.features.slice(0, 2), 150);
    case 'tiktok-de':
      return withFeatures(`${BRAND_NAME} ${product.de} ${germanLabel(sku.variant)}`, (product.featuresDe ?? []).slice(0, 1), 100);
  }
}

function listingRow(rng: Rng, ref: Date, plan: ListingPlan): DemoTables['Listing'][number] {
  const { sku, platform } = plan;
  const { product } = sku;
  const german = platform.code === 'amazon-de' || platform.code === 'tiktok-de';
  const brandLine = german
    ? `${BRAND_NAME} steht für hohe Qualität und nachhaltiges Leben.`
    : `Made by ${BRAND_NAME} for high quality, sustainable living.`;
  const packLine =
    plan.variant === 'eco-pack'
      ? german
        ? 'Diese Öko-Verpackung ist plastikfrei, aus Recyclingkarton und kleiner als unsere Standardbox.'
        : 'This eco-pack ships in a smaller, plastic-free box of recycled card.'
      : plan.variant === 'mini-pack'
        ? 'The mini pack holds fewer pieces for a lower price, a good way to try it.'
        : '';

  let bullets: string[];
  let description: string;
  if (german) {
    bullets = [
      ...(product.featuresDe ?? []).map((f) => f),
      `DURCHDACHT GEMACHT: Von ${BRAND_NAME} für hohe Qualität und nachhaltiges Leben entworfen, plastikfrei verpackt.`,
    ];
    description = [`${product.de} (${germanLabel(sku.variant)}) von ${BRAND_NAME}.`, ...(product.featuresDe ?? []).map((f) => `${f}.`), packLine, brandLine]
      .filter(Boolean)
      .join(' ');
  } else {
    const count = platform.marketplace === 'amazon' ? 4 : 3;
    bullets = product.features.slice(0, count).map(capitalise);
    if (platform.marketplace === 'amazon') {
      bullets.push(`Thoughtfully made: designed by ${BRAND_NAME} for high quality, sustainable living and shipped in plastic-free packaging.`);
    }
    description = [product.description, packLine, brandLine].filter(Boolean).join(' ');
  }
  if (sku.code === PLANTED_ISSUES.claimConflict.sku && platform.code === PLANTED_ISSUES.claimConflict.platform) {
    // Planted: a listing written in a hurry that promises more than every other platform.
    bullets = bullets.map((b) => b.replace(PLANTED_ISSUES.claimConflict.elsewhere, PLANTED_ISSUES.claimConflict.claim));
  }
  if (sku.code === PLANTED_ISSUES.bannedClaim.sku && platform.code === PLANTED_ISSUES.bannedClaim.platform) {
    // Planted: a health claim the brand bans.
    description = `${product.description} Our customers say the cork surface cures back pain after a week of practice. ${brandLine}`;
  }

  const searchTerms =
    platform.marketplace === 'amazon'
      ? (german ? [product.de.toLowerCase(), ...product.keywords] : [...product.keywords]).join(' ').slice(0, 249)
      : platform.code === 'shopify'
        ? null
        : product.keywords.join(', ');

  const lastEdit = Math.max(0, Math.min(daysBetween(plan.launchedOn, ref) - 1, rng.int(1, 120)));
  return {
    id: plan.id,
    skuId: sku.id,
    platformId: platform.id,
    externalId: externalListingId(rng, platform.code),
    title: plan.title,
    bullets,
    description,
    searchTerms,
    price: plan.price,
    currency: plan.currency,
    status: plan.status,
    variant: plan.variant,
    updatedAt: sku.code === 'WB-500' && platform.code === 'aliexpress' ? plan.launchedOn : addDays(ref, -Math.max(1, lastEdit)),
  };
}

/** The platform's own listing id in its real format. */
function externalListingId(rng: Rng, code: PlatformCode): string {
  switch (code) {
    case 'amazon-us':
    case 'amazon-de':
    case 'amazon-uk':
      return `B0${rng.alnum(8)}`; // ASIN
    case 'aliexpress':
      return `100500${rng.digits(10, false)}`;
    case 'shopee-my':
      return rng.digits(11);
    case 'tiktok-us':
    case 'tiktok-de':
      return `17${rng.digits(17, false)}`;
    case 'shopify':
      return `8${rng.digits(12, false)}`;
  }
}
