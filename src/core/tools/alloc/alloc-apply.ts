/**
 * `/alloc apply <proposal>`: the Apply button of an allocation suggestion. Sets every
 * platform's allocation to the suggested numbers in one transaction with an AuditEvent, once.
 */
import { z } from 'zod';
import { formatCount } from '../../format.ts';
import { defineTool } from '../../tool.ts';
import { applyAllocationProposal } from '../../domain/planning/apply-allocation.ts';
import { parseProposalLabel } from '../../domain/planning/proposal-service.ts';
import { Refusal } from '../../domain/planning/refusal.ts';
import { formatChange, formatMoment } from '../costs/format-money.ts';
import { DECISION_TX } from '../budget/shared.ts';
import { allocRefusal } from './shared.ts';

const input = z
  .object({
    proposal: z
      .string({ error: 'give the suggestion’s id, like AP-12 (it is on the Apply button of /alloc <sku>)' })
      .trim()
      .refine((v) => parseProposalLabel('allocation', v) !== null, 'a suggestion id looks like AP-12 (it is on the Apply button of /alloc <sku>)')
      .transform((v) => parseProposalLabel('allocation', v) as number),
  })
  .strict();

/** The Apply button of /alloc. */
export const allocApply = defineTool({
  name: 'alloc-apply',
  command: '/alloc apply',
  summary: {
    en: 'Apply an allocation suggestion (the Apply button of /alloc <sku>)',
    zh: '应用一条库存分配建议（即 /alloc <sku> 的“应用”按钮）',
  },
  usage: '<suggestion id>',
  examples: ['/alloc apply AP-12'],
  roles: ['staff', 'manager', 'admin'],
  effect: 'write',
  input,
  parseArgs(tokens) {
    const [proposal, ...rest] = tokens;
    return { ...(proposal === undefined ? {} : { proposal }), ...(rest.length > 0 ? { unexpected: rest.join(' ') } : {}) };
  },
  async run(ctx, { proposal }) {
    const { t, locale } = ctx;
    let applied;
    try {
      applied = await ctx.transaction((tx, audit) => applyAllocationProposal(tx, proposal, ctx.actor.ref, ctx.now, audit), DECISION_TX);
    } catch (error) {
      if (error instanceof Refusal) throw allocRefusal(ctx, error);
      throw error;
    }
    return {
      kind: 'result',
      locale,
      title: t('alloc.apply.title', { id: applied.proposal, sku: applied.sku }),
      summary: t('alloc.apply.done', { id: applied.proposal, by: ctx.actor.name, at: formatMoment(ctx.now) }),
      tables: [
        {
          columns: [
            { key: 'platform', label: t('stock.colPlatform') },
            { key: 'before', label: t('alloc.colNow'), align: 'right' },
            { key: 'after', label: t('alloc.apply.colAfter'), align: 'right' },
            { key: 'change', label: t('alloc.colChange'), align: 'right' },
          ],
          rows: applied.lines.map((l) => ({
            platform: l.platform,
            before: formatCount(locale, l.before),
            after: formatCount(locale, l.after),
            change: formatChange(locale, l.after - l.before),
          })),
        },
      ],
      actions: [{ id: 'stock', label: t('alloc.stockButton', { sku: applied.sku }), command: `/stock ${applied.sku}` }],
    };
  },
});
