/**
 * Expires pending budget change requests on a schedule (croner). Decisions check expiry
 * themselves, so the schedule only keeps lists and statuses tidy; both hold.
 */
import { Cron } from 'croner';
import type { Db } from '../../../persistence/db.ts';
import { runExclusive } from '../../../persistence/job-lease.ts';
import { expirePendingRequests } from './request-service.ts';

/** Every five minutes: an expired request shows as expired within minutes. */
export const EXPIRY_SCHEDULE = '*/5 * * * *';

/** Name of the job's lease: with several instances on one database, one of them runs each slot. */
export const EXPIRY_JOB = 'budget:expire-requests';

/** Options of the job. */
export interface ExpiryJobOptions {
  /** Cron pattern; {@link EXPIRY_SCHEDULE} by default. */
  pattern?: string;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Told how many requests each run expired, and about failures (never thrown into the timer). */
  onRun?: (expired: number) => void;
  onError?: (error: unknown) => void;
  /** Told when another instance holds this slot's lease, so this one skipped the run. */
  onSkip?: (heldBy: string | null) => void;
  /** Lease holder name (default: this process); tests pass two to act as two instances. */
  holder?: string;
}

/**
 * Starts the job and returns it (call `stop()` on shutdown). The timer is unreferenced, so it
 * never keeps the process alive, and runs never overlap; across instances sharing the database,
 * each slot runs on one of them (a lease in JobLease).
 */
export function startExpiryJob(db: Db, options: ExpiryJobOptions = {}): Cron {
  return new Cron(
    options.pattern ?? EXPIRY_SCHEDULE,
    { protect: true, unref: true, catch: (error: unknown) => options.onError?.(error) },
    async () => {
      const now = options.now?.() ?? new Date();
      // Held for two minutes: longer than any clock drift between instances, shorter than the interval.
      const run = await runExclusive(db, EXPIRY_JOB, () => expirePendingRequests(db, now), {
        holdMs: 2 * 60_000,
        now: () => now,
        ...(options.holder ? { holder: options.holder } : {}),
      });
      if (run.ran) options.onRun?.(run.value);
      else options.onSkip?.(run.heldBy);
    },
  );
}
