/** Job leases: with several instances on one database, each scheduled run happens on one of them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../../src/persistence/db.ts';
import { runExclusive, tryAcquireLease } from '../../../src/persistence/job-lease.ts';
import { EXPIRY_JOB, startExpiryJob } from '../../../src/core/domain/budget/expiry-job.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

let temp: TempDb;
/** A second connection to the same file: the other instance. */
let other: Db;

beforeAll(async () => {
  temp = await createTempDb();
  other = createDb(temp.url);
});

afterAll(async () => {
  await other?.$disconnect();
  await temp?.dispose();
});

const t0 = new Date('2026-11-20T03:17:00Z');

describe('tryAcquireLease', () => {
  it('gives a free lease to exactly one of many concurrent callers on two connections', async () => {
    const tries = Array.from({ length: 10 }, (_, i) =>
      tryAcquireLease(i % 2 ? other : temp.db, 'test:race', { holdMs: 60_000, holder: `instance-${i}`, now: () => t0 }));
    const won = (await Promise.all(tries)).filter(Boolean);
    expect(won).toHaveLength(1);
    expect(await temp.db.jobLease.count({ where: { name: 'test:race' } })).toBe(1);
  });

  it('refuses a held lease until it expires, then one caller takes it over', async () => {
    expect(await tryAcquireLease(temp.db, 'test:expiry', { holdMs: 60_000, holder: 'a', now: () => t0 })).toBe(true);
    const before = new Date(t0.getTime() + 59_999);
    expect(await tryAcquireLease(other, 'test:expiry', { holdMs: 60_000, holder: 'b', now: () => before })).toBe(false);
    const after = new Date(t0.getTime() + 60_000);
    const takeovers = await Promise.all(['b', 'c', 'd'].map((holder, i) =>
      tryAcquireLease(i % 2 ? other : temp.db, 'test:expiry', { holdMs: 60_000, holder, now: () => after })));
    expect(takeovers.filter(Boolean)).toHaveLength(1);
    const lease = await temp.db.jobLease.findUniqueOrThrow({ where: { name: 'test:expiry' } });
    expect(['b', 'c', 'd']).toContain(lease.holder);
    expect(lease.expiresAt.getTime()).toBe(after.getTime() + 60_000);
  });
});

describe('runExclusive', () => {
  it('runs the work once and tells the loser who holds the lease', async () => {
    let runs = 0;
    const work = async () => ++runs;
    const [a, b] = await Promise.all([
      runExclusive(temp.db, 'test:work', work, { holdMs: 60_000, holder: 'a', now: () => t0 }),
      runExclusive(other, 'test:work', work, { holdMs: 60_000, holder: 'b', now: () => t0 }),
    ]);
    expect(runs).toBe(1);
    const [winner, loser] = a.ran ? [a, b] : [b, a];
    expect(winner).toEqual({ ran: true, value: 1 });
    expect(loser).toEqual({ ran: false, heldBy: a.ran ? 'a' : 'b' });
  });

  it('lets a failed run propagate its error and keeps the slot taken', async () => {
    await expect(runExclusive(temp.db, 'test:fail', async () => {
      throw new Error('boom');
    }, { holdMs: 60_000, holder: 'a', now: () => t0 })).rejects.toThrow('boom');
    expect(await runExclusive(other, 'test:fail', async () => 1, { holdMs: 60_000, holder: 'b', now: () => t0 }))
      .toEqual({ ran: false, heldBy: 'a' });
  });
});

describe('scheduled jobs on two instances', () => {
  it('the budget expiry slot runs on one instance; the other skips it', async () => {
    const outcomes: string[] = [];
    const jobs = ['first', 'second'].map((holder, i) => startExpiryJob(i ? other : temp.db, {
      pattern: '0 0 1 1 *',
      holder,
      now: () => t0,
      onRun: () => outcomes.push(`ran:${holder}`),
      onSkip: (heldBy) => outcomes.push(`skipped:${holder}:held-by-${heldBy}`),
    }));
    try {
      await Promise.all(jobs.map((job) => job.trigger()));
    } finally {
      for (const job of jobs) job.stop();
    }
    expect(outcomes).toHaveLength(2);
    const ran = outcomes.filter((o) => o.startsWith('ran:'));
    expect(ran).toHaveLength(1);
    const winner = ran[0]!.slice(4);
    expect(outcomes).toContain(`skipped:${winner === 'first' ? 'second' : 'first'}:held-by-${winner}`);
    expect((await temp.db.jobLease.findUniqueOrThrow({ where: { name: EXPIRY_JOB } })).holder).toBe(winner);
  });
});
