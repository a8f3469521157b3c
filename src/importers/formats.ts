/**
 * Every format the importer knows, and format detection from the header alone: a format is
 * recognised when all its required columns are there; a header that has most of a format's
 * columns but not all is reported as that format with the missing columns named.
 */
import { amazonAdsSponsoredProducts } from './amazon-ads.ts';
import { amazonAfnInventory, amazonFbaInventory, amazonLedgerDetail, amazonLedgerSummary } from './amazon-inventory.ts';
import { amazonAllOrders, amazonUnshippedOrders } from './amazon-orders.ts';
import { bindColumns } from './columns.ts';
import { ebayOrders } from './ebay-orders.ts';
import { onlineRetail } from './online-retail.ts';
import { shopeeOrders } from './shopee-orders.ts';
import { shopifyOrders } from './shopify-orders.ts';
import { shopifyProducts } from './shopify-products.ts';
import { tiktokOrders } from './tiktok-orders.ts';
import type { ImportFormat } from './types.ts';

/** All formats, most specific first where headers overlap. */
export const FORMATS: readonly ImportFormat[] = [
  shopifyOrders,
  shopifyProducts,
  amazonAllOrders,
  amazonUnshippedOrders,
  amazonFbaInventory,
  amazonAfnInventory,
  amazonLedgerDetail,
  amazonLedgerSummary,
  amazonAdsSponsoredProducts,
  ebayOrders,
  shopeeOrders,
  tiktokOrders,
  onlineRetail,
] as ImportFormat[];

/** The outcome of looking at a header. */
export type Detection =
  | { kind: 'found'; format: ImportFormat }
  | { kind: 'missing'; format: ImportFormat; missing: string[] }
  | { kind: 'unknown' };

/** Share of a format's required columns a header must have to be called "that format, damaged". */
const NEAR_MISS = 0.6;

/** Which format `header` is. */
export function detectFormat(header: readonly string[], formats: readonly ImportFormat[] = FORMATS): Detection {
  let best: { format: ImportFormat; found: number } | null = null;
  let near: { format: ImportFormat; ratio: number; missing: string[] } | null = null;
  for (const format of formats) {
    const binding = bindColumns(header, format.columns);
    const required = Object.values(format.columns).filter((c) => c.required).length;
    if (binding.missing.length === 0) {
      if (!best || binding.found > best.found) best = { format, found: binding.found };
      continue;
    }
    const present = required - binding.missing.length;
    const ratio = present / required;
    if (present >= 2 && ratio >= NEAR_MISS && (!near || ratio > near.ratio)) {
      const missing = binding.missing.map((key) => {
        const name = format.columns[key]?.names.find((n) => typeof n === 'string');
        return typeof name === 'string' ? name : key;
      });
      near = { format, ratio, missing };
    }
  }
  if (best) return { kind: 'found', format: best.format };
  if (near) return { kind: 'missing', format: near.format, missing: near.missing };
  return { kind: 'unknown' };
}
