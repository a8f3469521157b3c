/**
 * A seller's own database, empty before the first import: the import creates the platforms it
 * needs, and what it brings in is what the budget and stock services read.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adsPerformance } from '../../../src/core/domain/budget/budget-service.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';
import { importPath, ok, REALDATA } from '../../helpers/import.ts';

let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb();
});

afterAll(async () => {
  await temp.dispose();
});

describe('imports into an empty database', { timeout: 180_000 }, () => {
  it('the Amazon ads report creates amazon-us and feeds the budget service', async () => {
    const report = ok(await importPath(temp.db, join(REALDATA, 'amazon_ads_sp_search_term_report_US_2022.xlsx')));
    expect(report).toMatchObject({ platform: 'amazon-us', platformCreated: true });
    const platform = await temp.db.platform.findUniqueOrThrow({ where: { code: 'amazon-us' } });
    expect(platform).toMatchObject({ currency: 'USD', country: 'US', stage: 'new' });
    expect(platform.launchedOn.toISOString().slice(0, 10)).toBe('2022-07-17');

    const performance = await adsPerformance(temp.db, '2022-09', new Date(Date.UTC(2022, 7, 20)), { USD: 1 });
    const amazon = performance.find((p) => p.code === 'amazon-us');
    expect(amazon?.spend30).toBeCloseTo(1179.16, 2);
    expect(amazon?.revenue30).toBeCloseTo(1692.46, 2);
  });

  it('the Shopify orders export creates a shopify platform in the file’s currency', async () => {
    const report = ok(await importPath(temp.db, join(REALDATA, 'shopify_orders_export_devstore.csv')));
    expect(report.main.created).toBe(19);
    expect(await temp.db.platform.findUniqueOrThrow({ where: { code: 'shopify' } })).toMatchObject({ currency: 'EUR', marketplace: 'shopify' });
  });
});
