/** Display formatting shared by tools, in the reply's language. */
import { formatNumber, type Locale, type Translate } from './i18n/index.ts';

/** "2026-12-14": ISO dates read the same in English and Chinese. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole days of cover, "18 d" / "18 天"; "not within a year" when it never runs out. */
export function formatCover(t: Translate, days: number): string {
  if (!Number.isFinite(days) || days > 365) return t('value.never');
  return t('value.days', { n: Math.floor(days + 1e-9) });
}

/** An optional date, or a dash. */
export function formatOptionalDay(t: Translate, date: Date | null): string {
  return date ? formatDay(date) : t('value.none');
}

/** Integer with grouping. */
export function formatCount(locale: Locale, n: number): string {
  return formatNumber(locale, n);
}

/** A rate such as 33.4. */
export function formatRate(locale: Locale, n: number): string {
  return formatNumber(locale, n, 1);
}
