/**
 * Scheduled jobs run by one instance only. Several bot processes may share one database (HTTP
 * mode behind a load balancer); each fires the same cron schedule. Before a run, an instance
 * takes the job's lease in the JobLease table: the row is claimed by its primary key, or taken
 * over with a conditional update once it has expired. Whoever loses the race skips that run.
 *
 * The lease is kept after the run until it expires (it is not released), so an instance whose
 * clock or timer fires a little later in the same slot still finds it taken. A holder that dies
 * mid-run frees the job when the lease expires.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Prisma } from '../generated/prisma/client.ts';
import type { Db } from './db.ts';

/** This process's name as a lease holder: host, pid and a random tag (pids repeat across containers). */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Options of {@link tryAcquireLease} and {@link runExclusive}. */
export interface LeaseOptions {
  /** How long the lease holds from the start of the run; choose less than the job's interval. */
  holdMs: number;
  /** Holder name; {@link INSTANCE_ID} by default (tests pass their own to act as two instances). */
  holder?: string;
  /** The clock; tests pin it. */
  now?: () => Date;
}

/** What {@link runExclusive} did. */
export type ExclusiveRun<T> = { ran: true; value: T } | { ran: false; heldBy: string | null };

/**
 * Takes the lease `name` for `holdMs` if nobody holds it (or the holder's lease has expired).
 * True when this holder now has it. Safe under concurrent callers on SQLite and PostgreSQL:
 * exactly one insert, or one conditional update, can win.
 */
export async function tryAcquireLease(db: Db, name: string, options: LeaseOptions): Promise<boolean> {
  const now = options.now?.() ?? new Date();
  const holder = options.holder ?? INSTANCE_ID;
  const expiresAt = new Date(now.getTime() + options.holdMs);
  try {
    await db.jobLease.create({ data: { name, holder, acquiredAt: now, expiresAt } });
    return true;
  } catch (error) {
    // P2002: the row exists. Take it over only if it has expired; the condition makes the takeover atomic.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
  }
  const { count } = await db.jobLease.updateMany({
    where: { name, expiresAt: { lte: now } },
    data: { holder, acquiredAt: now, expiresAt },
  });
  return count === 1;
}

/**
 * Runs `fn` if this instance gets the lease `name`; otherwise skips it and says who holds it.
 * Errors from `fn` propagate (the lease then still holds until it expires, so a failing job is
 * not retried by every instance in turn within the same slot).
 */
export async function runExclusive<T>(db: Db, name: string, fn: () => Promise<T>, options: LeaseOptions): Promise<ExclusiveRun<T>> {
  if (!(await tryAcquireLease(db, name, options))) {
    const lease = await db.jobLease.findUnique({ where: { name }, select: { holder: true } });
    return { ran: false, heldBy: lease?.holder ?? null };
  }
  return { ran: true, value: await fn() };
}
