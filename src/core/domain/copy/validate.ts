/**
 * The validators every copy variant goes through, whoever wrote it (the composer or a model):
 * the platform's hard limits, its banned characters and words, and the brand rubric (banned
 * claims, required phrases, core values). Hard checks decide validity; soft ones (recommended
 * length, vocabulary, keywords, campaign) only move the score. Pure functions.
 */
import type { BrandProfile } from '../brand/brand-profile.ts';
import { allBannedPhrases } from '../brand/brand-profile.ts';
import { LIST_FIELDS, type CopyLocale, type FieldName, type FieldRule, type MarketplaceRules } from './platform-rules.ts';
import {
  charCount,
  findChars,
  findEmoji,
  findPhrases,
  hasPhrase,
  repeatedWords,
  searchTermBytes,
  wordCount,
} from './text-measure.ts';

/** A variant's fields: strings, and string lists for bullets and tags. */
export type CopyFields = Partial<Record<FieldName, string | string[]>>;

/** What a check looked at. */
export type CheckId =
  | 'present'
  | 'length'
  | 'bytes'
  | 'words'
  | 'count'
  | 'item-length'
  | 'chars'
  | 'emoji'
  | 'phrases'
  | 'pattern'
  | 'repeats'
  | 'brand-names'
  | 'platform-names'
  | 'recommended-length'
  | 'banned'
  | 'required'
  | 'core-values'
  | 'vocabulary'
  | 'keywords'
  | 'campaign';

/** One check and its outcome; stored with the variant as plain JSON. */
export interface CopyCheck {
  id: CheckId;
  field?: FieldName;
  ok: boolean;
  /** Hard checks decide validity; soft ones only the score. */
  hard: boolean;
  value?: number;
  min?: number;
  max?: number;
  /** What was found (forbidden words, missing values…). */
  found?: string[];
}

/** The outcome of validating one variant. */
export interface CopyValidation {
  valid: boolean;
  /** 0–100; 0 when invalid. */
  score: number;
  checks: CopyCheck[];
}

/** What the checks need besides the fields. */
export interface CheckContext {
  rules: MarketplaceRules;
  brand: BrandProfile;
  locale: CopyLocale;
  /** Names of marketplaces, for fields that must not mention other platforms. */
  platformNames: readonly string[];
  /** The product's search keywords in this language, for the keyword score. */
  keywords: readonly string[];
  /** Phrases that show the campaign (its name, its discount), or null without a campaign. */
  campaignMentions: readonly string[] | null;
}

/** The string of a field, whatever its shape. */
export function fieldText(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join('\n') : value;
}

function forbiddenChecks(field: FieldName, text: string, rule: FieldRule, ctx: CheckContext): CopyCheck[] {
  const checks: CopyCheck[] = [];
  if (rule.forbiddenChars.length > 0) {
    const found = findChars(text, rule.forbiddenChars);
    checks.push({ id: 'chars', field, ok: found.length === 0, hard: true, found });
  }
  if (rule.forbidEmoji) {
    const found = findEmoji(text);
    checks.push({ id: 'emoji', field, ok: found.length === 0, hard: true, found });
  }
  if (rule.forbiddenPhrases.length > 0) {
    const found = findPhrases(text, rule.forbiddenPhrases);
    checks.push({ id: 'phrases', field, ok: found.length === 0, hard: true, found });
  }
  for (const pattern of rule.forbiddenPatterns) {
    const flags = [...new Set(`g${pattern.flags ?? ''}`)].join('');
    const found = [...text.matchAll(new RegExp(pattern.regex, flags))].map((m) => m[0]);
    checks.push({ id: 'pattern', field, ok: found.length === 0, hard: true, found: found.length > 0 ? [pattern.id, ...found] : [pattern.id] });
  }
  if (rule.maxWordRepeats !== undefined) {
    const found = repeatedWords(text, rule.maxWordRepeats);
    checks.push({ id: 'repeats', field, ok: found.length === 0, hard: true, max: rule.maxWordRepeats, found });
  }
  if (rule.forbidBrandNames) {
    const found = findPhrases(text, [ctx.brand.name, ...ctx.brand.requiredPhrases]);
    checks.push({ id: 'brand-names', field, ok: found.length === 0, hard: true, found: [...new Set(found)] });
  }
  if (rule.forbidPlatformNames) {
    const found = findPhrases(text, ctx.platformNames);
    checks.push({ id: 'platform-names', field, ok: found.length === 0, hard: true, found });
  }
  return checks;
}

