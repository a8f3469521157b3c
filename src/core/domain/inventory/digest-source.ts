/**
 * Reads the stock cover of every active listing for the daily digest, with the same inputs and
 * the same rule /stock uses for one platform of one SKU (src/core/domain/inventory/stock-service.ts):
 * the platform's allocation, its units sold over the 30 whole days before today, the inbound
 * shipments (planned or in transit) to warehouses that serve that platform alone, and
 * {@link projectStockout}. Set-based: six queries (and the cached platform list) whatever the
 * size of the catalogue, so the whole catalogue (10,000 SKUs, 30,000 listings) is read in one pass.
 */
import type { Db } from '../../../persistence/db.ts';
import { platformDirectory } from '../catalogue/platforms.ts';
import { RATE_WINDOW_DAYS, addDays, dailyRate, projectStockout, startOfUtcDay, type Arrival } from './cover.ts';
import type { ListingCover } from './digest.ts';

/** The cover of every active listing of an active SKU on an active platform, as of `now`. */
export async function readListingCovers(db: Db, now: Date): Promise<ListingCover[]> {
  const today = startOfUtcDay(now);
  const windowStart = addDays(today, -RATE_WINDOW_DAYS);
  const [platforms, skus, listings, sales, allocations, shipments, channels] = await Promise.all([
    platformDirectory.get(db),
    db.sku.findMany({ where: { active: true }, select: { id: true, code: true } }),
    db.listing.findMany({ where: { status: 'active' }, select: { skuId: true, platformId: true } }),
    db.salesDaily.groupBy({ by: ['skuId', 'platformId'], where: { day: { gte: windowStart, lt: today } }, _sum: { units: true } }),
    db.channelAllocation.findMany({ select: { skuId: true, platformId: true, quantity: true } }),
    db.inboundShipment.findMany({ where: { status: { in: ['planned', 'in_transit'] } }, select: { skuId: true, warehouseId: true, quantity: true, eta: true } }),
    db.warehouseChannel.findMany({ select: { warehouseId: true, platformId: true } }),
  ]);

  const key = (skuId: number, platformId: number): string => `${skuId}:${platformId}`;
  const platformById = new Map(platforms.map((p) => [p.id, p]));
  const skuById = new Map(skus.map((s) => [s.id, s]));
  const sold = new Map(sales.map((s) => [key(s.skuId, s.platformId), s._sum.units ?? 0]));
  const allocated = new Map(allocations.map((a) => [key(a.skuId, a.platformId), a.quantity]));

  // As in /stock: only inbound to a warehouse that serves one platform alone is that platform's.
  const servedBy = new Map<number, number[]>();
  for (const c of channels) servedBy.set(c.warehouseId, [...(servedBy.get(c.warehouseId) ?? []), c.platformId]);
  const arrivals = new Map<string, Arrival[]>();
  for (const s of shipments) {
    const served = servedBy.get(s.warehouseId) ?? [];
    if (served.length !== 1) continue;
    const k = key(s.skuId, served[0] as number);
    const list = arrivals.get(k);
    if (list) list.push({ eta: s.eta, quantity: s.quantity });
    else arrivals.set(k, [{ eta: s.eta, quantity: s.quantity }]);
  }

  const covers: ListingCover[] = [];
  for (const listing of listings) {
    const sku = skuById.get(listing.skuId);
    const platform = platformById.get(listing.platformId);
    if (!sku || !platform) continue;
    const k = key(sku.id, platform.id);
    const rate = dailyRate(sold.get(k) ?? 0);
    const available = allocated.get(k) ?? 0;
    const inbound = arrivals.get(k) ?? [];
    const next = inbound.filter((a) => a.quantity > 0).sort((a, b) => a.eta.getTime() - b.eta.getTime())[0] ?? null;
    covers.push({
      sku: sku.code,
      platform: platform.code,
      allocated: available,
      rate,
      nextArrival: next,
      projection: projectStockout({ available, rate, arrivals: inbound, today }),
    });
  }
  return covers;
}
