/**
 * Keeps the stored listing forecasts current (croner): after a new day of sales or an import,
 * the next run refits what is stale, so plans and digests read ready rows instead of fitting
 * them on the request path. A plan that comes first fills them itself; both give the same rows.
 */
import { Cron } from 'croner';
import type { Db } from '../../../persistence/db.ts';
import { runExclusive } from '../../../persistence/job-lease.ts';
import { startOfUtcDay } from '../inventory/cover.ts';
import { ensureListingForecasts, salesHorizon, type RefreshResult } from './listing-forecasts.ts';

/** Every ten minutes: imports land at any time of day; a run with nothing stale costs one query. */
export const FORECAST_REFRESH_SCHEDULE = '*/10 * * * *';

/** Name of the job's lease: with several instances on one database, one of them fits each slot. */
export const FORECAST_REFRESH_JOB = 'planning:forecast-refresh';

/** Options of the job. */
export interface ForecastJobOptions {
  /** Cron pattern; {@link FORECAST_REFRESH_SCHEDULE} by default. */
  pattern?: string;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Told what each run did, and about failures (never thrown into the timer). */
  onRun?: (result: RefreshResult) => void;
  onError?: (error: unknown) => void;
  /** Lease holder name (default: this process). */
  holder?: string;
}

/** Refits the stale forecasts once, if this instance gets the slot's lease. */
export async function refreshForecastsOnce(db: Db, options: ForecastJobOptions = {}): Promise<RefreshResult | null> {
  const now = options.now?.() ?? new Date();
  const run = await runExclusive(
    db,
    FORECAST_REFRESH_JOB,
    async () => ensureListingForecasts(db, await salesHorizon(db, startOfUtcDay(now)), { now: () => now }),
    // Shorter than the interval; a refit of the large catalogue takes well under a minute.
    { holdMs: 5 * 60_000, now: () => now, ...(options.holder ? { holder: options.holder } : {}) },
  );
  return run.ran ? run.value : null;
}

/**
 * Starts the job and returns it (call `stop()` on shutdown); `trigger()` runs it now, as the
 * server does at start. The timer is unreferenced and runs never overlap.
 */
export function startForecastJob(db: Db, options: ForecastJobOptions = {}): Cron {
  return new Cron(
    options.pattern ?? FORECAST_REFRESH_SCHEDULE,
    { protect: true, unref: true, catch: (error: unknown) => options.onError?.(error) },
    async () => {
      const result = await refreshForecastsOnce(db, options);
      if (result) options.onRun?.(result);
    },
  );
}
