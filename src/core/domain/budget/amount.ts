/**
 * Money amounts and budget periods as people type them: "80000", "80,000", "80k", "$80k",
 * "8万", "1.5万", "+5000", "-2k"; periods "2026-12", "2026/12", "2026年12月". Pure.
 */

/** Largest amount accepted anywhere (USD): anything above is a typo. */
export const MAX_AMOUNT = 10_000_000;

const MULTIPLIERS: Record<string, number> = { '': 1, k: 1_000, K: 1_000, m: 1_000_000, M: 1_000_000, 千: 1_000, 万: 10_000, w: 10_000, W: 10_000 };

/**
 * Parses an amount. Returns null when the text is not an amount at all. The sign is kept
 * ("+5000" → 5000, "-2k" → -2000); whether a sign is required is the caller's rule.
 */
export function parseAmount(text: string): { value: number; signed: boolean } | null {
  const m = /^([+-]|＋|－)?\s*(?:US)?\$?\s*(\d{1,3}(?:[,，_]\d{3})+|\d+)(?:\.(\d+))?\s*([kKmM千万wW]?)\s*(?:usd|USD|美元|刀)?$/.exec(text.trim());
  if (!m) return null;
  const sign = m[1] === '-' || m[1] === '－' ? -1 : 1;
  const whole = (m[2] ?? '').replace(/[,，_]/g, '');
  const value = Number(`${whole}${m[3] ? `.${m[3]}` : ''}`) * (MULTIPLIERS[m[4] ?? ''] ?? 1);
  if (!Number.isFinite(value)) return null;
  return { value: Math.round(sign * value * 100) / 100, signed: m[1] !== undefined };
}

/** Parses a budget period into "YYYY-MM"; null when it is not one. */
export function parsePeriod(text: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** "YYYY-MM" of a date (UTC), shifted by `offset` months. */
export function periodOf(date: Date, offset = 0): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
}

/** Months from period `a` to period `b` (positive when b is later). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}

/** Days in a "YYYY-MM" period. */
export function daysInPeriod(period: string): number {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** First day (00:00 UTC) of a period. */
export function periodStart(period: string): Date {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1));
}
