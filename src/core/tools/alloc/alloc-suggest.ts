/**
 * `/alloc [sku]`: with a SKU, how its available stock should be split across platforms, with
 * the reasons, both safety stocks and the reorder status, saved as a proposal with an Apply
 * button. Alone, the SKUs that need action most, one line of reason each.
 */
import { z } from 'zod';
import { formatCount, formatDay, formatRate } from '../../format.ts';
import type { ChatAction, Reply, ReplyTable } from '../../reply.ts';
import { defineTool, type ToolContext } from '../../tool.ts';
import { addDays } from '../../domain/inventory/cover.ts';
import type { AllocationLine } from '../../domain/planning/allocation.ts';
import type { AllocationProposalBasis, AllocationProposalLine } from '../../domain/planning/apply-allocation.ts';
import { forEachPlanBatch, planSkus, type PlatformPlan, type SkuPlan } from '../../domain/planning/planning-service.ts';
import { PROPOSAL_TTL_HOURS, proposalLabel, saveProposal } from '../../domain/planning/proposal-service.ts';
import type { PlatformStage, SafetyStockWhy } from '../../domain/planning/safety-stock.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { formatChange, formatMoney, formatShare, withRates } from '../costs/format-money.ts';
import { actionIfAllowed, planOptions, resolveSkuFor } from './shared.ts';

/** Rows the catalogue view lists. */
export const MAX_ACTION_ROWS = 12;
/** A platform whose stock-out chance is at least this is "at risk". */
export const AT_RISK = 0.5;

const input = z.object({
  query: z
    .string()
    .trim()
    .min(2, 'give a SKU code such as WB-500, or leave it out to see what needs action')
    .max(80, 'a SKU code or product name is at most 80 characters')
    .optional(),
});

/** The allocation suggestion tool. */
export const allocSuggest = defineTool({
  name: 'alloc',
  command: '/alloc',
  summary: {
    en: 'How to split a SKU’s stock across platforms, with reasons and an Apply button; alone: what needs action',
    zh: '建议 SKU 库存在各平台间如何分配（附理由和“应用”按钮）；不带参数时列出最需要处理的 SKU',
  },
  usage: '[sku]',
  examples: ['/alloc', '/alloc WB-500', '/alloc bamboo toothbrush'],
  roles: ['staff', 'marketing', 'manager', 'admin'],
  effect: 'propose',
  input,
  parseArgs(tokens) {
    return tokens.length === 0 ? {} : { query: tokens.join(' ') };
  },
  async run(ctx, args) {
    if (args.query === undefined) return withRates(ctx.t, () => catalogueView(ctx));
    const sku = await resolveSkuFor(ctx, args.query, '/alloc');
    const [plan] = await withRates(ctx.t, () => planSkus(ctx.db, ctx.now, planOptions(), [sku.id]));
    if (!plan) throw new Error(`no plan for ${sku.code}`);
    return skuView(ctx, plan);
  },
});

/** The day a platform's stock runs out at its forecast, counting from today. */
function runsOut(ctx: ToolContext, line: AllocationLine, rate: number): Date | null {
  if (rate <= 0) return null;
  return addDays(ctx.now, Math.floor(line.criticalNow.position / rate));
}

/** The reasons for one platform's line, as one sentence. */
function lineReasons(ctx: ToolContext, plan: SkuPlan, p: PlatformPlan, line: AllocationLine): string {
  const { t, locale } = ctx;
  const parts: string[] = [];
  if (p.trial) {
    if (line.trialUnits > 0 || line.dedicated >= planOptions().trialBatch) {
      parts.push(p.daysLive === null ? t('alloc.why.trialNew', { units: line.trialUnits }) : t('alloc.why.trial', { units: Math.max(line.trialUnits, line.dedicated), days: p.daysLive }));
    }
    if (line.trialCut) parts.push(t('alloc.why.trialCut', { units: line.trialUnits }));
  }
  if (line.dedicated > 0 && p.warehouse) parts.push(t('alloc.why.dedicated', { units: formatCount(locale, line.dedicated), warehouse: p.warehouse }));
  const out = runsOut(ctx, line, p.forecast.rate);
  const before = line.criticalNow.before;
  if (before && line.riskNow >= AT_RISK && out) {
    const gap = Math.max(0, before.day - Math.floor(line.criticalNow.position / Math.max(p.forecast.rate, 1e-9)));
    parts.push(t('alloc.why.gap', { date: formatDay(out), gap, reference: before.reference, quantity: formatCount(locale, before.quantity) }));
  } else if (line.critical.before) {
    parts.push(t('alloc.why.inbound', { reference: line.critical.before.reference, quantity: formatCount(locale, line.critical.before.quantity), date: formatDay(addDays(ctx.now, line.critical.before.day)) }));
  }
  const poolExtra = line.fromPool - line.trialUnits;
  if (poolExtra > 0) {
    // "+N" on top of a dedicated warehouse's stock; plain "N" when the pool is all it has.
    const units = `${line.dedicated > 0 || line.trialUnits > 0 ? '+' : ''}${formatCount(locale, poolExtra)}`;
    parts.push(p.transitDays > 0 ? t('alloc.why.fromPoolTransit', { units, days: p.transitDays }) : t('alloc.why.fromPool', { units }));
  }
  if (line.change < 0) parts.push(t('alloc.why.toPool', { units: formatCount(locale, -line.change), days: plan.leadTimeDays }));
  if (line.transitCapped) parts.push(t('alloc.why.transitCapped', { days: p.transitDays }));
  if (p.forecast.method === 'no-sales' && !p.trial) parts.push(t('alloc.why.noSales'));
  if (p.economics) parts.push(t('alloc.why.margin', { margin: formatMoney(locale, p.economics.margin.contribution, { digits: 2 }) }));
  if (line.riskNow >= 0.01 || line.riskAfter >= 0.01) {
    parts.push(t('alloc.why.risk', { before: formatShare(locale, line.riskNow), after: formatShare(locale, line.riskAfter) }));
  }
  return parts.join(locale === 'zh' ? '；' : '; ');
}

