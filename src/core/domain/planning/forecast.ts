/**
 * Demand forecast per SKU × platform from daily units. Pure: no I/O, no clock.
 *
 * Why this method: marketplace sales have four things in them, and each gets its own tool.
 * - Weekly rhythm (Sunday peaks on Amazon, Friday dips on Shopee): multiplicative weekday
 *   factors, taken as the median of each weekday's share of its week over the last 12 weeks,
 *   so a promotion day cannot bend the profile; shrunk towards flat when few weeks exist.
 * - Promotion spikes (Black Friday, 11.11, Shopee double days): a spike is a planned event,
 *   not base demand. Days far above the trailing 28-day median are capped before fitting, so
 *   one 11.11 does not inflate next month's forecast (nor its σ, and with it safety stock).
 * - Trend (new marketplaces grow, old phone cases fade): Holt's linear method with a damped
 *   trend (φ = 0.9), smoothing constants picked per series by one-step-ahead error. Damping
 *   keeps a steep recent trend from being extrapolated for months.
 * - Intermittent demand (slow movers sell on a few days, several units at once): when the
 *   average interval between sales days exceeds 1.32 days (Syntetos–Boylan's cut-off), the
 *   Teunter–Syntetos–Babai variant of Croston's method: order size and the daily chance of a
 *   sale are smoothed separately, the chance every day, so a product that has gone quiet
 *   fades instead of keeping its old rate; exponential smoothing on such series lags and
 *   overshoots after every order. Its two constants are picked per series by one-step error,
 *   which on the UCI data (bursty wholesale reorders) beat fixed ones clearly.
 * Yearly seasonality is not modelled: a year of history holds one cycle, too little to
 * separate season from trend. Planned events are for the campaign plan, not for the base
 * forecast.
 */
import { mean, median, robustSigma, sum } from './stats.ts';

/** How a forecast was made. */
export type ForecastMethod = 'damped-trend' | 'intermittent' | 'short-history' | 'no-sales';

/** Syntetos–Boylan cut-off on the average inter-demand interval. */
export const INTERMITTENT_ADI = 1.32;
/** Fewer days than this of history: too short to fit, use the plain mean. */
export const MIN_FIT_DAYS = 21;
/** Days of history the fit uses (the most recent ones). */
export const FIT_WINDOW_DAYS = 182;
/** Damping of the trend per day. */
export const TREND_DAMPING = 0.9;

/** A fitted forecast; read it with {@link expectedUnits}. */
export interface DemandForecast {
  method: ForecastMethod;
  /** Base demand per day at the forecast origin, before weekday factors. */
  level: number;
  /** Trend per day at the origin (damped when projected). */
  trend: number;
  /** Weekday factors, index 0 = Sunday, mean 1. */
  weekday: readonly number[];
  /** Weekday (0 = Sunday) of forecast day 0, i.e. the day after the last history day. */
  firstWeekday: number;
  /** σ of one day's demand around the forecast, in units. */
  sigma: number;
  /** Mean forecast units per day over the next 28 days. */
  rate: number;
  historyDays: number;
  /** Days with sales within the fit window. */
  salesDays: number;
  /** Days capped as promotion spikes. */
  spikes: number;
  /** Median units on a day with sales, for intermittent demand (one typical order); else 0. */
  typicalOrder: number;
}

const FLAT_WEEK: readonly number[] = [1, 1, 1, 1, 1, 1, 1];

/**
 * Fits a forecast to `history` (units per day, oldest first, ending the day before the
 * forecast starts). `firstWeekday` is the weekday (0 = Sunday) of `history[0]`.
 */
