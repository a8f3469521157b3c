/**
 * `/margin <sku> [platform]`: contribution margin per platform, price − commission −
 * logistics − ads per unit − cost of goods, with how logistics was chosen.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { ChatAction } from '../../reply.ts';
import { defineTool } from '../../tool.ts';
import { platformDirectory } from '../../domain/catalogue/platforms.ts';
import { COST_WINDOW_DAYS, unitEconomics, type UnitEconomics } from '../../domain/costs/cost-service.ts';
import { planningSettings } from '../../domain/planning/settings.ts';
import { resolveSkuFor } from '../alloc/shared.ts';
import { formatCount } from '../../format.ts';
import { formatMoney, formatShare, withRates } from './format-money.ts';

const input = z.object({
  query: z
    .string({ error: 'give a SKU code such as WB-500' })
    .trim()
    .min(2, 'give a SKU code such as WB-500, or at least 2 letters of a product name')
    .max(80, 'a SKU code or product name is at most 80 characters'),
  platform: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a platform code looks like amazon-us').optional(),
});

/** The margin tool. */
export const margin = defineTool({
  name: 'margin',
  command: '/margin',
  summary: {
    en: 'Contribution margin of a SKU per platform: price − commission − logistics − ads − cost of goods',
    zh: '查看 SKU 在各平台的单件边际贡献：售价 − 佣金 − 物流 − 广告 − 货品成本',
  },
  usage: '<sku> [platform]',
  examples: ['/margin WB-500', '/margin BT-100 aliexpress'],
  roles: ['staff', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input,
  parseArgs(tokens, { platformCodes }) {
    let index = tokens.findIndex((t) => platformCodes.has(t.toLowerCase()));
    if (index < 0 && tokens.length >= 2 && /^[a-z]+-[a-z]{2}$/i.test(tokens.at(-1) ?? '')) index = tokens.length - 1;
    const platform = index >= 0 ? tokens[index] : undefined;
    const rest = tokens.filter((_, i) => i !== index);
    return { query: rest.join(' '), ...(platform === undefined ? {} : { platform }) };
  },
  async run(ctx, args) {
    const { t, locale } = ctx;
    const sku = await resolveSkuFor(ctx, args.query, '/margin');
    const perUsd = planningSettings().fxPerUsd;
    const rows = (await withRates(t, () => unitEconomics(ctx.db, ctx.now, perUsd, [sku.id]))).get(sku.id) ?? [];
    let shown: UnitEconomics[] = rows;
    if (args.platform !== undefined) {
      const platforms = await platformDirectory.get(ctx.db);
      if (!platforms.some((p) => p.code === args.platform)) {
        throw new ToolError('not_found', t('stock.unknownPlatform', { platform: args.platform, known: platforms.map((p) => p.code).join(', ') }));
      }
      shown = rows.filter((r) => r.platform === args.platform);
      if (shown.length === 0) {
        throw new ToolError('not_found', t('stock.notListed', { sku: sku.code, platform: args.platform, listed: rows.map((r) => r.platform).join(', ') || t('stock.notListedAnywhere') }), {
          actions: rows.map((r): ChatAction => ({ id: `margin:${r.platform}`, label: `${sku.code} · ${r.platform}`, command: `/margin ${sku.code} ${r.platform}` })),
        });
      }
    }
    const usd = (n: number): string => formatMoney(locale, n, { digits: 2 });
    const notes: string[] = [];
    for (const r of shown) {
      const f = r.logistics.fulfilment;
      if (r.logistics.usd === null) notes.push(t('margin.noLogistics', { platform: r.platform }));
      else if (f.kind === 'parcel') notes.push(t('margin.parcel', { platform: r.platform, option: r.logistics.options[0] ?? '?', origin: f.origin, destination: f.destination }));
      else notes.push(t(f.lastMile ? 'margin.bulkLastMile' : 'margin.bulk', { platform: r.platform, options: r.logistics.options.join(' + '), warehouse: f.warehouse, batch: formatCount(locale, r.logistics.batchUnits ?? 0) }));
      if (r.margin.contribution < 0) notes.push(t('margin.negative', { platform: r.platform }));
    }
    notes.push(t('margin.how', { days: COST_WINDOW_DAYS, rates: Object.entries(perUsd).filter(([c]) => c !== 'USD').map(([c, v]) => `${c} ${v}`).join(', ') }));
    const parcelDestinations = [...new Set(shown.flatMap((r) => (r.logistics.fulfilment.kind === 'parcel' ? [r.logistics.fulfilment.destination] : [])))];
    return {
      kind: 'result',
      locale,
      title: args.platform ? t('margin.titlePlatform', { sku: sku.code, name: sku.name, platform: args.platform }) : t('margin.title', { sku: sku.code, name: sku.name }),
      summary: t('margin.summary'),
      tables: [
        {
          columns: [
            { key: 'platform', label: t('stock.colPlatform') },
            { key: 'price', label: t('margin.colPrice'), align: 'right' },
            { key: 'commission', label: t('margin.colCommission'), align: 'right' },
            { key: 'logistics', label: t('margin.colLogistics'), align: 'right' },
            { key: 'ads', label: t('margin.colAds'), align: 'right' },
            { key: 'cogs', label: t('margin.colCogs'), align: 'right' },
            { key: 'margin', label: t('margin.colMargin'), align: 'right' },
            { key: 'rate', label: t('margin.colRate'), align: 'right' },
          ],
          rows: shown.map((r) => ({
            platform: r.listed ? r.platform : t('margin.inactive', { platform: r.platform }),
            price: r.currency === 'USD' ? usd(r.margin.price) : `${usd(r.margin.price)} (${formatMoney(locale, r.priceLocal, { currency: r.currency, digits: 2 })})`,
            commission: usd(r.margin.commission),
            logistics: r.logistics.usd === null ? t('value.none') : usd(r.margin.logistics),
            ads: usd(r.margin.ads),
            cogs: usd(r.margin.cogs),
            margin: usd(r.margin.contribution),
            rate: formatShare(locale, r.margin.marginRate),
          })),
        },
      ],
      notes,
      actions: [
        ...parcelDestinations.slice(0, 3).map((d): ChatAction => ({ id: `ship:${d}`, label: t('margin.shipButton', { sku: sku.code, destination: d }), command: `/ship ${sku.code} ${d}` })),
        { id: 'alloc', label: t('margin.allocButton', { sku: sku.code }), command: `/alloc ${sku.code}` },
      ],
    };
  },
});
