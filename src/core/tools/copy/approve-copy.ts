/**
 * `/copy approve <id>`: marks a draft variant as the approved copy of its SKU, platform,
 * language and campaign, exactly once and with an audit trail. The variant is checked again
 * against today's platform rules and brand profile first: copy written before a rule changed
 * is not approved on the strength of old checks.
 */
import { ToolError } from '../../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import { defineTool } from '../../tool.ts';
import { approveVariant, fieldOrder, loadVariant } from '../../domain/copy/copy-service.ts';
import { checkContextFor } from '../../domain/copy/composer.ts';
import { validateCopy } from '../../domain/copy/validate.ts';
import { currentRequestFor, describeCheck, variantField, variantIdArgs, variantIdInput, variantRef } from './copy-render.ts';

const input = variantIdInput('approve');

function alreadyApproved(t: Translate, ref: string, by: string | null, at: Date | null): string {
  return t('copy.alreadyApproved', { ref, by: by ?? '?', at: at ? at.toISOString().slice(0, 16).replace('T', ' ') : '?' });
}

/** The approve tool: marketing and managers. */
export const approveCopy = defineTool({
  name: 'copy-approve',
  command: '/copy approve',
  summary: { en: 'Approve a copy variant so it is exported', zh: '批准一条文案变体，之后可导出' },
  usage: '<variant id>',
  examples: ['/copy approve CV-12'],
  roles: ['marketing', 'manager'],
  effect: 'write',
  input,
  parseArgs: (tokens) => variantIdArgs(tokens),
  async run(ctx, args) {
    const { t } = ctx;
    const ref = variantRef(args.id);
    const current = await loadVariant(ctx.db, args.id);
    if (!current) throw new ToolError('not_found', t('copy.variantNotFound', { ref }));
    // Approving twice changes nothing; say so, as every repeated write does.
    if (current.status === 'approved') throw new ToolError('conflict', alreadyApproved(t, ref, current.approvedBy, current.approvedAt));
    if (current.status === 'rejected') throw new ToolError('conflict', t('copy.approveReplaced', { ref }));

    // Check again against today's rules and brand.
    const req = await currentRequestFor(ctx, current);
    const recheck = validateCopy(current.fields, checkContextFor(req));
    if (!recheck.valid) {
      throw new ToolError('conflict', t('copy.approveNowInvalid', { ref }), {
        hints: [...recheck.checks.filter((c) => !c.ok && c.hard).map((c) => describeCheck(t, c)), t('copy.approveRegenerateHint', { ref })],
        actions: [{ id: `copy-regenerate:${args.id}`, label: t('copy.buttonRegenerate', { ref }), command: `/copy regenerate ${ref}` }],
      });
    }

    const result = await ctx.transaction(async (tx, audit) => {
      const outcome = await approveVariant(tx, args.id, ctx.actor.ref, ctx.now);
      if (outcome.kind === 'approved') {
        await audit({
          action: 'copy.approve',
          targetType: 'copy-variant',
          targetId: String(args.id),
          before: { status: 'draft' },
          after: { status: 'approved', approvedBy: ctx.actor.ref, sku: outcome.variant.skuCode, platform: outcome.variant.platformCode, locale: outcome.variant.locale, replaced: outcome.replaced },
        });
      }
      return outcome;
    });

    switch (result.kind) {
      case 'missing':
        throw new ToolError('not_found', t('copy.variantNotFound', { ref }));
      case 'rejected':
        throw new ToolError('conflict', t('copy.approveReplaced', { ref }));
      case 'already-approved':
        throw new ToolError('conflict', alreadyApproved(t, ref, result.variant.approvedBy, result.variant.approvedAt));
      case 'approved': {
        const v = { ...result.variant, checks: recheck.checks, score: recheck.score };
        return {
          kind: 'result',
          locale: ctx.locale,
          title: t('copy.approveTitle', { ref }),
          summary: t('copy.approved', { ref, sku: v.skuCode, platform: v.platformCode, locale: v.locale }),
          fields: [variantField(t, v, fieldOrder(v.fields), false)],
          notes: [
            ...(result.replaced.length > 0 ? [t('copy.approvedReplaces', { refs: result.replaced.map(variantRef).join(', ') })] : []),
            t('copy.approvedExportHint', { platform: v.platformCode }),
          ],
          actions: [{ id: `copy-export:${v.platformCode}`, label: t('copy.buttonExport', { platform: v.platformCode }), command: `/copy export ${v.platformCode}` }],
        };
      }
    }
  },
});
