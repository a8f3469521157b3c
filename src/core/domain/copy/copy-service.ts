/**
 * Copy variants in the database: the product facts the composer and the model write from,
 * storing generated variants, approving and replacing them, and reading approved copy for
 * export. Set-based reads; every write runs inside the caller's transaction.
 */
import { z } from 'zod';
import type { Db } from '../../../persistence/db.ts';
import type { Tx } from '../../tool.ts';
import type { BrandProfile } from '../brand/brand-profile.ts';
import { fingerprint, type CopyCampaign, type CopyProduct, type CopyRequest } from './composer.ts';
import { platformRules, rulesForPlatform, type CopyLocale, type CopyPlatform, type FieldName } from './platform-rules.ts';
import type { CopyCheck, CopyFields } from './validate.ts';

const strings = z.array(z.string());
const perLocale = z.object({ zh: strings.optional(), de: strings.optional() }).catch({});
const names = z.object({ zh: z.string().optional(), de: z.string().optional() }).catch({});

/** The product facts of a SKU, in every copy language the catalogue has. */
export async function loadCopyProduct(db: Db | Tx, skuId: number): Promise<CopyProduct> {
  const sku = await db.sku.findUniqueOrThrow({
    where: { id: skuId },
    select: {
      code: true,
      name: true,
      product: { select: { name: true, nameI18n: true, description: true, material: true, category: true, features: true, featuresI18n: true, keywords: true, keywordsI18n: true } },
    },
  });
  const p = sku.product;
  const localNames = names.parse(p.nameI18n ?? {});
  const features = perLocale.parse(p.featuresI18n ?? {});
  const keywords = perLocale.parse(p.keywordsI18n ?? {});
  const label = sku.name.startsWith(p.name) ? sku.name.slice(p.name.length).trim() : '';
  return {
    skuCode: sku.code,
    skuName: sku.name,
    label,
    productName: p.name,
    names: { en: p.name, zh: localNames.zh ?? p.name, de: localNames.de ?? p.name },
    description: p.description,
    material: p.material,
    category: p.category,
    features: { en: strings.catch([]).parse(p.features), zh: features.zh ?? [], de: features.de ?? [] },
    keywords: { en: strings.catch([]).parse(p.keywords), zh: keywords.zh ?? [], de: keywords.de ?? [] },
  };
}

/** A campaign as /copy uses it. */
export interface CampaignForCopy {
  id: number;
  code: string;
  name: string;
  /** Mechanics per platform id. */
  mechanics: Map<number, Record<string, unknown>>;
}

const campaignSelect = { id: true, code: true, name: true, platforms: { select: { platformId: true, mechanics: true } } } as const;

function toCampaignForCopy(c: { id: number; code: string; name: string; platforms: Array<{ platformId: number; mechanics: unknown }> }): CampaignForCopy {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    mechanics: new Map(c.platforms.map((p) => [p.platformId, (p.mechanics ?? {}) as Record<string, unknown>])),
  };
}

/** The campaign with this code (case-insensitive), or null. */
export async function findCampaign(db: Db | Tx, code: string): Promise<CampaignForCopy | null> {
  const campaigns = await db.campaign.findMany({ select: campaignSelect });
  const c = campaigns.find((x) => x.code.toLowerCase() === code.toLowerCase());
  return c ? toCampaignForCopy(c) : null;
}

/** The campaign with this id, or null. */
export async function campaignById(db: Db | Tx, id: number | null): Promise<CampaignForCopy | null> {
  if (id === null) return null;
  const c = await db.campaign.findUnique({ where: { id }, select: campaignSelect });
  return c ? toCampaignForCopy(c) : null;
}

/** The copy request that re-creates a stored variant's context (for re-checking or regenerating it). */
export async function requestForVariant(db: Db | Tx, brand: BrandProfile, v: StoredVariant): Promise<CopyRequest | null> {
  const [platform, campaign, product] = await Promise.all([
    db.platform.findUniqueOrThrow({ where: { id: v.platformId }, select: { id: true, code: true, name: true, marketplace: true } }),
    campaignById(db, v.campaignId),
    loadCopyProduct(db, v.skuId),
  ]);
  return copyRequest(product, brand, platform, v.locale, campaign);
}

