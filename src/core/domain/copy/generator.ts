/**
 * Generation: a model when one is configured, the deterministic composer otherwise, and the
 * same validators for both. A model answer that breaks the schema or the limits is sent back
 * once with what was wrong; whatever is still wrong after that is rejected (never shown as
 * valid) and the composer fills the gap, with a note saying so.
 *
 * The model is a port: `CopyModel` is implemented outside src/core (src/llm/copy-model.ts
 * uses langchain), so the domain never imports an LLM library.
 */
import { z } from 'zod';
import { composeVariants, checkContextFor, campaignHook, fingerprint, type CheckedVariant, type CopyRequest } from './composer.ts';
import { LIST_FIELDS, type CopyLocale, type FieldName, type FieldRule } from './platform-rules.ts';
import { validateCopy, type CopyCheck, type CopyFields } from './validate.ts';

/** What a model is asked for: the facts, the rules in words, and (on the repair round) what was wrong. */
export interface CopyModelRequest {
  platform: { code: string; name: string; marketplace: string };
  locale: CopyLocale;
  /** How many variants to write. */
  count: number;
  fields: Array<{ name: FieldName; list: boolean; rules: string[] }>;
  product: {
    sku: string;
    name: string;
    label: string;
    description: string;
    material: string | null;
    features: string[];
    keywords: string[];
  };
  brand: { name: string; tone: string; coreValues: string[]; vocabulary: string[]; requiredPhrases: string[]; bannedPhrases: string[] };
  campaign: { name: string; hook: string; mayMentionIn: FieldName[] } | null;
  /** Titles that already exist for this product, platform and language: write different ones. */
  avoidTitles: string[];
  /** Set on the repair round. */
  repair?: { previous: unknown; problems: string[] };
}

/** A model's answer: the structured output, or why there is none. */
export type CopyModelAnswer =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'schema' | 'unavailable'; message: string };

/** The port a model adapter implements. */
export interface CopyModel {
  /** How notes name it, e.g. the model id. */
  readonly label: string;
  /** Asks for variants whose shape is `schema` (zod-typed structured output). Never throws. */
  generate(request: CopyModelRequest, schema: z.ZodType): Promise<CopyModelAnswer>;
}

/** The structured output a model must return for these fields. */
export function modelOutputSchema(fields: readonly FieldName[]): z.ZodType<{ variants: CopyFields[] }> {
  const shape: Record<string, z.ZodType> = {};
  for (const name of fields) {
    shape[name] = LIST_FIELDS.has(name)
      ? z.array(z.string()).describe(`${name}: a list of strings`)
      : z.string().describe(name);
  }
  return z.object({ variants: z.array(z.object(shape)).min(1).max(10) }) as unknown as z.ZodType<{ variants: CopyFields[] }>;
}

/** A rule in plain English, for the prompt. */
export function describeRule(rule: FieldRule, list: boolean): string[] {
  const out: string[] = [];
  const unit = list ? 'each item ' : '';
  if (list && (rule.minCount !== undefined || rule.maxCount !== undefined)) out.push(`${rule.minCount ?? 1} to ${rule.maxCount ?? 'any number of'} items`);
  if (rule.minChars !== undefined) out.push(`${unit}at least ${rule.minChars} characters`);
  if (rule.maxChars !== undefined) out.push(`${unit}at most ${rule.maxChars} characters`);
  if (rule.recommendedMaxChars !== undefined) out.push(`ideally at most ${rule.recommendedMaxChars} characters`);
  if (rule.minWords !== undefined) out.push(`at least ${rule.minWords} words`);
  if (rule.maxBytes !== undefined) out.push(`at most ${rule.maxBytes} UTF-8 bytes${rule.countSpacesAndPunctuation ? '' : ' (spaces and punctuation not counted)'}`);
  if (rule.forbiddenChars.length > 0) out.push(`no characters ${rule.forbiddenChars.join(' ')}`);
  if (rule.forbidEmoji) out.push('no emoji');
  if (rule.forbiddenPhrases.length > 0) out.push(`never the words: ${rule.forbiddenPhrases.join(', ')}`);
  for (const p of rule.forbiddenPatterns) out.push(`no ${p.id === 'url' ? 'links' : p.id === 'asin' ? 'ASINs' : p.id}`);
  if (rule.maxWordRepeats !== undefined) out.push(`no word more than ${rule.maxWordRepeats} times`);
  if (rule.forbidBrandNames) out.push('no brand names');
  if (rule.forbidPlatformNames) out.push('no marketplace names');
  return out;
}

