/**
 * The brand profile: core values, tone, preferred vocabulary, phrases that must appear and
 * claims that must not, in English and in the other copy languages. Reads and writes the Brand
 * row; the Json columns are parsed with zod so a hand-edited row fails loudly, not silently.
 */
import { z } from 'zod';
import type { Db } from '../../../persistence/db.ts';
import type { Tx } from '../../tool.ts';
import { COPY_LOCALES, type CopyLocale } from '../copy/platform-rules.ts';

const phrases = z.array(z.string().trim().min(1));

const translationSchema = z
  .object({
    coreValues: phrases.default([]),
    vocabulary: phrases.default([]),
    bannedPhrases: phrases.default([]),
  })
  .strict();

const translationsSchema = z.object({ zh: translationSchema.optional(), de: translationSchema.optional() }).strict();

/** What the other languages add to the profile. */
export type BrandTranslation = z.output<typeof translationSchema>;

/** The brand profile as every check sees it. */
export interface BrandProfile {
  id: number;
  name: string;
  tone: string;
  /** Core values per copy language ("high quality" / "高品质" / "hohe Qualität"). */
  coreValues: Record<CopyLocale, string[]>;
  vocabulary: Record<CopyLocale, string[]>;
  /** Phrases every listing must contain somewhere, in any language (e.g. the brand name). */
  requiredPhrases: string[];
  /** Claims the brand never makes, per language; all of them are checked in every text. */
  bannedPhrases: Record<CopyLocale, string[]>;
  visualTokens: unknown;
  updatedAt: Date;
}

/** The list fields of the profile that /brand edit changes. */
export const BRAND_LIST_FIELDS = ['values', 'vocabulary', 'required', 'banned'] as const;

/** One editable list. */
export type BrandListField = (typeof BRAND_LIST_FIELDS)[number];

/** Every banned phrase, whatever its language. */
export function allBannedPhrases(brand: BrandProfile): string[] {
  return [...new Set(COPY_LOCALES.flatMap((l) => brand.bannedPhrases[l]))];
}

function perLocale(en: string[], translations: z.output<typeof translationsSchema>, key: keyof BrandTranslation): Record<CopyLocale, string[]> {
  return { en, zh: translations.zh?.[key] ?? [], de: translations.de?.[key] ?? [] };
}

type BrandRow = {
  id: number;
  name: string;
  tone: string;
  coreValues: unknown;
  vocabulary: unknown;
  requiredPhrases: unknown;
  bannedPhrases: unknown;
  visualTokens: unknown;
  translations: unknown;
  updatedAt: Date;
};

/** Turns a Brand row into a profile; throws with the column name when a Json column is malformed. */
export function toBrandProfile(row: BrandRow): BrandProfile {
  const parse = <T>(schema: z.ZodType<T>, value: unknown, column: string): T => {
    const result = schema.safeParse(value);
    if (!result.success) throw new Error(`Brand.${column} is malformed: ${result.error.issues[0]?.message ?? 'invalid'}`);
    return result.data;
  };
  const translations = parse(translationsSchema, row.translations ?? {}, 'translations');
  return {
    id: row.id,
    name: row.name,
    tone: row.tone,
    coreValues: perLocale(parse(phrases, row.coreValues, 'coreValues'), translations, 'coreValues'),
    vocabulary: perLocale(parse(phrases, row.vocabulary, 'vocabulary'), translations, 'vocabulary'),
    requiredPhrases: parse(phrases, row.requiredPhrases, 'requiredPhrases'),
    bannedPhrases: perLocale(parse(phrases, row.bannedPhrases, 'bannedPhrases'), translations, 'bannedPhrases'),
    visualTokens: row.visualTokens,
    updatedAt: row.updatedAt,
  };
}

/** The brand (the first one: the demo, and most sellers, have exactly one). */
export async function loadBrand(db: Db | Tx): Promise<BrandProfile | null> {
  const row = await db.brand.findFirst({ orderBy: { id: 'asc' } });
  return row ? toBrandProfile(row) : null;
}

