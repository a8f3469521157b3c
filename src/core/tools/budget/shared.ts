/**
 * What the /budget tools share: typed amounts and periods, the approval card, its
 * notifications and the messages for refusals.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { ChatAction, Reply } from '../../reply.ts';
import type { ToolContext, Tx } from '../../tool.ts';
import { MAX_AMOUNT, parseAmount, parsePeriod } from '../../domain/budget/amount.ts';
import type { RequestView } from '../../domain/budget/request-service.ts';
import { enqueueNotification } from '../../domain/notify/outbox.ts';
import type { Refusal } from '../../domain/planning/refusal.ts';
import { planningSettings } from '../../domain/planning/settings.ts';
import { formatAge, formatMoment, formatMoney } from '../costs/format-money.ts';

/**
 * Transaction limits for approvals and applies: many clicks at once queue behind the database's
 * single writer, so each may wait its turn (the pipeline then allows 30 s to start) rather than
 * fail after Prisma's default 2 s.
 */
export const DECISION_TX = { timeoutMs: 10_000 } as const;

/** Budget purposes, as in the schema. */
export const PURPOSES = ['ads', 'inventory', 'exploration', 'operations'] as const;

/** A "YYYY-MM" period typed as 2026-12, 2026/12 or 2026年12月. */
export const periodSchema = z
  .string()
  .trim()
  .refine((v) => parsePeriod(v) !== null, 'a period is a month like 2026-12')
  .transform((v) => parsePeriod(v) as string);

/** A positive amount typed as 80000, 80,000, 80k or 8万. */
export const totalSchema = z
  .string({ error: 'give the total to split, like 80000, 80k or 8万' })
  .trim()
  .transform((v, ctx) => {
    const parsed = parseAmount(v);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: `“${v}” is not an amount; write it like 80000, 80k or 8万` });
      return z.NEVER;
    }
    return parsed.value;
  })
  .pipe(z.number().min(100, 'the total must be at least 100').max(MAX_AMOUNT, `the total must be at most ${MAX_AMOUNT.toLocaleString('en-US')}`));

/** A change typed with its sign: +5000, -2k, +1.5万. */
export const deltaSchema = z
  .string({ error: 'give the change with its sign, like +5000 or -2k' })
  .trim()
  .transform((v, ctx) => {
    const parsed = parseAmount(v);
    if (!parsed || !parsed.signed) {
      ctx.addIssue({ code: 'custom', message: `“${v}” is not a change; write it with its sign, like +5000, -2k or +1.5万` });
      return z.NEVER;
    }
    return parsed.value;
  })
  .pipe(
    z
      .number()
      .refine((n) => n !== 0, 'a change of 0 changes nothing')
      .refine((n) => Math.abs(n) <= MAX_AMOUNT, `a change is at most ${MAX_AMOUNT.toLocaleString('en-US')}`),
  );

/** A signed amount of money in USD: "+$5,000". */
export function money(ctx: Pick<ToolContext, 'locale'>, amount: number, signed = false): string {
  return formatMoney(ctx.locale, amount, { signed, digits: Number.isInteger(amount) ? 0 : 2 });
}

