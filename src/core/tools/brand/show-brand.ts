/** `/brand`: the brand profile every text is checked against, in every copy language. */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { formatDay } from '../../format.ts';
import { defineTool } from '../../tool.ts';
import { loadBrand } from '../../domain/brand/brand-profile.ts';
import { COPY_LOCALES } from '../../domain/copy/platform-rules.ts';

/** Colours and fonts from the visual tokens, as one line; other tokens stay for designers' tools. */
function visualLine(tokens: unknown): string | null {
  if (typeof tokens !== 'object' || tokens === null) return null;
  const t = tokens as { colors?: Record<string, unknown>; fonts?: Record<string, unknown> };
  const colors = t.colors ? Object.entries(t.colors).map(([k, v]) => `${k} ${String(v)}`).join(', ') : '';
  const fonts = t.fonts ? Object.entries(t.fonts).map(([k, v]) => `${k} ${String(v)}`).join(', ') : '';
  return [colors, fonts].filter(Boolean).join(' · ') || null;
}

/** The brand tool. */
export const showBrand = defineTool({
  name: 'brand',
  command: '/brand',
  summary: { en: 'The brand profile: core values, tone, vocabulary, required and banned phrases', zh: '品牌档案：核心价值、语气、用词、必须出现和禁止的说法' },
  usage: '',
  examples: ['/brand'],
  roles: ['staff', 'cs', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input: z.object({}).strict(),
  parseArgs(tokens) {
    return tokens.length === 0 ? {} : { unexpected: tokens.join(' ') };
  },
  async run(ctx) {
    const { t } = ctx;
    const brand = await loadBrand(ctx.db);
    if (!brand) throw new ToolError('not_found', t('copy.noBrand'));
    const perLocale = (lists: Record<(typeof COPY_LOCALES)[number], string[]>) =>
      COPY_LOCALES.filter((l) => lists[l].length > 0)
        .map((l) => `${l}: ${lists[l].join(', ')}`)
        .join('\n') || t('value.none');
    const visual = visualLine(brand.visualTokens);
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('brand.title', { name: brand.name }),
      summary: t('brand.summary'),
      fields: [
        { label: t('brand.coreValues'), value: perLocale(brand.coreValues) },
        { label: t('brand.tone'), value: brand.tone },
        { label: t('brand.vocabulary'), value: perLocale(brand.vocabulary) },
        { label: t('brand.required'), value: brand.requiredPhrases.join(', ') || t('value.none') },
        { label: t('brand.banned'), value: perLocale(brand.bannedPhrases) },
        ...(visual ? [{ label: t('brand.visual'), value: visual }] : []),
        { label: t('brand.updated'), value: formatDay(brand.updatedAt) },
      ],
      notes: [t('brand.editHint')],
      actions: [{ id: 'brand-audit', label: t('brand.buttonAudit'), command: '/brand audit' }],
    };
  },
});
