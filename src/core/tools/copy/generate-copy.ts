/**
 * `/copy <sku> [campaign] [platforms…] [locales…] [n]`: N copy variants per platform and
 * language, in the fields each platform uses, each validated against the platform's limits and
 * the brand, scored, and stored as drafts. A model writes them when one is configured; the
 * deterministic composer otherwise (and fills in for whatever the model got wrong).
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { ChatAction, Reply } from '../../reply.ts';
import { defineTool, type ToolContext, type ToolDefinition } from '../../tool.ts';
import { findSku, type SkuSummary } from '../../domain/catalogue/sku-lookup.ts';
import { loadBrand } from '../../domain/brand/brand-profile.ts';
import {
  campaignCodes,
  copyRequest,
  existingInSlots,
  fieldOrder,
  findCampaign,
  loadCopyProduct,
  slotKey,
  storeVariants,
  type NewVariant,
} from '../../domain/copy/copy-service.ts';
import { generateVariants, type CopyModel, type GenerationNote } from '../../domain/copy/generator.ts';
import { COPY_LOCALES, localesForPlatform, rulesForPlatform, type CopyLocale } from '../../domain/copy/platform-rules.ts';
import { variantActions, variantField, variantRef } from './copy-render.ts';

/** At most this many variants per platform and language. */
export const MAX_VARIANTS = 10;

/** At most this many variants in one request (platforms × languages × n). */
export const MAX_VARIANTS_PER_REQUEST = 60;

/** Variants per platform and language when the request does not say. */
export const DEFAULT_VARIANTS = 3;

const platformCode = z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a platform code looks like amazon-us');

const input = z
  .object({
    sku: z.string({ error: 'give a SKU code such as WB-500' }).trim().min(2, 'give a SKU code such as WB-500').max(80, 'a SKU code is at most 80 characters'),
    campaign: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a campaign looks like black-friday').optional(),
    platforms: z.array(platformCode).max(10, 'at most 10 platforms at once').default([]),
    locales: z
      .array(z.enum(COPY_LOCALES, { error: (issue) => `“${String(issue.input)}” is not a copy language: use en, zh or de` }))
      .max(3)
      .default([]),
    count: z
      .number()
      .int()
      .min(1, 'ask for at least 1 variant')
      .max(MAX_VARIANTS, `at most ${MAX_VARIANTS} variants per platform and language`)
      .default(DEFAULT_VARIANTS),
    extra: z.array(z.string()).max(0, { error: (issue) => `name one campaign at most; left over: ${(issue.input as string[]).join(' ')}` }).optional(),
    countTwice: z.array(z.number()).max(0, 'give the number of variants once').optional(),
  })
  .strict();

/** Splits the words after /copy: SKU first, then numbers, language codes, platforms and a campaign in any order. */
export function parseCopyArgs(tokens: string[], platformCodes: ReadonlySet<string>): unknown {
  const [sku, ...rest] = tokens;
  const out: { sku?: string; campaign?: string; platforms: string[]; locales: string[]; count?: number; extra?: string[]; countTwice?: number[] } = { platforms: [], locales: [] };
  if (sku !== undefined) out.sku = sku;
  for (const token of rest) {
    const word = token.toLowerCase();
    if (/^\d+$/.test(word)) {
      if (out.count === undefined) out.count = Number(word);
      else (out.countTwice ??= []).push(Number(word));
    } else if (platformCodes.has(word) || /^[a-z]+-[a-z]{2}$/.test(word)) {
      if (!out.platforms.includes(word)) out.platforms.push(word);
    } else if (/^[a-z]{2}(-[a-z]{2,4})?$/.test(word)) {
      const locale = word.slice(0, 2);
      if (!out.locales.includes(locale)) out.locales.push(locale);
    } else if (out.campaign === undefined) {
      out.campaign = word;
    } else {
      (out.extra ??= []).push(token);
    }
  }
  return out;
}

type Input = z.output<typeof input>;

interface PlatformRow {
  id: number;
  code: string;
  name: string;
  marketplace: string;
}

async function resolveSku(ctx: ToolContext, args: Input, rest: string): Promise<SkuSummary> {
  const match = await findSku(ctx.db, args.sku);
  if (match.kind === 'found') return match.sku;
  const button = (s: SkuSummary): ChatAction => ({ id: `copy:${s.code}`, label: `${s.code} · ${s.name}`, command: `/copy ${s.code}${rest}` });
  if (match.kind === 'ambiguous') throw new ToolError('ambiguous', ctx.t('copy.skuAmbiguous', { query: args.sku, count: match.total }), { actions: match.candidates.map(button) });
  throw new ToolError('not_found', ctx.t('copy.skuNotFound', { query: args.sku }), {
    hints: [match.suggestions.length > 0 ? ctx.t('copy.didYouMean') : ctx.t('copy.skuHint')],
    actions: match.suggestions.map(button),
  });
}

