/**
 * Money for customer value: sums per currency and one total in USD at the brand's planning
 * rates (FX_PER_USD, the same rates as margins and budgets), not live ones; a reply always says
 * which it used.
 */
import type { Locale } from '../../i18n/index.ts';
import { planningSettings } from '../planning/settings.ts';

/** The currency every customer total is shown in. */
export const TOTAL_CURRENCY = 'USD';

/** USD per unit of each configured currency (the inverse of FX_PER_USD), rounded for display. */
export function referenceRates(): Record<string, number> {
  return Object.fromEntries(Object.entries(planningSettings().fxPerUsd).map(([code, perUsd]) => [code, Math.round((1 / perUsd) * 10_000) / 10_000]));
}

/** `amount` in USD, or null when there is no configured rate for its currency. */
export function toTotalCurrency(amount: number, currency: string): number | null {
  const perUsd = planningSettings().fxPerUsd[currency.toUpperCase()];
  return perUsd === undefined || !(perUsd > 0) ? null : Math.round((amount / perUsd) * 100) / 100;
}

// Building an Intl.NumberFormat costs far more than using one; a profile formats dozens of amounts.
const formats = new Map<string, Intl.NumberFormat>();

/** "$1,234.50", "€12.00", "MYR 45.00"; the same in Chinese with Chinese grouping. */
export function formatMoney(locale: Locale, amount: number, currency: string): string {
  const key = `${locale}:${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { style: 'currency', currency, currencyDisplay: 'symbol' });
    formats.set(key, format);
  }
  return format.format(amount);
}