/** Codes of all campaigns, for "no such campaign" messages. */
export async function campaignCodes(db: Db | Tx): Promise<string[]> {
  return (await db.campaign.findMany({ select: { code: true }, orderBy: { startsOn: 'asc' } })).map((c) => c.code);
}

/** The copy request for one platform and language. */
export function copyRequest(
  product: CopyProduct,
  brand: BrandProfile,
  platform: CopyPlatform & { id: number },
  locale: CopyLocale,
  campaign: CampaignForCopy | null,
): CopyRequest | null {
  const rules = rulesForPlatform(platform);
  if (!rules) return null;
  const copyCampaign: CopyCampaign | null = campaign
    ? { code: campaign.code, name: campaign.name, mechanics: campaign.mechanics.get(platform.id) ?? null }
    : null;
  return { product, brand, platform, rules, locale, campaign: copyCampaign, platformNames: platformRules().platformNames };
}

/** One stored variant. */
export interface StoredVariant {
  id: number;
  skuId: number;
  skuCode: string;
  platformId: number;
  platformCode: string;
  locale: CopyLocale;
  campaignId: number | null;
  campaignCode: string | null;
  fields: CopyFields;
  checks: CopyCheck[];
  score: number;
  status: 'draft' | 'approved' | 'rejected';
  source: string;
  createdBy: string;
  createdAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
}

const variantSelect = {
  id: true,
  skuId: true,
  platformId: true,
  locale: true,
  campaignId: true,
  fields: true,
  checks: true,
  score: true,
  status: true,
  source: true,
  createdBy: true,
  createdAt: true,
  approvedBy: true,
  approvedAt: true,
  sku: { select: { code: true } },
  platform: { select: { code: true } },
  campaign: { select: { code: true } },
} as const;

type VariantRow = {
  id: number;
  skuId: number;
  platformId: number;
  locale: string;
  campaignId: number | null;
  fields: unknown;
  checks: unknown;
  score: number;
  status: 'draft' | 'approved' | 'rejected';
  source: string;
  createdBy: string;
  createdAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  sku: { code: string };
  platform: { code: string };
  campaign: { code: string } | null;
};

function toStored(row: VariantRow): StoredVariant {
  return {
    id: row.id,
    skuId: row.skuId,
    skuCode: row.sku.code,
    platformId: row.platformId,
    platformCode: row.platform.code,
    locale: row.locale as CopyLocale,
    campaignId: row.campaignId,
    campaignCode: row.campaign?.code ?? null,
    fields: (row.fields ?? {}) as CopyFields,
    checks: (Array.isArray(row.checks) ? row.checks : []) as CopyCheck[],
    score: row.score,
    status: row.status,
    source: row.source,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
  };
}

/** One variant by id, or null. */
export async function loadVariant(db: Db | Tx, id: number): Promise<StoredVariant | null> {
  const row = await db.copyVariant.findUnique({ where: { id }, select: variantSelect });
  return row ? toStored(row) : null;
}

/** The slot a variant fills: one SKU on one platform in one language, for one campaign (or none). */
export interface VariantSlot {
  skuId: number;
  platformId: number;
  locale: CopyLocale;
  campaignId: number | null;
}

/** Fingerprints and titles of every variant already in these slots, keyed by slot. */
export async function existingInSlots(db: Db | Tx, slots: readonly VariantSlot[]): Promise<Map<string, Set<string>>> {
  const out = new Map(slots.map((s) => [slotKey(s), new Set<string>()]));
  if (slots.length === 0) return out;
  const rows = await db.copyVariant.findMany({
    where: { OR: slots.map((s) => ({ skuId: s.skuId, platformId: s.platformId, locale: s.locale, campaignId: s.campaignId })) },
    select: { skuId: true, platformId: true, locale: true, campaignId: true, fields: true },
  });
  for (const r of rows) {
    const set = out.get(slotKey({ skuId: r.skuId, platformId: r.platformId, locale: r.locale as CopyLocale, campaignId: r.campaignId }));
    if (!set) continue;
    const fields = (r.fields ?? {}) as CopyFields;
    set.add(fingerprint(fields));
    if (typeof fields.title === 'string') set.add(`title:${fields.title}`);
  }
  return out;
}

/** A stable key of a slot. */
export function slotKey(s: VariantSlot): string {
  return `${s.skuId}|${s.platformId}|${s.locale}|${s.campaignId ?? '-'}`;
}

