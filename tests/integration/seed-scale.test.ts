/**
 * The medium and large datasets' path (seedScaled), at a small size (ScaleSpec {skus: 400,
 * people: 3,000}): two more catalogue copies and 1,000 extra people in three batches. Checks the
 * shape (eight platforms, each with listings, sales and orders), that the demo's anchors and
 * planted cases survive untouched, that the extra rows are as usable as the demo's (unit
 * economics and allocation plan the two extra platforms), and that a second seed is identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitEconomics } from '../../src/core/domain/costs/cost-service.ts';
import { findCustomer } from '../../src/core/domain/customers/lookup.ts';
import { classifyQuery } from '../../src/core/domain/customers/query.ts';
import { planSkus } from '../../src/core/domain/planning/planning-service.ts';
import { planningSettings } from '../../src/core/domain/planning/settings.ts';
import { DEMO_ANCHORS } from '../../src/persistence/seed/index.ts';
import { SCALES, seedScaled, type ScaleSpec } from '../../src/persistence/seed/scale.ts';
import type { SeedSummary } from '../../src/persistence/seed/types.ts';
import { TEST_REFERENCE_DATE } from '../helpers/demo-db.ts';
import { dump } from '../helpers/table-dump.ts';
import { createTempDb, type TempDb } from '../helpers/temp-db.ts';

const EXTRA_PEOPLE = 1_000;
const SCALE: ScaleSpec = { skus: 400, people: DEMO_ANCHORS.customerCount + EXTRA_PEOPLE };
const PEOPLE_BATCH = 400;
let temp: TempDb;
let summary: SeedSummary;
/** The content right after seeding (later tests may fill caches such as forecasts). */
let seeded: Record<string, string>;
const lines: string[] = [];
/** SKUs of the catalogue copies (WB-500-S1 …). */
const COPY_CODES = [{ code: { endsWith: '-S1' } }, { code: { endsWith: '-S2' } }];

beforeAll(async () => {
  temp = await createTempDb();
  summary = await seedScaled(temp.db, { referenceDate: TEST_REFERENCE_DATE, scale: SCALE, peopleBatch: PEOPLE_BATCH, log: (line) => lines.push(line) });
  seeded = await dump(temp.db);
}, 180_000);

afterAll(async () => {
  await temp?.dispose();
});

async function lookup(text: string) {
  const query = classifyQuery(text);
  if (!query.ok) throw new Error(`not a query: ${text}`);
  return findCustomer(temp.db, query.query);
}

