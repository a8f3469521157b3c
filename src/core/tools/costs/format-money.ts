/** Money, share and time formatting shared by the allocation, budget and cost tools. */
import { ToolError } from '../../errors.ts';
import { MissingRateError } from '../../domain/costs/fx.ts';
import type { Locale, Translate } from '../../i18n/index.ts';

const tag = (locale: Locale): string => (locale === 'zh' ? 'zh-CN' : 'en-US');

/** "$17,000", "$11.87" (`digits` decimals), with an explicit sign when `signed`. */
export function formatMoney(locale: Locale, amount: number, options: { currency?: string; digits?: number; signed?: boolean } = {}): string {
  const digits = options.digits ?? 0;
  const text = new Intl.NumberFormat(tag(locale), {
    style: 'currency',
    currency: options.currency ?? 'USD',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(amount);
  return text.replace('-', '−');
}

/** "42 %" / "42%". */
export function formatShare(locale: Locale, share: number, digits = 0): string {
  return new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** A signed whole number: "+39", "−33", "0". */
export function formatChange(locale: Locale, n: number): string {
  return new Intl.NumberFormat(tag(locale), { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(n).replace('-', '−');
}

/** "2026-11-20 12:00 UTC": the same in every language. */
export function formatMoment(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Age of something created at `from`, as of `now`: "3 h", "2 d", "15 min". */
export function formatAge(t: Translate, from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return t('money.ageMinutes', { n: minutes });
  if (minutes < 48 * 60) return t('money.ageHours', { n: Math.floor(minutes / 60) });
  return t('money.ageDays', { n: Math.floor(minutes / 1440) });
}

/** Runs `fn`, turning a missing exchange rate into a message that says which variable to set. */
export async function withRates<T>(t: Translate, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof MissingRateError) throw new ToolError('invalid_input', t('money.missingRate', { currency: error.currency }));
    throw error;
  }
}
