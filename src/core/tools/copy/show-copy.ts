/** `/copy show <id>`: one copy variant in full, with every check. */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { defineTool } from '../../tool.ts';
import { fieldOrder, loadVariant } from '../../domain/copy/copy-service.ts';
import { describeCheck, fieldsText, variantActions, variantIdArgs, variantRef } from './copy-render.ts';

const input = z
  .object({
    id: z.number({ error: 'give the variant to show, e.g. CV-12' }).int().positive('give the variant to show, e.g. CV-12'),
    extra: z.array(z.string()).max(0, 'show one variant at a time').optional(),
  })
  .strict();

/** The show tool. */
export const showCopy = defineTool({
  name: 'copy-show',
  command: '/copy show',
  summary: { en: 'One copy variant in full, with all its checks', zh: '查看一条文案变体的全文和全部检查' },
  usage: '<variant id>',
  examples: ['/copy show CV-12'],
  roles: ['staff', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input,
  parseArgs: (tokens) => variantIdArgs(tokens),
  async run(ctx, args) {
    const { t } = ctx;
    const ref = variantRef(args.id);
    const v = await loadVariant(ctx.db, args.id);
    if (!v) throw new ToolError('not_found', t('copy.variantNotFound', { ref }));
    const status =
      v.status === 'approved'
        ? t('copy.statusApproved', { by: v.approvedBy ?? '?' })
        : v.status === 'rejected'
          ? t('copy.statusReplaced')
          : t('copy.statusDraft');
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('copy.showTitle', { ref, sku: v.skuCode, platform: v.platformCode, locale: v.locale }),
      summary: t('copy.showSummary', {
        status,
        score: v.score,
        campaign: v.campaignCode ?? t('value.none'),
        source: v.source === 'model' ? t('copy.sourceModel') : t('copy.sourceComposer'),
        by: v.createdBy,
      }),
      fields: [{ label: t('copy.text'), value: fieldsText(t, v.fields, fieldOrder(v.fields), true, ref).join('\n') }],
      tables: [
        {
          title: t('copy.checks'),
          columns: [{ key: 'check', label: t('copy.colCheck') }],
          rows: v.checks.map((c) => ({ check: describeCheck(t, c) })),
        },
      ],
      actions: variantActions(ctx, [v]),
    };
  },
});
