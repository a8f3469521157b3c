/**
 * Amazon's 30-day rule: buyer PII from Amazon orders must be deleted 30 days after the order
 * shipped. PII lives only on CustomerIdentity, so this clears an Amazon identity's name, email,
 * phone, address and match keys once its last shipment is more than 30 days old and nothing
 * is waiting to ship. Orders, tickets, reviews and links stay, so the history stays whole.
 */
import type { AuditWriter, Tx } from '../../tool.ts';
import { foldText } from './normalize.ts';

/** Longest the purge's one transaction may run: it touches every due identity, and Prisma's 5 s default is too short on a large or busy database. */
export const PURGE_TX_TIMEOUT_MS = 120_000;

/** Days after shipment that Amazon allows buyer PII to be kept. */
export const AMAZON_PII_RETENTION_DAYS = 30;
/** The marketplace family the rule applies to. */
export const PURGED_MARKETPLACE = 'amazon';

const DAY_MS = 86_400_000;
/** Prisma caps SQLite statements at 999 bound values. */
const CHUNK = 900;

/** What a purge removed. */
export interface PurgeResult {
  /** Shipments on or before this instant were old enough. */
  cutoff: Date;
  /** Identities purged now, per platform code. */
  byPlatform: Array<{ platform: string; identities: number }>;
  identityIds: number[];
  /** Customers whose display name came only from purged identities and was replaced. */
  customersRenamed: number;
}

/** When an identity's PII becomes due: 30 days after its last shipment, unless an order still waits to ship. */
export function purgeDueAt(facts: { createdAt: Date; lastShippedAt: Date | null; awaitingShipment: boolean }): Date | null {
  if (facts.awaitingShipment) return null;
  // No shipment at all (only cancelled orders, or none): counted from when the buyer was first seen.
  const from = facts.lastShippedAt ?? facts.createdAt;
  return new Date(from.getTime() + AMAZON_PII_RETENTION_DAYS * DAY_MS);
}

/**
 * Purges every Amazon identity whose PII is due at `now`, in the caller's transaction, and
 * records one AuditEvent naming the identities (never their PII). Running it again purges nothing.
 */
export async function purgeAmazonPii(tx: Tx, opts: { now: Date; audit: AuditWriter }): Promise<PurgeResult> {
  const cutoff = new Date(opts.now.getTime() - AMAZON_PII_RETENTION_DAYS * DAY_MS);
  const scope = { piiPurgedAt: null, platform: { marketplace: PURGED_MARKETPLACE } };
  const [identities, shipped, waiting, platforms] = await Promise.all([
    tx.customerIdentity.findMany({ where: scope, select: { id: true, platformId: true, customerId: true, createdAt: true } }),
    tx.order.groupBy({ by: ['identityId'], where: { identity: scope, shippedAt: { not: null } }, _max: { shippedAt: true } }),
    tx.order.groupBy({ by: ['identityId'], where: { identity: scope, status: { in: ['pending', 'unshipped'] } } }),
    tx.platform.findMany({ select: { id: true, code: true } }),
  ]);
  const lastShipped = new Map(shipped.map((s) => [s.identityId, s._max.shippedAt]));
  const awaiting = new Set(waiting.map((w) => w.identityId));
  const due = identities.filter((i) => {
    const at = purgeDueAt({ createdAt: i.createdAt, lastShippedAt: lastShipped.get(i.id) ?? null, awaitingShipment: awaiting.has(i.id) });
    return at !== null && at.getTime() <= opts.now.getTime();
  });

  const ids = due.map((i) => i.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await tx.customerIdentity.updateMany({
      where: { id: { in: ids.slice(i, i + CHUNK) }, piiPurgedAt: null },
      data: {
        name: null,
        email: null,
        phone: null,
        addressLine1: null,
        addressLine2: null,
        city: null,
        region: null,
        postalCode: null,
        emailKey: null,
        phoneE164: null,
        nameKey: null,
        piiPurgedAt: opts.now,
      },
    });
  }
  const customersRenamed = await renameCustomers(tx, [...new Set(due.flatMap((i) => (i.customerId === null ? [] : [i.customerId])))]);

  const code = new Map(platforms.map((p) => [p.id, p.code]));
  const counts = new Map<string, number>();
  for (const i of due) counts.set(code.get(i.platformId) ?? '?', (counts.get(code.get(i.platformId) ?? '?') ?? 0) + 1);
  const byPlatform = [...counts].map(([platform, n]) => ({ platform, identities: n })).sort((a, b) => a.platform.localeCompare(b.platform));
  await opts.audit({
    action: 'customer.pii-purge',
    targetType: 'customer-identity',
    targetId: `${PURGED_MARKETPLACE}:${cutoff.toISOString().slice(0, 10)}`,
    after: { rule: `${AMAZON_PII_RETENTION_DAYS} days after shipment`, cutoff, purged: ids.length, identities: ids.map((id) => `I-${id}`), customersRenamed },
  });
  return { cutoff, byPlatform, identityIds: ids, customersRenamed };
}

/**
 * A customer's display name may have come from an identity that was just purged; then it is
 * replaced by a name that still exists, or by the buyer id, so the name does not outlive the rule.
 */
async function renameCustomers(tx: Tx, customerIds: number[]): Promise<number> {
  let renamed = 0;
  for (let i = 0; i < customerIds.length; i += CHUNK) {
    const chunk = customerIds.slice(i, i + CHUNK);
    const [customers, identities, platforms] = await Promise.all([
      tx.customer.findMany({ where: { id: { in: chunk } }, select: { id: true, displayName: true } }),
      tx.customerIdentity.findMany({
        where: { customerId: { in: chunk } },
        select: { customerId: true, name: true, externalId: true, platformId: true },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
      tx.platform.findMany({ select: { id: true, code: true } }),
    ]);
    const code = new Map(platforms.map((p) => [p.id, p.code]));
    for (const c of customers) {
      const own = identities.filter((x) => x.customerId === c.id);
      const names = own.flatMap((x) => (x.name ? [x.name] : []));
      if (names.some((n) => foldText(n) === foldText(c.displayName))) continue;
      const first = own[0];
      const displayName = names[0] ?? (first ? `${code.get(first.platformId) ?? 'amazon'} buyer ${first.externalId}` : `customer ${c.id}`);
      await tx.customer.update({ where: { id: c.id }, data: { displayName } });
      renamed += 1;
    }
  }
  return renamed;
}
