/**
 * Calendar arithmetic for the seed. Days are Date values at 00:00 UTC, as in the schema.
 */

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

/** The same instant truncated to 00:00 UTC. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** `date` plus `days` whole days (negative to go back). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `date` plus a number of seconds; used to give timestamps a time of day. */
export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

/** Whole days from `from` to `to` (both truncated to UTC days). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / DAY_MS);
}

/** 00:00 UTC of a calendar date; month is 1-based. */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** "YYYY-MM-DD" of a UTC day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "YYYY-MM" budget period of a date, shifted by `monthOffset` months. */
export function period(date: Date, monthOffset = 0): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthOffset, 1));
  return d.toISOString().slice(0, 7);
}

/** First day (00:00 UTC) of the month of `date`, shifted by `monthOffset` months. */
export function monthStart(date: Date, monthOffset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthOffset, 1));
}

/** Day of the year, 0-based. */
export function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS);
}

/** The n-th (1-based) given weekday (0 = Sunday) of a month. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  const first = utcDate(year, month, 1);
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

/**
 * US Black Friday: the day after Thanksgiving (fourth Thursday of November). In most years
 * this is the last Friday of November; the rule matters when November has five Fridays.
 */
export function blackFriday(year: number): Date {
  return addDays(nthWeekday(year, 11, 4, 4), 1);
}

/** Cyber Monday: three days after Black Friday. */
export function cyberMonday(year: number): Date {
  return addDays(blackFriday(year), 3);
}

/** First day of Amazon Prime Day, modelled as the second Tuesday of July (two days long). */
export function primeDay(year: number): Date {
  return nthWeekday(year, 7, 2, 2);
}

/** First day of Amazon's October "Prime Big Deal Days", the second Tuesday of October. */
export function primeBigDealDays(year: number): Date {
  return nthWeekday(year, 10, 2, 2);
}
