/**
 * Money for customer value: sums per currency and one total in USD at fixed reference rates.
 * The rates are the brand's planning rates, not live ones; a reply always says which it used.
 */
import type { Locale } from '../../i18n/index.ts';

/** The currency every customer total is shown in. */
export const TOTAL_CURRENCY = 'USD';

/** USD per unit of each currency, the planning rates the totals use. */
export const REFERENCE_RATES: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  MYR: 0.22,
  CNY: 0.14,
};

/** `amount` in USD, or null when there is no reference rate for its currency. */
export function toTotalCurrency(amount: number, currency: string): number | null {
  const rate = REFERENCE_RATES[currency.toUpperCase()];
  return rate === undefined ? null : Math.round(amount * rate * 100) / 100;
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