function textChecks(field: FieldName, value: string, rule: FieldRule, ctx: CheckContext): CopyCheck[] {
  const checks: CopyCheck[] = [];
  if (rule.minChars !== undefined || rule.maxChars !== undefined) {
    const n = charCount(value);
    const ok = (rule.minChars === undefined || n >= rule.minChars) && (rule.maxChars === undefined || n <= rule.maxChars);
    checks.push({ id: 'length', field, ok, hard: true, value: n, ...(rule.minChars ? { min: rule.minChars } : {}), ...(rule.maxChars ? { max: rule.maxChars } : {}) });
  }
  if (rule.maxBytes !== undefined) {
    const n = searchTermBytes(value, rule.countSpacesAndPunctuation);
    checks.push({ id: 'bytes', field, ok: n <= rule.maxBytes, hard: true, value: n, max: rule.maxBytes });
  }
  if (rule.minWords !== undefined) {
    const n = wordCount(value);
    checks.push({ id: 'words', field, ok: n >= rule.minWords, hard: true, value: n, min: rule.minWords });
  }
  if (rule.recommendedMaxChars !== undefined) {
    const n = charCount(value);
    checks.push({ id: 'recommended-length', field, ok: n <= rule.recommendedMaxChars, hard: false, value: n, max: rule.recommendedMaxChars });
  }
  return [...checks, ...forbiddenChecks(field, value, rule, ctx)];
}

function listChecks(field: FieldName, items: string[], rule: FieldRule, ctx: CheckContext): CopyCheck[] {
  const checks: CopyCheck[] = [];
  const n = items.length;
  const min = rule.minCount ?? 1;
  checks.push({ id: 'count', field, ok: n >= min && (rule.maxCount === undefined || n <= rule.maxCount), hard: true, value: n, min, ...(rule.maxCount ? { max: rule.maxCount } : {}) });
  const empty = items.filter((i) => i.trim() === '').length;
  if (empty > 0) checks.push({ id: 'present', field, ok: false, hard: true, value: empty });
  if (rule.maxChars !== undefined || rule.minChars !== undefined) {
    const lengths = items.map(charCount);
    const longest = lengths.length > 0 ? Math.max(...lengths) : 0;
    const shortest = lengths.length > 0 ? Math.min(...lengths) : 0;
    const ok = (rule.maxChars === undefined || longest <= rule.maxChars) && (rule.minChars === undefined || shortest >= rule.minChars);
    checks.push({ id: 'item-length', field, ok, hard: true, value: longest, ...(rule.minChars ? { min: rule.minChars } : {}), ...(rule.maxChars ? { max: rule.maxChars } : {}) });
  }
  return [...checks, ...forbiddenChecks(field, items.join('\n'), rule, ctx)];
}

/** The checks of one field against its rule (hard limits and platform wording only). */
export function checkField(field: FieldName, value: string | string[] | undefined, rule: FieldRule, ctx: CheckContext): CopyCheck[] {
  const isList = LIST_FIELDS.has(field);
  const shapeOk = value === undefined || Array.isArray(value) === isList;
  if (!shapeOk) return [{ id: 'present', field, ok: false, hard: true }];
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return rule.required ? [{ id: 'present', field, ok: false, hard: true }] : [];
  }
  return isList ? listChecks(field, value as string[], rule, ctx) : textChecks(field, value as string, rule, ctx);
}

/** Whether a single field passes all its hard checks; the composer uses it to fit text. */
export function fieldFits(field: FieldName, value: string | string[], rule: FieldRule, ctx: CheckContext): boolean {
  return checkField(field, value, rule, ctx).every((c) => c.ok || !c.hard);
}

/**
 * Whether a field still fits under its ceilings (maximum lengths, bytes, counts and forbidden
 * wording), ignoring minimums: the composer grows text part by part and checks the floor last.
 */
