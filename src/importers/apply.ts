/**
 * Writes mapped records into the database, inside the caller's transaction. Every write is
 * keyed on the platform's own ids (order id, buyer id, listing SKU, shipment reference,
 * campaign name and day), and a row is only written when something differs, so importing the
 * same file again changes nothing and reports everything as unchanged.
 *
 * Daily sales (SalesDaily) are derived from the imported orders as a delta: for every order the
 * import creates or changes, its old lines are taken out and its new lines put in. Re-importing
 * the same orders therefore adds nothing, a changed order moves the totals by its difference,
 * and days that already held sales (the demo's history, other imports) keep them.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { Tx } from '../core/tool.ts';
import type { TargetPlatform } from './platforms.ts';
import type {
  AdCampaignRecord,
  AdDayRecord,
  BuyerRecord,
  ImportRecords,
  InboundRecord,
  ListingRecord,
  OrderRecord,
  OrderStatusValue,
  ReportNote,
  SkippedRow,
  StockRecord,
} from './types.ts';
import { Decimal, isRelayEmail, utcDay } from './values.ts';
import { invalidateListingForecasts } from '../core/domain/planning/listing-forecasts.ts';

/** Largest IN (…) list per query; Prisma caps SQLite statements at 999 bound values. */
const CHUNK = 500;

/** Days until FBA inbound stock is expected when the report gives no date (a typical check-in time). */
export const FBA_INBOUND_ETA_DAYS = 7;

/** What happened to one kind of row. */
export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What the writer did. */
export interface WriteSummary {
  platformCode: string;
  platformCreated: boolean;
  /** The rows the report leads with: orders, listings, stock levels or ad days. */
  main: Counts;
  /** Other tables touched, by name ("identities", "salesDays", "inbound", "campaigns"…). */
  other: Record<string, Counts>;
  /** Rows the writer skipped (a SKU not in our catalogue). */
  skipped: SkippedRow[];
  notes: ReportNote[];
  /** Distinct seller SKUs that matched none of ours, first few. */
  unmatchedSkus: string[];
  unmatchedSkuCount: number;
}

const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const squash = (s: string): string => s.toLowerCase().replace(/[\s\-_]/g, '');

/** Finds our SKU for a seller SKU or a platform listing id (ASIN, item number). */
type SkuResolver = (sellerSku: string, listingId: string | null) => number | null;

async function skuResolver(tx: Tx, platformId: number | null): Promise<SkuResolver> {
  const [skus, listings] = await Promise.all([
    tx.sku.findMany({ select: { id: true, code: true } }),
    platformId === null ? [] : tx.listing.findMany({ where: { platformId, externalId: { not: null } }, select: { skuId: true, externalId: true } }),
  ]);
  const byCode = new Map(skus.map((s) => [squash(s.code), s.id]));
  const byListing = new Map(listings.map((l) => [l.externalId as string, l.skuId]));
  return (sellerSku, listingId) => {
    if (sellerSku !== '') {
      const hit = byCode.get(squash(sellerSku));
      if (hit !== undefined) return hit;
    }
    return listingId ? (byListing.get(listingId) ?? null) : null;
  };
}

/** The writer's running state. */
class Writer {
  readonly summary: WriteSummary;
  private readonly unmatched = new Set<string>();

  constructor(
    readonly tx: Tx,
    readonly platform: TargetPlatform & { id: number },
    readonly now: Date,
    created: boolean,
  ) {
    this.summary = { platformCode: platform.code, platformCreated: created, main: zero(), other: {}, skipped: [], notes: [], unmatchedSkus: [], unmatchedSkuCount: 0 };
  }

  counts(name: string): Counts {
    this.summary.other[name] ??= zero();
    return this.summary.other[name];
  }

  unmatchedSku(sku: string): void {
    if (sku !== '') this.unmatched.add(sku);
  }

  finish(): WriteSummary {
    this.summary.unmatchedSkuCount = this.unmatched.size;
    this.summary.unmatchedSkus = [...this.unmatched].slice(0, 8);
    return this.summary;
  }
}

