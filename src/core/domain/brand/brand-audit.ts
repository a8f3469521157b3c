/**
 * The brand-consistency audit of live listings: banned claims, broken platform limits, missing
 * core values or brand name, and claims or prices that contradict the same SKU on another
 * platform. The rules are pure functions over listings; `auditListings` reads them.
 */
import type { Db } from '../../../persistence/db.ts';
import { allBannedPhrases, type BrandProfile } from './brand-profile.ts';
import { localesForPlatform, platformRules, rulesForPlatform, type FieldName } from '../copy/platform-rules.ts';
import { findPhrases, hasPhrase } from '../copy/text-measure.ts';
import { checkField, type CheckContext, type CopyCheck } from '../copy/validate.ts';

/** A live listing as the audit sees it. */
export interface AuditListing {
  skuCode: string;
  platformCode: string;
  marketplace: string;
  /** 1 for the most established platform; prices are compared with the most established listing. */
  platformRank: number;
  variant: string;
  title: string;
  bullets: string[];
  description: string;
  searchTerms: string | null;
  price: number;
  currency: string;
}

/** One problem found. */
export type AuditFinding = {
  severity: 'error' | 'warning';
  skuCode: string;
  platformCode: string;
} & (
  | { kind: 'banned-claim'; phrases: string[] }
  | { kind: 'limit'; check: CopyCheck }
  | { kind: 'missing-values'; values: string[] }
  | { kind: 'missing-required'; phrases: string[] }
  | { kind: 'price-conflict'; price: number; currency: string; reference: { platformCode: string; price: number }; deviation: number }
  | { kind: 'claim-conflict'; unit: string; values: number[]; others: Array<{ platformCode: string; values: number[] }> }
);

/** A price further than this from the reference listing's (same SKU, currency and pack) is flagged. */
export const PRICE_TOLERANCE = 0.35;

const UNITS: ReadonlyArray<{ unit: string; pattern: RegExp }> = [
  { unit: 'h', pattern: /(\d[\d.,]*)\s*(?:hours?|hrs?|stunden|std\.|小时)(?![\p{L}])/giu },
  { unit: 'min', pattern: /(\d[\d.,]*)\s*(?:minutes?|mins?|minuten|分钟)(?![\p{L}])/giu },
  { unit: 'ml', pattern: /(\d[\d.,]*)\s*(?:ml|毫升)(?![\p{L}])/giu },
  { unit: 'l', pattern: /(\d[\d.,]*)\s*(?:l|litres?|liters?|liter|升)(?![\p{L}])/giu },
  { unit: 'kg', pattern: /(\d[\d.,]*)\s*(?:kg|公斤|千克)(?![\p{L}])/giu },
  { unit: 'cm', pattern: /(\d[\d.,]*)\s*(?:cm|厘米)(?![\p{L}])/giu },
  { unit: '%', pattern: /(\d[\d.,]*)\s*(?:%|percent|prozent)/giu },
  { unit: 'W', pattern: /(\d[\d.,]*)\s*(?:W|瓦)(?![\p{L}])/gu },
  { unit: 'mAh', pattern: /(\d[\d.,]*)\s*(?:mAh|毫安时)(?![\p{L}])/giu },
  { unit: 'years', pattern: /(\d[\d.,]*)\s*(?:years?|jahre?|年)(?![\p{L}])/giu },
];

