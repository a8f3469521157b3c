import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/persistence/db.ts';
import { DEMO_ANCHORS, isDatabaseEmpty, seedDemo } from '../../src/persistence/seed/index.ts';
import { openDemoDb, TEST_REFERENCE_DATE, type DemoDb } from '../helpers/demo-db.ts';
import { dump } from '../helpers/table-dump.ts';
import { createTempDb, type TempDb } from '../helpers/temp-db.ts';

const DAY = 86_400_000;
const ref = TEST_REFERENCE_DATE.getTime();

let demo: DemoDb;
let db: Db;

beforeAll(async () => {
  demo = await openDemoDb();
  db = demo.db;
});

afterAll(async () => {
  await demo?.dispose();
});

/** Units of a SKU on a platform over the 30 days before the reference date. */
async function units30(sku: string, platform: string): Promise<number> {
  const agg = await db.salesDaily.aggregate({
    _sum: { units: true },
    where: { sku: { code: sku }, platform: { code: platform }, day: { gte: new Date(ref - 30 * DAY), lt: new Date(ref) } },
  });
  return agg._sum.units ?? 0;
}

describe('seedDemo: determinism', () => {
  let fresh: TempDb;

  beforeAll(async () => {
    fresh = await createTempDb();
  });

  afterAll(async () => {
    await fresh?.dispose();
  });

  it('gives identical content for the same reference date, also when seeding over existing data', async () => {
    expect(await isDatabaseEmpty(fresh.db)).toBe(true);
    const summary = await seedDemo(fresh.db, { referenceDate: TEST_REFERENCE_DATE });
    expect(await isDatabaseEmpty(fresh.db)).toBe(false);

    const expected = await dump(db);
    expect(await dump(fresh.db)).toEqual(expected);
    expect(summary.SalesDaily).toBe(await fresh.db.salesDaily.count());
    expect(summary.Customer).toBe(await fresh.db.customer.count());

    // Reseeding wipes first, so a second run lands on the same bytes.
    await fresh.db.auditEvent.create({ data: { actor: 'test', action: 'x', targetType: 't', targetId: '1', via: 'console', at: new Date(ref) } });
    await seedDemo(fresh.db, { referenceDate: new Date(ref + 15 * 3_600_000) }); // same day, later hour
    expect(await dump(fresh.db)).toEqual(expected);
  });

  it('shifts every date with the reference date, so the demo always looks current', async () => {
    const other = new Date(Date.UTC(2026, 5, 15));
    const lines: string[] = [];
    await seedDemo(fresh.db, { referenceDate: other, log: (l) => lines.push(l) });
    expect(lines.some((l) => l.includes('2026-06-15'))).toBe(true);

    const days = await fresh.db.salesDaily.aggregate({ _min: { day: true }, _max: { day: true } });
    expect(days._max.day).toEqual(new Date(Date.UTC(2026, 5, 14)));
    expect(days._min.day).toEqual(new Date(Date.UTC(2025, 5, 15)));
    const tiktok = await fresh.db.platform.findUniqueOrThrow({ where: { code: 'tiktok-us' } });
    expect(tiktok.launchedOn).toEqual(new Date(other.getTime() - 21 * DAY));
    const periods = await fresh.db.budget.findMany({ distinct: ['period'], select: { period: true }, orderBy: { period: 'asc' } });
    expect(periods.map((p) => p.period)).toEqual(['2026-06', '2026-07']);
    const lastOrder = await fresh.db.order.aggregate({ _max: { orderedAt: true } });
    expect(lastOrder._max.orderedAt!.getTime()).toBeLessThan(other.getTime());
    expect(lastOrder._max.orderedAt!.getTime()).toBeGreaterThan(other.getTime() - 3 * DAY);
    const inbound = await fresh.db.inboundShipment.findMany({ where: { status: { in: ['in_transit', 'planned'] } } });
    expect(inbound.every((s) => s.eta > other)).toBe(true);
  });
});