/**
 * Writes `records` for `platform` through `tx`, creating the platform first when the import
 * introduces it. Call inside one transaction: on any error the caller rolls everything back.
 * @param firstDay the earliest date in the file, the launch date of a platform created here.
 */
export async function applyRecords(tx: Tx, platform: TargetPlatform, records: ImportRecords, now: Date, firstDay: Date | null): Promise<WriteSummary> {
  let id = platform.id;
  if (id === null) {
    const spec = platform.create;
    if (!spec) throw new Error(`platform ${platform.code} has neither an id nor a spec`);
    const created = await tx.platform.create({
      data: { ...spec, stage: 'new', marketPotential: 3, launchedOn: utcDay(firstDay ?? now), active: true },
      select: { id: true },
    });
    id = created.id;
  }
  const w = new Writer(tx, { ...platform, id }, now, platform.id === null);
  if (platform.id === null) w.summary.notes.push({ key: 'platformCreated', params: { platform: platform.code, currency: platform.currency } });
  const resolve = await skuResolver(tx, id);
  switch (records.kind) {
    case 'orders':
      await writeOrders(w, records.orders, records.pricesKnown, resolve);
      break;
    case 'listings':
      await writeListings(w, records.listings, resolve);
      break;
    case 'stock':
      await writeStock(w, records.levels, records.inbound, resolve);
      break;
    case 'ads':
      await writeAds(w, records.days, records.campaigns, resolve);
      break;
  }
  return w.finish();
}

// ───────────────────────────── orders ─────────────────────────────

/** How far along an order is; an older export never moves an order back. */
const STATUS_RANK: Record<OrderStatusValue, number> = { pending: 0, unshipped: 1, shipped: 2, delivered: 3, returned: 4, cancelled: 4 };

/** The status to keep when a file says `incoming` about an order stored as `stored`. */
export function mergeStatus(stored: OrderStatusValue, incoming: OrderStatusValue): OrderStatusValue {
  if (stored === incoming) return stored;
  // Cancelled and returned are final; a cancellation can only follow an order not yet shipped.
  if (stored === 'cancelled' || stored === 'returned') return stored;
  if (incoming === 'cancelled') return STATUS_RANK[stored] <= STATUS_RANK.unshipped ? 'cancelled' : stored;
  return STATUS_RANK[incoming] > STATUS_RANK[stored] ? incoming : stored;
}

const GUEST = 'guest:';

/** The identity key of an order's buyer: the platform's buyer id, or a guest of that order. */
function buyerKey(order: OrderRecord): string {
  return order.buyer.externalId ?? `${GUEST}${order.externalId}`;
}

const PII_FIELDS = ['name', 'email', 'phone', 'addressLine1', 'addressLine2', 'city', 'region', 'postalCode', 'country'] as const;

interface LineRow {
  skuId: number | null;
  externalSku: string;
  title: string;
  quantity: number;
  unitPrice: Decimal;
}

interface OrderState {
  status: OrderStatusValue;
  currency: string;
  orderedAt: Date;
  lines: LineRow[];
}

/** Per SKU and day: units and revenue to add to SalesDaily. */
class SalesDelta {
  readonly byKey = new Map<string, { skuId: number; day: Date; units: number; revenue: Decimal }>();
  foreignLines = 0;

  constructor(private readonly currency: string) {}

  add(order: OrderState, sign: 1 | -1): void {
    // Cancelled orders sold nothing.
    if (order.status === 'cancelled') return;
    const day = utcDay(order.orderedAt);
    for (const line of order.lines) {
      if (line.skuId === null || line.quantity === 0) continue;
      const key = `${line.skuId}:${day.getTime()}`;
      const entry = this.byKey.get(key) ?? { skuId: line.skuId, day, units: 0, revenue: new Decimal(0) };
      entry.units += sign * line.quantity;
      // Revenue is kept in the platform's currency; other currencies add units only (no FX here).
      if (order.currency === this.currency) entry.revenue = entry.revenue.plus(line.unitPrice.times(line.quantity).times(sign));
      else if (sign === 1) this.foreignLines += 1;
      this.byKey.set(key, entry);
    }
  }
}