describe('seedScaled', () => {
  it('names the medium and large sizes of the issue', () => {
    expect(SCALES.medium).toEqual({ skus: 1_000, people: 100_000 });
    expect(SCALES.large).toEqual({ skus: 10_000, people: 1_000_000 });
  });

  it('adds whole catalogue copies: three times the demo SKUs, with listings, stock and allocations', async () => {
    const demoSkus = (await temp.db.sku.count()) - (await temp.db.sku.count({ where: { OR: COPY_CODES } }));
    expect(summary.Sku).toBe(demoSkus * 3);
    expect(await temp.db.sku.count()).toBe(summary.Sku);
    expect(await temp.db.sku.count({ where: { code: { endsWith: '-S1' } } })).toBe(demoSkus);
    const copy = await temp.db.sku.findUniqueOrThrow({ where: { code: 'WB-500-S1' }, select: { id: true, _count: { select: { listings: true, sales: true, stockLevels: true, allocations: true } } } });
    expect(copy._count.listings).toBeGreaterThan(0);
    expect(copy._count.sales).toBeGreaterThan(300);
    expect(copy._count.stockLevels).toBeGreaterThan(0);
    expect(copy._count.allocations).toBe(copy._count.listings);
    // The copies share the demo's suppliers and warehouses; only Amazon UK's FBA warehouse is new.
    expect(await temp.db.supplier.count()).toBe(summary.Supplier);
    expect((await temp.db.warehouse.findMany({ select: { code: true } })).map((w) => w.code).sort()).toEqual([...DEMO_ANCHORS.warehouses, 'FBA-UK'].sort());
    expect(await temp.db.inboundShipment.count({ where: { reference: { endsWith: '-S1' } } })).toBeGreaterThan(0);
  });

  it('leaves the anchors and planted cases as the demo has them', async () => {
    for (const code of DEMO_ANCHORS.skus) expect(await temp.db.sku.findUnique({ where: { code } })).not.toBeNull();
    // Fixed rates and planted issues key on the demo's codes: WB-500 on AliExpress is the trial, its copy is not special.
    const wb = await temp.db.listing.findFirstOrThrow({ where: { sku: { code: 'WB-500' }, platform: { code: 'aliexpress' } } });
    expect(wb.bullets).toEqual(expect.arrayContaining([expect.stringContaining(DEMO_ANCHORS.listingIssues.claimConflict.claim)]));
    const wbCopy = await temp.db.listing.findFirst({ where: { sku: { code: 'WB-500-S1' }, platform: { code: 'aliexpress' } } });
    expect(JSON.stringify(wbCopy?.bullets ?? [])).not.toContain(DEMO_ANCHORS.listingIssues.claimConflict.claim);
    const campaign = await temp.db.adCampaign.findFirstOrThrow({ where: { name: DEMO_ANCHORS.zeroRevenueCampaign.name } });
    expect(campaign).toBeTruthy();

    const jane = await lookup(DEMO_ANCHORS.customerEmail);
    expect(jane.kind).toBe('found');
    const identities = await temp.db.customerIdentity.findMany({ where: { customerId: 1 }, select: { platform: { select: { code: true } } } });
    expect(identities.map((i) => i.platform.code).sort()).toEqual([...DEMO_ANCHORS.customerPlatforms].sort());
    expect((await lookup(DEMO_ANCHORS.customerPhone)).kind).toBe('found');
  });

  it('adds the people, each resolved to one customer with match keys and one link per identity', async () => {
    expect(summary.Customer).toBe(DEMO_ANCHORS.customerCount + EXTRA_PEOPLE);
    expect(await temp.db.customer.count()).toBe(summary.Customer);
    const extra = { customerId: { gt: DEMO_ANCHORS.customerCount } };
    const identities = await temp.db.customerIdentity.count({ where: extra });
    expect(identities).toBeGreaterThanOrEqual(EXTRA_PEOPLE);
    expect(identities).toBeLessThan(EXTRA_PEOPLE * 1.4);
    expect(await temp.db.identityLink.count({ where: { ...extra, removedAt: null } })).toBe(identities);
    expect(await temp.db.customerIdentity.count({ where: { ...extra, emailKind: 'real', emailKey: null } })).toBe(0);
    expect(await temp.db.customerIdentity.count({ where: { ...extra, phone: { not: null }, phoneE164: null } })).toBe(0);
    // About three orders a person, on the copies' listings as well as the demo's.
    const orders = await temp.db.order.count({ where: { identity: extra } });
    expect(orders / EXTRA_PEOPLE).toBeGreaterThan(2.3);
    expect(orders / EXTRA_PEOPLE).toBeLessThan(3.8);
    expect(await temp.db.orderLine.count({ where: { sku: { code: { endsWith: '-S1' } } } })).toBeGreaterThan(0);
  });

  it('makes the extra people findable by email, phone and order id, one customer each', async () => {
    const person = await temp.db.customerIdentity.findFirstOrThrow({
      where: { customerId: { gt: DEMO_ANCHORS.customerCount }, emailKind: 'real', phoneE164: { startsWith: '+1' } },
      select: { customerId: true, email: true, phoneE164: true, orders: { select: { externalId: true }, take: 1 } },
      orderBy: { id: 'asc' },
    });
    for (const key of [person.email as string, person.phoneE164 as string, person.orders[0]?.externalId as string]) {
      const found = await lookup(key);
      expect(found.kind, key).toBe('found');
      if (found.kind === 'found') expect(found.subject).toMatchObject({ customerId: person.customerId });
    }
    // Never the demo's own fictional 555-01xx numbers.
    expect(person.phoneE164).not.toMatch(/55501\d\d$/);
  });

  it('prints progress', () => {
    expect(lines.some((l) => l.startsWith('seed: catalogue copy 2/2'))).toBe(true);
    expect(lines.some((l) => /^seed: people 3,000/.test(l))).toBe(true);
  });
});

