/**
 * stockReport reads a SKU's whole stock picture in one statement. These tests hold it to the
 * tables it reads: every SKU of the demo against the same figures computed from plain client
 * reads, and a SKU built for the edges the one statement has to get right (parts that are
 * empty, a platform known only from its sales, sales just outside the window, inbound that
 * is not open, shipments due the same day). Both engines (run under both projects).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../../src/generated/prisma/client.ts';
import { addDays, dailyRate, projectStockout, RATE_WINDOW_DAYS } from '../../../src/core/domain/inventory/cover.ts';
import { invalidateWarehouseDirectory, stockReport } from '../../../src/core/domain/inventory/stock-service.ts';
import type { SkuSummary } from '../../../src/core/domain/catalogue/sku-lookup.ts';
import type { Db } from '../../../src/persistence/db.ts';
import { openDemoDb } from '../../helpers/demo-db.ts';

let db: Db;
let dispose: () => Promise<void>;
let today: Date;
/** Noon on the reference day, as a user would ask. */
let now: Date;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  today = demo.referenceDate;
  now = new Date(today.getTime() + 12 * 3_600_000);
});

afterAll(async () => {
  await dispose();
});

const summary = (sku: { id: number; code: string; name: string }): SkuSummary => ({ ...sku, productName: sku.name, localNames: {} });

describe('stockReport on the demo', () => {
  it('matches plain reads of every table, for every SKU', async () => {
    const windowStart = addDays(today, -RATE_WINDOW_DAYS);
    const [skus, levels, shipments, allocations, listings, sales, platforms] = await Promise.all([
      db.sku.findMany({ select: { id: true, code: true, name: true }, orderBy: { id: 'asc' } }),
      db.stockLevel.findMany({ include: { warehouse: true } }),
      db.inboundShipment.findMany({ where: { status: { in: ['planned', 'in_transit'] } }, include: { warehouse: true } }),
      db.channelAllocation.findMany(),
      db.listing.findMany(),
      db.salesDaily.findMany({ where: { day: { gte: windowStart, lt: today } }, select: { skuId: true, platformId: true, units: true } }),
      db.platform.findMany(),
    ]);
    const platformById = new Map(platforms.map((p) => [p.id, p]));
    let withInbound = 0;
    let withSales = 0;

    for (const sku of skus) {
      const report = await stockReport(db, summary(sku), now);

      // Per warehouse: stock as stored, open inbound summed, the soonest ETA.
      const expectedWarehouses = new Map<string, { onHand: number; reserved: number; inbound: number; nextEta: Date | null }>();
      const row = (code: string) => {
        const found = expectedWarehouses.get(code) ?? { onHand: 0, reserved: 0, inbound: 0, nextEta: null };
        expectedWarehouses.set(code, found);
        return found;
      };
      for (const l of levels.filter((x) => x.skuId === sku.id)) {
        const w = row(l.warehouse.code);
        w.onHand += l.onHand;
        w.reserved += l.reserved;
      }
      const open = shipments.filter((s) => s.skuId === sku.id);
      for (const s of open) {
        const w = row(s.warehouse.code);
        w.inbound += s.quantity;
        if (w.nextEta === null || s.eta < w.nextEta) w.nextEta = s.eta;
      }
      expect(report.warehouses.map((w) => ({ code: w.code, onHand: w.onHand, reserved: w.reserved, available: w.available, inbound: w.inbound, nextEta: w.nextEta }))).toEqual(
        [...expectedWarehouses.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, w]) => ({ code, onHand: w.onHand, reserved: w.reserved, available: Math.max(0, w.onHand - w.reserved), inbound: w.inbound, nextEta: w.nextEta })),
      );

      // Open shipments, soonest first.
      expect(report.inbound).toEqual(
        [...open]
          .sort((a, b) => a.eta.getTime() - b.eta.getTime() || a.reference.localeCompare(b.reference))
          .map((s) => ({ reference: s.reference, warehouse: s.warehouse.code, quantity: s.quantity, eta: s.eta, status: s.status })),
      );

      // Per platform: every platform with a listing, an allocation or sales in the window.
      const soldOn = new Map<number, number>();
      for (const s of sales.filter((x) => x.skuId === sku.id)) soldOn.set(s.platformId, (soldOn.get(s.platformId) ?? 0) + s.units);
      const ids = new Set([...listings.filter((l) => l.skuId === sku.id).map((l) => l.platformId), ...allocations.filter((a) => a.skuId === sku.id).map((a) => a.platformId), ...soldOn.keys()]);
      const expectedPlatforms = [...ids].map((id) => {
        const listing = listings.find((l) => l.skuId === sku.id && l.platformId === id);
        return {
          code: platformById.get(id)?.code,
          name: platformById.get(id)?.name,
          listed: listing?.status === 'active',
          variant: listing?.variant ?? null,
          allocated: allocations.find((a) => a.skuId === sku.id && a.platformId === id)?.quantity ?? 0,
          sold30: soldOn.get(id) ?? 0,
        };
      });
      expect(report.platforms.map(({ code, name, listed, variant, allocated, sold30 }) => ({ code, name, listed, variant, allocated, sold30 }))).toEqual(
        expectedPlatforms.sort((a, b) => b.sold30 - a.sold30 || String(a.code).localeCompare(String(b.code))),
      );

      const sold30 = [...soldOn.values()].reduce((a, b) => a + b, 0);
      const available = report.warehouses.reduce((a, w) => a + w.available, 0);
      expect(report.totals.sold30).toBe(sold30);
      expect(report.projection).toEqual(projectStockout({ available, rate: dailyRate(sold30), arrivals: open.map((s) => ({ eta: s.eta, quantity: s.quantity })), today }));
      if (open.length > 0) withInbound++;
      if (sold30 > 0) withSales++;
    }
    // The demo exercises the parts that matter, so the comparison above is not vacuous.
    expect(skus.length).toBeGreaterThan(100);
    expect(withInbound).toBeGreaterThan(5);
    expect(withSales).toBeGreaterThan(50);
  });
});