export function forecastDemand(history: readonly number[], firstWeekday: number): DemandForecast {
  const all = history.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const offset = Math.max(0, all.length - FIT_WINDOW_DAYS);
  const y = all.slice(offset);
  const startDow = (((firstWeekday + offset) % 7) + 7) % 7;
  const nextDow = (startDow + y.length) % 7;
  const salesDays = y.filter((v) => v > 0).length;
  const base = { firstWeekday: nextDow, historyDays: all.length, salesDays, spikes: 0, typicalOrder: 0 };

  if (salesDays === 0) {
    return { ...base, method: 'no-sales', level: 0, trend: 0, weekday: FLAT_WEEK, sigma: 0, rate: 0 };
  }
  if (y.length < MIN_FIT_DAYS) {
    const m = mean(y);
    const sd = Math.sqrt(mean(y.map((v) => (v - m) ** 2)));
    return { ...base, method: 'short-history', level: m, trend: 0, weekday: FLAT_WEEK, sigma: Math.max(sd, Math.sqrt(m)), rate: m };
  }
  // Intermittency is judged on the recent quarter: a SKU that used to sell daily but now
  // sells every few days is intermittent today.
  const recent = y.slice(-91);
  const recentSales = recent.filter((v) => v > 0).length;
  if (recentSales === 0 || recent.length / recentSales > INTERMITTENT_ADI) {
    return { ...base, ...intermittent(y), typicalOrder: median(y.filter((v) => v > 0)) };
  }
  return { ...base, ...dampedTrend(y, startDow) };
}

/** Expected units over `days` days starting `fromDay` days after the forecast origin. */
export function expectedUnits(f: DemandForecast, days: number, fromDay = 0): number {
  if (days <= 0) return 0;
  let total = 0;
  // Σ φ^k for k = 1..h, accumulated incrementally.
  let damp = 0;
  let phiK = 1;
  for (let h = 0; h < fromDay + days; h++) {
    phiK *= TREND_DAMPING;
    damp += phiK;
    if (h < fromDay) continue;
    const base = Math.max(0, f.level + f.trend * damp);
    total += base * (f.weekday[(f.firstWeekday + h) % 7] ?? 1);
  }
  return total;
}

/** σ of the total demand over `days` days: σ·√days (independent daily errors). */
export function sigmaOver(f: DemandForecast, days: number): number {
  return f.sigma * Math.sqrt(Math.max(0, days));
}

function intermittent(y: readonly number[]): Pick<DemandForecast, 'method' | 'level' | 'trend' | 'weekday' | 'sigma' | 'rate'> {
  // TSB: the chance of a sale is updated every day (β), the size on sale days (α); (α, β) are
  // picked per series by one-step-ahead error, so bursty products react fast.
  const salesShare = y.filter((x) => x > 0).length / Math.max(1, y.length);
  let best = { sse: Number.POSITIVE_INFINITY, rate: 0 };
  for (const a of [0.05, 0.1, 0.2, 0.3]) {
    for (const b of [0.02, 0.05, 0.1, 0.2, 0.3]) {
      let size = 0;
      let prob = salesShare;
      let started = false;
      let sse = 0;
      for (const v of y) {
        if (started) sse += (v - prob * size) ** 2;
        if (!started) {
          if (v <= 0) continue;
          size = v;
          started = true;
          continue;
        }
        prob += b * ((v > 0 ? 1 : 0) - prob);
        if (v > 0) size += a * (v - size);
      }
      if (sse < best.sse) best = { sse, rate: prob * size };
    }
  }
  const rate = best.rate;
  // σ of one day's demand over the whole window: with sales on few days, a quarter may hold
  // none of them, and σ would then miss how large an order can be.
  const sigma = Math.sqrt(mean(y.map((v) => (v - rate) ** 2)));
  return { method: 'intermittent', level: rate, trend: 0, weekday: FLAT_WEEK, sigma: Math.max(sigma, Math.sqrt(rate)), rate };
}

