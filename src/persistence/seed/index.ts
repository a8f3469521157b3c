/**
 * The demo dataset: a deterministic, realistic brand ("Verdant Goods") selling on six
 * platforms, with a year of sales, stock, customers, ads, budgets, campaigns and a team.
 * The same reference date always yields byte-identical database content; every date is
 * relative to it, so the demo always looks current.
 */
import type { Db } from '../db.ts';
import { insertRows, wipeAll } from './bulk-insert.ts';
import { buildCampaigns } from './campaigns.ts';
import { buildCatalogue } from './catalogue.ts';
import { startOfUtcDay } from './calendar.ts';
import { buildCustomers } from './customers.ts';
import { resolveIdentities } from '../../core/domain/customers/resolve-identities.ts';
import { ensureListingForecasts, salesHorizon } from '../../core/domain/planning/listing-forecasts.ts';
import { buildAds, buildBudgets, buildLogistics } from './money.ts';
import { buildPlatformsAndBrand } from './platforms.ts';
import { buildSales } from './sales.ts';
import { buildStock } from './stock.ts';
import { buildTeam } from './team.ts';
import { INSERT_ORDER, type DemoTables, type SeedSummary } from './types.ts';

export { DEMO_ANCHORS } from './anchors.ts';
export type { DemoTable, DemoTables, SeedSummary } from './types.ts';

/** Options of {@link seedDemo}. */
export interface SeedOptions {
  /** "Today" of the demo; sales end the day before. Truncated to 00:00 UTC. */
  referenceDate: Date;
  /** Progress lines, e.g. console.log or a logger. */
  log?: (line: string) => void;
}

/** Generates every demo row in memory, without touching a database. */
export function buildDemoDataset(referenceDate: Date): DemoTables {
  const ref = startOfUtcDay(referenceDate);
  const catalogue = buildCatalogue(ref);
  const sales = buildSales(ref, catalogue);
  return {
    ...buildPlatformsAndBrand(ref),
    ...catalogue.tables,
    ...buildStock(ref, catalogue, sales.stats),
    SalesDaily: sales.rows,
    ...buildAds(ref, catalogue),
    ...buildCustomers(ref, catalogue),
    Budget: buildBudgets(ref),
    ...buildLogistics(),
    ...buildCampaigns(ref),
    ...buildTeam(ref),
  };
}

/**
 * Wipes every table and loads the demo dataset, all in one transaction (a failure leaves
 * the previous content untouched).
 * @returns the number of rows written per table.
 */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<SeedSummary> {
  const log = opts.log ?? (() => {});
  const ref = startOfUtcDay(opts.referenceDate);
  if (Number.isNaN(ref.getTime())) throw new Error('seed: the reference date is not a valid date');
  const started = performance.now();
  const secs = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  log(`seed: generating the demo for reference date ${ref.toISOString().slice(0, 10)}`);
  const data = buildDemoDataset(ref);
  log(`seed: generated ${INSERT_ORDER.reduce((n, t) => n + data[t].length, 0).toLocaleString('en-US')} rows (${secs()})`);

  const summary = {} as SeedSummary;
  await db.$transaction(
    async (tx) => {
      await wipeAll(tx);
      log(`seed: cleared existing data (${secs()})`);
      for (const table of INSERT_ORDER) {
        const rows = data[table];
        await insertRows(tx, table, rows);
        summary[table] = rows.length;
        if (rows.length >= 1_000) log(`seed: ${table} ${rows.length.toLocaleString('en-US')} rows (${secs()})`);
      }
      // Links are what identity resolution makes of the identities' own evidence, as after an
      // import; the generator's truth stays in buildDemoDataset()'s output for tests to score against.
      const resolved = await resolveIdentities(tx, { by: 'seed', at: new Date(ref.getTime() - 60_000) });
      log(`seed: identity resolution: ${resolved.customers} customers, ${resolved.linksCreated} links changed (${secs()})`);
    },
    // A whole seed is one transaction; give it room on a slow machine.
    { maxWait: 30_000, timeout: 600_000 },
  );
  await fitListingForecasts(db, ref, log);
  log(`seed: done in ${secs()}`);
  return summary;
}

/**
 * Fits and stores every listing's forecast for the seeded sales (what an import's refresh
 * does), so the first plan reads them instead of fitting a year of rows. Stamped with the
 * reference date, like the rest of the seed, so the content stays deterministic.
 */
export async function fitListingForecasts(db: Db, referenceDate: Date, log: (line: string) => void = () => {}): Promise<void> {
  const horizon = await salesHorizon(db, startOfUtcDay(referenceDate));
  const result = await ensureListingForecasts(db, horizon, { log, now: () => new Date(startOfUtcDay(referenceDate).getTime() - 60_000) });
  log(`seed: fitted ${result.computed.toLocaleString('en-US')} listing forecasts`);
}

/** True when the database holds no platforms, i.e. it was never seeded or imported into. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.platform.count()) === 0;
}
