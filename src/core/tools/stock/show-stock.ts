/**
 * `/stock <sku | product name> [platform]`: on hand, reserved, inbound and available per
 * warehouse and per platform, the 30-day sales rate, days of cover and the stock-out date.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { formatCount, formatCover, formatDay, formatOptionalDay, formatRate } from '../../format.ts';
import type { ChatAction, Reply, ReplyTable } from '../../reply.ts';
import { defineTool, type ToolContext } from '../../tool.ts';
import { platformDirectory } from '../../domain/catalogue/platforms.ts';
import { findSku, skuDisplayName, type SkuSummary } from '../../domain/catalogue/sku-lookup.ts';
import { stockReport, type StockReport } from '../../domain/inventory/stock-service.ts';

/** Below this many days of cover the reply warns. */
export const LOW_COVER_DAYS = 14;

const input = z.object({
  query: z
    .string({ error: 'give a SKU code or part of a product name' })
    .trim()
    .min(2, 'give a SKU code such as WB-500, or at least 2 letters of a product name')
    .max(80, 'a SKU code or product name is at most 80 characters'),
  platform: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a platform code looks like amazon-us')
    .optional(),
});

/** The stock tool. */
export const showStock = defineTool({
  name: 'stock',
  command: '/stock',
  summary: {
    en: 'Stock of a SKU per warehouse and platform, with days of cover and stock-out date',
    zh: '查看 SKU 在各仓库和各平台的库存、可售天数和预计断货日',
  },
  usage: '<sku | product name> [platform]',
  examples: ['/stock WB-500', '/stock WB-500 amazon-us', '/stock bamboo toothbrush'],
  roles: ['staff', 'cs', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input,
  parseArgs(tokens, { platformCodes }) {
    // A word that is a known platform code is the platform; the rest is the SKU or name. A last
    // word shaped like a platform code ("amazon-xx") is taken as a platform too, so a typo gets
    // "no such platform" rather than "no such SKU".
    let platformIndex = tokens.findIndex((t) => platformCodes.has(t.toLowerCase()));
    if (platformIndex < 0 && tokens.length >= 2 && /^[a-z]+-[a-z]{2}$/i.test(tokens.at(-1) ?? '')) {
      platformIndex = tokens.length - 1;
    }
    const platform = platformIndex >= 0 ? tokens[platformIndex] : undefined;
    const rest = tokens.filter((_, i) => i !== platformIndex);
    return { query: rest.join(' '), ...(platform === undefined ? {} : { platform }) };
  },
  async run(ctx, args) {
    const sku = await resolveSku(ctx, args.query, args.platform);
    const report = await stockReport(ctx.db, sku, ctx.now);
    if (args.platform === undefined) return renderAll(ctx, report);
    const platforms = await platformDirectory.get(ctx.db);
    const platform = platforms.find((p) => p.code === args.platform);
    if (!platform) {
      throw new ToolError('not_found', ctx.t('stock.unknownPlatform', { platform: args.platform, known: platforms.map((p) => p.code).join(', ') }));
    }
    const row = report.platforms.find((p) => p.code === platform.code);
    if (!row) {
      const listed = report.platforms.map((p) => p.code);
      throw new ToolError(
        'not_found',
        ctx.t('stock.notListed', { sku: sku.code, platform: platform.code, listed: listed.join(', ') || ctx.t('stock.notListedAnywhere') }),
        { actions: listed.map((code) => stockAction(sku, code)) },
      );
    }
    return renderPlatform(ctx, report, row.code);
  },
});

function stockAction(sku: SkuSummary, platform?: string): ChatAction {
  const command = platform ? `/stock ${sku.code} ${platform}` : `/stock ${sku.code}`;
  return { id: `stock:${sku.code}${platform ? `:${platform}` : ''}`, label: platform ? `${sku.code} · ${platform}` : `${sku.code} · ${sku.name}`, command };
}

async function resolveSku(ctx: ToolContext, query: string, platform: string | undefined): Promise<SkuSummary> {
  const match = await findSku(ctx.db, query);
  if (match.kind === 'found') return match.sku;
  const withPlatform = (s: SkuSummary): ChatAction => {
    const action = stockAction(s);
    return platform ? { ...action, command: `${action.command} ${platform}` } : action;
  };
  if (match.kind === 'ambiguous') {
    const hints = match.total > match.candidates.length ? [ctx.t('value.moreRows', { n: match.total - match.candidates.length })] : [];
    throw new ToolError('ambiguous', ctx.t('stock.ambiguous', { query, count: match.total }), {
      hints,
      actions: match.candidates.map(withPlatform),
    });
  }
  const hints = match.suggestions.length > 0 ? [ctx.t('stock.didYouMean')] : [ctx.t('stock.tryName')];
  throw new ToolError('not_found', ctx.t('stock.notFound', { query }), { hints, actions: match.suggestions.map(withPlatform) });
}

function warehouseTable(ctx: ToolContext, report: StockReport, only?: string): ReplyTable {
  const { t, locale } = ctx;
  const rows = report.warehouses
    .filter((w) => only === undefined || w.serves.includes(only))
    .map((w) => ({
      warehouse: `${w.code} (${w.kind})`,
      onHand: formatCount(locale, w.onHand),
      reserved: formatCount(locale, w.reserved),
      available: formatCount(locale, w.available),
      inbound: formatCount(locale, w.inbound),
      nextEta: formatOptionalDay(t, w.nextEta),
    }));
  return {
    title: t('stock.byWarehouse'),
    columns: [
      { key: 'warehouse', label: t('stock.colWarehouse') },
      { key: 'onHand', label: t('stock.colOnHand'), align: 'right' },
      { key: 'reserved', label: t('stock.colReserved'), align: 'right' },
      { key: 'available', label: t('stock.colAvailable'), align: 'right' },
      { key: 'inbound', label: t('stock.colInbound'), align: 'right' },
      { key: 'nextEta', label: t('stock.colNextEta') },
    ],
    rows,
  };
}

function platformTable(ctx: ToolContext, report: StockReport, only?: string): ReplyTable {
  const { t, locale } = ctx;
  const rows = report.platforms
    .filter((p) => only === undefined || p.code === only)
    .map((p) => ({
      platform: p.variant && p.variant !== 'standard' ? `${p.code} (${p.variant})` : p.code,
      allocated: formatCount(locale, p.allocated),
      sold30: formatCount(locale, p.sold30),
      perDay: formatRate(locale, p.rate),
      cover: formatCover(t, p.projection.coverDays),
      stockout: formatOptionalDay(t, p.projection.stockoutDate),
    }));
  return {
    title: t('stock.byPlatform'),
    columns: [
      { key: 'platform', label: t('stock.colPlatform') },
      { key: 'allocated', label: t('stock.colAllocated'), align: 'right' },
      { key: 'sold30', label: t('stock.colSold30'), align: 'right' },
      { key: 'perDay', label: t('stock.colPerDay'), align: 'right' },
      { key: 'cover', label: t('stock.colCover'), align: 'right' },
      { key: 'stockout', label: t('stock.colStockout') },
    ],
    rows,
  };
}

function inboundTable(ctx: ToolContext, report: StockReport, warehouses: Set<string>): ReplyTable | null {
  const lines = report.inbound.filter((l) => warehouses.has(l.warehouse));
  if (lines.length === 0) return null;
  const { t, locale } = ctx;
  return {
    title: t('stock.inboundTitle'),
    columns: [
      { key: 'reference', label: t('stock.colReference') },
      { key: 'warehouse', label: t('stock.colWarehouse') },
      { key: 'quantity', label: t('stock.colQuantity'), align: 'right' },
      { key: 'eta', label: t('stock.colEta') },
      { key: 'status', label: t('stock.colStatus') },
    ],
    rows: lines.map((l) => ({ reference: l.reference, warehouse: l.warehouse, quantity: formatCount(locale, l.quantity), eta: formatDay(l.eta), status: l.status.replace('_', ' ') })),
  };
}

function summaryLine(ctx: ToolContext, available: number, sold30: number, rate: number, cover: number, stockout: Date | null): string {
  const { t, locale } = ctx;
  if (sold30 === 0) return t('stock.summaryNoSales', { available: formatCount(locale, available) });
  return t('stock.summary', {
    available: formatCount(locale, available),
    rate: formatRate(locale, rate),
    cover: formatCover(t, cover),
    stockout: stockout ? formatDay(stockout) : t('value.never'),
  });
}

/** A platform's stock warning: a gap before the next inbound, or too little cover. */
function platformWarning(ctx: ToolContext, p: StockReport['platforms'][number]): string | null {
  const { t } = ctx;
  const { stockoutDate, arrivalAfterStockout, coverDays } = p.projection;
  if (p.sold30 === 0) return null;
  if (stockoutDate && arrivalAfterStockout) {
    const gap = Math.round((arrivalAfterStockout.eta.getTime() - stockoutDate.getTime()) / 86_400_000);
    return t('stock.warnPlatformGap', { platform: p.code, stockout: formatDay(stockoutDate), gap, eta: formatDay(arrivalAfterStockout.eta) });
  }
  if (coverDays < LOW_COVER_DAYS) return t('stock.warnPlatform', { platform: p.code, cover: formatCover(t, coverDays) });
  return null;
}

function renderAll(ctx: ToolContext, report: StockReport): Reply {
  const { t } = ctx;
  const { totals, projection, sku } = report;
  // The headline stock-out is from stock available now; inbound may push it out (said in a note).
  const stockoutNow = projection.stockoutDateWithoutInbound;
  const notes: string[] = [];
  if (totals.sold30 > 0 && projection.coverDays < LOW_COVER_DAYS * 2) {
    if (projection.arrivalAfterStockout && projection.stockoutDate) {
      notes.push(t('stock.warnBeforeInbound', { sku: sku.code, stockout: formatDay(projection.stockoutDate), eta: formatDay(projection.arrivalAfterStockout.eta) }));
    } else if (report.inbound.length === 0 && stockoutNow) {
      notes.push(t('stock.warnNoInbound', { sku: sku.code, stockout: formatDay(stockoutNow) }));
    }
  }
  if (report.inbound.length > 0 && projection.stockoutDate?.getTime() !== stockoutNow?.getTime()) {
    notes.push(t('stock.inboundHelps', { stockout: projection.stockoutDate ? formatDay(projection.stockoutDate) : t('value.never') }));
  }
  for (const p of report.platforms) {
    const note = platformWarning(ctx, p);
    if (note) notes.push(note);
  }
  const inbound = inboundTable(ctx, report, new Set(report.warehouses.map((w) => w.code)));
  return {
    kind: 'result',
    locale: ctx.locale,
    title: t('stock.title', { sku: sku.code, name: skuDisplayName(sku, ctx.locale) }),
    summary: summaryLine(ctx, totals.available, totals.sold30, totals.rate, projection.coverDays, stockoutNow),
    tables: [warehouseTable(ctx, report), platformTable(ctx, report), ...(inbound ? [inbound] : [])],
    notes,
    actions: report.platforms.slice(0, 5).map((p) => stockAction(sku, p.code)),
  };
}

function renderPlatform(ctx: ToolContext, report: StockReport, code: string): Reply {
  const { t } = ctx;
  const row = report.platforms.find((p) => p.code === code);
  if (!row) throw new Error(`platform ${code} missing from report`);
  const p = row.projection;
  const warning = platformWarning(ctx, row);
  const notes = warning ? [warning] : [];
  const serving = new Set(report.warehouses.filter((w) => w.serves.includes(code)).map((w) => w.code));
  const inbound = inboundTable(ctx, report, serving);
  const stockoutNow = p.stockoutDateWithoutInbound;
  return {
    kind: 'result',
    locale: ctx.locale,
    title: t('stock.titlePlatform', { sku: report.sku.code, name: skuDisplayName(report.sku, ctx.locale), platform: code }),
    summary: summaryLine(ctx, row.allocated, row.sold30, row.rate, p.coverDays, stockoutNow),
    tables: [platformTable(ctx, report, code), warehouseTable(ctx, report, code), ...(inbound ? [inbound] : [])],
    notes,
    actions: [stockAction(report.sku)],
  };
}
