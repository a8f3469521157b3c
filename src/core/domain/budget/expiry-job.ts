/**
 * Expires pending budget change requests on a schedule (croner). Decisions check expiry
 * themselves, so the schedule only keeps lists and statuses tidy; both hold.
 */
import { Cron } from 'croner';
import type { Db } from '../../../persistence/db.ts';
import { expirePendingRequests } from './request-service.ts';

/** Every five minutes: an expired request shows as expired within minutes. */
export const EXPIRY_SCHEDULE = '*/5 * * * *';

/** Options of the job. */
export interface ExpiryJobOptions {
  /** Cron pattern; {@link EXPIRY_SCHEDULE} by default. */
  pattern?: string;
  /** The clock; tests pin it. */
  now?: () => Date;
  /** Told how many requests each run expired, and about failures (never thrown into the timer). */
  onRun?: (expired: number) => void;
  onError?: (error: unknown) => void;
}

/**
 * Starts the job and returns it (call `stop()` on shutdown). The timer is unreferenced, so it
 * never keeps the process alive, and runs never overlap.
 */
export function startExpiryJob(db: Db, options: ExpiryJobOptions = {}): Cron {
  return new Cron(
    options.pattern ?? EXPIRY_SCHEDULE,
    { protect: true, unref: true, catch: (error: unknown) => options.onError?.(error) },
    async () => {
      const expired = await expirePendingRequests(db, options.now?.() ?? new Date());
      options.onRun?.(expired);
    },
  );
}
