/**
 * The forecast refresh job: one instance per slot refits what is stale; with nothing stale a
 * run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshForecastsOnce, startForecastJob } from '../../../src/core/domain/planning/forecast-job.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';

let demo: DemoDb;

beforeAll(async () => {
  demo = await openDemoDb();
});

afterAll(async () => {
  await demo.dispose();
});

describe('forecast refresh job', { timeout: 120_000 }, () => {
  it('refits the stale rows on one instance only, and a later slot finds nothing to do', async () => {
    const listings = await demo.db.listing.count();
    const wb = await demo.db.sku.findUniqueOrThrow({ where: { code: 'WB-500' } });
    await demo.db.listingForecast.deleteMany({ where: { skuId: wb.id } });
    const slot = new Date(Date.UTC(2026, 10, 20, 6, 0));
    const [a, b] = await Promise.all([
      refreshForecastsOnce(demo.db, { holder: 'instance-a', now: () => slot }),
      refreshForecastsOnce(demo.db, { holder: 'instance-b', now: () => slot }),
    ]);
    const ran = [a, b].filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ computed: await demo.db.listing.count({ where: { skuId: wb.id } }) });
    expect(await demo.db.listingForecast.count()).toBe(listings);
    // The lease held for the slot has expired ten minutes later; nothing is stale any more.
    const later = new Date(slot.getTime() + 10 * 60_000);
    expect(await refreshForecastsOnce(demo.db, { holder: 'instance-b', now: () => later })).toMatchObject({ computed: 0, current: listings });
  });

  it('runs when triggered, reporting what it did', async () => {
    await demo.db.jobLease.deleteMany({});
    await demo.db.listingForecast.deleteMany({ where: { skuId: { lte: 3 } } });
    const stale = (await demo.db.listing.count()) - (await demo.db.listingForecast.count());
    expect(stale).toBeGreaterThan(0);
    const results: unknown[] = [];
    const job = startForecastJob(demo.db, { now: () => new Date(Date.UTC(2026, 10, 20, 7)), onRun: (r) => results.push(r), onError: (e) => results.push(e) });
    try {
      await job.trigger();
    } finally {
      job.stop();
    }
    expect(results).toEqual([expect.objectContaining({ computed: expect.any(Number) })]);
    expect(await demo.db.listingForecast.count()).toBe(await demo.db.listing.count());
  });
});
