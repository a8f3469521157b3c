/**
 * `/budget suggest <period> <total>`: how to split an ads budget across platforms, from
 * measured returns, market potential, stage and stock cover, each line with its reasons; with
 * a "Request these changes" button that turns it into change requests.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { formatRate } from '../../format.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { ChatAction } from '../../reply.ts';
import { defineTool, type ToolContext } from '../../tool.ts';
import { daysInPeriod, monthsBetween, periodOf } from '../../domain/budget/amount.ts';
import { adsPerformance, budgetLines, campaignResults } from '../../domain/budget/budget-service.ts';
import { EXPLORATION_SHARE, idleCampaigns, splitBudget, type BudgetReason } from '../../domain/budget/budget-split.ts';
import { proposalLabel, PROPOSAL_TTL_HOURS, saveProposal } from '../../domain/planning/proposal-service.ts';
import { planningSettings } from '../../domain/planning/settings.ts';
import { formatShare, withRates } from '../costs/format-money.ts';
import { actionIfAllowed } from '../alloc/shared.ts';
import { money, periodSchema, totalSchema } from './shared.ts';

/** Campaigns with spend and no sales over this many days are flagged. */
export const IDLE_DAYS = 30;
/** Furthest period ahead a suggestion can be for, in months. */
export const MAX_MONTHS_AHEAD = 12;

/** One line of a stored budget suggestion. */
export interface BudgetProposalLine {
  platform: string;
  amount: number;
  current: number | null;
  budgetId: number | null;
  version: number | null;
  note: string;
}

/** What a budget suggestion was computed from. */
export interface BudgetProposalBasis {
  period: string;
  total: number;
}

const input = z
  .object({
    period: periodSchema,
    total: totalSchema,
  })
  .strict();

const STAGE_KEY = { mature: 'alloc.stage.mature', growing: 'alloc.stage.growing', new: 'alloc.stage.new' } as const satisfies Record<string, MessageKey>;
const ROLE_KEY = { leader: 'budget.why.priorLeader', second: 'budget.why.priorSecond', explore: 'budget.why.priorExplore' } as const satisfies Record<string, MessageKey>;

/** The reasons of one line, as one sentence. */
function reasonText(ctx: ToolContext, reasons: readonly BudgetReason[]): string {
  const { t, locale } = ctx;
  return reasons
    .map((r) => {
      switch (r.kind) {
        case 'roas':
          return t('budget.why.roas', { roas: formatRate(locale, r.roas30), marginal: formatRate(locale, r.marginal) });
        case 'assumed-curve':
          return t('budget.why.assumed', { b: r.b });
        case 'potential':
          return t('budget.why.potential', { potential: r.potential, stage: t(STAGE_KEY[r.stage]) });
        case 'stock-short':
          return t('budget.why.stock', { skus: r.skus.slice(0, 3).join(', ') || '—', share: formatShare(locale, r.share) });
        case 'capped':
          return t('budget.why.capped', { monthly: money(ctx, Math.round(r.monthly)) });
        case 'exploration':
          return t('budget.why.exploration', { share: formatShare(locale, r.share) });
        case 'prior':
          return t(ROLE_KEY[r.role]);
        case 'no-ads-data':
          return t('budget.why.noData');
      }
    })
    .join(locale === 'zh' ? '；' : '; ');
}

