/**
 * How copy variants and their checks look in a reply, shared by the /copy tools: one field per
 * variant with its text and a line of checks, and Approve / Regenerate buttons for the people
 * who may press them.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import type { ChatAction, ReplyField } from '../../reply.ts';
import { mayRun, type ToolContext } from '../../tool.ts';
import { loadBrand } from '../../domain/brand/brand-profile.ts';
import { requestForVariant, type StoredVariant } from '../../domain/copy/copy-service.ts';
import type { CopyRequest } from '../../domain/copy/composer.ts';
import type { FieldName } from '../../domain/copy/platform-rules.ts';
import { charCount } from '../../domain/copy/text-measure.ts';
import type { CopyCheck, CopyFields } from '../../domain/copy/validate.ts';

/** How variants are named in chat: "CV-12". */
export function variantRef(id: number): string {
  return `CV-${id}`;
}

/** Reads "CV-12", "cv12", "#12" or "12" as a variant id. */
export function parseVariantRef(text: string): number | null {
  const m = /^(?:cv-?|#)?(\d{1,9})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** The input of a tool that acts on one variant: `verb` says what, in the error ("approve", "regenerate"). */
export function variantIdInput(verb: string) {
  return z
    .object({
      id: z.number({ error: `give the variant to ${verb}, e.g. CV-12` }).int().positive(`give the variant to ${verb}, e.g. CV-12`),
      extra: z.array(z.string()).max(0, `${verb} one variant at a time`).optional(),
    })
    .strict();
}

/**
 * What a variant is checked against today: the brand profile and its platform's rules.
 * @throws ToolError when there is no brand profile, or no rules for the variant's platform.
 */
export async function currentRequestFor(ctx: ToolContext, variant: StoredVariant): Promise<CopyRequest> {
  const brand = await loadBrand(ctx.db);
  if (!brand) throw new ToolError('not_found', ctx.t('copy.noBrand'));
  const req = await requestForVariant(ctx.db, brand, variant);
  if (!req) throw new ToolError('invalid_input', ctx.t('copy.noRulesFor', { platform: variant.platformCode }));
  return req;
}

/** The zod-facing candidate for tools that take one variant id. */
export function variantIdArgs(tokens: string[]): unknown {
  if (tokens.length === 0) return {};
  const [first, ...rest] = tokens;
  const id = parseVariantRef(first ?? '');
  return { id: id ?? first, ...(rest.length > 0 ? { extra: rest } : {}) };
}

const FIELD_KEYS: Record<FieldName, MessageKey> = {
  title: 'copy.field.title',
  bullets: 'copy.field.bullets',
  description: 'copy.field.description',
  searchTerms: 'copy.field.searchTerms',
  caption: 'copy.field.caption',
  seoTitle: 'copy.field.seoTitle',
  seoDescription: 'copy.field.seoDescription',
  tags: 'copy.field.tags',
};

/** A field's name in the reply's language. */
export function fieldLabel(t: Translate, field: FieldName | undefined): string {
  return field ? t(FIELD_KEYS[field]) : t('copy.field.copy');
}

const WORDING: ReadonlySet<CopyCheck['id']> = new Set(['present', 'chars', 'emoji', 'phrases', 'pattern', 'repeats', 'brand-names', 'platform-names']);

/**
 * One check as a short phrase with a ✓, ✖ or ⚠ in front. `valueText` replaces the measured
 * value, e.g. "20–29" when one line stands for many listings.
 */
export function describeCheck(t: Translate, c: CopyCheck, valueText?: string): string {
  const field = fieldLabel(t, c.field);
  const mark = c.ok ? '✓' : c.hard ? '✖' : '⚠';
  const found = (c.found ?? []).join(', ');
  const range = c.min !== undefined && c.max !== undefined ? `${c.min}–${c.max}` : c.max !== undefined ? `≤${c.max}` : `≥${c.min ?? 0}`;
  const value = valueText ?? c.value ?? 0;
  switch (c.id) {
    case 'length':
      return `${mark} ${t('copy.check.length', { field, value, range })}`;
    case 'bytes':
      return `${mark} ${t('copy.check.bytes', { field, value, max: c.max ?? 0 })}`;
    case 'words':
      return `${mark} ${t('copy.check.words', { field, value, min: c.min ?? 0 })}`;
    case 'count':
      return `${mark} ${t('copy.check.count', { field, value, range })}`;
    case 'item-length':
      return `${mark} ${t('copy.check.itemLength', { field, value, range })}`;
    case 'recommended-length':
      return `${mark} ${t(c.ok ? 'copy.check.recommendedOk' : 'copy.check.recommended', { field, value: c.value ?? 0, max: c.max ?? 0 })}`;
    case 'banned':
      return `${mark} ${c.ok ? t('copy.check.bannedOk') : t('copy.check.banned', { found })}`;
    case 'required':
      return `${mark} ${c.ok ? t('copy.check.requiredOk') : t('copy.check.required', { found })}`;
    case 'core-values':
      return `${mark} ${c.ok ? t('copy.check.valuesOk') : t('copy.check.values', { found })}`;
    case 'vocabulary':
      return `${mark} ${c.ok ? t('copy.check.vocabularyOk', { found }) : t('copy.check.vocabulary')}`;
    case 'keywords':
      return `${mark} ${t('copy.check.keywords', { value: c.value ?? 0 })}`;
    case 'campaign':
      return `${mark} ${c.ok ? t('copy.check.campaignOk') : t('copy.check.campaign')}`;
    case 'present':
      return `${mark} ${t(c.found?.[0] === 'unexpected' ? 'copy.check.unexpected' : 'copy.check.present', { field })}`;
    case 'chars':
      return `${mark} ${t('copy.check.chars', { field, found })}`;
    case 'emoji':
      return `${mark} ${t('copy.check.emoji', { field })}`;
    case 'phrases':
      return `${mark} ${t('copy.check.phrases', { field, found })}`;
    case 'pattern':
      return `${mark} ${t('copy.check.pattern', { field, found: (c.found ?? []).slice(1).join(', ') || (c.found?.[0] ?? '') })}`;
    case 'repeats':
      return `${mark} ${t('copy.check.repeats', { field, found, max: c.max ?? 0 })}`;
    case 'brand-names':
      return `${mark} ${t('copy.check.brandNames', { field, found })}`;
    case 'platform-names':
      return `${mark} ${t('copy.check.platformNames', { field, found })}`;
  }
}

/**
 * The checks in one line: limits with their numbers, the wording checks folded into one ✓
 * when they all pass, then the brand rubric and the soft checks.
 */
export function checksLine(t: Translate, checks: readonly CopyCheck[]): string {
  const LIMITS: ReadonlySet<CopyCheck['id']> = new Set(['length', 'bytes', 'words', 'count', 'item-length']);
  const BRAND: ReadonlySet<CopyCheck['id']> = new Set(['banned', 'required', 'core-values']);
  const limits = checks.filter((c) => LIMITS.has(c.id)).map((c) => describeCheck(t, c));
  const wording = checks.filter((c) => WORDING.has(c.id));
  const failing = wording.filter((c) => !c.ok);
  const wordingParts = failing.length === 0 ? (wording.length > 0 ? [`✓ ${t('copy.check.wordingOk')}`] : []) : failing.map((c) => describeCheck(t, c));
  const brand = checks.filter((c) => BRAND.has(c.id)).map((c) => describeCheck(t, c));
  const soft = checks.filter((c) => !c.hard && !(c.id === 'recommended-length' && c.ok)).map((c) => describeCheck(t, c));
  return [...limits, ...wordingParts, ...brand, ...soft].join(' · ');
}

/** The text of a variant's fields, one line per field (bullets and tags as their own lines). */
export function fieldsText(t: Translate, fields: CopyFields, order: readonly FieldName[], full: boolean, ref: string): string[] {
  const lines: string[] = [];
  for (const name of order) {
    const value = fields[name];
    if (value === undefined) continue;
    const label = fieldLabel(t, name);
    if (name === 'bullets' && Array.isArray(value)) {
      lines.push(`${label}:`);
      for (const b of value) lines.push(`  • ${b}`);
    } else if (Array.isArray(value)) {
      lines.push(`${label}: ${value.join(', ')}`);
    } else if (name === 'description' && !full && charCount(value) > 280) {
      lines.push(`${label}: ${[...value].slice(0, 260).join('').trimEnd()}… ${t('copy.more', { n: charCount(value), ref })}`);
    } else {
      lines.push(`${label}: ${value}`);
    }
  }
  return lines;
}

/** A variant as it is shown. */
export interface VariantView {
  id: number;
  platformCode: string;
  locale: string;
  fields: CopyFields;
  checks: readonly CopyCheck[];
  score: number;
  source: string;
  status: string;
  approvedBy?: string | null;
}

/** One reply field per variant: a label with its id, platform, language and score; the text and checks below. */
export function variantField(t: Translate, v: VariantView, order: readonly FieldName[], full: boolean): ReplyField {
  const ref = variantRef(v.id);
  const status = v.status === 'approved' ? ` · ${t('copy.statusApproved', { by: v.approvedBy ?? '?' })}` : v.status === 'rejected' ? ` · ${t('copy.statusReplaced')}` : '';
  const source = v.source === 'model' ? t('copy.sourceModel') : t('copy.sourceComposer');
  return {
    label: `${ref} · ${v.platformCode} · ${v.locale} · ${t('copy.score', { score: v.score })}${status}`,
    value: [...fieldsText(t, v.fields, order, full, ref), `${t('copy.checks')} (${source}): ${checksLine(t, v.checks)}`].join('\n'),
  };
}

/** Approve / Regenerate buttons for drafts, only when the asking person may press them. */
export function variantActions(ctx: ToolContext, variants: readonly VariantView[], limit = 12): ChatAction[] {
  const approve = ctx.registry.get('copy-approve');
  const regenerate = ctx.registry.get('copy-regenerate');
  const mayApprove = approve !== undefined && mayRun(approve, ctx.actor);
  const mayRegenerate = regenerate !== undefined && mayRun(regenerate, ctx.actor);
  const actions: ChatAction[] = [];
  for (const v of variants.filter((x) => x.status === 'draft').slice(0, limit)) {
    const ref = variantRef(v.id);
    if (mayApprove) actions.push({ id: `copy-approve:${v.id}`, label: ctx.t('copy.buttonApprove', { ref }), command: `/copy approve ${ref}`, style: 'primary' });
    if (mayRegenerate) actions.push({ id: `copy-regenerate:${v.id}`, label: ctx.t('copy.buttonRegenerate', { ref }), command: `/copy regenerate ${ref}` });
  }
  return actions;
}
