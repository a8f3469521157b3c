/**
 * `/brand edit <values|vocabulary|required|banned|tone> <add|remove|set> [en|zh|de] <text…>`:
 * changes the brand profile (admins only), in one transaction with its audit event.
 * Lists take one phrase, or several separated by commas.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { defineTool } from '../../tool.ts';
import { applyBrandChange, brandColumns, brandList, brandSnapshot, loadBrand, type BrandChange } from '../../domain/brand/brand-profile.ts';
import { COPY_LOCALES } from '../../domain/copy/platform-rules.ts';

const FIELDS = ['values', 'vocabulary', 'required', 'banned', 'tone'] as const;

const input = z
  .object({
    field: z.enum(FIELDS, { error: 'say what to change: values, vocabulary, required, banned or tone' }),
    op: z.enum(['add', 'remove', 'set'], { error: 'say add, remove or set' }),
    locale: z.enum(COPY_LOCALES).default('en'),
    text: z.string({ error: 'say what to add, remove or set' }).trim().min(1, 'say what to add, remove or set').max(400, 'at most 400 characters'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.field === 'tone' && v.op !== 'set') ctx.addIssue({ code: 'custom', path: ['op'], message: 'the tone is one text: use /brand edit tone set <text>' });
    if (v.field === 'tone' && v.locale !== 'en') ctx.addIssue({ code: 'custom', path: ['locale'], message: 'the tone is written once, in English' });
    if (v.field === 'required' && v.locale !== 'en') ctx.addIssue({ code: 'custom', path: ['locale'], message: 'required phrases (such as the brand name) hold in every language; leave out the language' });
    if (v.field !== 'tone') {
      const phrases = v.text.split(/[,，、]/).map((p) => p.trim()).filter(Boolean);
      if (phrases.length === 0) ctx.addIssue({ code: 'custom', path: ['text'], message: 'give at least one phrase' });
      if (phrases.length > 30) ctx.addIssue({ code: 'custom', path: ['text'], message: 'at most 30 phrases at once' });
      if (phrases.some((p) => p.length > 80)) ctx.addIssue({ code: 'custom', path: ['text'], message: 'a phrase is at most 80 characters' });
    }
  });

/** The brand edit tool: admins. */
export const editBrand = defineTool({
  name: 'brand-edit',
  command: '/brand edit',
  summary: { en: 'Change the brand profile (admins)', zh: '修改品牌档案（管理员）' },
  usage: '<values|vocabulary|required|banned|tone> <add|remove|set> [en|zh|de] <text…>',
  examples: ['/brand edit banned add "eco-friendly"', '/brand edit values add zh 用心制作', '/brand edit tone set "Warm and practical"'],
  roles: ['admin'],
  effect: 'write',
  input,
  parseArgs(tokens) {
    const [field, op, maybeLocale, ...rest] = tokens;
    const hasLocale = maybeLocale !== undefined && rest.length > 0 && (COPY_LOCALES as readonly string[]).includes(maybeLocale.toLowerCase());
    const words = hasLocale ? rest : [maybeLocale, ...rest].filter((w): w is string => w !== undefined);
    return {
      ...(field !== undefined ? { field: field.toLowerCase() } : {}),
      ...(op !== undefined ? { op: op.toLowerCase() } : {}),
      ...(hasLocale ? { locale: maybeLocale.toLowerCase() } : {}),
      ...(words.length > 0 ? { text: words.join(' ') } : {}),
    };
  },
  async run(ctx, args) {
    const { t } = ctx;
    const change: BrandChange =
      args.field === 'tone'
        ? { field: 'tone', op: 'set', text: args.text }
        : { field: args.field, op: args.op, locale: args.locale, phrases: args.text.split(/[,，、]/).map((p) => p.trim()).filter(Boolean) };
    const outcome = await ctx.transaction(async (tx, audit) => {
      const brand = await loadBrand(tx);
      if (!brand) throw new ToolError('not_found', t('copy.noBrand'));
      const result = applyBrandChange(brand, change);
      if (result.kind !== 'changed') return result;
      await tx.brand.update({ where: { id: brand.id }, data: { ...brandColumns(result.after), updatedAt: ctx.now } });
      await audit({ action: 'brand.update', targetType: 'brand', targetId: String(brand.id), before: brandSnapshot(result.before), after: brandSnapshot(result.after) });
      return result;
    });
    if (outcome.kind === 'invalid') {
      throw new ToolError('invalid_input', t(outcome.reason === 'values-empty' ? 'brand.valuesEmpty' : 'brand.requiredEmpty'));
    }
    const fieldName = t(`brand.field.${args.field}`);
    if (outcome.kind === 'unchanged') {
      throw new ToolError('conflict', t(outcome.reason === 'already-present' ? 'brand.alreadyPresent' : outcome.reason === 'not-present' ? 'brand.notPresent' : 'brand.same', { field: fieldName }));
    }
    const now =
      change.field === 'tone' ? outcome.after.tone : brandList(outcome.after, change.field, change.locale).join(', ') || t('value.none');
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('brand.editTitle'),
      summary: t('brand.edited', { field: fieldName, locale: change.field === 'tone' || change.field === 'required' ? '' : ` (${args.locale})` }),
      fields: [{ label: fieldName, value: now }],
      notes: [t('brand.editedHint')],
      actions: [{ id: 'brand-audit', label: t('brand.buttonAudit'), command: '/brand audit' }],
    };
  },
});
