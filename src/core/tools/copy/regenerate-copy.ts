/**
 * `/copy regenerate <id>`: replaces a draft variant with a new one for the same SKU, platform,
 * language and campaign, different from every variant that slot already has. The old draft is
 * marked replaced in the same transaction that stores the new one, so a double click replaces
 * it once.
 */
import { ToolError } from '../../errors.ts';
import { defineTool, type ToolDefinition } from '../../tool.ts';
import { existingInSlots, fieldOrder, loadVariant, retireDraft, slotKey, storeVariants } from '../../domain/copy/copy-service.ts';
import { generateVariants, type CopyModel } from '../../domain/copy/generator.ts';
import { currentRequestFor, variantActions, variantField, variantIdArgs, variantIdInput, variantRef } from './copy-render.ts';

const input = variantIdInput('regenerate');

/** Builds the regenerate tool around a model (or none). */
export function makeRegenerateCopy(model: CopyModel | null): ToolDefinition<typeof input> {
  return defineTool({
    name: 'copy-regenerate',
    command: '/copy regenerate',
    summary: { en: 'Replace a draft copy variant with a new one', zh: '用新文案替换一条草稿变体' },
    usage: '<variant id>',
    examples: ['/copy regenerate CV-12'],
    roles: ['marketing', 'manager'],
    effect: 'write',
    input,
    parseArgs: (tokens) => variantIdArgs(tokens),
    async run(ctx, args) {
      const { t } = ctx;
      const ref = variantRef(args.id);
      const old = await loadVariant(ctx.db, args.id);
      if (!old) throw new ToolError('not_found', t('copy.variantNotFound', { ref }));
      if (old.status === 'approved') throw new ToolError('conflict', t('copy.regenerateApproved', { ref }), { hints: [t('copy.regenerateApprovedHint', { sku: old.skuCode, platform: old.platformCode, locale: old.locale })] });
      if (old.status === 'rejected') throw new ToolError('conflict', t('copy.regenerateReplaced', { ref }));

      const req = await currentRequestFor(ctx, old);
      const slot = { skuId: old.skuId, platformId: old.platformId, locale: old.locale, campaignId: old.campaignId };
      const avoid = (await existingInSlots(ctx.db, [slot])).get(slotKey(slot)) ?? new Set<string>();
      const result = await generateVariants(req, 1, avoid, model);
      const fresh = result.variants[0];
      if (!fresh) throw new ToolError('conflict', t('copy.regenerateExhausted', { ref }));

      const created = await ctx.transaction(async (tx, audit) => {
        if (!(await retireDraft(tx, args.id))) return null;
        const [saved] = await storeVariants(tx, [{ ...slot, fields: fresh.fields, checks: fresh.validation.checks, score: fresh.validation.score, source: fresh.source }], ctx.actor.ref, ctx.now);
        await audit({
          action: 'copy.regenerate',
          targetType: 'copy-variant',
          targetId: String(args.id),
          before: { status: 'draft' },
          after: { status: 'rejected', replacedBy: saved?.id ?? null },
        });
        return saved ?? null;
      });
      if (!created) throw new ToolError('conflict', t('copy.regenerateReplaced', { ref }));

      const notes = result.notes.map((n) =>
        n.kind === 'model-unavailable'
          ? t('copy.noteModelUnavailable', { platform: old.platformCode, locale: old.locale, model: n.model })
          : n.kind === 'model-rejected'
            ? t('copy.noteModelRejected', { platform: old.platformCode, locale: old.locale, model: n.model, count: n.rejected, problems: n.problems.join('; ') || t('copy.noteTooFew') })
            : t('copy.noteComposerShort', { platform: old.platformCode, locale: old.locale, got: n.got, wanted: n.wanted }),
      );
      return {
        kind: 'result',
        locale: ctx.locale,
        title: t('copy.regenerateTitle', { ref, fresh: variantRef(created.id) }),
        summary: t('copy.regenerated', { ref, fresh: variantRef(created.id), sku: created.skuCode, platform: created.platformCode, locale: created.locale }),
        fields: [variantField(t, created, fieldOrder(created.fields), false)],
        notes,
        actions: variantActions(ctx, [created]),
      };
    },
  });
}

/** The regenerate tool with the deterministic composer. */
export const regenerateCopy = makeRegenerateCopy(null);
