/**
 * Pure stock-cover rules: how long stock lasts at the current sales rate, and when it runs
 * out once inbound shipments are counted. No I/O; dates are whole UTC days.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** The sales window the rate is measured over, in days. */
export const RATE_WINDOW_DAYS = 30;

/** Beyond this many days we say "not within a year" rather than print a far-off date. */
export const HORIZON_DAYS = 365;

/** An expected arrival of stock. */
export interface Arrival {
  eta: Date;
  quantity: number;
}

/** Midnight UTC of the day `date` falls in. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/** Whole days in `days`, forgiving float noise (500 / (1000 / 30) is 14.999…, which means 15). */
function wholeDays(days: number): number {
  return Math.floor(days + 1e-9);
}

/** `date` plus `days` whole days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Average units sold per day over the window; 0 when nothing sold. */
export function dailyRate(unitsSold: number, windowDays = RATE_WINDOW_DAYS): number {
  if (windowDays <= 0) throw new RangeError('windowDays must be positive');
  return Math.max(0, unitsSold) / windowDays;
}

/**
 * Days the stock lasts at `rate` units a day: `Infinity` when nothing sells, 0 when
 * nothing is available.
 */
export function daysOfCover(available: number, rate: number): number {
  if (available <= 0) return 0;
  if (rate <= 0) return Number.POSITIVE_INFINITY;
  return available / rate;
}

/** When stock runs out, with and without counting inbound arrivals. */
export interface StockoutProjection {
  /** Days of cover from what is available now. */
  coverDays: number;
  /** The day stock runs out if nothing arrives; null when not within the horizon. */
  stockoutDateWithoutInbound: Date | null;
  /** Days until the first stock-out once arrivals are counted; Infinity if not within the horizon. */
  coverWithInboundDays: number;
  /** The day stock first runs out once arrivals are counted; null when not within the horizon. */
  stockoutDate: Date | null;
  /** The first arrival that comes after stock has already run out, if any. */
  arrivalAfterStockout: Arrival | null;
}

/**
 * Projects the first stock-out day. Stock falls by `rate` a day and jumps by each arrival on
 * its ETA day; the first moment it would go below zero is the stock-out. An arrival on the
 * stock-out day itself is counted as arriving in time (ETAs are whole days).
 */
export function projectStockout(
  input: { available: number; rate: number; arrivals: readonly Arrival[]; today: Date },
  horizonDays = HORIZON_DAYS,
): StockoutProjection {
  const today = startOfUtcDay(input.today);
  const available = Math.max(0, input.available);
  const coverDays = daysOfCover(available, input.rate);
  const arrivals = input.arrivals
    .filter((a) => a.quantity > 0)
    .map((a) => ({ ...a, day: Math.max(0, Math.round((startOfUtcDay(a.eta).getTime() - today.getTime()) / DAY_MS)) }))
    .sort((a, b) => a.day - b.day);

  const stockoutDateWithoutInbound = coverDays <= horizonDays ? addDays(today, wholeDays(coverDays)) : null;
  if (input.rate <= 0) {
    return { coverDays, stockoutDateWithoutInbound, coverWithInboundDays: Number.POSITIVE_INFINITY, stockoutDate: null, arrivalAfterStockout: null };
  }

  let stock = available;
  let day = 0;
  let runOutAt: number | null = null;
  for (const arrival of arrivals) {
    const runsOutBefore = day + stock / input.rate;
    if (runsOutBefore < arrival.day) {
      runOutAt = runsOutBefore;
      break;
    }
    stock = stock - input.rate * (arrival.day - day) + arrival.quantity;
    day = arrival.day;
  }
  if (runOutAt === null) runOutAt = day + stock / input.rate;

  const firstArrivalAfter = arrivals.find((a) => a.day > runOutAt) ?? null;
  const within = runOutAt <= horizonDays;
  return {
    coverDays,
    stockoutDateWithoutInbound,
    coverWithInboundDays: within ? runOutAt : Number.POSITIVE_INFINITY,
    stockoutDate: within ? addDays(today, wholeDays(runOutAt)) : null,
    arrivalAfterStockout: firstArrivalAfter ? { eta: firstArrivalAfter.eta, quantity: firstArrivalAfter.quantity } : null,
  };
}
