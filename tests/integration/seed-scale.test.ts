/**
 * The medium and large datasets' path (seedScaled), at a small size: one more catalogue copy
 * and 600 extra people in three batches. Checks the shape, that the demo's anchors and planted
 * cases survive untouched, and that the extra rows are as usable as the demo's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCustomer } from '../../src/core/domain/customers/lookup.ts';
import { classifyQuery } from '../../src/core/domain/customers/query.ts';
import { DEMO_ANCHORS } from '../../src/persistence/seed/index.ts';
import { SCALES, seedScaled } from '../../src/persistence/seed/scale.ts';
import type { SeedSummary } from '../../src/persistence/seed/types.ts';
import { TEST_REFERENCE_DATE } from '../helpers/demo-db.ts';
import { createTempDb, type TempDb } from '../helpers/temp-db.ts';

const EXTRA_PEOPLE = 600;
let temp: TempDb;
let summary: SeedSummary;
const lines: string[] = [];

beforeAll(async () => {
  temp = await createTempDb();
  summary = await seedScaled(temp.db, {
    referenceDate: TEST_REFERENCE_DATE,
    scale: { skus: 200, people: DEMO_ANCHORS.customerCount + EXTRA_PEOPLE },
    peopleBatch: 250,
    log: (line) => lines.push(line),
  });
}, 120_000);

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

  it('adds one whole catalogue copy: twice the demo SKUs, listings, stock and allocations', async () => {
    const demoSkus = (await temp.db.sku.count()) - (await temp.db.sku.count({ where: { code: { endsWith: '-S1' } } }));
    expect(summary.Sku).toBe(demoSkus * 2);
    expect(await temp.db.sku.count()).toBe(summary.Sku);
    expect(await temp.db.sku.count({ where: { code: { endsWith: '-S1' } } })).toBe(demoSkus);
    const copy = await temp.db.sku.findUniqueOrThrow({ where: { code: 'WB-500-S1' }, select: { id: true, _count: { select: { listings: true, sales: true, stockLevels: true, allocations: true } } } });
    expect(copy._count.listings).toBeGreaterThan(0);
    expect(copy._count.sales).toBeGreaterThan(300);
    expect(copy._count.stockLevels).toBeGreaterThan(0);
    expect(copy._count.allocations).toBe(copy._count.listings);
    // The copy shares the demo's suppliers and warehouses rather than adding its own.
    expect(await temp.db.supplier.count()).toBe(summary.Supplier);
    expect(await temp.db.warehouse.count()).toBe(DEMO_ANCHORS.warehouses.length);
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
    expect(lines.some((l) => l.startsWith('seed: catalogue copy 1/1'))).toBe(true);
    expect(lines.some((l) => /^seed: people 2,600/.test(l))).toBe(true);
  });
});