export function fieldFitsCeiling(field: FieldName, value: string | string[], rule: FieldRule, ctx: CheckContext): boolean {
  const { minChars: _minChars, minWords: _minWords, ...ceiling } = rule;
  return fieldFits(field, value, { ...ceiling, minCount: 0 }, ctx);
}

/** Keyword coverage: the share of keywords whose every word appears in the text. */
export function keywordCoverage(text: string, keywords: readonly string[]): number {
  if (keywords.length === 0) return 1;
  const hit = keywords.filter((k) => k.split(/\s+/).filter(Boolean).every((w) => hasPhrase(text, w)));
  return hit.length / keywords.length;
}

/** Validates a whole variant and scores it. */
export function validateCopy(fields: CopyFields, ctx: CheckContext): CopyValidation {
  const checks: CopyCheck[] = [];
  for (const { name, rule } of ctx.rules.fields) checks.push(...checkField(name, fields[name], rule, ctx));
  // Fields the platform does not have are a schema problem, not something to keep quietly.
  const known = new Set(ctx.rules.fields.map((f) => f.name));
  for (const name of Object.keys(fields) as FieldName[]) {
    if (!known.has(name)) checks.push({ id: 'present', field: name, ok: false, hard: true, found: ['unexpected'] });
  }

  const all = ctx.rules.fields.map(({ name }) => fieldText(fields[name])).join('\n');
  const banned = findPhrases(all, allBannedPhrases(ctx.brand));
  checks.push({ id: 'banned', ok: banned.length === 0, hard: true, found: banned });
  const missingRequired = ctx.brand.requiredPhrases.filter((p) => !hasPhrase(all, p));
  checks.push({ id: 'required', ok: missingRequired.length === 0, hard: true, found: missingRequired });
  const values = ctx.brand.coreValues[ctx.locale];
  if (values.length > 0) {
    const missing = values.filter((v) => !hasPhrase(all, v));
    checks.push({ id: 'core-values', ok: missing.length === 0, hard: true, found: missing });
  }

  const vocabulary = findPhrases(all, ctx.brand.vocabulary[ctx.locale]);
  checks.push({ id: 'vocabulary', ok: vocabulary.length >= 1, hard: false, value: vocabulary.length, found: vocabulary });
  const coverage = keywordCoverage(all, ctx.keywords);
  checks.push({ id: 'keywords', ok: coverage >= 0.5, hard: false, value: Math.round(coverage * 100) });
  let campaignShown = true;
  if (ctx.campaignMentions !== null && ctx.rules.campaignFields.length > 0) {
    const campaignText = ctx.rules.campaignFields.map((f) => fieldText(fields[f])).join('\n');
    campaignShown = ctx.campaignMentions.some((m) => campaignText.toLowerCase().includes(m.toLowerCase()));
    checks.push({ id: 'campaign', ok: campaignShown, hard: false });
  }

  const valid = checks.every((c) => c.ok || !c.hard);
  return { valid, score: valid ? score(fields, ctx, coverage, vocabulary.length, campaignShown) : 0, checks };
}

/**
 * The score, out of 100: keyword coverage 35, brand vocabulary 15, title within the
 * recommended length 20, list fields filled 15, campaign shown where the platform allows 15.
 */
function score(fields: CopyFields, ctx: CheckContext, coverage: number, vocabularyUsed: number, campaignShown: boolean): number {
  const titleRule = ctx.rules.fields.find((f) => f.name === 'title')?.rule;
  const title = typeof fields.title === 'string' ? fields.title : '';
  const recommended = titleRule?.recommendedMaxChars;
  const titleFit = recommended && charCount(title) > recommended ? recommended / charCount(title) : 1;
  const lists = ctx.rules.fields.filter((f) => LIST_FIELDS.has(f.name) && f.rule.maxCount !== undefined && f.rule.maxCount <= 10);
  const filled =
    lists.length === 0
      ? 1
      : lists.reduce((sum, f) => sum + Math.min(1, (Array.isArray(fields[f.name]) ? (fields[f.name] as string[]).length : 0) / (f.rule.maxCount ?? 1)), 0) / lists.length;
  const total = 35 * coverage + 15 * Math.min(1, vocabularyUsed / 2) + 20 * titleFit + 15 * filled + (campaignShown ? 15 : 0);
  return Math.round(total);
}