/** A new variant to store. */
export interface NewVariant extends VariantSlot {
  fields: CopyFields;
  checks: CopyCheck[];
  score: number;
  source: 'model' | 'composer';
}

/** Stores variants as drafts in one statement; returns them with their ids, in order. */
export async function storeVariants(tx: Tx, variants: readonly NewVariant[], createdBy: string, now: Date): Promise<StoredVariant[]> {
  if (variants.length === 0) return [];
  const created = await tx.copyVariant.createManyAndReturn({
    data: variants.map((v) => ({
      skuId: v.skuId,
      platformId: v.platformId,
      locale: v.locale,
      campaignId: v.campaignId,
      fields: v.fields as object,
      checks: v.checks as unknown as object[],
      score: v.score,
      source: v.source,
      createdBy,
      createdAt: now,
    })),
    select: { id: true },
  });
  const rows = await tx.copyVariant.findMany({ where: { id: { in: created.map((c) => c.id) } }, select: variantSelect, orderBy: { id: 'asc' } });
  return rows.map(toStored);
}

/** What approving did. */
export type ApproveResult =
  | { kind: 'approved'; variant: StoredVariant; replaced: number[] }
  | { kind: 'already-approved'; variant: StoredVariant }
  | { kind: 'rejected'; variant: StoredVariant }
  | { kind: 'missing' };

/**
 * Approves a draft exactly once: the status moves only from draft, so a repeated or
 * concurrent click finds it approved and changes nothing. An older approved variant of the
 * same slot goes back to draft, so each slot has one approved text to export.
 */
export async function approveVariant(tx: Tx, id: number, by: string, now: Date): Promise<ApproveResult> {
  const moved = await tx.copyVariant.updateMany({ where: { id, status: 'draft' }, data: { status: 'approved', approvedBy: by, approvedAt: now } });
  const variant = await loadVariant(tx, id);
  if (!variant) return { kind: 'missing' };
  if (moved.count === 0) return variant.status === 'approved' ? { kind: 'already-approved', variant } : { kind: 'rejected', variant };
  const older = await tx.copyVariant.findMany({
    where: { id: { not: id }, status: 'approved', skuId: variant.skuId, platformId: variant.platformId, locale: variant.locale, campaignId: variant.campaignId },
    select: { id: true },
  });
  if (older.length > 0) {
    await tx.copyVariant.updateMany({ where: { id: { in: older.map((o) => o.id) } }, data: { status: 'draft', approvedBy: null, approvedAt: null } });
  }
  return { kind: 'approved', variant, replaced: older.map((o) => o.id) };
}

/** Marks a draft as replaced (rejected) if it still is a draft; false when someone got there first. */
export async function retireDraft(tx: Tx, id: number): Promise<boolean> {
  const moved = await tx.copyVariant.updateMany({ where: { id, status: 'draft' }, data: { status: 'rejected' } });
  return moved.count === 1;
}

/** Approved variants, newest approval first, optionally for some platforms and one campaign. */
export async function approvedVariants(db: Db | Tx, filter: { platformIds?: number[]; campaignId?: number }): Promise<StoredVariant[]> {
  const rows = await db.copyVariant.findMany({
    where: {
      status: 'approved',
      ...(filter.platformIds ? { platformId: { in: filter.platformIds } } : {}),
      ...(filter.campaignId !== undefined ? { campaignId: filter.campaignId } : {}),
    },
    select: variantSelect,
    orderBy: [{ approvedAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(toStored);
}

/** Variant counts per platform and status for one campaign. */
export async function copyStatusByPlatform(db: Db, campaignId: number): Promise<Array<{ platformId: number; status: string; count: number }>> {
  const rows = await db.copyVariant.groupBy({ by: ['platformId', 'status'], where: { campaignId }, _count: { _all: true } });
  return rows.map((r) => ({ platformId: r.platformId, status: r.status, count: r._count._all }));
}

/** The fields of a platform's copy, in order (for display). */
export function fieldOrder(fields: CopyFields): FieldName[] {
  const order: FieldName[] = ['title', 'bullets', 'description', 'searchTerms', 'caption', 'seoTitle', 'seoDescription', 'tags'];
  return order.filter((f) => fields[f] !== undefined);
}
