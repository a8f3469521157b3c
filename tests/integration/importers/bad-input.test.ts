/**
 * Broken files get a clear report and write nothing: a file of the wrong format, a known
 * header with a column missing, a truncated file, one bad row, Excel-mangled barcodes and ids,
 * a wrong encoding, a file over the size limit, a platform that contradicts the file; and a dry
 * run reports without writing. Every broken variant is made from a real sample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../src/core/i18n/index.ts';
import { importReply } from '../../../src/core/tools/import/import-reply.ts';
import type { ImportReport } from '../../../src/importers/import-file.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { FIXTURES, importBytes, importPath, ok, REALDATA, snapshot } from '../../helpers/import.ts';

let demo: DemoDb;
let before: Record<string, unknown>;

beforeAll(async () => {
  demo = await openDemoDb();
  before = await snapshot(demo.db);
});

afterAll(async () => {
  await demo.dispose();
});

const shopifyOrders = readFileSync(join(REALDATA, 'shopify_orders_export_devstore.csv'), 'utf8');
const encode = (text: string) => new TextEncoder().encode(text);

/** The failure of a refused import, with its reply text in English for "says why" checks. */
function refused(report: ImportReport) {
  if (report.ok) throw new Error('expected the import to be refused');
  const reply = importReply(translator('en'), 'en', report);
  return { failure: report.failure, text: [reply.summary, ...(reply.notes ?? [])].join('\n') };
}