/** Weekday factors: median share of each weekday in its week, last 12 full weeks. */
function weekdayFactors(y: readonly number[], startDow: number): number[] {
  const ratios: number[][] = [[], [], [], [], [], [], []];
  let weeks = 0;
  for (let end = y.length; end - 7 >= 0 && weeks < 12; end -= 7) {
    const week = y.slice(end - 7, end);
    const m = mean(week);
    if (m <= 0) continue;
    weeks += 1;
    week.forEach((v, i) => ratios[(startDow + end - 7 + i) % 7]?.push(v / m));
  }
  if (weeks < 3) return [...FLAT_WEEK];
  const shrink = weeks / (weeks + 3);
  const raw = ratios.map((r) => 1 + (median(r) - 1) * shrink);
  const norm = mean(raw);
  return norm > 0 ? raw.map((v) => v / norm) : [...FLAT_WEEK];
}

function dampedTrend(y: readonly number[], startDow: number): Pick<DemandForecast, 'method' | 'level' | 'trend' | 'weekday' | 'sigma' | 'rate' | 'spikes'> {
  const weekday = weekdayFactors(y, startDow);
  const factor = (t: number): number => weekday[(startDow + t) % 7] ?? 1;
  const z = y.map((v, t) => v / factor(t));

  // Cap spikes against the trailing 28-day median of the weekday-adjusted series. The robust
  // statistics move slowly, so they are refreshed weekly rather than daily (7× cheaper).
  const cleaned: number[] = [];
  const spike: boolean[] = [];
  let m = 0;
  let cap = Number.POSITIVE_INFINITY;
  for (let t = 0; t < z.length; t++) {
    const v = z[t] as number;
    if (t < 7) {
      cleaned.push(v);
      spike.push(false);
      continue;
    }
    if (t === 7 || t % 7 === 0) {
      const window = z.slice(Math.max(0, t - 28), t);
      m = median(window);
      cap = m + Math.max(3 * robustSigma(window), 3 * Math.sqrt(Math.max(m, 1)), 3);
    }
    spike.push(v > cap);
    cleaned.push(v > cap ? m : v);
  }

  const burnIn = 14;
  let best = { sse: Number.POSITIVE_INFINITY, alpha: 0.1, beta: 0 };
  for (const alpha of [0.03, 0.06, 0.1, 0.15, 0.2, 0.3, 0.45]) {
    for (const beta of [0, 0.03, 0.1]) {
      const { sse } = runHolt(cleaned, alpha, beta, burnIn);
      if (sse < best.sse) best = { sse, alpha, beta };
    }
  }
  const fit = runHolt(cleaned, best.alpha, best.beta, burnIn);

  // σ from one-step errors in units over the last 8 weeks, spike days left out: safety stock
  // protects against ordinary variation; events get planned stock.
  const errors: number[] = [];
  for (let t = Math.max(burnIn, z.length - 56); t < z.length; t++) {
    if (spike[t]) continue;
    errors.push(((z[t] as number) - (fit.oneStep[t] as number)) * factor(t));
  }
  // Recurring events (Shopee's monthly double days) are part of ordinary demand: add back the
  // average units the capped days carried over the last quarter, spread over every day.
  const lastQuarter = Math.max(0, z.length - 91);
  let uplift = 0;
  for (let t = lastQuarter; t < z.length; t++) uplift += (z[t] as number) - (cleaned[t] as number);
  uplift /= z.length - lastQuarter;
  const level = Math.max(0, fit.level + uplift);
  const rmse = Math.sqrt(mean(errors.map((e) => e * e)));
  const f = {
    method: 'damped-trend' as const,
    level,
    trend: fit.trend,
    weekday,
    sigma: Math.max(rmse, Math.sqrt(level)),
    rate: 0,
    spikes: spike.filter(Boolean).length,
  };
  const probe: DemandForecast = { ...f, firstWeekday: (startDow + y.length) % 7, historyDays: y.length, salesDays: 0, typicalOrder: 0 };
  f.rate = expectedUnits(probe, 28) / 28;
  return f;
}