describe('seedDemo: anchors', () => {
  it('sells WB-500 about 1,000 a month on amazon-us, with a weekly rhythm', async () => {
    const units = await units30('WB-500', 'amazon-us');
    expect(units).toBeGreaterThan(750);
    expect(units).toBeLessThan(1_250);
    const days = await db.salesDaily.findMany({ where: { sku: { code: 'WB-500' }, platform: { code: 'amazon-us' } }, orderBy: { day: 'asc' } });
    expect(days).toHaveLength(365);
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const d of days) byWeekday[d.day.getUTCDay()]! += d.units;
    // Sunday and Monday outsell Friday on Amazon US.
    expect(byWeekday[0]!).toBeGreaterThan(byWeekday[5]!);
    expect(byWeekday[1]!).toBeGreaterThan(byWeekday[5]!);
  });

  it('listed WB-500 on aliexpress about ten days ago, with a handful of sales', async () => {
    const listing = await db.listing.findFirstOrThrow({ where: { sku: { code: 'WB-500' }, platform: { code: 'aliexpress' } } });
    expect(listing.status).toBe('active');
    expect(listing.updatedAt.getTime()).toBeGreaterThanOrEqual(ref - 12 * DAY);
    const sales = await db.salesDaily.findMany({ where: { skuId: listing.skuId, platformId: listing.platformId }, orderBy: { day: 'asc' } });
    expect(sales[0]!.day.getTime()).toBe(ref - DEMO_ANCHORS.wb500.aliexpressListedDaysAgo * DAY);
    const total = sales.reduce((n, s) => n + s.units, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(40);
    const allocation = await db.channelAllocation.findFirstOrThrow({ where: { skuId: listing.skuId, platformId: listing.platformId } });
    expect(allocation.quantity).toBe(DEMO_ANCHORS.wb500.aliexpressTrialBatch);
  });

  it('leaves WB-500 two to three weeks of FBA US cover, with the inbound landing after that', async () => {
    const rate = (await units30('WB-500', 'amazon-us')) / 30;
    const level = await db.stockLevel.findFirstOrThrow({ where: { sku: { code: 'WB-500' }, warehouse: { code: 'FBA-US' } } });
    const cover = (level.onHand - level.reserved) / rate;
    expect(cover).toBeGreaterThan(13);
    expect(cover).toBeLessThan(22);
    const inbound = await db.inboundShipment.findMany({
      where: { sku: { code: 'WB-500' }, warehouse: { code: 'FBA-US' }, status: { in: ['in_transit', 'planned'] } },
    });
    expect(inbound).toHaveLength(1);
    expect(inbound[0]!.reference).toMatch(/^IS-\d{4}-\d{4}$/);
    expect(inbound[0]!.eta.getTime()).toBeGreaterThan(ref + cover * DAY);
  });

  it('has SKUs with under a week of cover and nothing arriving in time', async () => {
    for (const code of DEMO_ANCHORS.stockOutSkus) {
      const sold = await db.salesDaily.aggregate({ _sum: { units: true }, where: { sku: { code }, day: { gte: new Date(ref - 30 * DAY) } } });
      const rate = (sold._sum.units ?? 0) / 30;
      expect(rate, code).toBeGreaterThan(1);
      const stock = await db.stockLevel.aggregate({ _sum: { onHand: true, reserved: true }, where: { sku: { code } } });
      const available = (stock._sum.onHand ?? 0) - (stock._sum.reserved ?? 0);
      expect(available / rate, code).toBeLessThan(7);
      const soon = await db.inboundShipment.count({
        where: { sku: { code }, status: { in: ['in_transit', 'planned'] }, eta: { lt: new Date(ref + 30 * DAY) } },
      });
      expect(soon, code).toBe(0);
    }
  });

  it('launched tiktok-us within the last 30 days and has its sales only since then', async () => {
    const tiktok = await db.platform.findUniqueOrThrow({ where: { code: 'tiktok-us' } });
    expect(tiktok.stage).toBe('new');
    expect(ref - tiktok.launchedOn.getTime()).toBeLessThan(30 * DAY);
    const first = await db.salesDaily.aggregate({ _min: { day: true }, where: { platformId: tiktok.id } });
    expect(first._min.day!.getTime()).toBeGreaterThanOrEqual(tiktok.launchedOn.getTime());
    const platforms = await db.platform.findMany({ orderBy: { id: 'asc' } });
    expect(platforms.map((p) => [p.code, p.currency, p.stage])).toEqual([
      ['amazon-us', 'USD', 'mature'],
      ['amazon-de', 'EUR', 'mature'],
      ['aliexpress', 'USD', 'growing'],
      ['shopee-my', 'MYR', 'growing'],
      ['tiktok-us', 'USD', 'new'],
      ['shopify', 'USD', 'growing'],
    ]);
  });

  it('has Jane Doe on three platforms with the right kinds of email, and orders on each', async () => {
    const shopify = await db.customerIdentity.findFirstOrThrow({ where: { email: DEMO_ANCHORS.customerEmail }, include: { platform: true } });
    expect(shopify.platform.code).toBe('shopify');
    expect(shopify.emailKind).toBe('real');
    const identities = await db.customerIdentity.findMany({
      where: { customerId: shopify.customerId },
      include: { platform: true, orders: true, links: true },
      orderBy: { platformId: 'asc' },
    });
    expect(identities.map((i) => i.platform.code)).toEqual(['amazon-us', 'tiktok-us', 'shopify']);
    const [amazon, tiktok] = identities;
    expect(amazon!.emailKind).toBe('relay');
    expect(amazon!.email).toMatch(/^[a-z0-9]+@marketplace\.amazon\.com$/);
    expect(tiktok!.email).toBeNull();
    expect(tiktok!.phone).toBe('4155550123');
    expect(amazon!.phone).toBe('+1 415-555-0123');
    expect(shopify.phone).toBe('(415) 555-0123');
    for (const identity of identities) {
      expect(identity.orders.length, identity.platform.code).toBeGreaterThan(0);
      expect(identity.links).toHaveLength(1);
      expect(identity.links[0]!.customerId).toBe(shopify.customerId);
    }
    const customer = await db.customer.findUniqueOrThrow({ where: { id: shopify.customerId! } });
    expect(customer.displayName).toBe('Jane Doe');
    const ticket = await db.ticket.findFirstOrThrow({ where: { identityId: shopify.id, status: 'open' } });
    expect(amazon!.orders.map((o) => o.externalId)).toContain(ticket.orderRef);
  });

  it('seeds the team with their roles, and Bob owns amazon-us', async () => {
    const members = await db.teamMember.findMany({ include: { roles: true, platformsOwned: { include: { platform: true } } }, orderBy: { id: 'asc' } });
    expect(Object.fromEntries(members.map((m) => [m.handle, m.roles.map((r) => r.role)]))).toEqual({
      alice: ['manager'],
      bob: ['staff'],
      carol: ['cs'],
      dan: ['marketing'],
      erin: ['admin'],
    });
    expect(members.find((m) => m.handle === 'alice')!.name).toBe('Alice Chen');
    expect(members.find((m) => m.handle === 'bob')!.platformsOwned.map((o) => o.platform.code)).toEqual(['amazon-us']);
  });

  it('has an ad campaign that spends but sold nothing over the last 30 days', async () => {
    const rows = await db.adSpendDaily.groupBy({
      by: ['campaignId'],
      where: { day: { gte: new Date(ref - 30 * DAY) } },
      _sum: { spend: true, attributedRevenue: true },
      _count: { _all: true },
    });
    const wasted = rows.filter((r) => Number(r._sum.spend) > 100 && Number(r._sum.attributedRevenue) === 0 && r._count._all >= 30);
    const names = await db.adCampaign.findMany({ where: { id: { in: wasted.map((w) => w.campaignId) } }, include: { platform: true } });
    expect(names.map((c) => `${c.platform.code}: ${c.name}`)).toContain(
      `${DEMO_ANCHORS.zeroRevenueCampaign.platform}: ${DEMO_ANCHORS.zeroRevenueCampaign.name}`,
    );
    // The others earn something, with less return per dollar at higher spend (a curve to fit).
    expect(rows.filter((r) => Number(r._sum.attributedRevenue) > 0).length).toBeGreaterThan(15);
  });

  it('plants the three listing problems for the brand audit', async () => {
    const issues = DEMO_ANCHORS.listingIssues;
    const claim = await db.listing.findFirstOrThrow({ where: { sku: { code: issues.bannedClaim.sku }, platform: { code: issues.bannedClaim.platform } } });
    expect(claim.description.toLowerCase()).toContain(issues.bannedClaim.phrase);
    const cheap = await db.listing.findFirstOrThrow({ where: { sku: { code: issues.priceConflict.sku }, platform: { code: issues.priceConflict.platform } } });
    const reference = await db.listing.findFirstOrThrow({ where: { sku: { code: issues.priceConflict.sku }, platform: { code: issues.priceConflict.referencePlatform } } });
    expect(Number(cheap.price)).toBeLessThan(Number(reference.price) * 0.5);
    const long = await db.listing.findMany({ where: { platform: { marketplace: 'amazon' } }, include: { sku: true } });
    expect(long.filter((l) => l.title.length > 200).map((l) => l.sku.code)).toEqual([issues.longTitle.sku]);
  });
});

