/**
 * Formats whose public samples are header-only, with our own rows under the real headers
 * (tests/fixtures/import): Amazon orders, unshipped orders, FBA inventory and the ledger;
 * eBay; Shopee (English and Indonesian); TikTok Shop; a Shopify product export of our SKUs.
 * Imported sales reach the stock forecast.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { FIXTURES, importBytes, importPath, ok, snapshot } from '../../helpers/import.ts';
import { testPipeline } from '../../helpers/pipeline.ts';

let demo: DemoDb;

beforeAll(async () => {
  demo = await openDemoDb();
});

afterAll(async () => {
  await demo.dispose();
});

const fixture = (name: string) => join(FIXTURES, name);

async function sold30(sku: string, platform: string): Promise<string | undefined> {
  const p = testPipeline(demo.db, new Date(Date.UTC(2026, 10, 20, 12)));
  const out = await p.say('bob', `/stock ${sku} ${platform}`);
  return out.reply.tables?.[0]?.rows[0]?.sold30;
}

describe('Amazon order reports', { timeout: 180_000 }, () => {
  it('imports All Orders: line totals split into unit prices, MCF orders skipped, sales reach /stock', async () => {
    const asin = (await demo.db.listing.findFirstOrThrow({ where: { sku: { code: 'BT-100' }, platform: { code: 'amazon-us' } } })).externalId as string;
    const text = readFileSync(fixture('amazon_all_orders_US.tsv'), 'utf8').replaceAll('__ASIN_BT100__', asin);
    const before = Number((await sold30('WB-500', 'amazon-us'))?.replace(/,/g, ''));

    const report = ok(await importBytes(demo.db, 'amazon_all_orders_US.tsv', new TextEncoder().encode(text)));
    expect(report.format.id).toBe('amazon-all-orders');
    expect(report.platform).toBe('amazon-us');
    expect(report.main).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(report.skipped).toEqual([{ line: 7, reason: 'otherChannel', detail: 'S01-7781234-0001122' }]);

    const two = await demo.db.order.findFirstOrThrow({ where: { externalId: '114-2203344-5566778' }, include: { lines: { include: { sku: true } } } });
    // 9.99 + 0.80 tax + 6.00 + 0.48 tax − 1.00 promotion.
    expect(two.total.toString()).toBe('16.27');
    expect(two.orderedAt.toISOString()).toBe('2026-11-12T11:15:00.000Z');
    // The seller SKU VG-BT100-FBA is found through the listing's ASIN; the other is not ours.
    expect(two.lines.map((l) => [l.externalSku, l.sku?.code ?? null, l.unitPrice.toString()]).sort()).toEqual([
      ['VG-BT100-FBA', 'BT-100', '9.99'],
      ['XX-WRAP-3', null, '6'],
    ]);
    expect(await demo.db.order.findFirstOrThrow({ where: { externalId: '113-4410021-7733201' }, include: { lines: true } })).toMatchObject({ status: 'shipped', total: expect.anything() });
    expect((await demo.db.orderLine.findFirstOrThrow({ where: { order: { externalId: '113-4410021-7733201' } } })).unitPrice.toString()).toBe('24.99');
    expect((await demo.db.order.findFirstOrThrow({ where: { externalId: '111-9988776-1122334' } })).status).toBe('cancelled');

    // 2 shipped + 1 pending bottle in the last 30 days; the cancelled one does not count.
    expect(Number((await sold30('WB-500', 'amazon-us'))?.replace(/,/g, ''))).toBe(before + 3);

    const again = ok(await importBytes(demo.db, 'amazon_all_orders_US.tsv', new TextEncoder().encode(text)));
    expect(again.main).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(Number((await sold30('WB-500', 'amazon-us'))?.replace(/,/g, ''))).toBe(before + 3);
  });

  it('Unshipped Orders adds the masked buyer (a relay address), moves the pending order on, and creates priceless orders', async () => {
    const report = ok(await importPath(demo.db, fixture('amazon_unshipped_orders_US.tsv'), { platform: 'amazon-us' }));
    expect(report.format.id).toBe('amazon-unshipped-orders');
    expect(report.main).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(report.notes.map((n) => n.key)).toContain('noPrices');
    const pending = await demo.db.order.findFirstOrThrow({ where: { externalId: '112-5544332-9900112' }, include: { identity: true, lines: true } });
    expect(pending.status).toBe('unshipped');
    expect(pending.identity).toMatchObject({ email: 'qz3r8wkd1m0vt7p@marketplace.amazon.com', emailKind: 'relay', name: 'Dana Whitfield', city: 'DENVER' });
    expect(pending.lines).toHaveLength(1);
    const fresh = await demo.db.order.findFirstOrThrow({ where: { externalId: '113-0001122-3344556' }, include: { lines: true } });
    expect(fresh.total.toString()).toBe('0');
    expect(fresh.lines[0]?.quantity).toBe(3);
  });

  it('asks which Amazon platform an unshipped report belongs to when several exist', async () => {
    const report = await importPath(demo.db, fixture('amazon_unshipped_orders_US.tsv'));
    expect(report.ok).toBe(false);
    if (!report.ok) {
      expect(report.failure).toMatchObject({ reason: 'platform', platform: { reason: 'needPlatform' } });
      if (report.failure.reason === 'platform' && report.failure.platform.reason === 'needPlatform') {
        expect(report.failure.platform.candidates).toEqual(expect.arrayContaining(['amazon-de', 'amazon-us']));
      }
    }
  });
});

describe('Amazon inventory reports', { timeout: 180_000 }, () => {
  it('Manage FBA Inventory sets FBA stock and inbound, skipping SKUs that are not ours or not FBA', async () => {
    const report = ok(await importPath(demo.db, fixture('amazon_fba_manage_inventory_US.tsv'), { platform: 'amazon-us' }));
    expect(report.format.id).toBe('amazon-fba-inventory');
    expect(report.main.created + report.main.updated).toBe(2);
    expect(report.skippedByReason).toEqual(expect.arrayContaining([{ reason: 'unknownSku', count: 1 }, { reason: 'notFba', count: 1 }]));
    const level = await demo.db.stockLevel.findFirstOrThrow({ where: { sku: { code: 'WB-500' }, warehouse: { code: 'FBA-US' } } });
    expect(level).toMatchObject({ onHand: 128, reserved: 8 });
    const inbound = await demo.db.inboundShipment.findUniqueOrThrow({ where: { reference: 'amazon-us:myi:WB-500:in_transit' } });
    expect(inbound).toMatchObject({ quantity: 200, status: 'in_transit' });
    expect(inbound.eta.toISOString().slice(0, 10)).toBe('2026-11-27');
    // Again a day later: the ETA estimate is kept, nothing changes.
    const before = await snapshot(demo.db);
    const again = ok(await importPath(demo.db, fixture('amazon_fba_manage_inventory_US.tsv'), { platform: 'amazon-us', now: new Date(Date.UTC(2026, 10, 21, 12)) }));
    expect(again.main.unchanged).toBe(2);
    expect(await snapshot(demo.db)).toEqual(before);
  });

  it('the ledger summary sets on-hand from the latest sellable balance and keeps reserved', async () => {
    const report = ok(await importPath(demo.db, fixture('amazon_inventory_ledger_summary_US.tsv'), { platform: 'amazon-us' }));
    expect(report.main.updated).toBe(2);
    expect(Object.fromEntries(report.skippedByReason.map((g) => [g.reason, g.count]))).toEqual({ olderBalance: 1, notSellable: 1 });
    expect(await demo.db.stockLevel.findFirstOrThrow({ where: { sku: { code: 'WB-500' }, warehouse: { code: 'FBA-US' } } })).toMatchObject({ onHand: 300, reserved: 8 });
  });

  it('the ledger detail records received shipments from its Receipts', async () => {
    const report = ok(await importPath(demo.db, fixture('amazon_inventory_ledger_detail_US.tsv')));
    expect(report.platform).toBe('amazon-us');
    expect(report.main.created).toBe(1);
    const received = await demo.db.inboundShipment.findUniqueOrThrow({ where: { reference: 'amazon-us:ledger:FBA17XK9Q2LM:WB-500' } });
    expect(received).toMatchObject({ quantity: 200, status: 'received' });
    expect(received.eta.toISOString().slice(0, 10)).toBe('2026-11-18');
  });
});

describe('eBay, Shopee and TikTok Shop order exports', { timeout: 180_000 }, () => {
  it('eBay: leading blank line, mixed quoting, trailer lines, a multi-item order with its summary row', async () => {
    const report = ok(await importPath(demo.db, fixture('ebay_orders_US.csv')));
    expect(report.platform).toBe('ebay-us');
    expect(report.platformCreated).toBe(true);
    expect(report.main.created).toBe(2);
    expect(report.notes).toContainEqual({ key: 'trailerLines', params: { n: 2 } });
    const multi = await demo.db.order.findFirstOrThrow({ where: { externalId: '23-11003-55667' }, include: { lines: true, identity: true } });
    expect(multi.total.toString()).toBe('44.47');
    expect(multi.lines).toHaveLength(2);
    expect(multi.orderedAt.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(multi.status).toBe('unshipped');
    const relay = await demo.db.customerIdentity.findFirstOrThrow({ where: { externalId: 'trailrunner_88' } });
    expect(relay.emailKind).toBe('relay');
  });

  it('Shopee PH: currency from the headers, local Manila times, masked phones dropped, cancellations kept out of sales', async () => {
    const report = ok(await importPath(demo.db, fixture('shopee_orders_PH.csv')));
    expect(report.platform).toBe('shopee-ph');
    expect(report.main.created).toBe(2);
    const order = await demo.db.order.findFirstOrThrow({ where: { externalId: '2611140ABC12DE' }, include: { identity: true } });
    expect(order).toMatchObject({ currency: 'PHP', status: 'delivered', shipCountry: 'PH' });
    expect(order.total.toString()).toBe('2238');
    expect(order.orderedAt.toISOString()).toBe('2026-11-14T01:30:00.000Z');
    expect(order.identity.phone).toBeNull();
    const sales = await demo.db.salesDaily.findMany({ where: { platform: { code: 'shopee-ph' } }, include: { sku: true } });
    expect(sales.map((s) => [s.sku.code, s.units, s.revenue.toString(), s.currency]).sort()).toEqual([
      ['BT-100', 1, '0', 'PHP'],
      ['WB-500', 2, '2198', 'PHP'],
    ]);
  });

  it('Shopee ID: Indonesian headers and IDR written with dot thousands', async () => {
    const report = ok(await importPath(demo.db, fixture('shopee_orders_ID.csv')));
    expect(report.platform).toBe('shopee-id');
    const order = await demo.db.order.findFirstOrThrow({ where: { externalId: '261116Q7WERT9K' }, include: { lines: true } });
    expect(order.total.toString()).toBe('314000');
    expect(order.lines[0]?.unitPrice.toString()).toBe('299000');
    expect(order.orderedAt.toISOString()).toBe('2026-11-16T12:45:00.000Z');
  });

  it('TikTok Shop VN: the description row is dropped and 18–19 digit ids stay exact', async () => {
    const report = ok(await importPath(demo.db, fixture('tiktok_orders_VN.csv')));
    expect(report.platform).toBe('tiktok-vn');
    expect(report.main.created).toBe(2);
    expect(report.notes).toContainEqual({ key: 'descriptionRow', params: { line: 2 } });
    const order = await demo.db.order.findFirstOrThrow({ where: { externalId: '578123456789012345' }, include: { lines: true } });
    expect(order).toMatchObject({ currency: 'VND', status: 'delivered' });
    expect(order.orderedAt.toISOString()).toBe('2026-11-15T13:15:09.000Z');
    expect(order.lines[0]?.unitPrice.toString()).toBe('400000');
  });
});

describe('Shopify product export of our own SKUs', { timeout: 180_000 }, () => {
  it('updates our listings on shopify and skips image rows and products we do not have', async () => {
    const report = ok(await importPath(demo.db, fixture('shopify_products_verdant.csv')));
    expect(report.main).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(report.skipped.map((s) => s.reason)).toEqual(['imageRow', 'unknownSku']);
    const listing = await demo.db.listing.findFirstOrThrow({ where: { sku: { code: 'WB-500' }, platform: { code: 'shopify' } } });
    expect(listing.price.toString()).toBe('27.99');
    expect(listing.title).toBe('Insulated Water Bottle – 500 ml');
    const again = ok(await importPath(demo.db, fixture('shopify_products_verdant.csv')));
    expect(again.main).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });
});