/** The approval card of a request, in its current state. */
export function requestCard(ctx: Pick<ToolContext, 't' | 'locale' | 'now'>, r: RequestView): Reply {
  const { t } = ctx;
  const after = r.budget.amount + r.delta;
  const approvers = r.approvals.map((a) => a.name).join(' & ');
  const threshold = planningSettings().twoApproverThreshold;
  let summary: string;
  switch (r.status) {
    case 'approved':
      summary = t('budget.card.approved', { by: approvers, at: r.decidedAt ? formatMoment(r.decidedAt) : '?' });
      break;
    case 'rejected':
      summary = t('budget.card.rejected', { by: r.rejection?.name ?? '?', at: r.decidedAt ? formatMoment(r.decidedAt) : '?', reason: r.rejection?.reason ?? '' });
      break;
    case 'expired':
      summary = t('budget.card.expired', { at: formatMoment(r.expiresAt) });
      break;
    default:
      summary =
        r.expiresAt <= ctx.now
          ? t('budget.card.expired', { at: formatMoment(r.expiresAt) })
          : r.approvals.length > 0
            ? t('budget.card.partly', { n: r.approvals.length, required: r.requiredApprovals, by: approvers })
            : t('budget.card.pending', { required: r.requiredApprovals });
  }
  const open = r.status === 'pending' && r.expiresAt > ctx.now;
  const actions: ChatAction[] = open
    ? [
        { id: 'approve', label: t('budget.approveButton', { id: r.label }), command: `/budget approve ${r.label}`, style: 'primary' },
        {
          id: 'reject',
          label: t('budget.rejectButton', { id: r.label }),
          command: `/budget reject ${r.label}`,
          style: 'danger',
          // Same bounds as budget-reject's input, so a form never accepts what the tool refuses.
          ask: { label: t('budget.reject.reasonPrompt', { id: r.label }), minLength: 3, maxLength: 300 },
        },
      ]
    : [];
  return {
    kind: 'result',
    locale: ctx.locale,
    title: t('budget.card.title', { id: r.label, platform: r.platform, purpose: r.purpose, period: r.period }),
    summary,
    fields: [
      {
        label: t('budget.card.change'),
        value: r.status === 'approved'
          ? t('budget.card.changeDone', { delta: money(ctx, r.delta, true) })
          : t('budget.card.changeValue', { delta: money(ctx, r.delta, true), before: money(ctx, r.budget.amount), after: money(ctx, after) }),
      },
      { label: t('budget.card.reason'), value: r.reason },
      { label: t('budget.card.requester'), value: t('budget.card.requesterValue', { name: r.requester.name, age: formatAge(t, r.createdAt, ctx.now) }) },
      {
        label: t('budget.card.needs'),
        value: r.requiredApprovals > 1 ? t('budget.card.needsTwo', { threshold: money(ctx, threshold) }) : t('budget.card.needsOne'),
      },
      { label: t('budget.card.basis'), value: t('budget.card.basisValue', { version: r.baseVersion }) },
      ...(open ? [{ label: t('budget.card.expires'), value: formatMoment(r.expiresAt) }] : []),
    ],
    actions,
  };
}

/** Queues the card for the approvals channel (new card, or an update of the one posted). */
export async function notifyChannel(tx: Tx, ctx: Pick<ToolContext, 't' | 'locale' | 'now'>, r: RequestView, topic: 'budget.request' | 'budget.decision'): Promise<void> {
  await enqueueNotification(tx, ctx.now, { topic, channel: planningSettings().approvalsChannel, subject: r.label, reply: requestCard(ctx, r) });
}

/** Tells the requester what was decided. */
export async function notifyRequester(tx: Tx, ctx: Pick<ToolContext, 't' | 'locale' | 'now'>, r: RequestView, message: string): Promise<void> {
  const card = requestCard(ctx, r);
  await enqueueNotification(tx, ctx.now, { topic: 'budget.decision', recipientId: r.requester.id, subject: r.label, reply: { ...card, summary: message } });
}

/** The message for a budget refusal. */
export function budgetRefusal(ctx: ToolContext, r: Refusal): ToolError {
  const { t } = ctx;
  const f = r.facts;
  const id = String(f.id);
  const at = f.at ? formatMoment(String(f.at)) : '?';
  switch (r.code) {
    case 'not-found':
      return new ToolError('not_found', t('budget.refuse.notFound', { id }), { hints: [t('budget.refuse.seePending')], actions: [{ id: 'budget', label: '/budget', command: '/budget' }] });
    case 'expired':
      return new ToolError('conflict', t('budget.refuse.expired', { id, at }));
    case 'already-decided':
      if (f.status === 'rejected') return new ToolError('conflict', t('budget.refuse.alreadyRejected', { id, by: String(f.by), at, reason: String(f.reason ?? '') }));
      return new ToolError('conflict', t('budget.refuse.alreadyApproved', { id, by: String(f.by), at }));
    case 'own-request':
      return new ToolError('forbidden', t('budget.refuse.own', { id }));
    case 'already-voted':
      return new ToolError('conflict', t('budget.refuse.voted', { id, at, needed: Number(f.needed) }));
    case 'stale-budget':
      return new ToolError('conflict', t('budget.refuse.stale', { id, base: Number(f.base), version: Number(f.version), at }));
    case 'below-zero':
      return new ToolError('conflict', t('budget.refuse.belowZero', { id, amount: money(ctx, Number(f.amount)), delta: money(ctx, Number(f.delta), true) }));
    case 'already-applied':
      return new ToolError('conflict', t('budget.refuse.suggestionUsed', { id, by: String(f.by), at }));
    default:
      return new ToolError('conflict', t('budget.refuse.suggestionStale', { id, platform: String(f.platform ?? '?') }));
  }
}

/** The parsed id of "BR-12", or a clear error. */
export const requestIdSchema = z
  .string({ error: 'give the request id, like BR-12 (it is on the approval card)' })
  .trim()
  .regex(/^BR-?\d{1,9}$/i, 'a request id looks like BR-12 (it is on the approval card)')
  .transform((v) => Number(v.replace(/\D/g, '')));