describe('refused files write nothing', { timeout: 180_000 }, () => {
  afterAll(async () => {
    expect(await snapshot(demo.db)).toEqual(before);
  });

  it('a file of no known format', async () => {
    const { failure, text } = refused(await importPath(demo.db, join(REALDATA, 'woocommerce_orders_advanced_order_export_header.csv')));
    expect(failure.reason).toBe('unknownFormat');
    expect(text).toContain('I do not recognise this file. Its first columns are: Order Number, Order Status');
    expect(text).toContain('Shopify orders export');
    expect(refused(await importPath(demo.db, join(REALDATA, 'listing_constraints.json'))).failure.reason).toBe('unknownFormat');
  });

  it('a known header with a column missing', async () => {
    const [header, ...rest] = shopifyOrders.split('\n');
    const cut = (header as string).split(',').filter((h) => h !== 'Lineitem quantity').join(',');
    const { failure, text } = refused(await importBytes(demo.db, 'orders.csv', encode([cut, ...rest].join('\n'))));
    expect(failure).toEqual({ reason: 'missingColumns', format: 'Shopify orders export', missing: ['lineitem quantity'] });
    expect(text).toContain('This looks like a Shopify orders export, but these columns are missing: lineitem quantity.');
  });

  it('a truncated file, cut in the middle of a row', async () => {
    const cut = shopifyOrders.slice(0, Math.floor(shopifyOrders.length * 0.6));
    const { failure, text } = refused(await importBytes(demo.db, 'orders.csv', encode(cut)));
    expect(['badRows', 'read']).toContain(failure.reason);
    expect(text).toMatch(/cut off/);
  });

  it('a truncated file, cut inside a quoted field', async () => {
    // R's write.csv quotes every text cell: cut inside a product description.
    const history = readFileSync(join(REALDATA, 'uci_online_retail_random_2709.csv'), 'utf8');
    const at = history.indexOf('"VICTORIAN GLASS');
    const { failure } = refused(await importBytes(demo.db, 'history.csv', encode(history.slice(0, at + 8)), { platform: 'shopify' }));
    expect(failure).toMatchObject({ reason: 'read', read: { reason: 'unclosedQuote' } });
  });

  it('one bad row among good ones', async () => {
    const lines = shopifyOrders.split('\n');
    lines[5] = (lines[5] as string).replaceAll('2025-05-11 09:56:23 -0400', '2025-13-45 09:56:23 -0400');
    const { failure, text } = refused(await importBytes(demo.db, 'orders.csv', encode(lines.join('\n'))));
    expect(failure).toMatchObject({ reason: 'badRows', count: 1, problems: [{ line: 6, column: 'Created at', value: '2025-13-45 09:56:23 -0400', reason: 'notDate' }] });
    expect(text).toContain('line 6, Created at: “2025-13-45 09:56:23 -0400” is not a date');
  });

  it('barcodes Excel rewrote in scientific notation', async () => {
    const template = readFileSync(join(REALDATA, 'shopify_product_template_2023_official.csv'), 'utf8');
    const mangled = template.replace(/,365275101829,/, ',3.65275E+11,').replace(/,463469551155,/, ',4.63470E+11,');
    const { failure, text } = refused(await importBytes(demo.db, 'products.csv', encode(mangled)));
    expect(failure).toMatchObject({ reason: 'badRows', count: 2 });
    expect(text).toContain('“3.65275E+11” is a number Excel rewrote in scientific notation');
  });

  it('an 18-digit TikTok order id that a spreadsheet turned into 5.78123E+17', async () => {
    const text = readFileSync(join(FIXTURES, 'tiktok_orders_VN.csv'), 'utf8').replace('578123456789012345', '5.78123E+17');
    expect(refused(await importBytes(demo.db, 'tiktok.csv', encode(text))).failure).toMatchObject({ reason: 'badRows', problems: [{ column: 'Order ID', reason: 'mangledNumber' }] });
  });

  it('a file that is not UTF-8', async () => {
    const latin1 = Uint8Array.from(Buffer.from('Name,Email\n#1,caf\u00e9@example.com\n', 'latin1'));
    const { failure, text } = refused(await importBytes(demo.db, 'orders.csv', latin1));
    expect(failure).toMatchObject({ reason: 'read', read: { reason: 'encoding' } });
    expect(text).toContain('Save it as “CSV UTF-8”');
  });

  it('a damaged XLSX', async () => {
    const xlsx = readFileSync(join(REALDATA, 'amazon_ads_sp_search_term_report_US_2022.xlsx'));
    expect(refused(await importBytes(demo.db, 'ads.xlsx', xlsx.subarray(0, 5_000))).failure).toEqual({ reason: 'read', read: { reason: 'xlsxDamaged' } });
  });

  it('a file over the size limit', async () => {
    const { failure, text } = refused(await importBytes(demo.db, 'orders.csv', encode(shopifyOrders), { maxBytes: 10_000 }));
    expect(failure).toMatchObject({ reason: 'tooLarge', max: 10_000 });
    expect(text).toContain('the limit is 10 KB');
  });

  it('a platform that contradicts the file, or that does not exist', async () => {
    expect(refused(await importBytes(demo.db, 'orders.csv', encode(shopifyOrders), { platform: 'amazon-us' })).text).toContain('amazon-us is on Amazon, but this file comes from Shopify');
    expect(refused(await importBytes(demo.db, 'orders.csv', encode(shopifyOrders), { platform: 'etsy' })).failure).toMatchObject({ reason: 'platform', platform: { reason: 'unknownPlatform', code: 'etsy' } });
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const report = ok(await importBytes(demo.db, 'orders.csv', encode(shopifyOrders), { dryRun: true }));
    expect(report.dryRun).toBe(true);
    expect(report.main).toEqual({ created: 19, updated: 0, unchanged: 0 });
    const ads = ok(await importPath(demo.db, join(REALDATA, 'amazon_ads_sp_campaign_report_IN_2020.csv'), { dryRun: true }));
    expect(ads).toMatchObject({ platform: 'amazon-in', platformCreated: true });
    expect(await demo.db.platform.count({ where: { code: 'amazon-in' } })).toBe(0);
  });
});

describe('what is read despite its quirks', { timeout: 180_000 }, () => {
  it('a UTF-16 file with a BOM (Excel’s “Unicode text”) and a UTF-8 BOM', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(shopifyOrders, 'utf16le')]);
    expect(ok(await importBytes(demo.db, 'orders.txt', Uint8Array.from(utf16), { dryRun: true })).main.created).toBe(19);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(shopifyOrders, 'utf8')]);
    expect(ok(await importBytes(demo.db, 'orders.csv', Uint8Array.from(bom), { dryRun: true })).main.created).toBe(19);
  });

  it('a semicolon-separated export (European Excel)', async () => {
    const text = readFileSync(join(REALDATA, 'uci_online_retail_contiguous_10k.csv'), 'utf8').split('\n').slice(0, 30).join('\n').replaceAll(',', ';');
    const report = ok(await importBytes(demo.db, 'history.csv', encode(text), { platform: 'shopify', dryRun: true }));
    expect(report.format.id).toBe('online-retail');
    expect(report.rows).toBe(29);
  });
});