/** A failed check in plain English, for the repair prompt and notes. */
export function describeProblem(check: CopyCheck): string {
  const field = check.field ?? 'copy';
  const found = (check.found ?? []).join(', ');
  switch (check.id) {
    case 'present':
      return check.found?.[0] === 'unexpected' ? `${field} is not a field of this platform` : `${field} is missing or empty`;
    case 'length':
      return `${field} has ${check.value} characters; allowed ${check.min ?? 0}–${check.max ?? '∞'}`;
    case 'bytes':
      return `${field} has ${check.value} bytes; the limit is ${check.max}`;
    case 'words':
      return `${field} has ${check.value} words; at least ${check.min} needed`;
    case 'count':
      return `${field} has ${check.value} items; allowed ${check.min ?? 0}–${check.max ?? '∞'}`;
    case 'item-length':
      return `an item of ${field} has ${check.value} characters; allowed ${check.min ?? 0}–${check.max ?? '∞'}`;
    case 'chars':
      return `${field} contains forbidden characters: ${found}`;
    case 'emoji':
      return `${field} contains emoji`;
    case 'phrases':
      return `${field} contains forbidden words: ${found}`;
    case 'pattern':
      return `${field} contains ${check.found?.[0] ?? 'a forbidden pattern'}: ${(check.found ?? []).slice(1).join(', ')}`;
    case 'repeats':
      return `${field} repeats words more than ${check.max} times: ${found}`;
    case 'brand-names':
      return `${field} contains brand names: ${found}`;
    case 'platform-names':
      return `${field} names marketplaces: ${found}`;
    case 'banned':
      return `the copy makes banned claims: ${found}`;
    case 'required':
      return `the copy must contain: ${found}`;
    case 'core-values':
      return `the copy must name the brand's core values: ${found}`;
    default:
      return `${check.id} check failed`;
  }
}

/** The request a model gets for one platform and language. */
export function modelRequestFor(req: CopyRequest, count: number, avoidTitles: string[]): CopyModelRequest {
  const { product, brand, locale } = req;
  const hook = campaignHook(req);
  return {
    platform: { code: req.platform.code, name: req.platform.name, marketplace: req.rules.marketplace },
    locale,
    count,
    fields: req.rules.fields.map(({ name, rule }) => ({ name, list: LIST_FIELDS.has(name), rules: describeRule(rule, LIST_FIELDS.has(name)) })),
    product: {
      sku: product.skuCode,
      name: product.names[locale] || product.productName,
      label: product.label,
      description: product.description,
      material: product.material,
      features: product.features[locale].length > 0 ? product.features[locale] : product.features.en,
      keywords: product.keywords[locale].length > 0 ? product.keywords[locale] : product.keywords.en,
    },
    brand: {
      name: brand.name,
      tone: brand.tone,
      coreValues: brand.coreValues[locale].length > 0 ? brand.coreValues[locale] : brand.coreValues.en,
      vocabulary: brand.vocabulary[locale],
      requiredPhrases: brand.requiredPhrases,
      bannedPhrases: [...new Set([...brand.bannedPhrases.en, ...brand.bannedPhrases.zh, ...brand.bannedPhrases.de])],
    },
    campaign: hook && req.campaign ? { name: req.campaign.name, hook: hook.text, mayMentionIn: req.rules.campaignFields } : null,
    avoidTitles,
  };
}

/** A variant with where it came from. */
export interface GeneratedVariant extends CheckedVariant {
  source: 'model' | 'composer';
}

