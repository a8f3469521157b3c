/**
 * Shopify product CSV, in both header generations: the classic one (Handle, Body (HTML),
 * Variant SKU, Variant Price…) and the 2025 one (Title, URL handle, Description, SKU, Price…).
 * One row per variant; product fields sit on the first row of each handle; rows with only an
 * image are pictures of the product, not variants. Barcodes Excel turned into 3.65275E+11 are
 * refused: their digits are lost.
 */
import { groupBy, MapperKit, type Cells } from './mapper-kit.ts';
import type { ImportFormat, ListingRecord, MapResult } from './types.ts';

const columns = {
  handle: { names: ['handle', 'url handle'], required: true },
  title: { names: ['title'], required: true },
  body: { names: ['body (html)', 'description'] },
  sku: { names: ['variant sku', 'sku'], required: true },
  price: { names: ['variant price', 'price'], required: true },
  barcode: { names: ['variant barcode', 'barcode'] },
  status: { names: ['status'] },
  published: { names: ['published', 'published on online store'] },
  option1: { names: ['option1 value'] },
  option2: { names: ['option2 value'] },
  option3: { names: ['option3 value'] },
  image: { names: ['image src', 'product image url'] },
} as const;

type Key = keyof typeof columns;

function listingStatus(status: string, published: string): ListingRecord['status'] {
  switch (status.toLowerCase()) {
    case 'active':
      return published.toLowerCase() === 'false' ? 'inactive' : 'active';
    case 'draft':
      return 'draft';
    case 'archived':
    case 'unlisted':
      return 'inactive';
    default:
      if (published === '') return null;
      return published.toLowerCase() === 'true' ? 'active' : 'inactive';
  }
}

/** The Shopify product export (2023 and 2025 headers). */
export const shopifyProducts: ImportFormat<Key> = {
  id: 'shopify-products',
  label: 'Shopify product export',
  kind: 'listings',
  columns,
  hint() {
    return { marketplace: 'shopify' };
  },
  map(table): MapResult {
    const kit = new MapperKit<Key>(table, columns);
    const listings: ListingRecord[] = [];
    for (const [handle, group] of groupBy(kit.rows(), (r) => r.text('handle'))) {
      const head = group.find((r) => r.text('title') !== '') ?? (group[0] as Cells<Key>);
      if (handle === '') {
        head.req('handle');
        continue;
      }
      const title = head.text('title');
      const status = listingStatus(head.text('status'), head.text('published'));
      for (const r of group) {
        r.id('barcode', false);
        const sku = r.id('sku', false);
        const options = [r.text('option1'), r.text('option2'), r.text('option3')].filter((o) => o !== '' && o !== 'Default Title');
        if (sku === '') {
          if (r.text('price') === '' && options.length === 0) kit.skip(r.line, 'imageRow', handle);
          else kit.skip(r.line, 'noSku', [title, ...options].join(' · '));
          continue;
        }
        listings.push({
          line: r.line,
          sellerSku: sku,
          externalId: handle,
          title: options.length > 0 ? `${title} – ${options.join(' / ')}` : title,
          description: head.opt('body'),
          price: r.decimal('price'),
          status,
        });
      }
    }
    return kit.result({ kind: 'listings', listings });
  },
};