/** The brand's row values for a list field in one language. */
export function brandList(brand: BrandProfile, field: BrandListField, locale: CopyLocale): string[] {
  switch (field) {
    case 'values':
      return brand.coreValues[locale];
    case 'vocabulary':
      return brand.vocabulary[locale];
    case 'banned':
      return brand.bannedPhrases[locale];
    case 'required':
      return brand.requiredPhrases;
  }
}

/** A change to the profile, as /brand edit asks for it. */
export type BrandChange =
  | { field: BrandListField; op: 'add' | 'remove' | 'set'; locale: CopyLocale; phrases: string[] }
  | { field: 'tone'; op: 'set'; text: string };

/** The outcome of applying a change: the new profile, or why nothing changed. */
export type BrandChangeResult =
  | { kind: 'changed'; before: BrandProfile; after: BrandProfile }
  | { kind: 'unchanged'; reason: 'already-present' | 'not-present' | 'same' }
  | { kind: 'invalid'; reason: 'values-empty' | 'required-empty' };

/** Applies `change` to `brand` in memory (pure): the caller stores the result. */
export function applyBrandChange(brand: BrandProfile, change: BrandChange): BrandChangeResult {
  if (change.field === 'tone') {
    if (change.text === brand.tone) return { kind: 'unchanged', reason: 'same' };
    return { kind: 'changed', before: brand, after: { ...brand, tone: change.text } };
  }
  const current = brandList(brand, change.field, change.locale);
  const lower = (s: string) => s.toLowerCase();
  let next: string[];
  if (change.op === 'add') {
    const fresh = change.phrases.filter((p) => !current.some((c) => lower(c) === lower(p)));
    if (fresh.length === 0) return { kind: 'unchanged', reason: 'already-present' };
    next = [...current, ...fresh];
  } else if (change.op === 'remove') {
    next = current.filter((c) => !change.phrases.some((p) => lower(p) === lower(c)));
    if (next.length === current.length) return { kind: 'unchanged', reason: 'not-present' };
  } else {
    next = [...new Map(change.phrases.map((p) => [lower(p), p])).values()];
    if (JSON.stringify(next) === JSON.stringify(current)) return { kind: 'unchanged', reason: 'same' };
  }
  // The brand needs its values in English and its name somewhere; an empty list would make every check pass.
  if (change.field === 'values' && change.locale === 'en' && next.length === 0) return { kind: 'invalid', reason: 'values-empty' };
  if (change.field === 'required' && next.length === 0) return { kind: 'invalid', reason: 'required-empty' };

  const after: BrandProfile = {
    ...brand,
    coreValues: { ...brand.coreValues },
    vocabulary: { ...brand.vocabulary },
    bannedPhrases: { ...brand.bannedPhrases },
  };
  if (change.field === 'values') after.coreValues[change.locale] = next;
  if (change.field === 'vocabulary') after.vocabulary[change.locale] = next;
  if (change.field === 'banned') after.bannedPhrases[change.locale] = next;
  if (change.field === 'required') after.requiredPhrases = next;
  return { kind: 'changed', before: brand, after };
}

/** The Brand columns for a profile, for an update. */
export function brandColumns(brand: BrandProfile): {
  tone: string;
  coreValues: string[];
  vocabulary: string[];
  requiredPhrases: string[];
  bannedPhrases: string[];
  translations: Record<'zh' | 'de', BrandTranslation>;
} {
  const translation = (l: 'zh' | 'de'): BrandTranslation => ({
    coreValues: brand.coreValues[l],
    vocabulary: brand.vocabulary[l],
    bannedPhrases: brand.bannedPhrases[l],
  });
  return {
    tone: brand.tone,
    coreValues: brand.coreValues.en,
    vocabulary: brand.vocabulary.en,
    requiredPhrases: brand.requiredPhrases,
    bannedPhrases: brand.bannedPhrases.en,
    translations: { zh: translation('zh'), de: translation('de') },
  };
}

/** A plain-JSON view of the profile for audit events. */
export function brandSnapshot(brand: BrandProfile): Record<string, unknown> {
  return { name: brand.name, ...brandColumns(brand) };
}