describe('seedDemo: shape', () => {
  it('has the promised volumes', async () => {
    const [skus, products, customers, identities, orders, warehouses] = await Promise.all([
      db.sku.count(),
      db.product.count(),
      db.customer.count(),
      db.customerIdentity.count(),
      db.order.count(),
      db.warehouse.findMany({ orderBy: { id: 'asc' } }),
    ]);
    expect(skus).toBeGreaterThanOrEqual(130);
    expect(skus).toBeLessThanOrEqual(170);
    expect(products).toBeGreaterThanOrEqual(50);
    expect(products).toBeLessThanOrEqual(65);
    expect(customers).toBe(DEMO_ANCHORS.customerCount);
    expect(identities).toBeGreaterThan(customers);
    expect(orders).toBeGreaterThan(2_000);
    expect(orders).toBeLessThan(6_000);
    expect(warehouses.map((w) => w.code)).toEqual(['CN-SZ', 'FBA-US', 'FBA-DE', 'MY-3PL']);
  });

  it('has 365 days of sales ending the day before the reference date', async () => {
    const span = await db.salesDaily.aggregate({ _min: { day: true }, _max: { day: true } });
    expect(span._max.day!.getTime()).toBe(ref - DAY);
    expect(span._min.day!.getTime()).toBe(ref - 365 * DAY);
    const distinct = await db.salesDaily.findMany({ distinct: ['day'], select: { day: true } });
    expect(distinct).toHaveLength(365);
    expect(distinct.every((d) => d.day.getUTCHours() === 0 && d.day.getUTCMinutes() === 0)).toBe(true);
  });

  it('spikes on Black Friday on amazon-us and on 11.11 on aliexpress', async () => {
    const total = async (platform: string, from: number, days: number) =>
      (await db.salesDaily.aggregate({ _sum: { units: true }, where: { platform: { code: platform }, day: { gte: new Date(from), lt: new Date(from + days * DAY) } } }))._sum.units ?? 0;
    const blackFriday = Date.UTC(2025, 10, 28);
    expect(await total('amazon-us', blackFriday, 1)).toBeGreaterThan(((await total('amazon-us', blackFriday + 14 * DAY, 7)) / 7) * 2);
    const singlesDay = Date.UTC(2026, 10, 11);
    expect(await total('aliexpress', singlesDay, 1)).toBeGreaterThan(((await total('aliexpress', singlesDay - 20 * DAY, 7)) / 7) * 2.5);
  });

  it('links 10–15 % of people across two or three platforms, every identity with evidence', async () => {
    const perCustomer = await db.customerIdentity.groupBy({ by: ['customerId'], _count: { _all: true } });
    const multi = perCustomer.filter((c) => c._count._all > 1).length / perCustomer.length;
    expect(multi).toBeGreaterThanOrEqual(0.1);
    expect(multi).toBeLessThanOrEqual(0.15);
    expect(Math.max(...perCustomer.map((c) => c._count._all))).toBe(3);
    expect(await db.customerIdentity.count({ where: { customerId: null } })).toBe(0);
    const links = await db.identityLink.findMany({ select: { evidence: true, method: true, createdBy: true, confidence: true } });
    expect(links.every((l) => Array.isArray(l.evidence) && l.evidence.length > 0 && l.method === 'auto' && l.createdBy === 'seed')).toBe(true);
    expect(links.every((l) => l.confidence > 0 && l.confidence <= 1)).toBe(true);
    const relay = await db.customerIdentity.count({ where: { platform: { marketplace: 'amazon' }, NOT: { emailKind: 'relay' } } });
    expect(relay).toBe(0);
  });

  it('keeps the hard identity cases apart and together as they really are', async () => {
    const johnsons = await db.customerIdentity.findMany({ where: { name: 'Michael Johnson' }, select: { customerId: true } });
    expect(new Set(johnsons.map((j) => j.customerId)).size).toBeGreaterThanOrEqual(2);
    const schmidts = await db.customerIdentity.findMany({ where: { name: 'Andreas Schmidt', platform: { code: 'amazon-de' } }, select: { customerId: true } });
    expect(new Set(schmidts.map((j) => j.customerId)).size).toBeGreaterThanOrEqual(2);
    const weiss = await db.customerIdentity.findMany({ where: { name: { in: ['Jürgen Weiß', 'Juergen Weiss'] } }, select: { customerId: true } });
    expect(weiss).toHaveLength(2);
    expect(new Set(weiss.map((w) => w.customerId)).size).toBe(1);
    const household = await db.customerIdentity.findMany({ where: { postalCode: '97214', addressLine1: { startsWith: '1420 Maple' } }, select: { customerId: true, name: true } });
    expect(new Set(household.map((h) => h.customerId)).size).toBe(2);
    const carlos = await db.customerIdentity.findMany({ where: { name: 'Carlos Rivera' }, select: { customerId: true, phone: true } });
    expect(new Set(carlos.map((c) => c.customerId)).size).toBe(1);
    expect(new Set(carlos.map((c) => c.phone)).size).toBe(3);
  });

  it('writes order ids in each platform’s format and keeps old shipped Amazon orders for the PII purge', async () => {
    const formats: Record<string, RegExp> = {
      'amazon-us': /^\d{3}-\d{7}-\d{7}$/,
      'amazon-de': /^\d{3}-\d{7}-\d{7}$/,
      shopify: /^#\d{4,}$/,
      aliexpress: /^\d{18,}$/,
      'tiktok-us': /^\d{18,}$/,
      'shopee-my': /^\d{6}[0-9A-Z]{8}$/,
    };
    for (const [code, format] of Object.entries(formats)) {
      const orders = await db.order.findMany({ where: { platform: { code } }, select: { externalId: true } });
      expect(orders.length, code).toBeGreaterThan(20);
      expect(orders.filter((o) => !format.test(o.externalId)), code).toEqual([]);
    }
    const old = await db.order.count({ where: { platform: { marketplace: 'amazon' }, shippedAt: { lt: new Date(ref - 30 * DAY) } } });
    expect(old).toBeGreaterThan(100);
    expect(await db.order.count({ where: { status: 'unshipped' } })).toBeGreaterThan(5);
  });

  it('budgets this month and next in the 60 / 30 / 10 shape for ads', async () => {
    const budgets = await db.budget.findMany({ where: { purpose: 'ads', period: '2026-11' }, include: { platform: true } });
    const total = budgets.reduce((n, b) => n + Number(b.amount), 0);
    const share = (codes: string[]) => budgets.filter((b) => codes.includes(b.platform.code)).reduce((n, b) => n + Number(b.amount), 0) / total;
    expect(share(['amazon-us', 'amazon-de'])).toBeCloseTo(0.6, 2);
    expect(share(['aliexpress'])).toBeCloseTo(0.3, 2);
    expect(budgets.every((b) => b.currency === 'USD' && b.version === 1)).toBe(true);
    const thisMonth = await db.budget.count({ where: { period: '2026-11' } });
    expect(thisMonth).toBeGreaterThan(budgets.length);
    expect(await db.budget.count({ where: { period: '2026-12' } })).toBe(thisMonth);
  });

  it('allocates FBA stock to its Amazon platform and no more CN stock than there is', async () => {
    const [levels, allocations, channels] = await Promise.all([
      db.stockLevel.findMany({ include: { warehouse: true } }),
      db.channelAllocation.findMany({ include: { platform: true } }),
      db.warehouseChannel.findMany({ include: { warehouse: true, platform: true } }),
    ]);
    const servedBy = new Map(channels.map((c) => [c.platform.code, c.warehouse.code]));
    expect(Object.fromEntries(servedBy)).toEqual({
      aliexpress: 'CN-SZ',
      shopify: 'CN-SZ',
      'tiktok-us': 'CN-SZ',
      'amazon-us': 'FBA-US',
      'amazon-de': 'FBA-DE',
      'shopee-my': 'MY-3PL',
    });
    const available = new Map(levels.map((l) => [`${l.skuId}:${l.warehouse.code}`, l.onHand - l.reserved]));
    const allocated = new Map<string, number>();
    for (const a of allocations) {
      const key = `${a.skuId}:${servedBy.get(a.platform.code)}`;
      allocated.set(key, (allocated.get(key) ?? 0) + a.quantity);
    }
    for (const [key, quantity] of allocated) expect(quantity, key).toBeLessThanOrEqual(available.get(key) ?? 0);
    const fbaUs = allocations.filter((a) => a.platform.code === 'amazon-us' && a.quantity > 0);
    expect(fbaUs.every((a) => a.quantity === available.get(`${a.skuId}:FBA-US`))).toBe(true);
  });
});
