/** Catching up a daily job at start: its lease row says when any instance last ran it. */
import { Cron } from 'croner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missedScheduledRun } from '../../../src/persistence/job-catch-up.ts';
import { tryAcquireLease } from '../../../src/persistence/job-lease.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

let temp: TempDb;
// A schedule only (no function), so nothing ever fires.
const daily = new Cron('17 3 * * *', { timezone: 'UTC' });
const now = new Date('2026-11-20T10:00:00Z');

beforeAll(async () => {
  temp = await createTempDb();
});

afterAll(async () => {
  daily.stop();
  await temp?.dispose();
});

const ranAt = (name: string, at: string) => tryAcquireLease(temp.db, name, { holdMs: 3_600_000, holder: 'instance-a', now: () => new Date(at) });

describe('missedScheduledRun', () => {
  it('is true for a job that never ran', async () => {
    expect(await missedScheduledRun(temp.db, 'test:never', daily, now)).toBe(true);
  });

  it('is false when some instance ran it at or after its last due time', async () => {
    expect(await ranAt('test:ran-today', '2026-11-20T03:17:00Z')).toBe(true);
    expect(await missedScheduledRun(temp.db, 'test:ran-today', daily, now)).toBe(false);
  });

  it('is true when its last due time passed with no run since', async () => {
    expect(await ranAt('test:ran-yesterday', '2026-11-19T03:17:02Z')).toBe(true);
    expect(await missedScheduledRun(temp.db, 'test:ran-yesterday', daily, now)).toBe(true);
    // Before today's 03:17, yesterday's run was the last one due.
    expect(await missedScheduledRun(temp.db, 'test:ran-yesterday', daily, new Date('2026-11-20T03:00:00Z'))).toBe(false);
  });
});
