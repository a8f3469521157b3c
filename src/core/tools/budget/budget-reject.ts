/**
 * `/budget reject <request> <reason>`: the Reject button of an approval card. A rejection
 * needs a reason; pressed without one, the reply asks for it and shows the typed form.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { defineTool } from '../../tool.ts';
import { decideRequest, requestLabel } from '../../domain/budget/request-service.ts';
import { Refusal } from '../../domain/planning/refusal.ts';
import { formatMoment } from '../costs/format-money.ts';
import { DECISION_TX, budgetRefusal, notifyChannel, notifyRequester, requestCard, requestIdSchema } from './shared.ts';

/** The Reject button. */
export const budgetReject = defineTool({
  name: 'budget-reject',
  command: '/budget reject',
  summary: { en: 'Reject a budget change request, with the reason', zh: '驳回一条预算调整申请，并说明理由' },
  usage: '<request id> <reason>',
  examples: ['/budget reject BR-12 ROAS too low to scale'],
  roles: ['manager', 'admin'],
  effect: 'write',
  input: z
    .object({
      request: requestIdSchema,
      reason: z.string().trim().max(300, 'keep the reason under 300 characters').optional(),
    })
    .strict(),
  parseArgs(tokens) {
    const [request, ...rest] = tokens;
    return { ...(request === undefined ? {} : { request }), ...(rest.length > 0 ? { reason: rest.join(' ') } : {}) };
  },
  async run(ctx, { request, reason }) {
    const { t } = ctx;
    const label = requestLabel(request);
    if (reason === undefined || reason.length < 3) {
      throw new ToolError('invalid_input', t('budget.reject.needReason', { id: label }), { hints: [t('budget.reject.typed', { id: label })] });
    }
    const decider = { id: ctx.actor.memberId as number, name: ctx.actor.name };
    try {
      return await ctx.transaction(async (tx, audit) => {
        const result = await decideRequest(tx, { id: request, decider, decision: 'reject', reason, now: ctx.now, audit });
        const r = result.request;
        const message = t('budget.reject.done', { id: r.label, by: ctx.actor.name, at: formatMoment(ctx.now), reason });
        await notifyChannel(tx, ctx, r, 'budget.decision');
        await notifyRequester(tx, ctx, r, message);
        return { ...requestCard(ctx, r), summary: message };
      }, DECISION_TX);
    } catch (error) {
      if (error instanceof Refusal) throw budgetRefusal(ctx, error);
      throw error;
    }
  },
});
