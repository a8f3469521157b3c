/**
 * Tools that exist only in the Discord tests: a card with Approve buttons (a read) and the write
 * it leads to, so the button path is driven through the real registry, pipeline and database
 * the way the budget approval cards are (today's product buttons are all reads).
 */
import { z } from 'zod';
import { ToolError } from '../../../src/core/errors.ts';
import { defineTool, type ToolDefinition } from '../../../src/core/tool.ts';

/** Words that make a button's command longer than Discord's 100-character custom_id. */
export const LONG_NOTE = 'approved after the weekly review with the marketing team, the warehouse lead and finance';

const raise = defineTool({
  name: 'test-raise',
  command: '/testraise',
  summary: { en: 'raise a budget (test)', zh: '提高预算（测试）' },
  usage: '<budget id> <delta> [note]',
  examples: ['/testraise 1 500'],
  roles: ['manager', 'admin'],
  effect: 'write',
  input: z.object({ id: z.coerce.number().int().positive(), delta: z.coerce.number().int().min(1).max(100_000), note: z.string().max(200).optional() }),
  parseArgs: ([id, delta, ...note]) => ({ id, delta, ...(note.length > 0 ? { note: note.join(' ') } : {}) }),
  async run(ctx, args) {
    const after = await ctx.transaction(async (tx, audit) => {
      const before = await tx.budget.findUnique({ where: { id: args.id } });
      if (!before) throw new ToolError('not_found', `no budget ${args.id}`);
      const updated = await tx.budget.update({ where: { id: args.id }, data: { amount: { increment: args.delta }, version: { increment: 1 } } });
      await audit({ action: 'budget.test-raise', targetType: 'budget', targetId: String(args.id), before: { amount: String(before.amount) }, after: { amount: String(updated.amount), note: args.note ?? null } });
      return updated;
    });
    return { kind: 'result', locale: ctx.locale, title: `Budget ${args.id} raised`, summary: `Now ${String(after.amount)} ${after.currency} (version ${after.version}).` };
  },
});

const card = defineTool({
  name: 'test-card',
  command: '/testcard',
  summary: { en: 'a budget card with buttons (test)', zh: '带按钮的预算卡片（测试）' },
  usage: '<budget id>',
  examples: ['/testcard 1'],
  roles: ['staff', 'manager', 'admin'],
  effect: 'read',
  input: z.object({ id: z.coerce.number().int().positive() }),
  parseArgs: ([id]) => ({ id }),
  async run(ctx, args) {
    const budget = await ctx.db.budget.findUniqueOrThrow({ where: { id: args.id } });
    return {
      kind: 'result',
      locale: ctx.locale,
      title: `Budget ${budget.id}`,
      summary: `${budget.period} · ${String(budget.amount)} ${budget.currency}`,
      actions: [
        { id: 'approve', label: 'Approve +500', command: `/testraise ${budget.id} 500`, style: 'primary' },
        { id: 'approve-note', label: 'Approve +1 with note', command: `/testraise ${budget.id} 1 ${LONG_NOTE}` },
        { id: 'show', label: 'Show again', command: `/testcard ${budget.id}` },
      ],
    };
  },
});

/** The test tools, typed for a registry. */
export const DISCORD_TEST_TOOLS = [raise, card] as unknown as readonly ToolDefinition[];
