/**
 * `/ship <sku> <country> [deadline days]`: how to send one parcel of a SKU: the cheapest option
 * that takes its weight and declared value to the destination within the deadline, and why.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { defineTool } from '../../tool.ts';
import { platformRoutes, shippingOptions } from '../../domain/costs/cost-service.ts';
import { chooseShipping, PARCEL_KINDS, type Exclusion, type Quote } from '../../domain/costs/logistics.ts';
import { planningSettings } from '../../domain/planning/settings.ts';
import { resolveSkuFor } from '../alloc/shared.ts';
import { formatCount } from '../../format.ts';
import { formatMoney, withRates } from './format-money.ts';

/** Longest deadline accepted, in days. */
export const MAX_DEADLINE_DAYS = 120;

const input = z.object({
  query: z.string({ error: 'give a SKU code such as WB-500' }).trim().min(2, 'give a SKU code such as WB-500').max(80, 'a SKU code is at most 80 characters'),
  destination: z
    .string({ error: 'give the destination country as two letters, like US or DE' })
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'the destination is a two-letter country code, like US or DE')
    .transform((v) => v.toUpperCase()),
  deadline: z.coerce.number().int('the deadline is a whole number of days').min(1, 'the deadline is at least 1 day').max(MAX_DEADLINE_DAYS, `the deadline is at most ${MAX_DEADLINE_DAYS} days`).optional(),
});

const EXCLUSION_KEY = {
  route: 'ship.ex.route',
  weight: 'ship.ex.weight',
  value: 'ship.ex.value',
  deadline: 'ship.ex.deadline',
  'no-rate': 'ship.ex.noRate',
} as const satisfies Record<Exclusion, MessageKey>;

/** The logistics choice tool. */
export const ship = defineTool({
  name: 'ship',
  command: '/ship',
  summary: {
    en: 'Cheapest way to ship one parcel of a SKU to a country within a deadline, and why',
    zh: '在时效内把一件 SKU 寄到某国的最便宜方式及理由',
  },
  usage: '<sku> <country> [deadline days]',
  examples: ['/ship WB-500 US', '/ship BT-100 DE 7', '/ship SP-2 MY 5'],
  roles: ['staff', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input,
  parseArgs(tokens) {
    const words = [...tokens];
    let deadline: string | undefined;
    const last = words.at(-1);
    if (last !== undefined && /^\d+\s*(d|days?|天)?$/i.test(last) && words.length >= 2) deadline = (words.pop() as string).replace(/\D/g, '');
    const countryIndex = words.length >= 2 && /^[A-Za-z]{2}$/.test(words.at(-1) ?? '') ? words.length - 1 : -1;
    const destination = countryIndex >= 0 ? words[countryIndex] : undefined;
    const query = words.filter((_, i) => i !== countryIndex).join(' ');
    return { query, ...(destination === undefined ? {} : { destination }), ...(deadline === undefined ? {} : { deadline }) };
  },
  async run(ctx, args) {
    const { t, locale } = ctx;
    const summary = await resolveSkuFor(ctx, args.query, '/ship');
    const sku = await ctx.db.sku.findUniqueOrThrow({ where: { id: summary.id }, select: { weightGrams: true, declaredValue: true } });
    const [options, routes] = await Promise.all([shippingOptions.get(ctx.db), platformRoutes(ctx.db)]);
    const origin = [...routes.values()][0]?.origin ?? 'CN';
    const parcels = options.filter((o) => PARCEL_KINDS.includes(o.kind) && o.origin === origin);
    const served = [...new Set(parcels.flatMap((o) => o.destinations))].sort();
    if (!served.includes(args.destination)) {
      throw new ToolError('not_found', t('ship.noRoute', { destination: args.destination, origin, served: served.join(', ') }));
    }
    const declaredUsd = Number(sku.declaredValue);
    const parcel = { origin, destination: args.destination, weightGrams: sku.weightGrams, declaredUsd, deadlineDays: args.deadline ?? null };
    const choice = await withRates(t, async () => chooseShipping(parcels, parcel, planningSettings().fxPerUsd));
    const usd = (q: Quote): string => (q.priceUsd === null ? t('value.none') : formatMoney(locale, q.priceUsd, { digits: 2 }));
    const facts = { grams: formatCount(locale, sku.weightGrams), value: formatMoney(locale, declaredUsd, { digits: 2 }), destination: args.destination };
    const why = (q: Quote): string => {
      if (q.excluded === null) return t('ship.ok');
      return t(EXCLUSION_KEY[q.excluded], {
        max: q.option.maxDeclaredUsd === null ? '' : formatMoney(locale, q.option.maxDeclaredUsd),
        maxGrams: formatCount(locale, q.option.maxWeightGrams),
        days: q.option.transitDaysMax,
        deadline: args.deadline ?? 0,
      });
    };
    let summaryText: string;
    const chosen = choice.chosen;
    if (!chosen) {
      summaryText = t('ship.none', { ...facts, deadline: args.deadline ?? 0 });
    } else {
      const base = t(chosen.option.kind === 'postal' ? 'ship.chosenPostal' : 'ship.chosenExpress', { option: chosen.option.code, carrier: chosen.option.carrier, price: usd(chosen), min: chosen.option.transitDaysMin, max: chosen.option.transitDaysMax });
      const cheaper = choice.cheaperExcluded;
      summaryText = cheaper
        ? `${base} ${t('ship.becauseCheaperExcluded', { cheaper: cheaper.option.code, why: why(cheaper) })}`
        : `${base} ${t('ship.becauseCheapest', facts)}`;
    }
    return {
      kind: 'result',
      locale,
      title: t('ship.title', { sku: summary.code, destination: args.destination, deadline: args.deadline === undefined ? '' : t('ship.withinDays', { days: args.deadline }) }),
      summary: summaryText,
      fields: [
        { label: t('ship.parcel'), value: t('ship.parcelValue', facts) },
        { label: t('ship.deadline'), value: args.deadline === undefined ? t('ship.noDeadline') : t('value.days', { n: args.deadline }) },
      ],
      tables: [
        {
          columns: [
            { key: 'option', label: t('ship.colOption') },
            { key: 'kind', label: t('ship.colKind') },
            { key: 'transit', label: t('ship.colTransit'), align: 'right' },
            { key: 'price', label: t('ship.colPrice'), align: 'right' },
            { key: 'tracked', label: t('ship.colTracked') },
            { key: 'fit', label: t('ship.colFit') },
          ],
          rows: choice.quotes
            .filter((q) => q.excluded !== 'route')
            .map((q) => ({
              option: q === chosen ? `▶ ${q.option.code}` : q.option.code,
              kind: q.option.kind,
              transit: `${q.option.transitDaysMin}–${q.option.transitDaysMax} d`,
              price: usd(q),
              tracked: q.option.tracked ? t('ship.yes') : t('ship.no'),
              fit: why(q),
            })),
        },
      ],
      notes: [t('ship.how')],
      actions: [{ id: 'margin', label: t('alloc.marginButton', { sku: summary.code }), command: `/margin ${summary.code}` }],
    };
  },
});
