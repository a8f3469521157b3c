/**
 * Catching up a scheduled job after downtime. A job run through {@link runExclusive} leaves its
 * lease row behind, and the row's `acquiredAt` is when any instance last ran it. An instance that
 * starts and finds that the job's last scheduled time passed with no run since (or that it never
 * ran) knows a run was missed while no instance was up, and runs it now, through the same lease.
 */
import type { Cron } from 'croner';
import type { Db } from './db.ts';

/**
 * True when the job whose lease is `name` has not run on any instance since the last time its
 * schedule was due before `now` (never due before: false).
 */
export async function missedScheduledRun(db: Db, name: string, schedule: Cron, now: Date = new Date()): Promise<boolean> {
  const [due] = schedule.previousRuns(1, now);
  if (!due) return false;
  const lease = await db.jobLease.findUnique({ where: { name }, select: { acquiredAt: true } });
  return lease === null || lease.acquiredAt.getTime() < due.getTime();
}
