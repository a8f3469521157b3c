/**
 * Platform rules as data: data/platform-rules.json, parsed with zod when first used. Which
 * fields a marketplace's copy has, each field's limits, and which languages each platform's
 * copy is written in (the Platform table has no locale column; this file is where that lives).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Languages copy is written in. The bot itself answers in en and zh; copy also comes in German. */
export const COPY_LOCALES = ['en', 'zh', 'de'] as const;

/** A copy language. */
export type CopyLocale = (typeof COPY_LOCALES)[number];

/** Whether `value` is a copy language. */
export function isCopyLocale(value: string): value is CopyLocale {
  return (COPY_LOCALES as readonly string[]).includes(value);
}

/** Every field a platform's copy may have. */
export const FIELD_NAMES = ['title', 'bullets', 'description', 'searchTerms', 'caption', 'seoTitle', 'seoDescription', 'tags'] as const;

/** One copy field. */
export type FieldName = (typeof FIELD_NAMES)[number];

/** Fields whose value is a list of strings; the others are one string. */
export const LIST_FIELDS: ReadonlySet<FieldName> = new Set(['bullets', 'tags']);

const confidence = z.enum(['official', 'third_party', 'unverified_claim', 'house_rule']);

const fieldRuleSchema = z
  .object({
    required: z.boolean().default(true),
    minChars: z.number().int().positive().optional(),
    maxChars: z.number().int().positive().optional(),
    recommendedMaxChars: z.number().int().positive().optional(),
    minWords: z.number().int().positive().optional(),
    maxBytes: z.number().int().positive().optional(),
    countSpacesAndPunctuation: z.boolean().default(true),
    minCount: z.number().int().nonnegative().optional(),
    maxCount: z.number().int().positive().optional(),
    forbiddenChars: z.array(z.string().min(1)).default([]),
    forbidEmoji: z.boolean().default(false),
    forbiddenPhrases: z.array(z.string().min(1)).default([]),
    forbiddenPatterns: z.array(z.object({ id: z.string(), regex: z.string(), flags: z.string().optional() })).default([]),
    maxWordRepeats: z.number().int().positive().optional(),
    forbidBrandNames: z.boolean().default(false),
    forbidPlatformNames: z.boolean().default(false),
    confidence,
    uncertain: z.string().optional(),
    sources: z.array(z.string()).default([]),
  })
  .strict();

/** The limits of one field. */
export type FieldRule = z.output<typeof fieldRuleSchema>;

const fieldName = z.enum(FIELD_NAMES);
const localeSchema = z.enum(COPY_LOCALES);

const marketplaceSchema = z
  .object({
    /** Fields that may mention the campaign (discounts, codes); elsewhere promotion is not allowed. */
    campaignFields: z.array(fieldName).default([]),
    fields: z.partialRecord(fieldName, fieldRuleSchema),
  })
  .strict();

/** The copy rules of one marketplace family (amazon, tiktok, …). */
export interface MarketplaceRules {
  marketplace: string;
  fields: Array<{ name: FieldName; rule: FieldRule }>;
  campaignFields: FieldName[];
}

const rulesFileSchema = z
  .object({
    $comment: z.string().optional(),
    defaultLocales: z.array(localeSchema).min(1),
    platformNames: z.array(z.string().min(1)),
    platforms: z.record(
      z.string(),
      z.object({ marketplace: z.string(), locales: z.array(localeSchema).min(1), defaultLocale: localeSchema }).strict(),
    ),
    marketplaces: z.record(z.string(), marketplaceSchema),
  })
  .strict();

/** The parsed rules file. */
export type RulesFile = z.output<typeof rulesFileSchema>;

/** Parses a rules document; throws with every problem listed when it does not fit. */
export function parseRules(json: unknown): RulesFile {
  const parsed = rulesFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`platform-rules.json is not valid: ${problems}`);
  }
  for (const [code, p] of Object.entries(parsed.data.platforms)) {
    if (!parsed.data.marketplaces[p.marketplace]) throw new Error(`platform-rules.json: ${code} names unknown marketplace ${p.marketplace}`);
    if (!p.locales.includes(p.defaultLocale)) throw new Error(`platform-rules.json: ${code}'s default locale is not one of its locales`);
  }
  return parsed.data;
}

let loaded: RulesFile | undefined;

/** The rules in data/platform-rules.json (read once). */
export function platformRules(): RulesFile {
  loaded ??= parseRules(JSON.parse(readFileSync(new URL('./data/platform-rules.json', import.meta.url), 'utf8')) as unknown);
  return loaded;
}

/** A platform as the copy rules need it. */
export interface CopyPlatform {
  code: string;
  name: string;
  /** The marketplace family from the Platform table, e.g. "amazon". */
  marketplace: string;
}

/** The marketplace rules for a platform, or null when there are none for its marketplace. */
export function rulesForPlatform(platform: CopyPlatform, rules: RulesFile = platformRules()): MarketplaceRules | null {
  const marketplace = rules.platforms[platform.code]?.marketplace ?? platform.marketplace;
  const m = rules.marketplaces[marketplace];
  if (!m) return null;
  const fields = FIELD_NAMES.flatMap((name) => {
    const rule = m.fields[name];
    return rule ? [{ name, rule }] : [];
  });
  return { marketplace, fields, campaignFields: m.campaignFields };
}

/** The languages a platform's copy is written in, its default first. */
export function localesForPlatform(code: string, rules: RulesFile = platformRules()): { locales: CopyLocale[]; defaultLocale: CopyLocale } {
  const p = rules.platforms[code];
  if (!p) return { locales: [...rules.defaultLocales], defaultLocale: rules.defaultLocales[0] ?? 'en' };
  return { locales: [p.defaultLocale, ...p.locales.filter((l) => l !== p.defaultLocale)], defaultLocale: p.defaultLocale };
}