function runHolt(x: readonly number[], alpha: number, beta: number, burnIn: number): { sse: number; level: number; trend: number; oneStep: number[] } {
  const phi = TREND_DAMPING;
  let level = mean(x.slice(0, 7));
  let trend = 0;
  let sse = 0;
  const oneStep: number[] = [];
  for (let t = 0; t < x.length; t++) {
    const forecast = Math.max(0, level + phi * trend);
    oneStep.push(forecast);
    const v = x[t] as number;
    if (t >= burnIn) sse += (v - forecast) ** 2;
    const prevLevel = level;
    level = alpha * v + (1 - alpha) * (level + phi * trend);
    trend = beta * (level - prevLevel) + (1 - beta) * phi * trend;
  }
  return { sse, level, trend, oneStep };
}

/** Forecast accuracy of a method against baselines, over many series. */
export interface BacktestScore {
  /** Σ|forecast − actual| ÷ Σ actual, daily, for the method. */
  wape: number;
  /** The same for seasonal naive (same weekday last week). */
  wapeNaive: number;
  /** The same for the flat 30-day mean (what /stock's rate is). */
  wapeMean30: number;
  /** Mean absolute scaled error (scale: in-sample seasonal-naive MAE), method and naive. */
  mase: number;
  maseNaive: number;
  /** WAPE of the 14-day total (what a reorder decision rests on), method and 30-day mean. */
  wape14: number;
  wape14Mean30: number;
  series: number;
  forecasts: number;
}

/**
 * Rolling-origin backtest: at each of `origins` weekly origins before the end of every series,
 * fit on the past only and forecast the next `horizon` days.
 */
export function backtestForecasts(
  seriesList: ReadonlyArray<{ units: readonly number[]; firstWeekday: number }>,
  options: { origins?: number; horizon?: number } = {},
): BacktestScore {
  const origins = options.origins ?? 8;
  const horizon = options.horizon ?? 14;
  let absM = 0;
  let absN = 0;
  let absA = 0;
  let actual = 0;
  let abs14M = 0;
  let abs14A = 0;
  let actual14 = 0;
  let forecasts = 0;
  const maseM: number[] = [];
  const maseN: number[] = [];
  let used = 0;
  for (const s of seriesList) {
    const n = s.units.length;
    if (n < 60 + horizon) continue;
    used += 1;
    let seriesM = 0;
    let seriesN = 0;
    let count = 0;
    for (let o = 0; o < origins; o++) {
      const origin = n - horizon - 7 * o;
      if (origin < 60) break;
      const past = s.units.slice(0, origin);
      const future = s.units.slice(origin, origin + horizon);
      const f = forecastDemand(past, s.firstWeekday);
      const m30 = mean(past.slice(-30));
      const scale = mean(past.slice(7).map((v, i) => Math.abs(v - (past[i] as number))));
      let sumF = 0;
      let absSeriesM = 0;
      let absSeriesN = 0;
      future.forEach((a, h) => {
        const fm = expectedUnits(f, 1, h);
        const fn = past[origin - 7 + (h % 7)] ?? 0;
        absM += Math.abs(fm - a);
        absN += Math.abs(fn - a);
        absA += Math.abs(m30 - a);
        actual += a;
        absSeriesM += Math.abs(fm - a);
        absSeriesN += Math.abs(fn - a);
        sumF += fm;
      });
      const total = sum(future);
      abs14M += Math.abs(sumF - total);
      abs14A += Math.abs(m30 * horizon - total);
      actual14 += total;
      forecasts += 1;
      if (scale > 0) {
        seriesM += absSeriesM / horizon / scale;
        seriesN += absSeriesN / horizon / scale;
        count += 1;
      }
    }
    if (count > 0) {
      maseM.push(seriesM / count);
      maseN.push(seriesN / count);
    }
  }
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  return {
    wape: ratio(absM, actual),
    wapeNaive: ratio(absN, actual),
    wapeMean30: ratio(absA, actual),
    mase: mean(maseM),
    maseNaive: mean(maseN),
    wape14: ratio(abs14M, actual14),
    wape14Mean30: ratio(abs14A, actual14),
    series: used,
    forecasts,
  };
}
