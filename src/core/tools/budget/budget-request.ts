/**
 * `/budget request <platform> <±amount> [period] [purpose] <reason>`, or `/budget request BS-9`
 * (the "Request these changes" button of a suggestion): creates change requests, each tied to
 * the budget version it was made from, and posts the approval cards to the approvals channel.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { formatCount } from '../../format.ts';
import type { ChatAction, Reply } from '../../reply.ts';
import { defineTool, type ToolContext } from '../../tool.ts';
import { parsePeriod, periodOf } from '../../domain/budget/amount.ts';
import { createRequest, readRequest, requiredApprovals, type RequestView } from '../../domain/budget/request-service.ts';
import { platformDirectory } from '../../domain/catalogue/platforms.ts';
import { claimProposal, parseProposalLabel, proposalLabel, readProposal } from '../../domain/planning/proposal-service.ts';
import { Refusal } from '../../domain/planning/refusal.ts';
import { planningSettings } from '../../domain/planning/settings.ts';
import { formatMoment } from '../costs/format-money.ts';
import type { BudgetProposalBasis, BudgetProposalLine } from './budget-suggest.ts';
import { DECISION_TX, budgetRefusal, deltaSchema, money, notifyChannel, periodSchema, PURPOSES, requestCard } from './shared.ts';

/** An increase larger than this many times the current budget (and than the floor) is a typo. */
export const ABSURD_FACTOR = 10;
export const ABSURD_FLOOR = 50_000;

const single = z
  .object({
    mode: z.literal('single'),
    platform: z.string({ error: 'give the platform, like amazon-us' }).trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a platform code looks like amazon-us'),
    delta: deltaSchema,
    period: periodSchema.optional(),
    purpose: z.enum(PURPOSES).default('ads'),
    reason: z
      .string({ error: 'say why, e.g. /budget request amazon-us +5000 Black Friday push' })
      .trim()
      .min(3, 'say why in a few words, e.g. /budget request amazon-us +5000 Black Friday push')
      .max(300, 'keep the reason under 300 characters'),
  })
  .strict();

const fromSuggestion = z
  .object({
    mode: z.literal('suggestion'),
    proposal: z.number().int().positive(),
  })
  .strict();

const input = z.discriminatedUnion('mode', [single, fromSuggestion]);

/** The change request tool. */
export const budgetRequest = defineTool({
  name: 'budget-request',
  command: '/budget request',
  summary: {
    en: 'Ask for a budget change (or request a suggestion’s changes); managers approve it with a button',
    zh: '申请调整预算（或按建议批量申请）；由经理点按钮审批',
  },
  usage: '<platform> <+/-amount> [period] [purpose] <reason> | <suggestion id>',
  examples: ['/budget request amazon-us +5000 Black Friday push', '/budget request tiktok-us -1k 2026-12 weak ROAS', '/budget request BS-3'],
  roles: ['staff', 'marketing', 'manager', 'admin'],
  effect: 'write',
  input,
  parseArgs(tokens) {
    const [first, ...rest] = tokens;
    const id = first === undefined ? null : parseProposalLabel('budget', first);
    if (id !== null) return { mode: 'suggestion', proposal: id, ...(rest.length > 0 ? { unexpected: rest.join(' ') } : {}) };
    const [delta, ...more] = rest;
    // Optional period and purpose come right after the amount, in either order.
    let period: string | undefined;
    let purpose: string | undefined;
    while (more.length > 0) {
      const word = more[0] as string;
      // Anything shaped like a month is taken as one, so "2026-13" is refused rather than read as the reason.
      if (period === undefined && (parsePeriod(word) !== null || /^\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*月?$/.test(word))) period = more.shift();
      else if (purpose === undefined && (PURPOSES as readonly string[]).includes(word.toLowerCase())) purpose = more.shift()?.toLowerCase();
      else break;
    }
    return {
      mode: 'single',
      ...(first === undefined ? {} : { platform: first }),
      ...(delta === undefined ? {} : { delta }),
      ...(period === undefined ? {} : { period }),
      ...(purpose === undefined ? {} : { purpose }),
      ...(more.length > 0 ? { reason: more.join(' ') } : {}),
    };
  },
  async run(ctx, args) {
    if (ctx.actor.memberId === null) throw new ToolError('forbidden', ctx.t('auth.unknownUser'));
    if (args.mode === 'suggestion') return requestFromSuggestion(ctx, args.proposal);
    return requestOne(ctx, args);
  },
});

