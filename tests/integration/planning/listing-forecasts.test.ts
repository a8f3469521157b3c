/**
 * Stored per-listing forecasts (ListingForecast): what a plan reads must be exactly what fitting
 * the sales rows gives, on both engines; a new day of sales and an import make them stale.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../../src/generated/prisma/client.ts';
import { addDays } from '../../../src/core/domain/inventory/cover.ts';
import { FIT_WINDOW_DAYS } from '../../../src/core/domain/planning/forecast.ts';
import { ensureListingForecasts, fitListing, listingFigures, platformRevenue30, salesHorizon } from '../../../src/core/domain/planning/listing-forecasts.ts';
import { planSkus } from '../../../src/core/domain/planning/planning-service.ts';
import { DEFAULT_PLANNING_SETTINGS } from '../../../src/core/domain/planning/settings.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { FIXTURES, importBytes, ok } from '../../helpers/import.ts';
import { testEngine } from '../../helpers/postgres.ts';

let demo: DemoDb;
const options = { trialBatch: DEFAULT_PLANNING_SETTINGS.trialBatch, fxPerUsd: DEFAULT_PLANNING_SETTINGS.fxPerUsd };

beforeAll(async () => {
  demo = await openDemoDb();
});

afterAll(async () => {
  await demo.dispose();
});

/** The sales of one listing straight from SalesDaily, fitted the way planning does. */
async function fittedFromRows(skuId: number, platformId: number, horizon: Date) {
  const from = addDays(horizon, -FIT_WINDOW_DAYS);
  const rows = await demo.db.salesDaily.findMany({ where: { skuId, platformId }, select: { day: true, units: true }, orderBy: { day: 'asc' } });
  const first = rows[0]?.day ?? null;
  const days = new Map<number, number>();
  for (const r of rows) {
    const offset = Math.round((r.day.getTime() - from.getTime()) / 86_400_000);
    if (offset >= 0 && offset < FIT_WINDOW_DAYS && r.units > 0) days.set(offset, r.units);
  }
  const window30 = rows.filter((r) => r.day >= addDays(horizon, -30) && r.day < horizon);
  return {
    forecast: fitListing(days, first, from),
    first,
    units30: window30.reduce((a, r) => a + r.units, 0),
  };
}