/** "1,000" and "1.000" are a thousand; "2,4" and "2.4" are two point four. */
function parseNumber(text: string): number | null {
  const t = text.replace(/[.,]$/, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Quantities a text claims, per unit: {"h": [24, 12], "ml": [500]}. */
export function quantityClaims(text: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const { unit, pattern } of UNITS) {
    for (const m of text.matchAll(pattern)) {
      const n = parseNumber(m[1] ?? '');
      if (n === null) continue;
      out.set(unit, (out.get(unit) ?? new Set()).add(n));
    }
  }
  return out;
}

const listingText = (l: AuditListing): string => [l.title, ...l.bullets, l.description, l.searchTerms ?? ''].join('\n');

/** Findings on one listing on its own: banned claims, platform limits, brand values and name. */
function auditOne(l: AuditListing, brand: BrandProfile): AuditFinding[] {
  const out: AuditFinding[] = [];
  const base = { skuCode: l.skuCode, platformCode: l.platformCode };
  const text = listingText(l);
  const banned = findPhrases(text, allBannedPhrases(brand));
  if (banned.length > 0) out.push({ ...base, severity: 'error', kind: 'banned-claim', phrases: banned });

  const rules = rulesForPlatform({ code: l.platformCode, name: l.platformCode, marketplace: l.marketplace });
  const locale = localesForPlatform(l.platformCode).defaultLocale;
  if (rules) {
    const ctx: CheckContext = { rules, brand, locale, platformNames: platformRules().platformNames, keywords: [], campaignMentions: null };
    const values: Partial<Record<FieldName, string | string[]>> = { title: l.title, bullets: l.bullets, description: l.description, ...(l.searchTerms ? { searchTerms: l.searchTerms } : {}) };
    // Only the fields the listing has are audited; a live listing has no caption or SEO fields to check.
    for (const { name, rule } of rules.fields) {
      if (values[name] === undefined) continue;
      for (const check of checkField(name, values[name], rule, ctx)) {
        if (!check.ok && check.hard) out.push({ ...base, severity: 'error', kind: 'limit', check });
      }
    }
  }
  const missingValues = brand.coreValues[locale].filter((v) => !hasPhrase(text, v));
  if (missingValues.length > 0) out.push({ ...base, severity: 'warning', kind: 'missing-values', values: missingValues });
  const missingRequired = brand.requiredPhrases.filter((p) => !hasPhrase(text, p));
  if (missingRequired.length > 0) out.push({ ...base, severity: 'warning', kind: 'missing-required', phrases: missingRequired });
  return out;
}

/** Prices that stray from the most established listing of the same SKU, currency and pack. */
function priceConflicts(listings: readonly AuditListing[]): AuditFinding[] {
  const groups = new Map<string, AuditListing[]>();
  for (const l of listings) {
    const key = `${l.skuCode}|${l.currency}|${l.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const out: AuditFinding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const reference = [...group].sort((a, b) => a.platformRank - b.platformRank)[0] as AuditListing;
    for (const l of group) {
      if (l === reference || reference.price <= 0) continue;
      const deviation = l.price / reference.price - 1;
      if (Math.abs(deviation) > PRICE_TOLERANCE) {
        out.push({
          severity: 'error',
          kind: 'price-conflict',
          skuCode: l.skuCode,
          platformCode: l.platformCode,
          price: l.price,
          currency: l.currency,
          reference: { platformCode: reference.platformCode, price: reference.price },
          deviation,
        });
      }
    }
  }
  return out;
}

/**
 * Quantity claims that contradict the other platforms: a listing says a number (for a unit)
 * that no other listing of the SKU says, while it leaves out a number all the others agree on.
 */
function claimConflicts(listings: readonly AuditListing[]): AuditFinding[] {
  const bySku = new Map<string, Array<{ l: AuditListing; claims: Map<string, Set<number>> }>>();
  for (const l of listings) bySku.set(l.skuCode, [...(bySku.get(l.skuCode) ?? []), { l, claims: quantityClaims(listingText(l)) }]);
  const out: AuditFinding[] = [];
  for (const entries of bySku.values()) {
    for (const { l, claims } of entries) {
      for (const [unit, values] of claims) {
        const others = entries.filter((e) => e.l !== l && (e.claims.get(unit)?.size ?? 0) > 0);
        if (others.length === 0) continue;
        const unique = [...values].filter((v) => others.every((o) => !o.claims.get(unit)?.has(v)));
        const agreed = [...(others[0]?.claims.get(unit) ?? [])].filter((v) => others.every((o) => o.claims.get(unit)?.has(v)));
        if (unique.length > 0 && agreed.some((v) => !values.has(v))) {
          out.push({
            severity: 'error',
            kind: 'claim-conflict',
            skuCode: l.skuCode,
            platformCode: l.platformCode,
            unit,
            values: unique.sort((a, b) => a - b),
            others: others.map((o) => ({ platformCode: o.l.platformCode, values: [...(o.claims.get(unit) ?? [])].sort((a, b) => a - b) })),
          });
        }
      }
    }
  }
  return out;
}

const KIND_ORDER = ['banned-claim', 'price-conflict', 'claim-conflict', 'limit', 'missing-values', 'missing-required'];

/** Every finding over these listings, errors first. */
export function auditBrand(listings: readonly AuditListing[], brand: BrandProfile): AuditFinding[] {
  const findings = [...listings.flatMap((l) => auditOne(l, brand)), ...priceConflicts(listings), ...claimConflicts(listings)];
  return findings.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.platformCode.localeCompare(b.platformCode) ||
      a.skuCode.localeCompare(b.skuCode),
  );
}

/** The live listings of the brand, with each platform ranked by how established it is. */
export async function liveListings(db: Db): Promise<AuditListing[]> {
  const platforms = await db.platform.findMany({ where: { active: true }, select: { id: true, code: true, marketplace: true, stage: true, launchedOn: true } });
  const stageOrder = { mature: 0, growing: 1, new: 2 } as const;
  const ranked = [...platforms].sort((a, b) => stageOrder[a.stage] - stageOrder[b.stage] || a.launchedOn.getTime() - b.launchedOn.getTime());
  const rank = new Map(ranked.map((p, i) => [p.id, i + 1]));
  const byId = new Map(platforms.map((p) => [p.id, p]));
  const rows = await db.listing.findMany({
    where: { status: 'active', platformId: { in: platforms.map((p) => p.id) } },
    select: { platformId: true, title: true, bullets: true, description: true, searchTerms: true, price: true, currency: true, variant: true, sku: { select: { code: true } } },
    orderBy: [{ skuId: 'asc' }, { platformId: 'asc' }],
  });
  return rows.map((r) => ({
    skuCode: r.sku.code,
    platformCode: byId.get(r.platformId)?.code ?? String(r.platformId),
    marketplace: byId.get(r.platformId)?.marketplace ?? '',
    platformRank: rank.get(r.platformId) ?? 99,
    variant: r.variant,
    title: r.title,
    bullets: Array.isArray(r.bullets) ? r.bullets.filter((b): b is string => typeof b === 'string') : [],
    description: r.description,
    searchTerms: r.searchTerms,
    price: Number(r.price),
    currency: r.currency,
  }));
}
