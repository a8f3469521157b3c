/**
 * `/budget approve <request>`: the Approve button of an approval card. Managers and admins
 * only; never one's own request; two different approvers above the threshold; refused when the
 * budget moved since the request or it expired. The change is applied exactly once, however
 * many times the button is pressed at once.
 */
import { z } from 'zod';
import { defineTool } from '../../tool.ts';
import { decideRequest } from '../../domain/budget/request-service.ts';
import { Refusal } from '../../domain/planning/refusal.ts';
import { formatMoment } from '../costs/format-money.ts';
import { DECISION_TX, budgetRefusal, money, notifyChannel, notifyRequester, requestCard, requestIdSchema } from './shared.ts';

/** The Approve button. */
export const budgetApprove = defineTool({
  name: 'budget-approve',
  command: '/budget approve',
  summary: { en: 'Approve a budget change request (the Approve button of its card)', zh: '批准一条预算调整申请（即审批卡片上的“批准”按钮）' },
  usage: '<request id>',
  examples: ['/budget approve BR-12'],
  roles: ['manager', 'admin'],
  effect: 'write',
  input: z.object({ request: requestIdSchema }).strict(),
  parseArgs(tokens) {
    const [request, ...rest] = tokens;
    return { ...(request === undefined ? {} : { request }), ...(rest.length > 0 ? { unexpected: rest.join(' ') } : {}) };
  },
  async run(ctx, { request }) {
    const { t } = ctx;
    const decider = { id: ctx.actor.memberId as number, name: ctx.actor.name };
    try {
      return await ctx.transaction(async (tx, audit) => {
        const result = await decideRequest(tx, { id: request, decider, decision: 'approve', reason: null, now: ctx.now, audit });
        const r = result.request;
        await notifyChannel(tx, ctx, r, 'budget.decision');
        if (result.kind === 'approved') {
          const message = t('budget.approve.done', { id: r.label, by: ctx.actor.name, at: formatMoment(ctx.now), line: `${r.platform} · ${r.purpose} · ${r.period}`, before: money(ctx, result.before), after: money(ctx, result.after), version: result.version });
          await notifyRequester(tx, ctx, r, message);
          return { ...requestCard(ctx, r), summary: message };
        }
        const n = result.kind === 'recorded' ? result.approvals : r.approvals.length;
        const message = t('budget.approve.partly', { id: r.label, n, required: r.requiredApprovals, by: ctx.actor.name });
        await notifyRequester(tx, ctx, r, message);
        // The card keeps its buttons for the second approver.
        return { ...requestCard(ctx, r), summary: message };
      }, DECISION_TX);
    } catch (error) {
      if (error instanceof Refusal) throw budgetRefusal(ctx, error);
      throw error;
    }
  },
});
