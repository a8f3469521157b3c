import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredVariant } from '../../../../../src/core/domain/copy/copy-service.ts';
import { csvField, toCsv } from '../../../../../src/core/domain/copy/csv.ts';
import { buildExport, exportTemplates, handleFor, shopifyTemplateHeader } from '../../../../../src/core/domain/copy/export.ts';

describe('the CSV writer (RFC 4180)', () => {
  it('quotes only what needs quoting, doubles quotes, and ends every record with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(toCsv(['a', 'b'], [['1', '2, 3']])).toBe('a,b\r\n1,"2, 3"\r\n');
  });

  it('reads back with csv-parse exactly as written, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const header = ['x', 'y', 'z'];
        expect(parse(toCsv(header, rows), { relax_column_count: false })).toEqual([header, ...rows]);
      }),
    );
  });
});

describe('upload templates', () => {
  it('uses only column names of Shopify’s current product template, not the 2023 ones', () => {
    const current = shopifyTemplateHeader();
    const old = shopifyTemplateHeader('shopify-product-template-2023.header.csv');
    const ours = exportTemplates().shopify.columns.map((c) => c.name);
    expect(ours.every((c) => current.includes(c))).toBe(true);
    expect(ours.filter((c) => old.includes(c) && !['Title', 'Vendor', 'Tags'].includes(c))).toEqual([]);
    expect(current).toHaveLength(53);
  });

  it('makes Shopify handles from names', () => {
    expect(handleFor('Insulated water bottle 500 ml')).toBe('insulated-water-bottle-500-ml');
    expect(handleFor('Bambus-Zahnbürste 4er-Pack')).toBe('bambus-zahnburste-4er-pack');
  });
});

const variant = (over: Partial<StoredVariant>): StoredVariant => ({
  id: 1,
  skuId: 1,
  skuCode: 'WB-500',
  platformId: 1,
  platformCode: 'amazon-us',
  locale: 'en',
  campaignId: null,
  campaignCode: null,
  fields: { title: 'T', bullets: ['b1', 'b2'], description: 'D', searchTerms: 's t' },
  checks: [],
  score: 90,
  status: 'approved',
  source: 'composer',
  createdBy: 'dan',
  createdAt: new Date(0),
  approvedBy: 'dan',
  approvedAt: new Date(0),
  ...over,
});

describe('buildExport', () => {
  const ctx = {
    brandName: 'Verdant Goods',
    platforms: new Map([
      [1, { code: 'amazon-us', marketplace: 'amazon' }],
      [2, { code: 'amazon-de', marketplace: 'amazon' }],
      [5, { code: 'tiktok-us', marketplace: 'tiktok' }],
    ]),
    skuNames: new Map([[1, 'Insulated water bottle 500 ml']]),
  };

  it('uploads the newest approval per SKU, in the platform’s own language, and counts what it leaves out', () => {
    const { files, skipped } = buildExport(
      [
        variant({ id: 9, fields: { title: 'Newest', bullets: ['x'], description: 'D', searchTerms: 'k' } }),
        variant({ id: 3, fields: { title: 'Older', bullets: ['y'], description: 'D', searchTerms: 'k' } }),
        variant({ id: 4, locale: 'zh' }),
        variant({ id: 5, platformId: 2, platformCode: 'amazon-de', locale: 'de' }),
        variant({ id: 6, platformId: 5, platformCode: 'tiktok-us', fields: { title: 't', caption: 'c', description: 'd' } }),
      ],
      ctx,
    );
    expect(files.map((f) => [f.filename, f.rows])).toEqual([['copy-amazon-de-de.csv', 1], ['copy-amazon-us-en.csv', 1]]);
    const rows = parse(files[1]!.content, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      { item_sku: 'WB-500', update_delete: 'PartialUpdate', brand_name: 'Verdant Goods', item_name: 'Newest', product_description: 'D', bullet_point1: 'x', bullet_point2: '', bullet_point3: '', bullet_point4: '', bullet_point5: '', generic_keywords: 'k' },
    ]);
    expect(skipped).toEqual([
      { platformCode: 'amazon-us', locale: 'zh', reason: 'not-upload-language', count: 1 },
      { platformCode: 'tiktok-us', locale: 'en', reason: 'no-template', count: 1 },
    ]);
  });
});
