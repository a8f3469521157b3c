/**
 * `/alloc reorder`: what to order now, per SKU: quantity (at least the MOQ), the last day to
 * place the order, the reorder point and the safety stock it rests on.
 */
import { z } from 'zod';
import { formatCount, formatDay, formatRate } from '../../format.ts';
import type { ChatAction } from '../../reply.ts';
import { defineTool } from '../../tool.ts';
import { forEachPlanBatch, type SkuPlan } from '../../domain/planning/planning-service.ts';
import { CYCLE_DAYS, REVIEW_DAYS } from '../../domain/planning/replenishment.ts';
import { withRates } from '../costs/format-money.ts';
import { planOptions } from './shared.ts';

/** The reorder list tool. */
export const allocReorder = defineTool({
  name: 'alloc-reorder',
  command: '/alloc reorder',
  summary: {
    en: 'What to order now: quantity (MOQ respected), order-by date and reorder point per SKU',
    zh: '现在该补货什么：每个 SKU 的订货量（满足起订量）、最晚下单日和再订货点',
  },
  usage: '',
  examples: ['/alloc reorder'],
  roles: ['staff', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input: z.object({}).strict(),
  parseArgs(tokens) {
    return tokens.length === 0 ? {} : { unexpected: tokens.join(' ') };
  },
  async run(ctx) {
    const { t, locale } = ctx;
    // Only the SKUs due (and the next one to come due) are kept of each batch of plans.
    type Slim = Pick<SkuPlan, 'code' | 'reorder' | 'available' | 'inbound' | 'rate' | 'leadTimeDays' | 'safetyStock' | 'moq'>;
    const slim = (p: SkuPlan): Slim => ({ code: p.code, reorder: p.reorder, available: p.available, inbound: p.inbound, rate: p.rate, leadTimeDays: p.leadTimeDays, safetyStock: p.safetyStock, moq: p.moq });
    const byDaysLeft = (a: Slim, b: Slim): number => (a.reorder.daysLeft ?? 0) - (b.reorder.daysLeft ?? 0) || a.code.localeCompare(b.code);
    const due: Slim[] = [];
    let next: Slim | undefined;
    await withRates(t, () =>
      forEachPlanBatch(ctx.db, ctx.now, planOptions(), (plans) => {
        for (const p of plans) {
          if (p.reorder.due) due.push(slim(p));
          else if (p.reorder.orderBy && (!next || byDaysLeft(p, next) < 0)) next = slim(p);
        }
      }),
    );
    due.sort(byDaysLeft);
    const summary =
      due.length > 0
        ? t('alloc.reorder.summary', { n: due.length, days: REVIEW_DAYS })
        : next?.reorder.orderBy
          ? t('alloc.reorder.noneNext', { days: REVIEW_DAYS, sku: next.code, date: formatDay(next.reorder.orderBy) })
          : t('alloc.reorder.none', { days: REVIEW_DAYS });
    return {
      kind: 'result',
      locale,
      title: t('alloc.reorder.title'),
      summary,
      tables:
        due.length === 0
          ? []
          : [
              {
                columns: [
                  { key: 'sku', label: t('alloc.list.colSku') },
                  { key: 'order', label: t('alloc.reorder.colOrder'), align: 'right' },
                  { key: 'by', label: t('alloc.reorder.colBy') },
                  { key: 'position', label: t('alloc.reorder.colPosition'), align: 'right' },
                  { key: 'rop', label: t('alloc.reorder.colRop'), align: 'right' },
                  { key: 'perDay', label: t('alloc.colPerDay'), align: 'right' },
                  { key: 'lead', label: t('alloc.reorder.colLead'), align: 'right' },
                  { key: 'safety', label: t('alloc.reorder.colSafety'), align: 'right' },
                  { key: 'moq', label: t('alloc.reorder.colMoq'), align: 'right' },
                ],
                rows: due.map((p) => ({
                  sku: p.code,
                  order: formatCount(locale, p.reorder.quantity),
                  by: p.reorder.orderBy ? ((p.reorder.daysLeft ?? 0) <= 0 ? t('alloc.reorder.now', { date: formatDay(p.reorder.orderBy) }) : formatDay(p.reorder.orderBy)) : t('value.none'),
                  position: formatCount(locale, p.available + p.inbound),
                  rop: formatCount(locale, p.reorder.reorderPoint),
                  perDay: formatRate(locale, p.rate),
                  lead: t('value.days', { n: p.leadTimeDays }),
                  safety: t('alloc.reorder.safetyValue', {
                    units: formatCount(locale, p.safetyStock),
                    rule: formatCount(locale, Math.round(p.rate * 30 * 0.2)),
                    ruleHigh: formatCount(locale, Math.round(p.rate * 30 * 0.3)),
                  }),
                  moq: formatCount(locale, p.moq),
                })),
              },
            ],
      notes: [t('alloc.reorder.how', { cycle: CYCLE_DAYS, review: REVIEW_DAYS })],
      actions: due.slice(0, 5).map((p): ChatAction => ({ id: `alloc:${p.code}`, label: p.code, command: `/alloc ${p.code}` })),
    };
  },
});
