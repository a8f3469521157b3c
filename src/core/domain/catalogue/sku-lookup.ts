/**
 * Finds a SKU from what a person typed: a code ("WB-500", "wb500"), a fragment of a product
 * name in English or Chinese ("bottle", "水瓶"), or a near miss ("WB-50O") for "did you mean".
 */
import Fuse from 'fuse.js';
import type { Db } from '../../../persistence/db.ts';
import { cachedPerDb } from './read-cache.ts';

/** A SKU as lookups return it. */
export interface SkuSummary {
  id: number;
  code: string;
  name: string;
  productName: string;
  /** The product's name per language code, e.g. { zh: '保温水瓶', de: 'Isolierflasche' }. */
  localNames: Record<string, string>;
}

/** The SKU's name in `locale`: the product's local name where there is one, else the SKU's own. */
export function skuDisplayName(sku: SkuSummary, locale: string): string {
  return sku.localNames[locale] ?? sku.name;
}

interface IndexedSku extends SkuSummary {
  squashedCode: string;
  haystack: string;
}

/** The outcome of a lookup. */
export type SkuMatch =
  | { kind: 'found'; sku: SkuSummary }
  | { kind: 'ambiguous'; candidates: SkuSummary[]; total: number }
  | { kind: 'none'; suggestions: SkuSummary[] };

/** At most this many candidates or suggestions are offered. */
export const MAX_CANDIDATES = 8;

const squash = (s: string): string => s.toLowerCase().replace(/[\s\-_]/g, '');

const skuIndex = cachedPerDb(async (db: Db) => {
  const rows = await db.sku.findMany({
    where: { active: true },
    select: { id: true, code: true, name: true, product: { select: { name: true, nameI18n: true } } },
    orderBy: { code: 'asc' },
  });
  const skus: IndexedSku[] = rows.map((row) => {
    const i18n = (row.product.nameI18n ?? {}) as Record<string, unknown>;
    const localNames = Object.fromEntries(Object.entries(i18n).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      productName: row.product.name,
      localNames,
      squashedCode: squash(row.code),
      haystack: [row.code, row.name, row.product.name, ...Object.values(localNames)].join(' ').toLowerCase(),
    };
  });
  const fuse = new Fuse(skus, {
    keys: [
      { name: 'code', weight: 2 },
      { name: 'name', weight: 1 },
      { name: 'productName', weight: 1 },
    ],
    threshold: 0.4,
    ignoreLocation: true,
  });
  return { skus, fuse, byCode: new Map(skus.map((s) => [s.squashedCode, s])) };
});

const summary = ({ id, code, name, productName, localNames }: IndexedSku): SkuSummary => ({ id, code, name, productName, localNames });

/** Drops the cached index, e.g. after an import added SKUs. */
export function invalidateSkuIndex(db: Db): void {
  skuIndex.invalidate(db);
}

/**
 * Resolves `query` to one SKU. Exact codes win; then name fragments (all words must appear);
 * otherwise fuzzy suggestions.
 */
export async function findSku(db: Db, query: string): Promise<SkuMatch> {
  const index = await skuIndex.get(db);
  const exact = index.byCode.get(squash(query));
  if (exact) return { kind: 'found', sku: summary(exact) };

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = index.skus.filter((s) => words.every((w) => s.haystack.includes(w)));
  if (hits.length === 1) return { kind: 'found', sku: summary(hits[0] as IndexedSku) };
  if (hits.length > 1) {
    return { kind: 'ambiguous', candidates: hits.slice(0, MAX_CANDIDATES).map(summary), total: hits.length };
  }
  const suggestions = index.fuse.search(query, { limit: MAX_CANDIDATES }).map((r) => summary(r.item));
  return { kind: 'none', suggestions };
}