function methodLabel(ctx: ToolContext, p: PlatformPlan): string {
  const { t, locale } = ctx;
  const rate = formatRate(locale, p.forecast.rate);
  switch (p.forecast.method) {
    case 'damped-trend':
      return t('alloc.method.trend', { rate, spikes: p.forecast.spikes });
    case 'intermittent':
      return t('alloc.method.intermittent', { rate });
    case 'short-history':
      return t('alloc.method.short', { rate, days: p.forecast.historyDays });
    case 'no-sales':
      return t('alloc.method.none');
  }
}

const USED_KEY = {
  history: 'alloc.ss.usedHistory',
  'short-history': 'alloc.ss.usedShort',
  'no-sales': 'alloc.ss.usedNone',
} as const satisfies Record<SafetyStockWhy, MessageKey>;

const STAGE_KEY = { mature: 'alloc.stage.mature', growing: 'alloc.stage.growing', new: 'alloc.stage.new' } as const satisfies Record<PlatformStage, MessageKey>;

function safetyTable(ctx: ToolContext, plan: SkuPlan): ReplyTable {
  const { t, locale } = ctx;
  return {
    title: t('alloc.ss.title'),
    columns: [
      { key: 'platform', label: t('stock.colPlatform') },
      { key: 'forecast', label: t('alloc.ss.colForecast') },
      { key: 'month', label: t('alloc.ss.colMonth'), align: 'right' },
      { key: 'rule', label: t('alloc.ss.colRule'), align: 'right' },
      { key: 'formula', label: t('alloc.ss.colFormula') },
      { key: 'used', label: t('alloc.ss.colUsed') },
    ],
    rows: plan.platforms
      .filter((p) => p.listed)
      .map((p) => {
        const s = p.safety;
        return {
          platform: p.code,
          forecast: methodLabel(ctx, p),
          month: formatCount(locale, Math.round(s.monthlyUnits)),
          rule: `${formatCount(locale, s.rule.low)}–${formatCount(locale, s.rule.high)}`,
          formula: t('alloc.ss.formulaValue', {
            units: formatCount(locale, s.formula.units),
            level: formatShare(locale, s.formula.serviceLevel),
            sigma: formatRate(locale, s.formula.sigmaDaily),
            lead: s.formula.leadTimeDays,
          }),
          used: t(USED_KEY[s.why], { units: formatCount(locale, s.units), days: p.forecast.historyDays, salesDays: p.forecast.salesDays, stage: t(STAGE_KEY[p.stage]) }),
        };
      }),
  };
}

