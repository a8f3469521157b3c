import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../../../src/importers/columns.ts';
import { detectFormat } from '../../../src/importers/formats.ts';
import { resolvePlatform, type ExistingPlatform } from '../../../src/importers/platforms.ts';
import { mergeStatus } from '../../../src/importers/apply.ts';

const REALDATA = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'realdata');
const headerOf = (file: string) => {
  const line = readFileSync(join(REALDATA, file), 'utf8').split(/\r?\n/)[0] as string;
  return line.includes('\t') ? line.split('\t') : line.split(',').map((c) => c.replace(/^"|"$/g, ''));
};

describe('format detection from the header', () => {
  it.each([
    ['shopify_orders_export_devstore.csv', 'shopify-orders'],
    ['shopify_product_template_2025_official.csv', 'shopify-products'],
    ['shopify_products_export_devstore_2020_ja.csv', 'shopify-products'],
    ['amazon_all_orders_flatfile_header_MWS.tsv', 'amazon-all-orders'],
    ['amazon_unshipped_orders_actionable_header.tsv', 'amazon-unshipped-orders'],
    ['amazon_ads_sp_search_term_report_US_2022.csv', 'amazon-ads-sp'],
    ['amazon_ads_sp_campaign_report_IN_2020.csv', 'amazon-ads-sp'],
    ['shopee_order_export_ID_localized_header.csv', 'shopee-orders'],
    ['tiktok_shop_order_export_ID_header.csv', 'tiktok-orders'],
    ['uci_online_retail_random_2709.csv', 'online-retail'],
  ])('%s is %s', (file, id) => {
    const detection = detectFormat(headerOf(file));
    expect(detection.kind).toBe('found');
    if (detection.kind === 'found') expect(detection.format.id).toBe(id);
  });

  it('names the missing columns of a damaged known header', () => {
    const header = headerOf('amazon_fba_manage_inventory_header.tsv').filter((h) => h !== 'afn-reserved-quantity');
    expect(detectFormat(header)).toMatchObject({ kind: 'missing', missing: ['afn-reserved-quantity'] });
  });

  it('does not guess on unrelated headers', () => {
    expect(detectFormat(['id', 'name', 'price']).kind).toBe('unknown');
  });

  it('normalises trailing spaces and currencies in headers', () => {
    expect(normaliseHeader('7 Day Total Sales ')).toBe('7 day total sales');
    expect(normaliseHeader('14 Day Total Sales (₹)')).toBe('14 day total sales');
    expect(normaliseHeader('Total Discount(PHP)')).toBe('total discount');
  });
});

describe('platform resolution', () => {
  const existing: ExistingPlatform[] = [
    { id: 1, code: 'amazon-us', marketplace: 'amazon', country: 'US', currency: 'USD' },
    { id: 2, code: 'amazon-de', marketplace: 'amazon', country: 'DE', currency: 'EUR' },
    { id: 6, code: 'shopify', marketplace: 'shopify', country: null, currency: 'USD' },
  ];

  it('uses the sales channel, the currency, or creates a known storefront', () => {
    expect(resolvePlatform(existing, { marketplace: 'amazon', country: 'US' }).code).toBe('amazon-us');
    expect(resolvePlatform(existing, { marketplace: 'amazon', currency: 'EUR' }).code).toBe('amazon-de');
    const india = resolvePlatform(existing, { marketplace: 'amazon', currency: 'INR' });
    expect(india).toMatchObject({ id: null, code: 'amazon-in', currency: 'INR', timeZone: 'Asia/Kolkata' });
    expect(resolvePlatform(existing, { marketplace: 'shopee', country: 'PH' }).create).toMatchObject({ code: 'shopee-ph', currency: 'PHP' });
  });

  it('asks when the file does not say', () => {
    expect(() => resolvePlatform(existing, { marketplace: 'amazon' })).toThrow('needPlatform');
    expect(() => resolvePlatform(existing, { marketplace: null })).toThrow('needPlatform');
    expect(() => resolvePlatform(existing, { marketplace: 'shopify' }, 'amazon-us')).toThrow('wrongMarketplace');
  });
});

describe('order status across imports', () => {
  it('never moves an order back, and cancels only what has not shipped', () => {
    expect(mergeStatus('shipped', 'unshipped')).toBe('shipped');
    expect(mergeStatus('pending', 'unshipped')).toBe('unshipped');
    expect(mergeStatus('unshipped', 'cancelled')).toBe('cancelled');
    expect(mergeStatus('delivered', 'cancelled')).toBe('delivered');
    expect(mergeStatus('cancelled', 'shipped')).toBe('cancelled');
  });
});