async function requestOne(ctx: ToolContext, args: Extract<z.output<typeof input>, { mode: 'single' }>): Promise<Reply> {
  const { t } = ctx;
  const platforms = await platformDirectory.get(ctx.db);
  const platform = platforms.find((p) => p.code === args.platform);
  if (!platform) throw new ToolError('not_found', t('stock.unknownPlatform', { platform: args.platform, known: platforms.map((p) => p.code).join(', ') }));
  const period = args.period ?? periodOf(ctx.now);
  const settings = planningSettings();

  const request = await ctx.transaction(async (tx, audit) => {
    const budget = await tx.budget.findUnique({ where: { period_platformId_purpose: { period, platformId: platform.id, purpose: args.purpose } } });
    if (!budget) {
      const lines = await tx.budget.findMany({ where: { platformId: platform.id }, select: { period: true, purpose: true }, orderBy: [{ period: 'asc' }, { purpose: 'asc' }] });
      throw new ToolError('not_found', t('budget.request.noLine', { platform: platform.code, purpose: args.purpose, period, lines: lines.map((l) => `${l.period} ${l.purpose}`).join(', ') || t('value.none') }));
    }
    const amount = Number(budget.amount);
    if (args.delta < 0 && -args.delta > amount) {
      throw new ToolError('invalid_input', t('budget.request.tooLarge', { delta: money(ctx, args.delta, true), amount: money(ctx, amount) }));
    }
    if (args.delta > Math.max(amount * ABSURD_FACTOR, ABSURD_FLOOR)) {
      throw new ToolError('invalid_input', t('budget.request.absurd', { delta: money(ctx, args.delta, true), amount: money(ctx, amount) }));
    }
    const id = await createRequest(tx, {
      budgetId: budget.id,
      baseVersion: budget.version,
      delta: args.delta,
      reason: args.reason,
      requesterId: ctx.actor.memberId as number,
      now: ctx.now,
      ttlHours: settings.requestTtlHours,
      threshold: settings.twoApproverThreshold,
    });
    const view = (await readRequest(tx, id)) as RequestView;
    await audit({
      action: 'budget.request',
      targetType: 'budget-request',
      targetId: view.label,
      after: { budget: `${period}:${platform.code}:${args.purpose}`, delta: args.delta, baseVersion: budget.version, requiredApprovals: view.requiredApprovals },
    });
    await notifyChannel(tx, ctx, view, 'budget.request');
    return view;
  }, DECISION_TX);
  const card = requestCard(ctx, request);
  return {
    ...card,
    summary: t('budget.request.posted', { id: request.label, channel: settings.approvalsChannel, required: request.requiredApprovals }),
    // The requester cannot decide their own request; the buttons are for the approvers' copy.
    actions: [{ id: 'budget', label: t('budget.showButton', { period }), command: `/budget ${period}` }],
  };
}

async function requestFromSuggestion(ctx: ToolContext, proposalId: number): Promise<Reply> {
  const { t, locale } = ctx;
  const settings = planningSettings();
  const label = proposalLabel('budget', proposalId);
  let created: RequestView[];
  try {
    created = await ctx.transaction(async (tx, audit) => {
      const claimed = await claimProposal(tx, 'budget', proposalId, ctx.actor.ref, ctx.now);
      const proposal = await readProposal<BudgetProposalLine[], BudgetProposalBasis>(tx, 'budget', proposalId);
      if (!proposal) throw new Refusal('not-found', { id: label });
      if (!claimed) {
        if (proposal.status === 'applied') throw new Refusal('already-applied', { id: label, by: proposal.appliedBy, at: proposal.appliedAt?.toISOString() ?? null });
        throw new Refusal('expired', { id: label, at: proposal.expiresAt.toISOString() });
      }
      const views: RequestView[] = [];
      for (const line of proposal.lines) {
        if (line.budgetId === null || line.current === null || line.version === null) continue;
        const delta = Math.round((line.amount - line.current) * 100) / 100;
        if (Math.abs(delta) < 1) continue;
        const budget = await tx.budget.findUnique({ where: { id: line.budgetId }, select: { version: true } });
        if (!budget || budget.version !== line.version) throw new Refusal('stale', { id: label, platform: line.platform });
        const id = await createRequest(tx, {
          budgetId: line.budgetId,
          baseVersion: line.version,
          delta,
          reason: t('budget.request.fromSuggestion', { id: label, total: money(ctx, proposal.basis.total), note: line.note }).slice(0, 300),
          requesterId: ctx.actor.memberId as number,
          now: ctx.now,
          ttlHours: settings.requestTtlHours,
          threshold: settings.twoApproverThreshold,
        });
        const view = (await readRequest(tx, id)) as RequestView;
        await audit({
          action: 'budget.request',
          targetType: 'budget-request',
          targetId: view.label,
          after: { budget: `${proposal.basis.period}:${line.platform}:ads`, delta, baseVersion: line.version, requiredApprovals: view.requiredApprovals, suggestion: label },
        });
        await notifyChannel(tx, ctx, view, 'budget.request');
        views.push(view);
      }
      return views;
    }, DECISION_TX);
  } catch (error) {
    if (error instanceof Refusal) throw budgetRefusal(ctx, error);
    throw error;
  }
  const twoNeeded = created.filter((r) => r.requiredApprovals > 1).length;
  const actions: ChatAction[] = [{ id: 'budget', label: t('budget.showButton', { period: created[0]?.period ?? periodOf(ctx.now) }), command: `/budget ${created[0]?.period ?? ''}`.trim() }];
  return {
    kind: 'result',
    locale,
    title: t('budget.request.fromTitle', { id: label, n: created.length }),
    summary: t('budget.request.fromSummary', { n: formatCount(locale, created.length), channel: settings.approvalsChannel, two: twoNeeded, threshold: money(ctx, settings.twoApproverThreshold) }),
    tables: [
      {
        columns: [
          { key: 'id', label: t('budget.colRequest') },
          { key: 'line', label: t('budget.colLine') },
          { key: 'change', label: t('budget.colChange'), align: 'right' },
          { key: 'after', label: t('budget.colAfter'), align: 'right' },
          { key: 'needs', label: t('budget.colApprovals'), align: 'right' },
          { key: 'expires', label: t('budget.colExpires') },
        ],
        rows: created.map((r) => ({
          id: r.label,
          line: `${r.platform} · ${r.purpose} · ${r.period}`,
          change: money(ctx, r.delta, true),
          after: money(ctx, r.budget.amount + r.delta),
          needs: String(requiredApprovals(r.delta, settings.twoApproverThreshold)),
          expires: formatMoment(r.expiresAt),
        })),
      },
    ],
    actions,
  };
}
