/**
 * The deterministic copy composer: writes copy variants from the product's attributes (name,
 * label, selling points, keywords, material), the brand's values and the campaign's mechanics,
 * in English, Chinese or German, in the fields the platform uses. It needs no model and gives
 * the same variants for the same input. Every field is fitted against the platform's rules as
 * it is built, and every variant still goes through the same validators as a model's.
 */
import type { BrandProfile } from '../brand/brand-profile.ts';
import { PHRASEBOOKS, asSentence, localCampaignName, localLabel, type Phrasebook } from './phrasebook.ts';
import type { CopyLocale, CopyPlatform, FieldName, FieldRule, MarketplaceRules } from './platform-rules.ts';
import { repairCopy } from './repair.ts';
import { charCount, findPhrases, tidy, truncateChars } from './text-measure.ts';
import { fieldFitsCeiling, validateCopy, type CheckContext, type CopyFields, type CopyValidation } from './validate.ts';

/** The product facts copy is written from. */
export interface CopyProduct {
  skuCode: string;
  skuName: string;
  /** The SKU's variant label, e.g. "500 ml" (its name without the product name). */
  label: string;
  productName: string;
  /** The product's name per language (en is productName). */
  names: Record<CopyLocale, string>;
  /** The English product description. */
  description: string;
  material: string | null;
  category: string;
  features: Record<CopyLocale, string[]>;
  keywords: Record<CopyLocale, string[]>;
}

/** The campaign a variant is written for. */
export interface CopyCampaign {
  code: string;
  name: string;
  /** This platform's mechanics (discount, code, hashtag…), or null when the campaign skips it. */
  mechanics: Record<string, unknown> | null;
}

/** Everything needed to write or check copy for one platform and language. */
export interface CopyRequest {
  product: CopyProduct;
  brand: BrandProfile;
  platform: CopyPlatform;
  rules: MarketplaceRules;
  locale: CopyLocale;
  campaign: CopyCampaign | null;
  platformNames: readonly string[];
}

/** A variant with its validation. */
export interface CheckedVariant {
  fields: CopyFields;
  validation: CopyValidation;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);

/** The campaign's hook in the request's language, and the phrases that show it, or null. */
export function campaignHook(req: CopyRequest): { text: string; mentions: string[]; hashtag: string | null } | null {
  if (!req.campaign) return null;
  const book = PHRASEBOOKS[req.locale];
  const m = req.campaign.mechanics ?? {};
  const discount = num(m.discountPct) ?? num(m.flashSaleDiscountPct) ?? num(m.couponPct);
  const code = typeof m.code === 'string' && /^[A-Z0-9-]{3,20}$/i.test(m.code) ? m.code : null;
  const name = localCampaignName(req.campaign.code, shortCampaignName(req.campaign.name), req.locale);
  const hashtag = typeof m.hashtag === 'string' && /^#[\p{L}\p{N}_]+$/u.test(m.hashtag) ? m.hashtag : null;
  return { text: book.hook(name, discount, code), mentions: [name, ...(discount !== null ? [book.discount(discount)] : [])], hashtag };
}

/** "Black Friday & Cyber Monday 2026" → "Black Friday & Cyber Monday": the year adds nothing to copy. */
function shortCampaignName(name: string): string {
  return name.replace(/\s+(19|20)\d{2}$/, '').trim();
}

/** The check context of a request: the validators see what the composer saw. */
export function checkContextFor(req: CopyRequest): CheckContext {
  const hook = campaignHook(req);
  return {
    rules: req.rules,
    brand: req.brand,
    locale: req.locale,
    platformNames: req.platformNames,
    keywords: req.product.keywords[req.locale],
    campaignMentions: hook ? hook.mentions : null,
  };
}