describe('stockReport at the edges', () => {
  let edge: SkuSummary;
  let empty: SkuSummary;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    const anchor = await db.sku.findUniqueOrThrow({ where: { code: 'WB-500' } });
    const cost = { productId: anchor.productId, supplierId: anchor.supplierId, unitCost: new Prisma.Decimal(2), costCurrency: 'USD', weightGrams: 100, lengthMm: 10, widthMm: 10, heightMm: 10, declaredValue: new Prisma.Decimal(3), leadTimeDays: 20, moq: 100 };
    const edgeSku = await db.sku.create({ data: { code: 'EDGE-1', name: 'Edge case', ...cost } });
    const emptySku = await db.sku.create({ data: { code: 'EMPTY-1', name: 'Nothing at all', ...cost } });
    edge = summary(edgeSku);
    empty = summary(emptySku);

    // A platform no warehouse serves, known to this SKU only through its sales.
    const pop = await db.platform.create({
      data: { code: 'popup-xx', name: 'Pop-up shop', marketplace: 'shopify', region: 'US', currency: 'USD', stage: 'new', commissionRate: 0.1, launchedOn: addDays(today, -90) },
    });
    // A warehouse with inbound for the SKU but no stock of it yet.
    const dock = await db.warehouse.create({ data: { code: 'ZZ-DOCK', name: 'Cross-dock', kind: 'threepl', country: 'US' } });
    const platform = (code: string) => db.platform.findUniqueOrThrow({ where: { code } });
    const amazon = await platform('amazon-us');
    const shopify = await platform('shopify');
    const aliexpress = await platform('aliexpress');
    for (const p of [amazon, shopify, aliexpress]) names[p.code] = p.name;
    const fba = await db.warehouse.findUniqueOrThrow({ where: { code: 'FBA-US' } });

    await db.stockLevel.create({ data: { skuId: edgeSku.id, warehouseId: fba.id, onHand: 40, reserved: 50 } });
    const listing = { title: 'Edge', bullets: [], description: 'Edge case', price: new Prisma.Decimal(9.99), currency: 'USD' };
    // amazon-us: listed, sales only on the day before the window and on today (both outside it).
    await db.listing.create({ data: { skuId: edgeSku.id, platformId: amazon.id, variant: 'standard', ...listing } });
    // shopify: an inactive listing with an allocation, and sales rows of zero units in the window.
    await db.listing.create({ data: { skuId: edgeSku.id, platformId: shopify.id, status: 'inactive', variant: 'mini-pack', ...listing } });
    await db.channelAllocation.create({ data: { skuId: edgeSku.id, platformId: shopify.id, quantity: 25 } });
    // aliexpress: an allocation only.
    await db.channelAllocation.create({ data: { skuId: edgeSku.id, platformId: aliexpress.id, quantity: 7 } });
    const windowStart = addDays(today, -RATE_WINDOW_DAYS);
    const sale = (platformId: number, day: Date, units: number) => ({ skuId: edgeSku.id, platformId, day, units, revenue: new Prisma.Decimal(units * 10), currency: 'USD' });
    await db.salesDaily.createMany({
      data: [
        sale(amazon.id, addDays(windowStart, -1), 500),
        sale(amazon.id, today, 400),
        sale(shopify.id, windowStart, 0),
        sale(shopify.id, addDays(today, -1), 0),
        // popup-xx: the first and the last day of the window count.
        sale(pop.id, windowStart, 12),
        sale(pop.id, addDays(today, -1), 18),
      ],
    });
    await db.inboundShipment.createMany({
      data: [
        { reference: 'EDGE-IN-B', skuId: edgeSku.id, warehouseId: dock.id, quantity: 30, eta: addDays(today, 10), status: 'in_transit' },
        { reference: 'EDGE-IN-A', skuId: edgeSku.id, warehouseId: fba.id, quantity: 20, eta: addDays(today, 10), status: 'planned' },
        { reference: 'EDGE-IN-C', skuId: edgeSku.id, warehouseId: fba.id, quantity: 99, eta: addDays(today, 3), status: 'received' },
        { reference: 'EDGE-IN-D', skuId: edgeSku.id, warehouseId: fba.id, quantity: 77, eta: addDays(today, 4), status: 'cancelled' },
      ],
    });
    // The warehouse directory is cached; a new warehouse shows up once it is dropped (as importers do).
    invalidateWarehouseDirectory(db);
  });

  it('gives an empty picture for a SKU with no stock, listing, allocation, inbound or sales', async () => {
    const report = await stockReport(db, empty, now);
    expect(report.warehouses).toEqual([]);
    expect(report.platforms).toEqual([]);
    expect(report.inbound).toEqual([]);
    expect(report.totals).toEqual({ onHand: 0, reserved: 0, available: 0, inbound: 0, sold30: 0, rate: 0 });
    expect(report.projection.coverDays).toBe(0);
    expect(report.projection.stockoutDate).toBeNull();
  });

  it('counts the window exactly and shows every platform the SKU touches', async () => {
    const report = await stockReport(db, edge, now);
    expect(report.platforms.map(({ code, name, listed, variant, allocated, sold30 }) => ({ code, name, listed, variant, allocated, sold30 }))).toEqual([
      // 12 + 18 units on the window's first and last day; no listing, no allocation, no warehouse.
      { code: 'popup-xx', name: 'Pop-up shop', listed: false, variant: null, allocated: 0, sold30: 30 },
      // An allocation and nothing else.
      { code: 'aliexpress', name: names.aliexpress, listed: false, variant: null, allocated: 7, sold30: 0 },
      // Listed, but its only sales fall just outside the window on either side.
      { code: 'amazon-us', name: names['amazon-us'], listed: true, variant: 'standard', allocated: 0, sold30: 0 },
      // An inactive listing, and sales rows of zero units in the window: present, selling nothing.
      { code: 'shopify', name: names.shopify, listed: false, variant: 'mini-pack', allocated: 25, sold30: 0 },
    ]);
    expect(report.totals.sold30).toBe(30);
    expect(report.totals.rate).toBe(1);
  });

  it('keeps only open inbound, soonest first, same-day shipments by reference', async () => {
    const report = await stockReport(db, edge, now);
    expect(report.inbound).toEqual([
      { reference: 'EDGE-IN-A', warehouse: 'FBA-US', quantity: 20, eta: addDays(today, 10), status: 'planned' },
      { reference: 'EDGE-IN-B', warehouse: 'ZZ-DOCK', quantity: 30, eta: addDays(today, 10), status: 'in_transit' },
    ]);
    expect(report.warehouses.map(({ code, kind, onHand, reserved, available, inbound, nextEta }) => ({ code, kind, onHand, reserved, available, inbound, nextEta }))).toEqual([
      // More reserved than on hand: nothing available, never negative.
      { code: 'FBA-US', kind: 'fba', onHand: 40, reserved: 50, available: 0, inbound: 20, nextEta: addDays(today, 10) },
      // Inbound only: a row with no stock.
      { code: 'ZZ-DOCK', kind: 'threepl', onHand: 0, reserved: 0, available: 0, inbound: 30, nextEta: addDays(today, 10) },
    ]);
    expect(report.totals).toMatchObject({ onHand: 40, reserved: 50, available: 0, inbound: 50 });
  });
});
