/**
 * Scheduled customer jobs. Today one: Amazon's 30-day PII purge, daily at 03:17 UTC, started by
 * the app at startup (`startCustomerJobs(db, logger)` in src/main.ts). The same purge runs on
 * demand through `/customer purge`.
 */
import { Cron } from 'croner';
import type { Db } from '../../../persistence/db.ts';
import { describeError, type Logger } from '../../../logging.ts';
import { writeAudit } from '../audit/audit-writer.ts';
import { purgeAmazonPii, type PurgeResult } from './purge.ts';

/** When the purge runs: every day at 03:17 UTC (off the hour, away from other nightly work). */
export const PURGE_SCHEDULE = '17 3 * * *';

/** Options of {@link startCustomerJobs}; tests pin the clock and may pass another schedule. */
export interface CustomerJobOptions {
  schedule?: string;
  now?: () => Date;
}

/** The running jobs. */
export interface CustomerJobs {
  /** The purge's schedule; `purge.nextRun()` says when it runs next, `purge.trigger()` runs it now. */
  purge: Cron;
  /** Stops every job (on shutdown). */
  stop(): void;
}

/** Runs the purge once as the system, in one transaction, and logs the counts (never PII). */
export async function runPurgeJob(db: Db, logger: Logger, now: Date): Promise<PurgeResult> {
  const result = await db.$transaction((tx) =>
    purgeAmazonPii(tx, { now, audit: (entry) => writeAudit(tx, 'system', 'job', now, entry) }),
  );
  logger.info({ job: 'amazon-pii-purge', purged: result.identityIds.length, cutoff: result.cutoff.toISOString() }, 'customer job ran');
  return result;
}

/**
 * Starts the customer jobs. The timer is unref'd, so it never keeps a finished process alive;
 * a run still in progress is not started twice; a failed run is logged and the next one tries again.
 */
export function startCustomerJobs(db: Db, logger: Logger, opts: CustomerJobOptions = {}): CustomerJobs {
  const now = opts.now ?? (() => new Date());
  const purge = new Cron(
    opts.schedule ?? PURGE_SCHEDULE,
    {
      timezone: 'UTC',
      protect: true,
      unref: true,
      catch: (error: unknown) => logger.error({ job: 'amazon-pii-purge', err: describeError(error) }, 'customer job failed'),
    },
    async () => {
      await runPurgeJob(db, logger, now());
    },
  );
  return {
    purge,
    stop() {
      purge.stop();
    },
  };
}
