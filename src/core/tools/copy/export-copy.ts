/**
 * `/copy export [platforms…] [campaign]`: approved copy as upload files, in the field names of
 * Amazon's inventory-file template and Shopify's product import template. One CSV per platform
 * in the platform's own language; the newest approval of each SKU wins.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { defineTool } from '../../tool.ts';
import { loadBrand } from '../../domain/brand/brand-profile.ts';
import { approvedVariants, campaignCodes, findCampaign } from '../../domain/copy/copy-service.ts';
import { buildExport } from '../../domain/copy/export.ts';

const input = z
  .object({
    platforms: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a platform code looks like amazon-us')).max(10).default([]),
    campaign: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a campaign looks like black-friday').optional(),
    extra: z.array(z.string()).max(0, { error: (issue) => `name one campaign at most; left over: ${(issue.input as string[]).join(' ')}` }).optional(),
  })
  .strict();

/** The export tool. */
export const exportCopy = defineTool({
  name: 'copy-export',
  command: '/copy export',
  summary: { en: 'Approved copy as CSV in Amazon and Shopify upload fields', zh: '把已批准的文案导出为亚马逊和 Shopify 上传模板格式的 CSV' },
  usage: '[platforms…] [campaign]',
  examples: ['/copy export', '/copy export amazon-us', '/copy export shopify black-friday'],
  roles: ['staff', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input,
  parseArgs(tokens, { platformCodes }) {
    const out: { platforms: string[]; campaign?: string; extra?: string[] } = { platforms: [] };
    for (const token of tokens) {
      const word = token.toLowerCase();
      if (platformCodes.has(word) || /^[a-z]+-[a-z]{2}$/.test(word)) out.platforms.push(word);
      else if (out.campaign === undefined) out.campaign = word;
      else (out.extra ??= []).push(token);
    }
    return out;
  },
  async run(ctx, args) {
    const { t } = ctx;
    const platforms = await ctx.db.platform.findMany({ where: { active: true }, select: { id: true, code: true, marketplace: true } });
    const unknown = args.platforms.filter((p) => !platforms.some((x) => x.code === p));
    if (unknown.length > 0) throw new ToolError('not_found', t('copy.unknownPlatform', { platform: unknown.join(', '), known: platforms.map((p) => p.code).sort().join(', ') }));
    const campaign = args.campaign === undefined ? null : await findCampaign(ctx.db, args.campaign);
    if (args.campaign !== undefined && !campaign) {
      throw new ToolError('not_found', t('copy.unknownCampaign', { campaign: args.campaign, known: (await campaignCodes(ctx.db)).join(', ') }));
    }
    const brand = await loadBrand(ctx.db);
    if (!brand) throw new ToolError('not_found', t('copy.noBrand'));

    const chosen = args.platforms.length > 0 ? platforms.filter((p) => args.platforms.includes(p.code)) : platforms;
    const variants = await approvedVariants(ctx.db, { platformIds: chosen.map((p) => p.id), ...(campaign ? { campaignId: campaign.id } : {}) });
    const skus = await ctx.db.sku.findMany({ where: { id: { in: [...new Set(variants.map((v) => v.skuId))] } }, select: { id: true, name: true } });
    const { files, skipped } = buildExport(variants, {
      brandName: brand.name,
      platforms: new Map(platforms.map((p) => [p.id, { code: p.code, marketplace: p.marketplace }])),
      skuNames: new Map(skus.map((s) => [s.id, s.name])),
    });
    const notes = skipped.map((s) =>
      s.reason === 'no-template'
        ? t('copy.exportNoTemplate', { platform: s.platformCode, count: s.count })
        : t('copy.exportOtherLanguage', { platform: s.platformCode, locale: s.locale, count: s.count }),
    );
    if (files.length === 0) {
      return {
        kind: 'result',
        locale: ctx.locale,
        title: t('copy.exportTitle'),
        summary: t('copy.exportNothing'),
        notes: [...notes, t('copy.exportHowTo')],
      };
    }
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('copy.exportTitle'),
      summary: t('copy.exportSummary', { files: files.length, rows: files.reduce((n, f) => n + f.rows, 0) }),
      tables: [
        {
          columns: [
            { key: 'file', label: t('copy.colFile') },
            { key: 'template', label: t('copy.colTemplate') },
            { key: 'rows', label: t('copy.colRows'), align: 'right' },
          ],
          rows: files.map((f) => ({ file: f.filename, template: f.template === 'amazon' ? t('copy.templateAmazon') : t('copy.templateShopify'), rows: String(f.rows) })),
        },
      ],
      notes: [...notes, t('copy.exportAmazonNote')],
      files: files.map((f) => ({ filename: f.filename, mimeType: 'text/csv', content: f.content })),
    };
  },
});
