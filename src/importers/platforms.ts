/**
 * Which platform a file belongs to. `--platform` wins; otherwise the file's hint (an Amazon
 * sales channel, a currency in the header, localised headers) picks an existing platform, or a
 * storefront this module knows (amazon-in, shopee-ph, tiktok-vn…) that the import then creates
 * with sensible defaults. When neither settles it, the user is asked to say which.
 */
import type { PlatformHint } from './types.ts';

/** A storefront country's facts. */
interface CountryFacts {
  currency: string;
  timeZone: string;
  region: string;
}

const COUNTRIES: Record<string, CountryFacts> = {
  US: { currency: 'USD', timeZone: 'America/Los_Angeles', region: 'US' },
  CA: { currency: 'CAD', timeZone: 'America/Toronto', region: 'CA' },
  MX: { currency: 'MXN', timeZone: 'America/Mexico_City', region: 'LATAM' },
  BR: { currency: 'BRL', timeZone: 'America/Sao_Paulo', region: 'LATAM' },
  GB: { currency: 'GBP', timeZone: 'Europe/London', region: 'EU' },
  DE: { currency: 'EUR', timeZone: 'Europe/Berlin', region: 'EU' },
  FR: { currency: 'EUR', timeZone: 'Europe/Paris', region: 'EU' },
  IT: { currency: 'EUR', timeZone: 'Europe/Rome', region: 'EU' },
  ES: { currency: 'EUR', timeZone: 'Europe/Madrid', region: 'EU' },
  NL: { currency: 'EUR', timeZone: 'Europe/Amsterdam', region: 'EU' },
  BE: { currency: 'EUR', timeZone: 'Europe/Brussels', region: 'EU' },
  SE: { currency: 'SEK', timeZone: 'Europe/Stockholm', region: 'EU' },
  PL: { currency: 'PLN', timeZone: 'Europe/Warsaw', region: 'EU' },
  TR: { currency: 'TRY', timeZone: 'Europe/Istanbul', region: 'MEA' },
  AE: { currency: 'AED', timeZone: 'Asia/Dubai', region: 'MEA' },
  SA: { currency: 'SAR', timeZone: 'Asia/Riyadh', region: 'MEA' },
  IN: { currency: 'INR', timeZone: 'Asia/Kolkata', region: 'IN' },
  JP: { currency: 'JPY', timeZone: 'Asia/Tokyo', region: 'JP' },
  AU: { currency: 'AUD', timeZone: 'Australia/Sydney', region: 'APAC' },
  SG: { currency: 'SGD', timeZone: 'Asia/Singapore', region: 'SEA' },
  MY: { currency: 'MYR', timeZone: 'Asia/Kuala_Lumpur', region: 'SEA' },
  PH: { currency: 'PHP', timeZone: 'Asia/Manila', region: 'SEA' },
  ID: { currency: 'IDR', timeZone: 'Asia/Jakarta', region: 'SEA' },
  TH: { currency: 'THB', timeZone: 'Asia/Bangkok', region: 'SEA' },
  VN: { currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh', region: 'SEA' },
  TW: { currency: 'TWD', timeZone: 'Asia/Taipei', region: 'APAC' },
};

/** Marketplaces with storefronts per country, their display name and a typical commission. */
const MARKETPLACES: Record<string, { name: string; countries: string[]; commissionRate: number }> = {
  amazon: { name: 'Amazon', countries: ['US', 'CA', 'MX', 'BR', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'SE', 'PL', 'TR', 'AE', 'SA', 'IN', 'JP', 'AU', 'SG'], commissionRate: 0.15 },
  shopee: { name: 'Shopee', countries: ['MY', 'SG', 'PH', 'ID', 'TH', 'VN', 'TW', 'BR'], commissionRate: 0.12 },
  tiktok: { name: 'TikTok Shop', countries: ['US', 'GB', 'ID', 'VN', 'TH', 'MY', 'PH', 'SG'], commissionRate: 0.06 },
  ebay: { name: 'eBay', countries: ['US', 'GB', 'DE', 'AU', 'CA', 'FR', 'IT', 'ES'], commissionRate: 0.13 },
};

/** A platform the import may create. */
export interface PlatformSpec {
  code: string;
  name: string;
  marketplace: string;
  region: string;
  country: string | null;
  currency: string;
  commissionRate: number;
}

/** A platform as the importer needs it. */
export interface TargetPlatform {
  /** Null until created (a platform the import creates). */
  id: number | null;
  code: string;
  marketplace: string;
  country: string | null;
  currency: string;
  timeZone: string;
  /** Set when the import creates the platform. */
  create: PlatformSpec | null;
}

/** An existing platform row, as resolution reads it. */
export interface ExistingPlatform {
  id: number;
  code: string;
  marketplace: string;
  country: string | null;
  currency: string;
}

/** Why the platform could not be settled. */
export type PlatformFailure =
  | { reason: 'needPlatform'; candidates: string[] }
  | { reason: 'unknownPlatform'; code: string; known: string[] }
  | { reason: 'wrongMarketplace'; code: string; marketplace: string; expected: string };

/** Thrown when the platform cannot be settled; carries what to tell the user. */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(readonly failure: PlatformFailure) {
    super(failure.reason);
  }
}