async function skuView(ctx: ToolContext, plan: SkuPlan): Promise<Reply> {
  const { t, locale } = ctx;
  const byCode = new Map(plan.platforms.map((p) => [p.code, p]));
  const lines = [...plan.allocation.lines].sort((a, b) => b.quantity - a.quantity || a.code.localeCompare(b.code));
  const moved = lines.reduce((a, l) => a + Math.abs(l.change), 0);
  const changed = lines.some((l) => l.change !== 0);
  const currentTotal = lines.reduce((a, l) => a + l.current, 0);

  let id: string | null = null;
  if (changed) {
    const proposalLines: AllocationProposalLine[] = lines.map((l) => ({ platformId: byCode.get(l.code)?.platformId ?? 0, platform: l.code, current: l.current, quantity: l.quantity }));
    const basis: AllocationProposalBasis = { skuId: plan.skuId, sku: plan.code, versions: plan.basis.versions, available: plan.basis.available };
    // In a transaction of its own: on SQLite's one connection, a bare write could otherwise land
    // inside another request's open transaction and vanish with its rollback.
    const saved = await ctx.transaction((tx) => saveProposal(tx, { kind: 'allocation', subject: plan.code, lines: proposalLines, basis, createdBy: ctx.actor.ref, now: ctx.now }));
    id = proposalLabel('allocation', saved);
  }

  const rows = lines.map((l) => {
    const p = byCode.get(l.code) as PlatformPlan;
    const rate = p.forecast.rate;
    return {
      platform: p.trial ? t('alloc.trialTag', { platform: l.code }) : l.code,
      now: formatCount(locale, l.current),
      suggested: formatCount(locale, l.quantity),
      change: formatChange(locale, l.change),
      perDay: formatRate(locale, rate),
      cover: rate > 0 ? t('value.days', { n: Math.floor(l.quantity / rate) }) : t('value.none'),
      why: lineReasons(ctx, plan, p, l),
    };
  });
  rows.push({
    platform: t('alloc.unallocated'),
    now: formatCount(locale, Math.max(0, plan.available - currentTotal)),
    suggested: formatCount(locale, plan.allocation.reserve),
    change: formatChange(locale, plan.allocation.reserve - Math.max(0, plan.available - currentTotal)),
    perDay: '',
    cover: '',
    why: plan.allocation.reserve > 0 ? t('alloc.why.reserve', { days: plan.leadTimeDays }) : '',
  });

  const notes: string[] = [];
  for (const l of lines) {
    const p = byCode.get(l.code) as PlatformPlan;
    if (l.riskAfter >= AT_RISK && p.forecast.rate > 0) {
      notes.push(
        l.critical.before
          ? t('alloc.note.expedite', { platform: l.code, reference: l.critical.before.reference })
          : t('alloc.note.short', { platform: l.code, days: plan.leadTimeDays }),
      );
    }
  }
  const r = plan.reorder;
  notes.push(
    r.due
      ? t('alloc.note.reorderDue', { quantity: formatCount(locale, r.quantity), date: r.orderBy ? formatDay(r.orderBy) : t('value.none'), rop: formatCount(locale, r.reorderPoint), position: formatCount(locale, plan.available + plan.inbound), moq: formatCount(locale, plan.moq) })
      : r.orderBy
        ? t('alloc.note.reorderLater', { date: formatDay(r.orderBy), rop: formatCount(locale, r.reorderPoint), position: formatCount(locale, plan.available + plan.inbound) })
        : t('alloc.note.reorderNone'),
  );
  notes.push(id ? t('alloc.note.proposal', { id, moved: formatCount(locale, moved), hours: PROPOSAL_TTL_HOURS }) : t('alloc.note.noChange'));

  const actions: ChatAction[] = [
    ...(id ? actionIfAllowed(ctx, 'alloc-apply', { id: 'apply', label: t('alloc.applyButton', { id }), command: `/alloc apply ${id}`, style: 'primary' }) : []),
    { id: 'stock', label: t('alloc.stockButton', { sku: plan.code }), command: `/stock ${plan.code}` },
    ...actionIfAllowed(ctx, 'margin', { id: 'margin', label: t('alloc.marginButton', { sku: plan.code }), command: `/margin ${plan.code}` }),
  ];
  return {
    kind: 'result',
    locale,
    title: t('alloc.title', { sku: plan.code, name: plan.name }),
    summary: t('alloc.summary', {
      available: formatCount(locale, plan.available),
      pool: formatCount(locale, plan.pool),
      rate: formatRate(locale, plan.rate),
      lead: plan.leadTimeDays,
    }),
    tables: [
      {
        title: t('alloc.splitTitle'),
        columns: [
          { key: 'platform', label: t('stock.colPlatform') },
          { key: 'now', label: t('alloc.colNow'), align: 'right' },
          { key: 'suggested', label: t('alloc.colSuggested'), align: 'right' },
          { key: 'change', label: t('alloc.colChange'), align: 'right' },
          { key: 'perDay', label: t('alloc.colPerDay'), align: 'right' },
          { key: 'cover', label: t('stock.colCover'), align: 'right' },
          { key: 'why', label: t('alloc.colWhy') },
        ],
        rows,
      },
      safetyTable(ctx, plan),
    ],
    notes,
    actions,
  };
}