describe('seedScaled: eight platforms', () => {
  it('has the demo six and Amazon UK and TikTok Shop DE, each with listings, daily sales and orders', async () => {
    const platforms = await temp.db.platform.findMany({
      select: { id: true, code: true, currency: true, country: true, stage: true, _count: { select: { listings: true, sales: true, orders: true } } },
      orderBy: { id: 'asc' },
    });
    expect(platforms.map((p) => p.code)).toEqual([...DEMO_ANCHORS.platforms, 'amazon-uk', 'tiktok-de']);
    expect(summary.Platform).toBe(8);
    for (const p of platforms) {
      expect(p._count.listings, p.code).toBeGreaterThan(0);
      expect(p._count.sales, p.code).toBeGreaterThan(0);
      expect(p._count.orders, p.code).toBeGreaterThan(0);
    }
    expect(platforms.find((p) => p.code === 'amazon-uk')).toMatchObject({ currency: 'GBP', country: 'GB', stage: 'growing' });
    expect(platforms.find((p) => p.code === 'tiktok-de')).toMatchObject({ currency: 'EUR', country: 'DE', stage: 'new' });
    // Only the copies go on the new platforms: the demo's SKUs keep their six.
    const demoOnNew = await temp.db.listing.count({ where: { platform: { code: { in: ['amazon-uk', 'tiktok-de'] } }, sku: { NOT: COPY_CODES } } });
    expect(demoOnNew).toBe(0);
    // About three listings a SKU, as the issue's 10,000 SKUs / ~30,000 listings.
    expect(summary.Listing / summary.Sku).toBeGreaterThan(3);
    expect(summary.Listing / summary.Sku).toBeLessThan(3.6);
  });

  it('writes listings in each marketplace\'s own terms: prices in GBP and EUR, German on TikTok Shop DE', async () => {
    const uk = await temp.db.listing.findFirstOrThrow({ where: { platform: { code: 'amazon-uk' } }, orderBy: { id: 'asc' } });
    expect(uk.currency).toBe('GBP');
    expect(uk.externalId).toMatch(/^B0[A-Z0-9]{8}$/);
    expect(uk.title.length).toBeLessThanOrEqual(200);
    const de = await temp.db.listing.findFirstOrThrow({ where: { platform: { code: 'tiktok-de' } }, orderBy: { id: 'asc' } });
    expect(de.currency).toBe('EUR');
    expect(de.description).toContain('steht für hohe Qualität');
  });

  it('gives the new platforms routes, so unit economics and the allocation plan include them', async () => {
    const listing = await temp.db.listing.findFirstOrThrow({
      where: { status: 'active', platform: { code: 'amazon-uk' }, sku: { active: true, listings: { some: { status: 'active', platform: { code: 'tiktok-de' } } } } },
      select: { skuId: true },
      orderBy: { id: 'asc' },
    });
    const fx = planningSettings().fxPerUsd;
    const economics = (await unitEconomics(temp.db, TEST_REFERENCE_DATE, fx, [listing.skuId])).get(listing.skuId) ?? [];
    const uk = economics.find((e) => e.platform === 'amazon-uk');
    const de = economics.find((e) => e.platform === 'tiktok-de');
    expect(uk?.logistics.fulfilment).toMatchObject({ kind: 'bulk', warehouse: 'FBA-UK', country: 'GB' });
    expect(uk?.logistics.usd).toBeGreaterThan(0);
    expect(de?.logistics.fulfilment).toMatchObject({ kind: 'parcel', origin: 'CN', destination: 'DE' });
    expect(de?.logistics.usd).toBeGreaterThan(0);

    const [plan] = await planSkus(temp.db, TEST_REFERENCE_DATE, { trialBatch: 100, fxPerUsd: fx }, [listing.skuId]);
    const planned = new Map(plan?.platforms.map((p) => [p.code, p]));
    expect(planned.get('amazon-uk')).toMatchObject({ listed: true, warehouse: 'FBA-UK' });
    expect(planned.get('amazon-uk')?.transitDays).toBeGreaterThan(0);
    expect(planned.get('tiktok-de')).toMatchObject({ listed: true, stage: 'new' });
  });
});

describe('seedScaled: determinism', () => {
  it('gives byte-identical content when seeded again with the same reference date and scale', async () => {
    const again = await createTempDb();
    try {
      await seedScaled(again.db, { referenceDate: TEST_REFERENCE_DATE, scale: SCALE, peopleBatch: PEOPLE_BATCH });
      expect(await dump(again.db)).toEqual(seeded);
    } finally {
      await again.dispose();
    }
  }, 180_000);
});
