/**
 * `/budget [period]`: the period's budgets with ad spend to date, pending change requests and
 * their age, and what became of the asker's own recent requests.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { ChatAction, ReplyTable } from '../../reply.ts';
import { defineTool } from '../../tool.ts';
import { periodOf } from '../../domain/budget/amount.ts';
import { budgetLines, budgetPeriods } from '../../domain/budget/budget-service.ts';
import { listRequests } from '../../domain/budget/request-service.ts';
import { planningSettings } from '../../domain/planning/settings.ts';
import { addDays } from '../../domain/inventory/cover.ts';
import { formatAge, formatMoment, formatShare, withRates } from '../costs/format-money.ts';
import { actionIfAllowed } from '../alloc/shared.ts';
import { money, periodSchema } from './shared.ts';

/** How far back "your requests" looks, in days. */
export const OWN_REQUESTS_DAYS = 14;

/** The budget overview tool. */
export const budgetShow = defineTool({
  name: 'budget',
  command: '/budget',
  summary: {
    en: 'Budgets of a month with spend to date, pending change requests and their age',
    zh: '查看某月预算、迄今花费、待审批的调整申请及其等待时长',
  },
  usage: '[period YYYY-MM]',
  examples: ['/budget', '/budget 2026-12'],
  roles: ['staff', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input: z.object({ period: periodSchema.optional() }).strict(),
  parseArgs(tokens) {
    const [period, ...rest] = tokens;
    return { ...(period === undefined ? {} : { period }), ...(rest.length > 0 ? { unexpected: rest.join(' ') } : {}) };
  },
  async run(ctx, args) {
    const { t, locale } = ctx;
    const period = args.period ?? periodOf(ctx.now);
    const settings = planningSettings();
    const lines = await withRates(t, () => budgetLines(ctx.db, period, ctx.now, settings.fxPerUsd));
    if (lines.length === 0) {
      const periods = await budgetPeriods(ctx.db);
      throw new ToolError('not_found', t('budget.show.noLines', { period, periods: periods.join(', ') || t('value.none') }), {
        actions: periods.slice(-3).map((p): ChatAction => ({ id: `budget:${p}`, label: p, command: `/budget ${p}` })),
      });
    }
    const [pending, own] = await Promise.all([
      listRequests(ctx.db, { status: 'pending' }, 50),
      ctx.actor.memberId === null
        ? Promise.resolve([])
        : listRequests(ctx.db, { requesterId: ctx.actor.memberId, status: { not: 'pending' }, decidedAt: { gte: addDays(ctx.now, -OWN_REQUESTS_DAYS) } }, 10),
    ]);
    const open = pending.filter((r) => r.expiresAt > ctx.now);
    const total = lines.reduce((a, l) => a + l.amount, 0);
    const tables: ReplyTable[] = [
      {
        title: t('budget.show.linesTitle'),
        columns: [
          { key: 'platform', label: t('stock.colPlatform') },
          { key: 'purpose', label: t('budget.colPurpose') },
          { key: 'amount', label: t('budget.colAmount'), align: 'right' },
          { key: 'spent', label: t('budget.colSpent'), align: 'right' },
          { key: 'used', label: t('budget.colUsed'), align: 'right' },
          { key: 'version', label: t('budget.colVersion'), align: 'right' },
        ],
        rows: lines.map((l) => ({
          platform: l.platform,
          purpose: l.purpose,
          amount: money(ctx, l.amount),
          spent: l.spentUsd === null ? t('value.none') : money(ctx, Math.round(l.spentUsd)),
          used: l.spentUsd === null || l.amount <= 0 ? t('value.none') : formatShare(locale, l.spentUsd / l.amount),
          version: String(l.version),
        })),
      },
    ];
    if (pending.length > 0) {
      tables.push({
        title: t('budget.show.pendingTitle'),
        columns: [
          { key: 'id', label: t('budget.colRequest') },
          { key: 'line', label: t('budget.colLine') },
          { key: 'change', label: t('budget.colChange'), align: 'right' },
          { key: 'by', label: t('budget.colBy') },
          { key: 'age', label: t('budget.colAge'), align: 'right' },
          { key: 'approvals', label: t('budget.colApprovals'), align: 'right' },
          { key: 'expires', label: t('budget.colExpires') },
        ],
        rows: pending.map((r) => ({
          id: r.label,
          line: `${r.platform} · ${r.purpose} · ${r.period}`,
          change: money(ctx, r.delta, true),
          by: r.requester.name,
          age: formatAge(t, r.createdAt, ctx.now),
          approvals: `${r.approvals.length}/${r.requiredApprovals}`,
          expires: r.expiresAt <= ctx.now ? t('budget.show.expiredTag') : formatMoment(r.expiresAt),
        })),
      });
    }
    if (own.length > 0) {
      tables.push({
        title: t('budget.show.ownTitle'),
        columns: [
          { key: 'id', label: t('budget.colRequest') },
          { key: 'line', label: t('budget.colLine') },
          { key: 'change', label: t('budget.colChange'), align: 'right' },
          { key: 'outcome', label: t('budget.colOutcome') },
        ],
        rows: own.map((r) => ({
          id: r.label,
          line: `${r.platform} · ${r.purpose} · ${r.period}`,
          change: money(ctx, r.delta, true),
          outcome:
            r.status === 'approved'
              ? t('budget.show.ownApproved', { by: r.approvals.map((a) => a.name).join(' & '), at: r.decidedAt ? formatMoment(r.decidedAt) : '?' })
              : r.status === 'rejected'
                ? t('budget.show.ownRejected', { by: r.rejection?.name ?? '?', at: r.decidedAt ? formatMoment(r.decidedAt) : '?', reason: r.rejection?.reason ?? '' })
                : t('budget.show.ownExpired', { at: formatMoment(r.expiresAt) }),
        })),
      });
    }
    const decidable = open.filter((r) => r.requester.id !== ctx.actor.memberId && !r.approvals.some((a) => a.deciderId === ctx.actor.memberId)).slice(0, 5);
    const actions: ChatAction[] = decidable.flatMap((r) =>
      actionIfAllowed(ctx, 'budget-approve', { id: `approve:${r.label}`, label: t('budget.approveButton', { id: r.label }), command: `/budget approve ${r.label}`, style: 'primary' }),
    );
    actions.push(...actionIfAllowed(ctx, 'budget-suggest', { id: 'suggest', label: t('budget.show.suggestButton', { period: periodOf(ctx.now, 1) }), command: `/budget suggest ${periodOf(ctx.now, 1)} ${Math.round(lines.filter((l) => l.purpose === 'ads').reduce((a, l) => a + l.amount, 0))}` }));
    return {
      kind: 'result',
      locale,
      title: t('budget.show.title', { period }),
      summary: t('budget.show.summary', { total: money(ctx, total), lines: lines.length, pending: open.length, channel: settings.approvalsChannel }),
      tables,
      notes: [],
      actions,
    };
  },
});
