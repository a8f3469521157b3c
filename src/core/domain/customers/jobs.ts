/**
 * Scheduled customer jobs. Today one: Amazon's 30-day PII purge, daily at 03:17 UTC, started by
 * the app at startup (`startCustomerJobs(db, logger)` in src/main.ts). The same purge runs on
 * demand through `/customer purge`.
 */
import { Cron } from 'croner';
import type { Db } from '../../../persistence/db.ts';
import { describeError, type Logger } from '../../../logging.ts';
import { runExclusive } from '../../../persistence/job-lease.ts';
import { writeAudit } from '../audit/audit-writer.ts';
import { PURGE_TX_TIMEOUT_MS, purgeAmazonPii, type PurgeResult } from './purge.ts';

/** When the purge runs: every day at 03:17 UTC (off the hour, away from other nightly work). */
export const PURGE_SCHEDULE = '17 3 * * *';

/** Name of the purge's lease: with several instances on one database, one of them runs it. */
export const PURGE_JOB = 'customers:amazon-pii-purge';

/** Options of {@link startCustomerJobs}; tests pin the clock and may pass another schedule. */
export interface CustomerJobOptions {
  schedule?: string;
  now?: () => Date;
  /** Lease holder name (default: this process); tests pass two to act as two instances. */
  holder?: string;
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
  const result = await db.$transaction(
    (tx) => purgeAmazonPii(tx, { now, audit: (entry) => writeAudit(tx, 'system', 'job', now, entry) }),
    { maxWait: 30_000, timeout: PURGE_TX_TIMEOUT_MS },
  );
  logger.info({ job: 'amazon-pii-purge', purged: result.identityIds.length, cutoff: result.cutoff.toISOString() }, 'customer job ran');
  return result;
}

/**
 * Starts the customer jobs. The timer is unref'd, so it never keeps a finished process alive;
 * a run still in progress is not started twice; a failed run is logged and the next one tries again.
 * Instances sharing one database each fire the schedule, and one of them runs it (a lease in JobLease).
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
      const at = now();
      // The lease holds for an hour: one instance purges per daily run, the others skip.
      const run = await runExclusive(db, PURGE_JOB, () => runPurgeJob(db, logger, at), {
        holdMs: 3_600_000,
        now: () => at,
        ...(opts.holder ? { holder: opts.holder } : {}),
      });
      if (!run.ran) logger.info({ job: 'amazon-pii-purge', heldBy: run.heldBy }, 'customer job skipped: another instance runs it');
    },
  );
  return {
    purge,
    stop() {
      purge.stop();
    },
  };
}