/** Something the user should know about how the variants were made. */
export type GenerationNote =
  | { kind: 'model-unavailable'; model: string }
  | { kind: 'model-rejected'; model: string; rejected: number; problems: string[] }
  | { kind: 'composer-short'; wanted: number; got: number };

/** The outcome for one platform and language. */
export interface Generation {
  variants: GeneratedVariant[];
  notes: GenerationNote[];
}

/** Titles in an avoid set (the "title:" entries). */
function titlesIn(avoid: ReadonlySet<string>): string[] {
  return [...avoid].filter((k) => k.startsWith('title:')).map((k) => k.slice(6));
}

/**
 * `count` variants for one platform and language. `avoid` holds fingerprints and "title:"
 * entries of the variants that already exist for this slot.
 */
export async function generateVariants(req: CopyRequest, count: number, avoid: ReadonlySet<string>, model: CopyModel | null): Promise<Generation> {
  const notes: GenerationNote[] = [];
  const seen = new Set(avoid);
  const variants: GeneratedVariant[] = [];
  if (model) {
    const fromModel = await askModel(req, count, seen, model);
    variants.push(...fromModel.variants);
    notes.push(...fromModel.notes);
  }
  if (variants.length < count) {
    const composed = composeVariants(req, count - variants.length, seen);
    variants.push(...composed.map((v) => ({ ...v, source: 'composer' as const })));
    if (variants.length < count) notes.push({ kind: 'composer-short', wanted: count, got: variants.length });
  }
  return { variants, notes };
}

async function askModel(req: CopyRequest, count: number, seen: Set<string>, model: CopyModel): Promise<Generation> {
  const ctx = checkContextFor(req);
  const fieldNames = req.rules.fields.map((f) => f.name);
  const schema = modelOutputSchema(fieldNames);
  const accepted: GeneratedVariant[] = [];
  let request = modelRequestFor(req, count, titlesIn(seen));
  let rejected: Array<{ fields: unknown; problems: string[] }> = [];

  for (let round = 0; round < 2 && accepted.length < count; round++) {
    const answer = await model.generate(request, schema);
    if (!answer.ok && answer.reason === 'unavailable') return { variants: accepted, notes: [{ kind: 'model-unavailable', model: model.label }] };
    const parsed = answer.ok ? schema.safeParse(answer.value) : null;
    if (!parsed || !parsed.success) {
      const message = answer.ok ? (parsed?.error.issues[0] ? `${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}` : 'no answer') : answer.message;
      rejected = [{ fields: answer.ok ? answer.value : null, problems: [`the answer does not match the schema (${message.slice(0, 300)})`] }];
    } else {
      rejected = [];
      for (const fields of parsed.data.variants) {
        if (accepted.length >= count) break;
        const validation = validateCopy(fields, ctx);
        const print = fingerprint(fields);
        const title = typeof fields.title === 'string' ? `title:${fields.title}` : null;
        if (!validation.valid) {
          rejected.push({ fields, problems: validation.checks.filter((c) => !c.ok && c.hard).map(describeProblem) });
        } else if (seen.has(print) || (title !== null && seen.has(title))) {
          rejected.push({ fields, problems: ['it repeats a variant that already exists; write a different title'] });
        } else {
          seen.add(print);
          if (title) seen.add(title);
          accepted.push({ fields, validation, source: 'model' });
        }
      }
    }
    if (rejected.length === 0) break;
    // One repair round: the same request, with the broken answers and what was wrong with them.
    request = {
      ...modelRequestFor(req, Math.max(1, count - accepted.length), titlesIn(seen)),
      repair: { previous: rejected.map((r) => r.fields), problems: rejected.flatMap((r) => r.problems) },
    };
  }
  const notes: GenerationNote[] =
    rejected.length > 0 || accepted.length < count
      ? [{ kind: 'model-rejected', model: model.label, rejected: Math.max(rejected.length, count - accepted.length), problems: [...new Set(rejected.flatMap((r) => r.problems))].slice(0, 3) }]
      : [];
  return { variants: accepted, notes };
}