/** A stable fingerprint of a variant's fields, for telling variants apart. */
export function fingerprint(fields: CopyFields): string {
  return JSON.stringify(Object.keys(fields).sort().map((k) => [k, fields[k as FieldName]]));
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const titleCase = (s: string): string =>
  s
    .split(' ')
    .map((w) => (/^(and|or|of|with|for|to|the|a|in)$/.test(w) ? w : capitalise(w)))
    .join(' ');
const stripStop = (s: string): string => s.trim().replace(/[.。]$/u, '');

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const k = ((by % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** The knobs one variant turns, derived from its index. */
interface Angle {
  head: number;
  rotation: number;
  line: number;
  short: boolean;
}

function angle(i: number, featureCount: number): Angle {
  const features = Math.max(1, featureCount);
  const rotation = Math.floor(i / 4) % features;
  // Once every head × rotation is used, later rounds shift the brand sentence and the title length.
  const round = Math.floor(i / (4 * features));
  return { head: i % 4, rotation, line: (i + rotation + round) % 4, short: (i + round) % 2 === 1 };
}

/** The words a variant is made of, in its language. */
interface Material {
  book: Phrasebook;
  brand: string;
  values: string;
  name: string;
  titleName: string;
  label: string;
  features: string[];
  keywords: string[];
  hook: ReturnType<typeof campaignHook>;
  req: CopyRequest;
  ctx: CheckContext;
}

function material(req: CopyRequest, a: Angle): Material {
  const book = PHRASEBOOKS[req.locale];
  const { product, brand, locale } = req;
  const name = product.names[locale] || product.productName;
  const features = product.features[locale].length > 0 ? product.features[locale] : product.features.en;
  return {
    book,
    brand: brand.name,
    values: book.joinValues(brand.coreValues[locale].length > 0 ? brand.coreValues[locale] : brand.coreValues.en),
    name: locale === 'en' ? name.toLowerCase() : name,
    titleName: locale === 'en' ? titleCase(name) : name,
    label: localLabel(product.label, locale),
    features: rotate(features.map(stripStop), a.rotation),
    keywords: rotate(product.keywords[locale].length > 0 ? product.keywords[locale] : product.keywords.en, a.rotation),
    hook: campaignHook(req),
    req,
    ctx: checkContextFor(req),
  };
}

function ruleOf(req: CopyRequest, field: FieldName): FieldRule | undefined {
  return req.rules.fields.find((f) => f.name === field)?.rule;
}

/** Adds `parts` to `head` one by one, keeping each that still fits; stops at `limit` characters if given. */
function fitText(m: Material, field: FieldName, head: string, parts: readonly string[], lead: string, sep: string, limit?: number): string {
  const rule = ruleOf(m.req, field);
  let out = head;
  let first = true;
  for (const part of parts) {
    if (!part) continue;
    const next = `${out}${first ? lead : sep}${part}`;
    if (limit !== undefined && charCount(next) > limit) continue;
    if (!rule || fieldFitsCeiling(field, next, rule, m.ctx)) {
      out = next;
      first = false;
    }
  }
  return out;
}

function titleHead(m: Material, index: number): string {
  const template = m.book.titleHeads[index % m.book.titleHeads.length] ?? '{b} {N} {L}';
  const label = m.label ? (m.req.locale === 'en' ? capitalise(m.label) : m.label) : '';
  return tidy(template.replace('{b}', m.brand).replace('{N}', m.titleName).replace('{L}', label).replace(/\(\s*\)|（\s*）|,\s*$/gu, ''));
}

function title(m: Material, a: Angle, maxFeatures: number): string {
  const rule = ruleOf(m.req, 'title');
  const limit = a.short ? rule?.recommendedMaxChars : undefined;
  // Chinese shoppers search with short phrases, and Chinese titles carry them after the name.
  const head = titleHead(m, a.head);
  const keywords = m.req.locale === 'zh' ? m.keywords.filter((k) => !head.includes(k)).slice(0, 2) : [];
  return fitText(m, 'title', head, [...keywords, ...m.features.slice(0, maxFeatures)], m.book.titleLead, m.book.titleSep, limit);
}

function brandLine(m: Material, a: Angle): string {
  const pick = m.book.brandLines[a.line % m.book.brandLines.length];
  return pick ? pick(m.brand, m.values) : '';
}

function hookSentence(m: Material): string {
  return m.hook ? asSentence(m.book, m.hook.text) : '';
}

/** Sentences joined in the language's way, keeping each that still fits the field. */
function fitSentences(m: Material, field: FieldName, sentences: readonly string[]): string {
  const joiner = m.req.locale === 'zh' ? '' : ' ';
  const clean = sentences.filter(Boolean).map((s) => asSentence(m.book, s));
  const [first, ...rest] = clean;
  return fitText(m, field, first ?? '', rest, joiner, joiner);
}

function bullets(m: Material, a: Angle): string[] {
  const rule = ruleOf(m.req, 'bullets');
  const max = rule?.maxCount ?? 5;
  const itemMax = rule?.maxChars ?? 250;
  const pick = m.book.brandBullets[a.line % m.book.brandBullets.length];
  const brandBullet = pick ? pick(m.brand, m.values) : '';
  const spec = m.book.specBullet(m.name, m.label || m.req.product.skuCode, m.req.locale === 'en' ? m.req.product.material : null);
  const features = m.features.map((f) => asSentence(m.book, m.req.locale === 'en' ? capitalise(f) : f));
  // The brand bullet always makes it in; features fill the rest, the spec bullet closes if there is room.
  const ordered = [...features.slice(0, Math.max(0, max - 2)), brandBullet, spec, ...features.slice(Math.max(0, max - 2))];
  const out: string[] = [];
  for (const item of ordered) {
    if (out.length >= max) break;
    const fitted = truncateChars(item, itemMax);
    const next = [...out, fitted];
    if (!rule || fieldFitsCeiling('bullets', next, rule, m.ctx)) out.push(fitted);
  }
  return out;
}

function searchTerms(m: Material, a: Angle): string {
  const rule = ruleOf(m.req, 'searchTerms');
  const spaced = m.req.locale !== 'zh';
  const words = spaced ? m.keywords.flatMap((k) => k.split(/\s+/)) : m.keywords;
  const seen = new Set<string>();
  const blocked = [m.brand, ...m.req.brand.requiredPhrases, ...m.req.platformNames, ...(rule?.forbiddenPhrases ?? [])];
  const unique = words.filter((w) => {
    const key = w.toLowerCase();
    if (!w || seen.has(key) || findPhrases(w, blocked).length > 0) return false;
    seen.add(key);
    return true;
  });
  const ordered = rotate(unique, a.head);
  const [first, ...rest] = ordered;
  return fitText(m, 'searchTerms', first ?? '', rest, ' ', ' ');
}

function caption(m: Material, a: Angle): string {
  const brandTag = `#${m.brand.replace(/[^\p{L}\p{N}]/gu, '')}`;
  const tags = [m.hook?.hashtag, brandTag].filter(Boolean).join(' ');
  const feature = m.features[a.head % Math.max(1, m.features.length)] ?? '';
  const parts = [hookSentence(m), asSentence(m.book, m.req.locale === 'en' ? capitalise(feature) : feature), tags];
  const joiner = m.req.locale === 'zh' ? '' : ' ';
  const [first, ...rest] = parts.filter(Boolean);
  return fitText(m, 'caption', first ?? '', rest, joiner, joiner);
}

function description(m: Material, a: Angle): string {
  const { req, book } = m;
  const intro = req.locale === 'en' && req.product.description ? req.product.description : book.intro(m.name, m.label || req.product.skuCode, m.brand);
  const features = req.locale === 'en' ? m.features.map(capitalise) : m.features;
  const campaign = req.rules.campaignFields.includes('description') ? [hookSentence(m)] : [];
  const pick = book.brandBullets[(a.line + 1) % book.brandBullets.length];
  const spec = book.specBullet(m.name, m.label || req.product.skuCode, req.locale === 'en' ? req.product.material : null);
  // Chinese says in 100 characters what English says in 300: the closing sentences keep it above minimums.
  const closing = req.locale === 'en' ? [] : [spec, pick ? pick(m.brand, m.values) : ''];
  return fitSentences(m, 'description', [...campaign, intro, ...features, brandLine(m, a), ...closing]);
}

function seoTitle(m: Material, a: Angle): string {
  const heads = [`${m.titleName} ${m.label} | ${m.brand}`, `${m.brand} ${m.titleName} ${m.label}`, `${m.titleName} | ${m.brand}`, `${m.titleName} ${m.label}`];
  const rule = ruleOf(m.req, 'seoTitle');
  const options = rotate(heads.map(tidy), a.head);
  return options.find((h) => !rule || fieldFitsCeiling('seoTitle', h, rule, m.ctx)) ?? truncateChars(options[0] ?? m.titleName, rule?.maxChars ?? 70);
}

function seoDescription(m: Material, a: Angle): string {
  const campaign = m.req.rules.campaignFields.includes('seoDescription') ? [hookSentence(m)] : [];
  const feature = m.features[0] ?? '';
  return fitSentences(m, 'seoDescription', [...campaign, m.req.locale === 'en' ? capitalise(feature) : feature, brandLine(m, a), m.features[1] ?? '']);
}

function tags(m: Material, a: Angle): string[] {
  const rule = ruleOf(m.req, 'tags');
  // The category is stored in English only, so it tags English copy only.
  const category = m.req.locale === 'en' ? [m.req.product.category] : [];
  const pool = rotate([...m.keywords, ...category, ...m.req.brand.coreValues[m.req.locale]], a.head)
    .map((t) => tidy(t.replace(/,/g, ' ')))
    .filter(Boolean);
  const out: string[] = [];
  for (const tag of [...new Set(pool)]) {
    if (rule?.maxCount !== undefined && out.length >= rule.maxCount) break;
    if (!rule || fieldFitsCeiling('tags', [...out, tag], rule, m.ctx)) out.push(tag);
  }
  return out;
}

/** Composes the fields of variant number `index` (pure; the same index gives the same copy). */
export function composeFields(req: CopyRequest, index: number): CopyFields {
  const features = req.product.features[req.locale].length > 0 ? req.product.features[req.locale] : req.product.features.en;
  const a = angle(index, features.length);
  const m = material(req, a);
  const fields: CopyFields = {};
  for (const { name } of req.rules.fields) {
    switch (name) {
      case 'title':
        fields.title = req.rules.marketplace === 'shopify' ? titleHead(m, a.head) : title(m, a, req.rules.marketplace === 'tiktok' ? 1 : 3);
        break;
      case 'bullets':
        fields.bullets = bullets(m, a);
        break;
      case 'description':
        fields.description = description(m, a);
        break;
      case 'searchTerms':
        fields.searchTerms = searchTerms(m, a);
        break;
      case 'caption':
        fields.caption = caption(m, a);
        break;
      case 'seoTitle':
        fields.seoTitle = seoTitle(m, a);
        break;
      case 'seoDescription':
        fields.seoDescription = seoDescription(m, a);
        break;
      case 'tags':
        fields.tags = tags(m, a);
        break;
    }
  }
  return fields;
}

/** How many indexes the composer tries before giving up on finding new variants. */
export const COMPOSER_ATTEMPTS = 96;

/**
 * Up to `count` valid, distinct variants. `avoid` holds fingerprints (and "title:" entries) of
 * variants that already exist, so a regenerate gives something new. A composed variant that
 * fails a check is repaired once; if it still fails it is dropped, never returned.
 */
export function composeVariants(req: CopyRequest, count: number, avoid: ReadonlySet<string> = new Set()): CheckedVariant[] {
  const ctx = checkContextFor(req);
  const out: CheckedVariant[] = [];
  const seen = new Set(avoid);
  // First pass wants a new title too; the second settles for any new combination of fields.
  for (const wantNewTitle of [true, false]) {
    for (let i = 0; i < COMPOSER_ATTEMPTS && out.length < count; i++) {
      let fields = composeFields(req, i);
      let validation = validateCopy(fields, ctx);
      if (!validation.valid) {
        fields = repairCopy(fields, req.rules, ctx, brandLine(material(req, angle(i, 1)), angle(i, 1)));
        validation = validateCopy(fields, ctx);
        if (!validation.valid) continue;
      }
      const print = fingerprint(fields);
      const titleKey = typeof fields.title === 'string' ? `title:${fields.title}` : null;
      if (seen.has(print) || (wantNewTitle && titleKey !== null && seen.has(titleKey))) continue;
      seen.add(print);
      if (titleKey) seen.add(titleKey);
      out.push({ fields, validation });
    }
  }
  return out;
}