/** The words after the SKU, to keep on "did you mean" buttons. */
function restOf(args: Input): string {
  const words = [args.campaign, ...args.platforms, ...args.locales, String(args.count)].filter(Boolean);
  return words.length > 0 ? ` ${words.join(' ')}` : '';
}

function noteText(ctx: ToolContext, platform: string, locale: string, note: GenerationNote): string {
  switch (note.kind) {
    case 'model-unavailable':
      return ctx.t('copy.noteModelUnavailable', { platform, locale, model: note.model });
    case 'model-rejected':
      return ctx.t('copy.noteModelRejected', { platform, locale, model: note.model, count: note.rejected, problems: note.problems.join('; ') || ctx.t('copy.noteTooFew') });
    case 'composer-short':
      return ctx.t('copy.noteComposerShort', { platform, locale, got: note.got, wanted: note.wanted });
  }
}

/** Builds the /copy tool around a model (or none: the composer writes everything). */
export function makeGenerateCopy(model: CopyModel | null): ToolDefinition<typeof input> {
  return defineTool({
    name: 'copy',
    command: '/copy',
    summary: {
      en: 'Copy variants for a SKU per platform and language, checked against platform limits and the brand',
      zh: '按平台和语言生成 SKU 的文案变体，并按平台限制和品牌规范检查',
    },
    usage: '<sku> [campaign] [platforms…] [en|zh|de…] [n]',
    examples: ['/copy WB-500 black-friday amazon-us tiktok-us en zh 3', '/copy BT-100 amazon-de de', '/copy WB-500'],
    roles: ['staff', 'marketing', 'manager', 'admin'],
    // Drafts are proposals: nothing is live until someone approves one.
    effect: 'propose',
    input,
    parseArgs: (tokens, { platformCodes }) => parseCopyArgs(tokens, platformCodes),
    async run(ctx, args) {
      const { t } = ctx;
      const allPlatforms: PlatformRow[] = await ctx.db.platform.findMany({
        where: { active: true },
        select: { id: true, code: true, name: true, marketplace: true },
        orderBy: { code: 'asc' },
      });
      const byCode = new Map(allPlatforms.map((p) => [p.code, p]));

      // A word shaped like a platform code may be a campaign after all (e.g. "spring-uk").
      let campaignWord = args.campaign;
      const platformWords: string[] = [];
      for (const word of args.platforms) {
        if (!byCode.has(word) && campaignWord === undefined && (await findCampaign(ctx.db, word))) campaignWord = word;
        else platformWords.push(word);
      }
      const unknownPlatforms = platformWords.filter((w) => !byCode.has(w));
      if (unknownPlatforms.length > 0) {
        throw new ToolError('not_found', t('copy.unknownPlatform', { platform: unknownPlatforms.join(', '), known: allPlatforms.map((p) => p.code).join(', ') }));
      }

      const sku = await resolveSku(ctx, args, restOf(args));

      const campaign = campaignWord === undefined ? null : await findCampaign(ctx.db, campaignWord);
      if (campaignWord !== undefined && !campaign) {
        const near = allPlatforms.filter((p) => p.code.startsWith(campaignWord ?? '')).map((p) => p.code);
        throw new ToolError('not_found', t('copy.unknownCampaign', { campaign: campaignWord, known: (await campaignCodes(ctx.db)).join(', ') }), {
          hints: near.length > 0 ? [t('copy.didYouMeanPlatform', { platforms: near.join(', ') })] : [],
        });
      }

      // Which platforms: as asked; else where the campaign runs and the SKU is live; else where the SKU is live.
      let platforms: PlatformRow[];
      const notes: string[] = [];
      if (platformWords.length > 0) {
        platforms = platformWords.map((w) => byCode.get(w) as PlatformRow);
      } else {
        const listed = await ctx.db.listing.findMany({ where: { skuId: sku.id, status: 'active' }, select: { platformId: true } });
        const live = allPlatforms.filter((p) => listed.some((l) => l.platformId === p.id));
        const inCampaign = campaign ? live.filter((p) => campaign.mechanics.has(p.id)) : [];
        platforms = inCampaign.length > 0 ? inCampaign : live;
        if (platforms.length === 0) throw new ToolError('invalid_input', t('copy.notListed', { sku: sku.code }), { hints: [t('copy.namePlatform', { sku: sku.code })] });
      }
      if (campaign) {
        const outside = platforms.filter((p) => !campaign.mechanics.has(p.id)).map((p) => p.code);
        if (outside.length > 0) notes.push(t('copy.noteOutsideCampaign', { campaign: campaign.code, platforms: outside.join(', ') }));
      }

      // Which languages: as asked (each platform must write in all of them), else each platform's own.
      const plan: Array<{ platform: PlatformRow; locale: CopyLocale }> = [];
      for (const p of platforms) {
        if (!rulesForPlatform(p)) throw new ToolError('invalid_input', t('copy.noRules', { platform: p.code, marketplace: p.marketplace }));
        const { locales, defaultLocale } = localesForPlatform(p.code);
        const wanted = args.locales.length > 0 ? args.locales : [defaultLocale];
        const unsupported = wanted.filter((l) => !locales.includes(l));
        if (unsupported.length > 0) {
          throw new ToolError('invalid_input', t('copy.localeNotForPlatform', { platform: p.code, locales: unsupported.join(', '), supported: locales.join(', ') }), {
            hints: [t('copy.localeHint')],
          });
        }
        for (const locale of wanted) plan.push({ platform: p, locale });
      }
      const total = plan.length * args.count;
      if (total > MAX_VARIANTS_PER_REQUEST) {
        throw new ToolError('invalid_input', t('copy.tooMany', { total, max: MAX_VARIANTS_PER_REQUEST }), { hints: [t('copy.tooManyHint')] });
      }

      const brand = await loadBrand(ctx.db);
      if (!brand) throw new ToolError('not_found', t('copy.noBrand'));
      const product = await loadCopyProduct(ctx.db, sku.id);
      const slots = plan.map(({ platform, locale }) => ({ skuId: sku.id, platformId: platform.id, locale, campaignId: campaign?.id ?? null }));
      const existing = await existingInSlots(ctx.db, slots);

      // Platforms and languages are independent: generate them side by side.
      const generated = await Promise.all(
        plan.map(async ({ platform, locale }, i) => {
          const req = copyRequest(product, brand, platform, locale, campaign);
          if (!req) throw new Error(`no rules for ${platform.code}`);
          const slot = slots[i] as (typeof slots)[number];
          const result = await generateVariants(req, args.count, existing.get(slotKey(slot)) ?? new Set(), model);
          return { platform, locale, slot, result };
        }),
      );
      for (const g of generated) for (const n of g.result.notes) notes.push(noteText(ctx, g.platform.code, g.locale, n));

      const rows: NewVariant[] = generated.flatMap((g) =>
        g.result.variants.map((v) => ({ ...g.slot, fields: v.fields, checks: v.validation.checks, score: v.validation.score, source: v.source })),
      );
      if (rows.length === 0) throw new ToolError('conflict', t('copy.nothingNew', { sku: sku.code }), { hints: notes });

      const stored = await ctx.transaction(async (tx, audit) => {
        const saved = await storeVariants(tx, rows, ctx.actor.ref, ctx.now);
        await audit({
          action: 'copy.generate',
          targetType: 'sku',
          targetId: sku.code,
          after: {
            campaign: campaign?.code ?? null,
            variants: saved.map((v) => ({ id: v.id, platform: v.platformCode, locale: v.locale, score: v.score, source: v.source })),
          },
        });
        return saved;
      });

      const sources = [...new Set(stored.map((v) => v.source))].map((s) => (s === 'model' ? t('copy.sourceModel') : t('copy.sourceComposer'))).join(', ');
      const combos = [...new Set(stored.map((v) => `${v.platformCode} ${v.locale}`))];
      if (stored.some((v) => v.platformCode.startsWith('amazon')) && campaign) notes.push(t('copy.noteAmazonPromo'));
      return {
        kind: 'result',
        locale: ctx.locale,
        title: t('copy.title', { sku: sku.code, name: sku.name, campaign: campaign ? ` · ${campaign.code}` : '' }),
        summary: t('copy.summary', { count: stored.length, combos: combos.join(', '), source: sources }),
        fields: stored.map((v) => variantField(t, v, fieldOrder(v.fields), false)),
        notes: [...notes, t('copy.noteApprove', { first: variantRef(stored[0]?.id ?? 0) })],
        actions: variantActions(ctx, stored),
      } satisfies Reply;
    },
  });
}

/** The /copy tool with the deterministic composer (no model). */
export const generateCopy = makeGenerateCopy(null);