/** What a SKU needs, as one line; null when nothing. */
function needs(ctx: ToolContext, plan: SkuPlan): { action: string; why: string } | null {
  const { t, locale } = ctx;
  const byCode = new Map(plan.platforms.map((p) => [p.code, p]));
  const atRisk = plan.allocation.lines.filter((l) => l.riskNow >= AT_RISK && (byCode.get(l.code)?.forecast.rate ?? 0) > 0).sort((a, b) => b.shortNow - a.shortNow);
  const actions: string[] = [];
  let why: string | null = null;
  const worst = atRisk[0];
  if (worst) {
    const p = byCode.get(worst.code) as PlatformPlan;
    const out = runsOut(ctx, worst, p.forecast.rate);
    const before = worst.criticalNow.before;
    if (before && out) {
      actions.push(t('alloc.act.expedite'));
      why = t('alloc.why.gapShort', { platform: worst.code, date: formatDay(out), reference: before.reference, eta: formatDay(addDays(ctx.now, before.day)) });
    } else {
      actions.push(worst.riskAfter < AT_RISK ? t('alloc.act.rebalance') : t('alloc.act.short'));
      why = t('alloc.why.outShort', { platform: worst.code, date: out ? formatDay(out) : t('value.none') });
    }
  }
  const trialMissing = plan.allocation.lines.find((l) => byCode.get(l.code)?.trial && l.trialUnits > 0 && l.current < l.trialUnits);
  if (trialMissing) {
    actions.push(t('alloc.act.trial'));
    why ??= t('alloc.why.trialShort', { platform: trialMissing.code, units: trialMissing.trialUnits });
  }
  if (plan.reorder.due) {
    actions.push(t('alloc.act.order'));
    why ??= t('alloc.why.orderShort', { quantity: formatCount(locale, plan.reorder.quantity), date: plan.reorder.orderBy ? formatDay(plan.reorder.orderBy) : t('value.none') });
  }
  const moved = plan.allocation.lines.reduce((a, l) => a + Math.abs(l.change), 0) / 2;
  if (actions.length === 0 && moved >= Math.max(10, plan.available * 0.1)) {
    const up = [...plan.allocation.lines].sort((a, b) => b.change - a.change)[0];
    const down = [...plan.allocation.lines].sort((a, b) => a.change - b.change)[0];
    if (up && down && up.change > 0 && down.change < 0) {
      actions.push(t('alloc.act.rebalance'));
      why = t('alloc.why.moveShort', { units: formatCount(locale, Math.min(up.change, -down.change)), from: down.code, to: up.code });
    }
  }
  return why ? { action: [...new Set(actions)].join(' + '), why } : null;
}

async function catalogueView(ctx: ToolContext): Promise<Reply> {
  const { t, locale } = ctx;
  // Only what the list shows is kept of each batch: 10,000 full plans would hold hundreds of MB.
  const flagged: Array<{ code: string; expectedLoss: number; daysLeft: number | null; need: { action: string; why: string } }> = [];
  const total = await forEachPlanBatch(ctx.db, ctx.now, planOptions(), (plans) => {
    for (const plan of plans) {
      const need = needs(ctx, plan);
      if (need) flagged.push({ code: plan.code, expectedLoss: plan.expectedLoss, daysLeft: plan.reorder.daysLeft, need });
    }
  });
  flagged.sort((a, b) => b.expectedLoss - a.expectedLoss || (a.daysLeft ?? 999) - (b.daysLeft ?? 999) || a.code.localeCompare(b.code));
  const shown = flagged.slice(0, MAX_ACTION_ROWS);
  const notes = flagged.length > shown.length ? [t('value.moreRows', { n: flagged.length - shown.length })] : [];
  notes.push(t('alloc.list.how'));
  return {
    kind: 'result',
    locale,
    title: t('alloc.list.title'),
    summary: flagged.length === 0 ? t('alloc.list.none', { total }) : t('alloc.list.summary', { n: flagged.length, total }),
    tables: [
      {
        columns: [
          { key: 'sku', label: t('alloc.list.colSku') },
          { key: 'action', label: t('alloc.list.colAction') },
          { key: 'loss', label: t('alloc.list.colLoss'), align: 'right' },
          { key: 'why', label: t('alloc.colWhy') },
        ],
        rows: shown.map(({ code, expectedLoss, need }) => ({
          sku: code,
          action: need.action,
          loss: expectedLoss >= 1 ? formatMoney(locale, expectedLoss) : t('value.none'),
          why: need.why,
        })),
      },
    ],
    notes,
    actions: [
      ...shown.slice(0, 5).map((x): ChatAction => ({ id: `alloc:${x.code}`, label: x.code, command: `/alloc ${x.code}` })),
      { id: 'reorder', label: t('alloc.reorderButton'), command: '/alloc reorder' },
    ],
  };
}