describe('stored listing forecasts', { timeout: 180_000 }, () => {
  it('the seed leaves every listing a current row, and a plan reads exactly what fitting the rows gives', async () => {
    const horizon = await salesHorizon(demo.db, demo.referenceDate);
    expect(horizon.toISOString().slice(0, 10)).toBe('2026-11-20');
    const listings = await demo.db.listing.count();
    expect(await demo.db.listingForecast.count({ where: { horizon } })).toBe(listings);
    expect(await ensureListingForecasts(demo.db, horizon)).toMatchObject({ computed: 0, current: listings });

    const figures = await listingFigures(demo.db, horizon);
    expect(figures.size).toBe(listings);
    const wb = await demo.db.sku.findUniqueOrThrow({ where: { code: 'WB-500' } });
    const samples = await demo.db.listing.findMany({ where: { OR: [{ skuId: wb.id }, { id: { lte: 12 } }] }, select: { skuId: true, platformId: true } });
    for (const l of samples) {
      const expected = await fittedFromRows(l.skuId, l.platformId, horizon);
      const stored = figures.get(`${l.skuId}:${l.platformId}`);
      expect(stored?.forecast).toEqual(expected.forecast);
      expect(stored?.firstSaleDay?.getTime() ?? null).toBe(expected.first?.getTime() ?? null);
      expect(stored?.units30).toBe(expected.units30);
    }
    // WB-500 on amazon-us sells about 1,000 a month (the demo's anchor).
    const amazon = await demo.db.platform.findUniqueOrThrow({ where: { code: 'amazon-us' } });
    expect(figures.get(`${wb.id}:${amazon.id}`)?.forecast.rate).toBeGreaterThan(20);

    // Each platform's 30-day revenue is the sum of its listings' sales rows.
    const revenue = await platformRevenue30(demo.db, horizon);
    const raw = await demo.db.salesDaily.groupBy({ by: ['platformId'], where: { day: { gte: addDays(horizon, -30), lt: horizon } }, _sum: { revenue: true } });
    for (const r of raw) expect(revenue.get(r.platformId)).toBeCloseTo(Number(r._sum.revenue ?? 0), 6);
  });

  it('a new day of sales moves the horizon: every row is refitted, including the new day', async () => {
    const horizon = await salesHorizon(demo.db, demo.referenceDate);
    const wb = await demo.db.sku.findUniqueOrThrow({ where: { code: 'WB-500' } });
    const amazon = await demo.db.platform.findUniqueOrThrow({ where: { code: 'amazon-us' } });
    await demo.db.salesDaily.create({ data: { skuId: wb.id, platformId: amazon.id, day: horizon, units: 400, revenue: new Prisma.Decimal('9996'), currency: 'USD' } });
    const tomorrow = addDays(demo.referenceDate, 1);
    const next = await salesHorizon(demo.db, tomorrow);
    expect(next.getTime()).toBe(addDays(horizon, 1).getTime());

    const before = (await listingFigures(demo.db, horizon)).get(`${wb.id}:${amazon.id}`);
    const [plan] = await planSkus(demo.db, new Date(tomorrow.getTime() + 12 * 3_600_000), options, [wb.id]);
    // The one-SKU plan filled every listing's row for the new horizon (platform revenue needs them all).
    expect(await demo.db.listingForecast.count({ where: { horizon: next } })).toBe(await demo.db.listing.count());
    const after = (await listingFigures(demo.db, next)).get(`${wb.id}:${amazon.id}`);
    expect(after?.forecast).toEqual((await fittedFromRows(wb.id, amazon.id, next)).forecast);
    expect(after?.units30).toBeGreaterThan((before?.units30 ?? 0) + 300);
    expect(plan?.platforms.find((p) => p.code === 'amazon-us')?.forecast).toEqual(after?.forecast);
  });

  it('an order import drops the rows of the listings whose sales it changed, and the next plan refits them', async () => {
    const horizon = await salesHorizon(demo.db, addDays(demo.referenceDate, 1));
    await ensureListingForecasts(demo.db, horizon);
    const wb = await demo.db.sku.findUniqueOrThrow({ where: { code: 'WB-500' } });
    const bt = await demo.db.sku.findUniqueOrThrow({ where: { code: 'BT-100' } });
    const amazon = await demo.db.platform.findUniqueOrThrow({ where: { code: 'amazon-us' } });
    const asin = (await demo.db.listing.findFirstOrThrow({ where: { skuId: bt.id, platformId: amazon.id } })).externalId as string;
    const before = await demo.db.listingForecast.count();
    const text = readFileSync(`${FIXTURES}/amazon_all_orders_US.tsv`, 'utf8').replaceAll('__ASIN_BT100__', asin);
    ok(await importBytes(demo.db, 'amazon_all_orders_US.tsv', new TextEncoder().encode(text)));

    const left = await demo.db.listingForecast.findMany({ where: { platformId: amazon.id, skuId: { in: [wb.id, bt.id] } } });
    expect(left).toEqual([]);
    expect(await demo.db.listingForecast.count()).toBe(before - 2);
    // Rows are refitted per SKU: every listing of the two SKUs.
    expect(await ensureListingForecasts(demo.db, horizon)).toMatchObject({ computed: await demo.db.listing.count({ where: { skuId: { in: [wb.id, bt.id] } } }) });
    const refit = (await listingFigures(demo.db, horizon)).get(`${wb.id}:${amazon.id}`);
    expect(refit?.forecast).toEqual((await fittedFromRows(wb.id, amazon.id, horizon)).forecast);
  });

  it('two instances filling at once end with one row per listing and the same figures', async () => {
    const horizon = await salesHorizon(demo.db, addDays(demo.referenceDate, 1));
    const reference = await listingFigures(demo.db, horizon);
    await demo.db.listingForecast.deleteMany({});
    const { openDatabase } = await import('../../../src/persistence/open-database.ts');
    const other = await openDatabase(demo.url);
    try {
      if (testEngine() === 'postgresql') {
        await Promise.all([ensureListingForecasts(demo.db, horizon), ensureListingForecasts(other, horizon)]);
      } else {
        // better-sqlite3 waits for a lock synchronously, so two connections in one process would
        // stall each other; SQLite instances are separate processes. Here: one after the other.
        expect((await ensureListingForecasts(demo.db, horizon)).computed).toBe(reference.size);
        expect((await ensureListingForecasts(other, horizon)).computed).toBe(0);
      }
    } finally {
      await other.$disconnect();
    }
    expect(await demo.db.listingForecast.count()).toBe(await demo.db.listing.count());
    const again = await listingFigures(demo.db, horizon);
    expect([...again.entries()].sort()).toEqual([...reference.entries()].sort());
  });
});