const countryPart = (country: string) => (country === 'GB' ? 'uk' : country.toLowerCase());

/** The code of a marketplace's storefront in `country`: amazon + GB → amazon-uk. */
export function storefrontCode(marketplace: string, country: string): string {
  return `${marketplace}-${countryPart(country)}`;
}

/** A storefront this module can create, e.g. "amazon-in" or "shopify"; null otherwise. */
export function knownPlatform(code: string, currency: string | null = null): PlatformSpec | null {
  if (code === 'shopify') {
    return { code, name: 'Shopify store', marketplace: 'shopify', region: 'GLOBAL', country: null, currency: currency ?? 'USD', commissionRate: 0.029 };
  }
  const m = /^([a-z]+)-([a-z]{2})$/.exec(code);
  if (!m) return null;
  const marketplace = MARKETPLACES[m[1] as string];
  const country = m[2] === 'uk' ? 'GB' : (m[2] as string).toUpperCase();
  const facts = COUNTRIES[country];
  if (!marketplace || !facts || !marketplace.countries.includes(country)) return null;
  const countryName = new Intl.DisplayNames('en', { type: 'region' }).of(country) ?? country;
  return { code, name: `${marketplace.name} ${countryName}`, marketplace: m[1] as string, region: facts.region, country, currency: facts.currency, commissionRate: marketplace.commissionRate };
}

/** The IANA zone of a storefront country; UTC for platforms without one. */
export function platformTimeZone(country: string | null): string {
  return (country && COUNTRIES[country]?.timeZone) || 'UTC';
}

function target(existing: ExistingPlatform): TargetPlatform {
  return { ...existing, timeZone: platformTimeZone(existing.country), create: null };
}

function toCreate(spec: PlatformSpec): TargetPlatform {
  return { id: null, code: spec.code, marketplace: spec.marketplace, country: spec.country, currency: spec.currency, timeZone: platformTimeZone(spec.country), create: spec };
}

/**
 * Settles the platform of a file.
 * @param requested the --platform code, if given.
 * @throws PlatformError when it cannot be settled or contradicts the file.
 */
export function resolvePlatform(existing: readonly ExistingPlatform[], hint: PlatformHint, requested?: string): TargetPlatform {
  const byCode = new Map(existing.map((p) => [p.code, p]));
  if (requested !== undefined) {
    const code = requested.trim().toLowerCase();
    const found = byCode.get(code);
    const spec = found ? null : knownPlatform(code, hint.currency ?? null);
    const marketplace = found?.marketplace ?? spec?.marketplace;
    if (!marketplace) throw new PlatformError({ reason: 'unknownPlatform', code, known: [...byCode.keys()].sort() });
    if (hint.marketplace && marketplace !== hint.marketplace) {
      throw new PlatformError({ reason: 'wrongMarketplace', code, marketplace, expected: hint.marketplace });
    }
    return found ? target(found) : toCreate(spec as PlatformSpec);
  }
  if (!hint.marketplace) throw new PlatformError({ reason: 'needPlatform', candidates: [...byCode.keys()].sort() });

  const same = existing.filter((p) => p.marketplace === hint.marketplace);
  if (hint.marketplace === 'shopify') {
    if (same.length === 1) return target(same[0] as ExistingPlatform);
    if (same.length === 0) return toCreate(knownPlatform('shopify', hint.currency ?? null) as PlatformSpec);
    throw new PlatformError({ reason: 'needPlatform', candidates: same.map((p) => p.code) });
  }
  if (hint.country) {
    const code = storefrontCode(hint.marketplace, hint.country);
    const found = byCode.get(code) ?? same.find((p) => p.country === hint.country);
    if (found) return target(found);
    const spec = knownPlatform(code);
    if (spec) return toCreate(spec);
  }
  if (hint.currency) {
    const byCurrency = same.filter((p) => p.currency === hint.currency);
    if (byCurrency.length === 1) return target(byCurrency[0] as ExistingPlatform);
    const countries = (MARKETPLACES[hint.marketplace]?.countries ?? []).filter((c) => COUNTRIES[c]?.currency === hint.currency);
    if (byCurrency.length === 0 && countries.length === 1) {
      const spec = knownPlatform(storefrontCode(hint.marketplace, countries[0] as string));
      if (spec) return toCreate(spec);
    }
  }
  if (same.length === 1 && !hint.country && !hint.currency) return target(same[0] as ExistingPlatform);
  const candidates = same.length > 0 ? same.map((p) => p.code) : (MARKETPLACES[hint.marketplace]?.countries ?? []).slice(0, 6).map((c) => storefrontCode(hint.marketplace as string, c));
  throw new PlatformError({ reason: 'needPlatform', candidates: candidates.sort() });
}
