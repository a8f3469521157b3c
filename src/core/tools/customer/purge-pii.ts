/**
 * `/customer purge`: runs Amazon's 30-day PII purge now (it also runs daily on schedule). For
 * admins. Removes buyer PII from Amazon identities whose last shipment is over 30 days old;
 * orders, tickets and reviews stay. Idempotent: a second run finds nothing due. Audited.
 */
import { z } from 'zod';
import { formatDay } from '../../format.ts';
import { defineTool } from '../../tool.ts';
import { PURGE_SCHEDULE } from '../../domain/customers/jobs.ts';
import { AMAZON_PII_RETENTION_DAYS, PURGE_TX_TIMEOUT_MS, purgeAmazonPii } from '../../domain/customers/purge.ts';

/** The on-demand purge tool. */
export const purgeCustomerPii = defineTool({
  name: 'customer-purge',
  command: '/customer purge',
  summary: { en: 'Remove Amazon buyer PII 30 days after shipment, now (also runs daily)', zh: '立即删除发货已满 30 天的亚马逊买家个人信息（每天也会自动运行）' },
  usage: '',
  examples: ['/customer purge'],
  roles: ['admin'],
  effect: 'write',
  input: z.object({}).strict(),
  parseArgs(tokens) {
    // Extra words are reported by the strict schema rather than silently ignored.
    return tokens.length === 0 ? {} : { unexpected: tokens.join(' ') };
  },
  async run(ctx) {
    const { t } = ctx;
    // One transaction over every due identity: on a large or busy database that outlasts Prisma's 5 s default.
    const result = await ctx.transaction((tx, audit) => purgeAmazonPii(tx, { now: ctx.now, audit }), { timeoutMs: PURGE_TX_TIMEOUT_MS });
    const count = result.identityIds.length;
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('customer.purge.title'),
      summary:
        count === 0
          ? t('customer.purge.none', { days: AMAZON_PII_RETENTION_DAYS, cutoff: formatDay(result.cutoff) })
          : t('customer.purge.done', { count, days: AMAZON_PII_RETENTION_DAYS, cutoff: formatDay(result.cutoff) }),
      ...(count === 0
        ? {}
        : {
            tables: [
              {
                columns: [
                  { key: 'platform', label: t('customer.colPlatform') },
                  { key: 'identities', label: t('customer.purge.colIdentities'), align: 'right' as const },
                ],
                rows: result.byPlatform.map((p) => ({ platform: p.platform, identities: String(p.identities) })),
              },
            ],
          }),
      notes: [t('customer.purge.kept'), t('customer.purge.schedule', { schedule: PURGE_SCHEDULE })],
    };
  },
});
