/**
 * Every real sample in ../shared/realdata imports as expected on the demo database (counts
 * checked against the files), header-only samples are recognised, and re-importing changes
 * nothing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { importPath, ok, REALDATA, snapshot } from '../../helpers/import.ts';

let demo: DemoDb;

beforeAll(async () => {
  demo = await openDemoDb();
});

afterAll(async () => {
  await demo.dispose();
});

const real = (name: string) => join(REALDATA, name);

describe('Shopify orders export', { timeout: 180_000 }, () => {
  it('imports 19 orders with their 40 lines, in EUR, dated with their offset', async () => {
    const report = ok(await importPath(demo.db, real('shopify_orders_export_devstore.csv')));
    expect(report.format.id).toBe('shopify-orders');
    expect(report.platform).toBe('shopify');
    expect(report.rows).toBe(40);
    expect(report.main).toEqual({ created: 19, updated: 0, unchanged: 0 });
    expect(report.other.orderLines?.created).toBe(40);
    // 3 buyers with an email, and 10 orders without one, each its own guest.
    expect(report.other.identities).toEqual({ created: 13, updated: 0, unchanged: 0 });

    const first = await demo.db.order.findFirstOrThrow({ where: { externalId: '#1001', platform: { code: 'shopify' } }, include: { lines: true } });
    expect(first.orderedAt.toISOString()).toBe('2025-05-11T13:55:16.000Z');
    expect(first.currency).toBe('EUR');
    expect(first.total.toString()).toBe('1659.95');
    expect(first.status).toBe('shipped');
    expect(first.lines.map((l) => l.unitPrice.toString()).sort()).toEqual(['10', '1025', '24.95', '600']);
    const pending = await demo.db.order.findFirstOrThrow({ where: { externalId: '#1013', platform: { code: 'shopify' } }, include: { identity: true } });
    expect(pending.status).toBe('pending');
    expect(pending.identity.email).toBe('karine.ruby@example.com');
    expect(pending.identity.emailKind).toBe('real');
    // Imported buyers went through identity resolution: each is linked to a customer.
    expect(pending.identity.customerId).not.toBeNull();
    const audit = await demo.db.auditEvent.findFirstOrThrow({ where: { action: 'import.file' }, orderBy: { id: 'desc' } });
    expect(audit.targetType).toBe('import');
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot(demo.db);
    const again = ok(await importPath(demo.db, real('shopify_orders_export_devstore.csv')));
    expect(again.main).toEqual({ created: 0, updated: 0, unchanged: 19 });
    expect(again.other.identities).toEqual({ created: 0, updated: 0, unchanged: 13 });
    expect(await snapshot(demo.db)).toEqual(before);
  });
});

describe('Shopify product exports, both header generations', { timeout: 180_000 }, () => {
  it.each([
    ['shopify_product_template_2023_official.csv', 17, { unknownSku: 16, imageRow: 1 }],
    ['shopify_product_template_2025_official.csv', 15, { unknownSku: 15 }],
    ['shopify_products_export_devstore_2023.csv', 21, { unknownSku: 21 }],
    ['shopify_products_export_devstore_2020_ja.csv', 29, { noSku: 29 }],
  ])('%s is read; its products are not ours, so each row is skipped with its reason', async (file, rows, reasons) => {
    const report = ok(await importPath(demo.db, real(file), { dryRun: true }));
    expect(report.format.id).toBe('shopify-products');
    expect(report.rows).toBe(rows);
    expect(report.main).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(Object.fromEntries(report.skippedByReason.map((g) => [g.reason, g.count]))).toEqual(reasons);
    expect(report.skipped.length).toBeGreaterThan(0);
  });
});

describe('Amazon Ads Sponsored Products reports', { timeout: 180_000 }, () => {
  async function spend(platform: string): Promise<{ days: number; spend: string; sales: string; clicks: number }> {
    const rows = await demo.db.adSpendDaily.findMany({ where: { campaign: { platform: { code: platform } } } });
    const sum = (xs: Array<{ toString(): string }>) => xs.reduce<number>((a, x) => a + Math.round(Number(x.toString()) * 100), 0) / 100;
    return { days: rows.length, spend: sum(rows.map((r) => r.spend)).toFixed(2), sales: sum(rows.map((r) => r.attributedRevenue)).toFixed(2), clicks: rows.reduce((a, r) => a + r.clicks, 0) };
  }

  it('imports the US search term report (7-day attribution, Excel serial dates, trailing spaces in headers)', async () => {
    const report = ok(await importPath(demo.db, real('amazon_ads_sp_search_term_report_US_2022.csv')));
    expect(report.platform).toBe('amazon-us');
    expect(report.rows).toBe(638);
    expect(report.main.created).toBe(83);
    expect(report.other.campaigns?.created).toBe(6);
    expect(report.notes).toContainEqual({ key: 'multiDayAdRows', params: { n: 209 } });
    const days = await demo.db.adSpendDaily.findMany({ where: { campaign: { name: { in: ['Automatic Campaign - 6/17/22', 'Broad_SR_Campaign - 7/6/2022 19:07:58'] } } }, orderBy: { day: 'asc' } });
    expect(days.every((d) => d.attributionDays === 7 && d.currency === 'USD')).toBe(true);
    // Excel serials 44759 .. 44788 are 2022-07-17 .. 2022-08-15.
    expect(days[0]?.day.toISOString().slice(0, 10)).toBe('2022-07-17');
    expect((days.at(-1)?.day.toISOString().slice(0, 10) ?? '') <= '2022-08-15').toBe(true);
    const imported = await demo.db.adSpendDaily.findMany({ where: { campaign: { platform: { code: 'amazon-us' } }, day: { lt: new Date('2023-01-01') } } });
    expect(imported.reduce((a, r) => a + Math.round(Number(r.spend.toString()) * 100), 0) / 100).toBe(1179.16);
    expect(imported.reduce((a, r) => a + r.clicks, 0)).toBe(1919);
  });

  it('reads the XLSX download of the same report to the same numbers, and so changes nothing', async () => {
    const before = await snapshot(demo.db);
    const report = ok(await importPath(demo.db, real('amazon_ads_sp_search_term_report_US_2022.xlsx')));
    expect(report.main).toEqual({ created: 0, updated: 0, unchanged: 83 });
    expect(await snapshot(demo.db)).toEqual(before);
  });

  it('reads the XLSX with an empty header column', async () => {
    const report = ok(await importPath(demo.db, real('amazon_ads_sp_search_term_report_US_2022_blankcol.xlsx'), { dryRun: true }));
    expect(report.rows).toBe(50);
    expect(report.main.created + report.main.updated + report.main.unchanged).toBe(5);
  });

  it('imports the Indian reports in INR with 14-day attribution; all three agree on the spend', async () => {
    const campaign = ok(await importPath(demo.db, real('amazon_ads_sp_campaign_report_IN_2020.csv')));
    expect(campaign.platform).toBe('amazon-in');
    expect(campaign.platformCreated).toBe(true);
    expect(campaign.main.created).toBe(182);
    const platform = await demo.db.platform.findUniqueOrThrow({ where: { code: 'amazon-in' } });
    expect(platform).toMatchObject({ currency: 'INR', marketplace: 'amazon', country: 'IN', stage: 'new' });
    const stored = await spend('amazon-in');
    expect(stored.spend).toBe('47108.12');
    const day = await demo.db.adSpendDaily.findFirstOrThrow({ where: { campaign: { platformId: platform.id } } });
    expect(day).toMatchObject({ currency: 'INR', attributionDays: 14 });
    const campaigns = await demo.db.adCampaign.findMany({ where: { platformId: platform.id } });
    expect(campaigns).toHaveLength(10);
    expect(campaigns.every((c) => c.status === 'enabled' && c.kind === 'sponsored-products')).toBe(true);

    // The advertised product report, CSV and XLSX, says the same about the same days.
    for (const file of ['amazon_ads_sp_advertised_product_report_IN_2020.csv', 'amazon_ads_sp_advertised_product_report_IN_2020.xlsx']) {
      const report = ok(await importPath(demo.db, real(file)));
      expect(report.platform).toBe('amazon-in');
      expect(report.main.created + report.main.updated + report.main.unchanged).toBe(182);
      expect((await spend('amazon-in')).spend).toBe('47108.12');
    }
    for (const file of ['amazon_ads_sp_search_term_report_IN_2020.csv', 'amazon_ads_sp_search_term_report_IN_2020.xlsx']) {
      const report = ok(await importPath(demo.db, real(file), { dryRun: true }));
      expect(report.rows).toBe(923);
      expect(report.main.created + report.main.updated + report.main.unchanged).toBe(161);
    }
  });
});

describe('UCI Online Retail as a generic order history', { timeout: 180_000 }, () => {
  it('needs to be told its platform', async () => {
    const report = await importPath(demo.db, real('uci_online_retail_contiguous_10k.csv'));
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.failure).toMatchObject({ reason: 'platform', platform: { reason: 'needPlatform' } });
  });

  it('imports the contiguous 10k rows: 521 invoices, every line, GBP, UK time', async () => {
    const report = ok(await importPath(demo.db, real('uci_online_retail_contiguous_10k.csv'), { platform: 'shopify' }));
    expect(report.rows).toBe(10_000);
    expect(report.main).toEqual({ created: 521, updated: 0, unchanged: 0 });
    expect(report.other.orderLines?.created).toBe(10_000);
    expect(report.other.identities?.created).toBe(390);
    const invoice = await demo.db.order.findFirstOrThrow({ where: { externalId: '536365' }, include: { identity: true, lines: true } });
    expect(invoice).toMatchObject({ currency: 'GBP', shipCountry: 'GB', status: 'shipped' });
    expect(invoice.orderedAt.toISOString()).toBe('2010-12-01T08:26:00.000Z');
    expect(invoice.identity.externalId).toBe('17850');
    expect(invoice.lines).toHaveLength(7);
    const totals = await demo.db.order.findMany({ where: { platform: { code: 'shopify' }, currency: 'GBP' }, select: { total: true } });
    expect(totals.reduce((a, o) => a + Math.round(Number(o.total.toString()) * 100), 0) / 100).toBe(193542.69);
  });

  it('imports the random sample (R write.csv: index column, NA, M/D/Y, CRLF) and skips credit notes and adjustments', async () => {
    const report = ok(await importPath(demo.db, real('uci_online_retail_random_2709.csv'), { platform: 'shopify', dryRun: true }));
    expect(report.rows).toBe(2_709);
    expect(report.main.created + report.main.updated + report.main.unchanged).toBe(2_174);
    expect(Object.fromEntries(report.skippedByReason.map((g) => [g.reason, g.count]))).toEqual({ cancellationInvoice: 50, stockAdjustment: 7 });
  });
});

describe('header-only samples', { timeout: 180_000 }, () => {
  const expected: Record<string, string> = {
    'amazon_afn_inventory_header.tsv': 'amazon-afn-inventory',
    'amazon_all_orders_flatfile_header_MWS.tsv': 'amazon-all-orders',
    'amazon_all_orders_flatfile_header_SPAPI.tsv': 'amazon-all-orders',
    'amazon_archived_orders_flatfile_header_SPAPI.tsv': 'amazon-all-orders',
    'amazon_fba_manage_inventory_header.tsv': 'amazon-fba-inventory',
    'amazon_inventory_ledger_detail_header.tsv': 'amazon-ledger-detail',
    'amazon_inventory_ledger_summary_header.tsv': 'amazon-ledger-summary',
    'amazon_unshipped_orders_actionable_header.tsv': 'amazon-unshipped-orders',
    'ebay_orders_report_US_header.csv': 'ebay-orders',
    'shopee_order_export_ID_localized_header.csv': 'shopee-orders',
    'shopee_order_export_PH_en_header.csv': 'shopee-orders',
    'tiktok_shop_order_export_ID_header.csv': 'tiktok-orders',
    'tiktok_shop_order_export_VN_header.csv': 'tiktok-orders',
  };

  it('covers every header-only file of the samples but WooCommerce (not a format of this issue)', () => {
    const headerOnly = readdirSync(REALDATA).filter((f) => f.includes('_header'));
    expect(headerOnly.filter((f) => !f.startsWith('woocommerce')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s is recognised as %s and writes nothing', async (file, format) => {
    const before = await demo.db.order.count();
    const report = ok(await importPath(demo.db, real(file)));
    expect(report.format.id).toBe(format);
    expect(report.rows).toBe(0);
    expect(report.main).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(await demo.db.order.count()).toBe(before);
  });

  it('tells the platform from the header where it can', async () => {
    expect(ok(await importPath(demo.db, real('shopee_order_export_PH_en_header.csv'))).platform).toBe('shopee-ph');
    expect(ok(await importPath(demo.db, real('shopee_order_export_ID_localized_header.csv'))).platform).toBe('shopee-id');
    expect(ok(await importPath(demo.db, real('tiktok_shop_order_export_VN_header.csv'))).platform).toBe('tiktok-vn');
    expect(ok(await importPath(demo.db, real('tiktok_shop_order_export_ID_header.csv'))).platform).toBe('tiktok-id');
    expect(await demo.db.platform.count({ where: { code: { in: ['shopee-ph', 'tiktok-vn'] } } })).toBe(0);
  });
});