/** The budget split tool. */
export const budgetSuggest = defineTool({
  name: 'budget-suggest',
  command: '/budget suggest',
  summary: {
    en: 'Suggest how to split an ads budget across platforms, with the reason for every line',
    zh: '建议广告预算在各平台间如何分配，每一行都附理由',
  },
  usage: '<period YYYY-MM> <total>',
  examples: ['/budget suggest 2026-12 80000', '/budget suggest 2026-12 80k', '/budget suggest 2026-12 8万'],
  roles: ['staff', 'marketing', 'manager', 'admin'],
  effect: 'propose',
  input,
  parseArgs(tokens) {
    const [period, total, ...rest] = tokens;
    return {
      ...(period === undefined ? {} : { period }),
      ...(total === undefined ? {} : { total }),
      ...(rest.length > 0 ? { unexpected: rest.join(' ') } : {}),
    };
  },
  async run(ctx, { period, total }) {
    const { t, locale } = ctx;
    const thisMonth = periodOf(ctx.now);
    const ahead = monthsBetween(thisMonth, period);
    if (ahead < 0 || ahead > MAX_MONTHS_AHEAD) {
      throw new ToolError('invalid_input', t('budget.suggest.badPeriod', { period, from: thisMonth, to: periodOf(ctx.now, MAX_MONTHS_AHEAD) }), {
        hints: [t('command.examples', { examples: `/budget suggest ${periodOf(ctx.now, 1)} 80000` })],
      });
    }
    const perUsd = planningSettings().fxPerUsd;
    const [performance, lines, campaigns] = await withRates(t, () =>
      Promise.all([adsPerformance(ctx.db, period, ctx.now, perUsd), budgetLines(ctx.db, period, ctx.now, perUsd), campaignResults(ctx.db, ctx.now, IDLE_DAYS, perUsd)]),
    );
    const split = splitBudget({ total, days: daysInPeriod(period), platforms: performance });
    const adsLines = new Map(lines.filter((l) => l.purpose === 'ads').map((l) => [l.platform, l]));

    const proposalLines: BudgetProposalLine[] = split.lines.map((l) => {
      const line = adsLines.get(l.code);
      return { platform: l.code, amount: l.amount, current: l.current, budgetId: line?.id ?? null, version: line?.version ?? null, note: reasonText(ctx, l.reasons) };
    });
    const changes = proposalLines.filter((l) => l.budgetId !== null && l.current !== null && Math.abs(l.amount - l.current) >= 1);
    // Saved in a transaction of its own, like /alloc's (see there why).
    const saved = await ctx.transaction((tx) => saveProposal(tx, { kind: 'budget', subject: period, lines: proposalLines, basis: { period, total } satisfies BudgetProposalBasis, createdBy: ctx.actor.ref, now: ctx.now }));
    const id = proposalLabel('budget', saved);

    const notes: string[] = [];
    if (split.basis === 'prior') notes.push(t('budget.suggest.priorNote'));
    const idle = idleCampaigns(campaigns);
    for (const c of idle) notes.push(t('budget.suggest.idle', { name: c.name, platform: c.platform, spend: money(ctx, Math.round(c.spend)), days: IDLE_DAYS }));
    const currentTotal = [...adsLines.values()].reduce((a, l) => a + l.amount, 0);
    if (adsLines.size > 0) notes.push(t('budget.suggest.vsCurrent', { current: money(ctx, currentTotal), period }));
    notes.push(changes.length > 0 ? t('budget.suggest.requestHint', { id, n: changes.length, hours: PROPOSAL_TTL_HOURS }) : t('budget.suggest.noRequest'));

    const actions: ChatAction[] = changes.length > 0
      ? actionIfAllowed(ctx, 'budget-request', { id: 'request', label: t('budget.suggest.requestButton'), command: `/budget request ${id}`, style: 'primary' })
      : [];
    actions.push({ id: 'budget', label: t('budget.showButton', { period }), command: `/budget ${period}` });
    return {
      kind: 'result',
      locale,
      title: t('budget.suggest.title', { period, total: money(ctx, total), id }),
      summary: split.basis === 'model' ? t('budget.suggest.summaryModel', { share: formatShare(locale, EXPLORATION_SHARE) }) : t('budget.suggest.summaryPrior'),
      tables: [
        {
          columns: [
            { key: 'platform', label: t('stock.colPlatform') },
            { key: 'amount', label: t('budget.colSuggested'), align: 'right' },
            { key: 'share', label: t('budget.colShare'), align: 'right' },
            { key: 'current', label: t('budget.colNow'), align: 'right' },
            { key: 'change', label: t('budget.colChange'), align: 'right' },
            { key: 'roas', label: t('budget.colRoas'), align: 'right' },
            { key: 'why', label: t('alloc.colWhy') },
          ],
          rows: split.lines.map((l, i) => ({
            platform: l.code,
            amount: money(ctx, l.amount),
            share: formatShare(locale, l.share),
            current: l.current === null ? t('value.none') : money(ctx, l.current),
            change: l.change === null ? t('value.none') : money(ctx, l.change, true),
            roas: l.roas30 === null ? t('value.none') : formatRate(locale, l.roas30),
            why: proposalLines[i]?.note ?? '',
          })),
        },
      ],
      notes,
      actions,
    };
  },
});