function sameLines(a: readonly LineRow[], b: readonly LineRow[]): boolean {
  const key = (l: LineRow) => `${l.skuId}|${l.externalSku}|${l.title}|${l.quantity}|${l.unitPrice.toString()}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

async function writeIdentities(w: Writer, orders: readonly OrderRecord[]): Promise<Map<string, { id: number; guest: boolean }>> {
  const { tx, platform } = w;
  const counts = w.counts('identities');
  // The latest order's details win for a buyer seen on several orders.
  const buyers = new Map<string, BuyerRecord>();
  for (const order of [...orders].sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime())) {
    const key = buyerKey(order);
    const known = buyers.get(key);
    const merged = { ...(known ?? order.buyer) };
    for (const field of PII_FIELDS) if (order.buyer[field] !== null) merged[field] = order.buyer[field];
    buyers.set(key, merged);
  }
  const keys = [...buyers.keys()];
  const existing = new Map<string, Prisma.CustomerIdentityGetPayload<object>>();
  for (const part of chunks(keys)) {
    for (const row of await tx.customerIdentity.findMany({ where: { platformId: platform.id, externalId: { in: part } } })) existing.set(row.externalId, row);
  }
  const ids = new Map<string, { id: number; guest: boolean }>();
  const toCreate: Prisma.CustomerIdentityCreateManyInput[] = [];
  for (const [key, buyer] of buyers) {
    const emailKind = buyer.email === null ? null : isRelayEmail(buyer.email) ? ('relay' as const) : ('real' as const);
    const row = existing.get(key);
    if (!row) {
      toCreate.push({ platformId: platform.id, externalId: key, ...pick(buyer), emailKind, createdAt: w.now });
      continue;
    }
    ids.set(key, { id: row.id, guest: key.startsWith(GUEST) });
    // Purged PII stays purged: a later file must not bring it back.
    if (row.piiPurgedAt !== null) {
      counts.unchanged += 1;
      continue;
    }
    const patch: Record<string, string> = {};
    for (const field of PII_FIELDS) {
      const value = buyer[field];
      if (value !== null && value !== row[field]) patch[field] = value;
    }
    if (emailKind !== null && patch.email !== undefined) patch.emailKind = emailKind;
    if (Object.keys(patch).length > 0) {
      await tx.customerIdentity.update({ where: { id: row.id }, data: patch });
      counts.updated += 1;
    } else {
      counts.unchanged += 1;
    }
  }
  for (const part of chunks(toCreate)) {
    for (const row of await tx.customerIdentity.createManyAndReturn({ data: part, select: { id: true, externalId: true } })) {
      ids.set(row.externalId, { id: row.id, guest: row.externalId.startsWith(GUEST) });
      counts.created += 1;
    }
  }
  return ids;
}

/** The buyer's PII fields, without the key. */
function pick(buyer: BuyerRecord): Omit<BuyerRecord, 'externalId'> {
  return Object.fromEntries(PII_FIELDS.map((f) => [f, buyer[f]])) as Omit<BuyerRecord, 'externalId'>;
}

async function writeOrders(w: Writer, orders: readonly OrderRecord[], pricesKnown: boolean, resolve: SkuResolver): Promise<void> {
  const { tx, platform } = w;
  const identities = await writeIdentities(w, orders);
  const existing = new Map<string, Prisma.OrderGetPayload<{ include: { lines: true; identity: { select: { externalId: true } } } }>>();
  for (const part of chunks(orders.map((o) => o.externalId))) {
    const rows = await tx.order.findMany({
      where: { platformId: platform.id, externalId: { in: part } },
      include: { lines: { orderBy: { id: 'asc' } }, identity: { select: { externalId: true } } },
    });
    for (const row of rows) {
      existing.set(row.externalId, row);
    }
  }
  const delta = new SalesDelta(platform.currency);
  const creates: Array<{ order: Prisma.OrderCreateManyInput; lines: LineRow[] }> = [];
  let linesWritten = 0;

  for (const record of orders) {
    const identity = identities.get(buyerKey(record));
    if (!identity) throw new Error(`identity for order ${record.externalId} was not written`);
    const lines: LineRow[] = record.lines.map((l) => {
      const skuId = resolve(l.externalSku, l.listingId);
      if (skuId === null) w.unmatchedSku(l.externalSku || l.listingId || '');
      return { skuId, externalSku: l.externalSku, title: l.title, quantity: l.quantity, unitPrice: l.unitPrice ?? new Decimal(0) };
    });
    const total = record.total ?? lines.reduce((sum, l) => sum.plus(l.unitPrice.times(l.quantity)), new Decimal(0));
    const stored = existing.get(record.externalId);
    if (!stored) {
      creates.push({
        order: {
          platformId: platform.id,
          externalId: record.externalId,
          identityId: identity.id,
          orderedAt: record.orderedAt,
          shippedAt: record.shippedAt,
          status: record.status,
          currency: record.currency,
          total,
          shipCountry: record.shipCountry,
        },
        lines,
      });
      delta.add({ status: record.status, currency: record.currency, orderedAt: record.orderedAt, lines }, 1);
      continue;
    }

    const oldLines: LineRow[] = stored.lines.map((l) => ({ skuId: l.skuId, externalSku: l.externalSku, title: l.title, quantity: l.quantity, unitPrice: new Decimal(l.unitPrice.toString()) }));
    // A report without prices (Amazon's unshipped orders) adds buyer details, not lines.
    const newLines = pricesKnown || stored.lines.length === 0 ? lines : oldLines;
    const status = mergeStatus(stored.status, record.status);
    const next = {
      // A guest identity gives way to a known buyer; a known buyer is never replaced.
      identityId: stored.identity.externalId.startsWith(GUEST) && !identity.guest ? identity.id : stored.identityId,
      orderedAt: record.orderedAt,
      shippedAt: record.shippedAt ?? stored.shippedAt,
      status,
      currency: pricesKnown ? record.currency : stored.currency,
      total: pricesKnown && record.total !== null ? total : new Decimal(stored.total.toString()),
      shipCountry: record.shipCountry ?? stored.shipCountry,
    };
    const linesChanged = !sameLines(oldLines, newLines);
    const changed =
      linesChanged ||
      next.identityId !== stored.identityId ||
      next.orderedAt.getTime() !== stored.orderedAt.getTime() ||
      (next.shippedAt?.getTime() ?? null) !== (stored.shippedAt?.getTime() ?? null) ||
      next.status !== stored.status ||
      next.currency !== stored.currency ||
      !next.total.equals(stored.total.toString()) ||
      next.shipCountry !== stored.shipCountry;
    if (!changed) {
      w.summary.main.unchanged += 1;
      continue;
    }
    await tx.order.update({ where: { id: stored.id }, data: next });
    if (linesChanged) {
      await tx.orderLine.deleteMany({ where: { orderId: stored.id } });
      await tx.orderLine.createMany({ data: newLines.map((l) => ({ orderId: stored.id, ...l })) });
      linesWritten += newLines.length;
    }
    delta.add({ status: stored.status, currency: stored.currency, orderedAt: stored.orderedAt, lines: oldLines }, -1);
    delta.add({ status: next.status, currency: next.currency, orderedAt: next.orderedAt, lines: newLines }, 1);
    w.summary.main.updated += 1;
  }

  for (const part of chunks(creates)) {
    const rows = await tx.order.createManyAndReturn({ data: part.map((c) => c.order), select: { id: true, externalId: true } });
    const idOf = new Map(rows.map((r) => [r.externalId, r.id]));
    const lineData = part.flatMap((c) => c.lines.map((l) => ({ orderId: idOf.get(c.order.externalId) as number, ...l })));
    for (const lp of chunks(lineData, 100)) await tx.orderLine.createMany({ data: lp });
    linesWritten += lineData.length;
    w.summary.main.created += rows.length;
  }
  w.counts('orderLines').created += linesWritten;
  if (delta.foreignLines > 0) w.summary.notes.push({ key: 'foreignCurrency', params: { n: delta.foreignLines, currency: platform.currency } });
  await applySalesDelta(w, delta);
}

async function applySalesDelta(w: Writer, delta: SalesDelta): Promise<void> {
  const { tx, platform } = w;
  const counts = w.counts('salesDays');
  const entries = [...delta.byKey.values()].filter((e) => e.units !== 0 || !e.revenue.isZero());
  if (entries.length === 0) return;
  const skuIds = [...new Set(entries.map((e) => e.skuId))];
  const days = [...new Set(entries.map((e) => e.day.getTime()))].map((t) => new Date(t));
  const stored = new Map<string, { id: number; units: number; revenue: Decimal }>();
  for (const skuPart of chunks(skuIds, 200)) {
    for (const dayPart of chunks(days, 200)) {
      const rows = await tx.salesDaily.findMany({ where: { platformId: platform.id, skuId: { in: skuPart }, day: { in: dayPart } }, select: { id: true, skuId: true, day: true, units: true, revenue: true } });
      for (const r of rows) stored.set(`${r.skuId}:${r.day.getTime()}`, { id: r.id, units: r.units, revenue: new Decimal(r.revenue.toString()) });
    }
  }
  const creates: Prisma.SalesDailyCreateManyInput[] = [];
  for (const e of entries) {
    const key = `${e.skuId}:${e.day.getTime()}`;
    const row = stored.get(key);
    if (!row) {
      if (e.units > 0) creates.push({ skuId: e.skuId, platformId: platform.id, day: e.day, units: e.units, revenue: Decimal.max(e.revenue, 0), currency: platform.currency });
      continue;
    }
    const units = Math.max(0, row.units + e.units);
    const revenue = Decimal.max(row.revenue.plus(e.revenue), 0);
    await tx.salesDaily.update({ where: { id: row.id }, data: { units, revenue } });
    counts.updated += 1;
  }
  for (const part of chunks(creates)) counts.created += (await tx.salesDaily.createMany({ data: part })).count;
  // The stored forecasts of these listings were fitted on the old figures.
  await invalidateListingForecasts(tx, skuIds.map((skuId) => ({ skuId, platformId: platform.id })));
}

// ───────────────────────────── listings ─────────────────────────────

async function writeListings(w: Writer, listings: readonly ListingRecord[], resolve: SkuResolver): Promise<void> {
  const { tx, platform } = w;
  const stored = new Map((await tx.listing.findMany({ where: { platformId: platform.id } })).map((l) => [l.skuId, l]));
  for (const record of listings) {
    const skuId = resolve(record.sellerSku, null);
    if (skuId === null) {
      w.summary.skipped.push({ line: record.line, reason: 'unknownSku', detail: record.sellerSku });
      w.unmatchedSku(record.sellerSku);
      continue;
    }
    const row = stored.get(skuId);
    if (!row) {
      const created = await tx.listing.create({
        data: {
          skuId,
          platformId: platform.id,
          externalId: record.externalId,
          title: record.title,
          bullets: [],
          description: record.description ?? '',
          price: record.price ?? 0,
          currency: platform.currency,
          status: record.status ?? 'active',
        },
      });
      stored.set(skuId, created);
      w.summary.main.created += 1;
      continue;
    }
    const patch: Prisma.ListingUpdateInput = {};
    if (record.title !== row.title) patch.title = record.title;
    if (record.description !== null && record.description !== row.description) patch.description = record.description;
    if (record.price !== null && !record.price.equals(row.price.toString())) patch.price = record.price;
    if (record.status !== null && record.status !== row.status) patch.status = record.status;
    // The stored platform id is what other imports match on; fill it, never replace it.
    if (row.externalId === null && record.externalId !== null) patch.externalId = record.externalId;
    if (Object.keys(patch).length === 0) {
      w.summary.main.unchanged += 1;
      continue;
    }
    stored.set(skuId, await tx.listing.update({ where: { id: row.id }, data: patch }));
    w.summary.main.updated += 1;
  }
}

// ───────────────────────────── stock ─────────────────────────────

/** The platform's FBA warehouse, created (and linked to the platform) when there is none. */
async function fbaWarehouse(w: Writer): Promise<number> {
  const { tx, platform } = w;
  const linked = await tx.warehouseChannel.findMany({ where: { platformId: platform.id, warehouse: { kind: 'fba' } }, select: { warehouse: { select: { id: true, code: true } } } });
  const first = linked.map((l) => l.warehouse).sort((a, b) => a.code.localeCompare(b.code))[0];
  if (first) return first.id;
  const code = `FBA-${platform.country ?? platform.code.toUpperCase()}`;
  const warehouse =
    (await tx.warehouse.findUnique({ where: { code }, select: { id: true } })) ??
    (await tx.warehouse.create({ data: { code, name: `Amazon FBA ${platform.country ?? platform.code}`, kind: 'fba', country: platform.country ?? 'US' }, select: { id: true } }));
  await tx.warehouseChannel.create({ data: { warehouseId: warehouse.id, platformId: platform.id } });
  w.summary.notes.push({ key: 'warehouseCreated', params: { warehouse: code, platform: platform.code } });
  return warehouse.id;
}

async function writeStock(w: Writer, levels: readonly StockRecord[], inbound: readonly InboundRecord[], resolve: SkuResolver): Promise<void> {
  const { tx } = w;
  const skipped = new Set<number>();
  const skipUnknown = (line: number, sku: string) => {
    w.unmatchedSku(sku);
    if (skipped.has(line)) return;
    skipped.add(line);
    w.summary.skipped.push({ line, reason: 'unknownSku', detail: sku });
  };
  const known = (records: ReadonlyArray<StockRecord | InboundRecord>) =>
    records.flatMap((r) => {
      const skuId = resolve(r.sellerSku, r.listingId);
      if (skuId === null) {
        skipUnknown(r.line, r.sellerSku);
        return [];
      }
      return [{ r, skuId }];
    });
  const levelRows = known(levels) as Array<{ r: StockRecord; skuId: number }>;
  const inboundRows = known(inbound) as Array<{ r: InboundRecord; skuId: number }>;
  if (levelRows.length === 0 && inboundRows.length === 0) return;
  const warehouseId = await fbaWarehouse(w);

  const stored = new Map((await tx.stockLevel.findMany({ where: { warehouseId } })).map((s) => [s.skuId, s]));
  for (const { r, skuId } of levelRows) {
    const row = stored.get(skuId);
    const reserved = r.reserved ?? row?.reserved ?? 0;
    if (!row) {
      stored.set(skuId, await tx.stockLevel.create({ data: { skuId, warehouseId, onHand: r.onHand, reserved } }));
      w.summary.main.created += 1;
    } else if (row.onHand !== r.onHand || row.reserved !== reserved) {
      stored.set(skuId, await tx.stockLevel.update({ where: { id: row.id }, data: { onHand: r.onHand, reserved } }));
      w.summary.main.updated += 1;
    } else {
      w.summary.main.unchanged += 1;
    }
  }

  // The detailed ledger brings shipments only: then they are what the report leads with.
  const counts = levelRows.length === 0 && levels.length === 0 ? w.summary.main : w.counts('inbound');
  const references = inboundRows.map(({ r }) => `${w.platform.code}:${r.reference}`);
  const shipments = new Map<string, Prisma.InboundShipmentGetPayload<object>>();
  for (const part of chunks(references)) {
    for (const s of await tx.inboundShipment.findMany({ where: { reference: { in: part } } })) shipments.set(s.reference, s);
  }
  for (const { r, skuId } of inboundRows) {
    const reference = `${w.platform.code}:${r.reference}`;
    const row = shipments.get(reference);
    if (!row) {
      // Nothing on its way and nothing recorded before: nothing to write.
      if (r.quantity <= 0) continue;
      const eta = r.eta ?? new Date(utcDay(w.now).getTime() + FBA_INBOUND_ETA_DAYS * 86_400_000);
      await tx.inboundShipment.create({ data: { reference, skuId, warehouseId, quantity: r.quantity, eta, status: r.status, createdAt: w.now } });
      counts.created += 1;
      continue;
    }
    const data: Prisma.InboundShipmentUpdateInput = {};
    if (r.quantity > 0 && r.quantity !== row.quantity) data.quantity = r.quantity;
    if (r.status !== row.status) data.status = r.status;
    // An ETA is kept once set, unless the file gives a real date.
    if (r.eta && r.eta.getTime() !== row.eta.getTime()) data.eta = r.eta;
    if (Object.keys(data).length === 0) {
      counts.unchanged += 1;
      continue;
    }
    await tx.inboundShipment.update({ where: { id: row.id }, data });
    counts.updated += 1;
  }
}

// ───────────────────────────── ads ─────────────────────────────

async function writeAds(w: Writer, days: readonly AdDayRecord[], campaigns: readonly AdCampaignRecord[], resolve: SkuResolver): Promise<void> {
  const { tx, platform } = w;
  const counts = w.counts('campaigns');
  const names = campaigns.map((c) => c.name);
  const stored = new Map<string, { id: number; status: string; startedOn: Date; skuId: number | null }>();
  for (const part of chunks(names)) {
    for (const c of await tx.adCampaign.findMany({ where: { platformId: platform.id, name: { in: part } }, select: { id: true, name: true, status: true, startedOn: true, skuId: true } })) {
      stored.set(c.name, c);
    }
  }
  const firstDay = new Map<string, Date>();
  for (const d of days) {
    const known = firstDay.get(d.campaign);
    if (!known || d.day < known) firstDay.set(d.campaign, d.day);
  }
  const ids = new Map<string, number>();
  for (const c of campaigns) {
    const advertisedSkus = [...new Set(c.advertised.map((a) => resolve(a, a)).filter((id): id is number => id !== null))];
    const skuId = advertisedSkus.length === 1 ? (advertisedSkus[0] as number) : null;
    const started = [c.startedOn, firstDay.get(c.name)].filter((d): d is Date => d !== null && d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0] ?? utcDay(w.now);
    const row = stored.get(c.name);
    if (!row) {
      const created = await tx.adCampaign.create({
        data: { platformId: platform.id, name: c.name, kind: 'sponsored-products', status: c.status ?? 'enabled', skuId, startedOn: started },
        select: { id: true },
      });
      ids.set(c.name, created.id);
      counts.created += 1;
      continue;
    }
    ids.set(c.name, row.id);
    const data: Prisma.AdCampaignUncheckedUpdateInput = {};
    if (c.status !== null && c.status !== row.status) data.status = c.status;
    if (started < row.startedOn) data.startedOn = started;
    if (row.skuId === null && skuId !== null) data.skuId = skuId;
    if (Object.keys(data).length === 0) counts.unchanged += 1;
    else {
      await tx.adCampaign.update({ where: { id: row.id }, data });
      counts.updated += 1;
    }
  }

  const campaignIds = [...ids.values()];
  const storedDays = new Map<string, Prisma.AdSpendDailyGetPayload<object>>();
  const dayList = [...new Set(days.map((x) => x.day.getTime()))].map((t) => new Date(t));
  for (const part of chunks(campaignIds, 200)) {
    for (const dayPart of chunks(dayList, 300)) {
      for (const d of await tx.adSpendDaily.findMany({ where: { campaignId: { in: part }, day: { in: dayPart } } })) {
        storedDays.set(`${d.campaignId}:${d.day.getTime()}`, d);
      }
    }
  }
  const creates: Prisma.AdSpendDailyCreateManyInput[] = [];
  for (const d of days) {
    const campaignId = ids.get(d.campaign) as number;
    const values = {
      impressions: d.impressions,
      clicks: d.clicks,
      spend: d.spend,
      orders: d.orders,
      attributedRevenue: d.attributedRevenue,
      currency: d.currency,
      attributionDays: d.attributionDays,
    };
    const row = storedDays.get(`${campaignId}:${d.day.getTime()}`);
    if (!row) {
      creates.push({ campaignId, day: d.day, ...values });
      continue;
    }
    const same =
      row.impressions === values.impressions &&
      row.clicks === values.clicks &&
      values.spend.equals(row.spend.toString()) &&
      row.orders === values.orders &&
      values.attributedRevenue.equals(row.attributedRevenue.toString()) &&
      row.currency === values.currency &&
      row.attributionDays === values.attributionDays;
    if (same) {
      w.summary.main.unchanged += 1;
      continue;
    }
    // A report is the whole truth for its campaign and day: its numbers replace the stored ones.
    await tx.adSpendDaily.update({ where: { id: row.id }, data: values });
    w.summary.main.updated += 1;
  }
  for (const part of chunks(creates)) w.summary.main.created += (await tx.adSpendDaily.createMany({ data: part })).count;
}
