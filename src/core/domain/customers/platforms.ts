/** Platform facts the customer area needs, cached like the catalogue's read-mostly lookups. */
import type { Db } from '../../../persistence/db.ts';
import { cachedPerDb } from '../catalogue/read-cache.ts';

/** A platform as customer replies show it. */
export interface CustomerPlatform {
  id: number;
  code: string;
  marketplace: string;
  currency: string;
}

/** Every platform by id, inactive ones included (old orders still point at them). */
export const platformsById = cachedPerDb(async (db: Db): Promise<Map<number, CustomerPlatform>> => {
  const rows = await db.platform.findMany({ select: { id: true, code: true, marketplace: true, currency: true } });
  return new Map(rows.map((p) => [p.id, p]));
});

/** Countries buyers live in: the regions a phone typed without "+" is read in. */
export const buyerCountries = cachedPerDb(async (db: Db): Promise<string[]> => {
  const rows = await db.customerIdentity.findMany({ where: { country: { not: null } }, distinct: ['country'], select: { country: true } });
  return rows.map((r) => r.country as string).sort();
});
