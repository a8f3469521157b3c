/**
 * One person's history across every platform: identities with their links and evidence,
 * value per platform, orders newest first (paged), open tickets and reviews. Raw data with
 * PII as stored; the tool masks it for the reader before anything is shown.
 *
 * One statement per profile whatever the history's length (profile-query.ts), plus one when the
 * evidence points at identities of other customers; each part read
 * through an index (Order.identityId, Ticket.identityId, Review.identityId, IdentityLink.customerId).
 */
import type { Db } from '../../../persistence/db.ts';
import { readEvidence, type Evidence } from './evidence.ts';
import type { Subject } from './lookup.ts';
import { toTotalCurrency, TOTAL_CURRENCY } from './money.ts';
import { platformsById } from './platforms.ts';
import { dialectOf } from '../../../persistence/dialect.ts';
import { outsideIdentityIds, PROFILE_SQL, PROFILE_SQL_POSTGRES, profileParams, profileRow } from './profile-query.ts';

/** Orders per timeline page. */
export const ORDERS_PER_PAGE = 10;
/** Reviews shown, newest first. */
export const REVIEWS_SHOWN = 10;
/** Open tickets shown, newest first. */
export const TICKETS_SHOWN = 10;
/** Order statuses that do not count towards lifetime value. */
export const EXCLUDED_FROM_VALUE = ['cancelled', 'returned'] as const;

/** An identity with its PII as stored. */
export interface ProfileIdentity {
  id: number;
  platform: string;
  marketplace: string;
  externalId: string;
  name: string | null;
  email: string | null;
  emailKind: 'real' | 'relay' | null;
  phone: string | null;
  phoneE164: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  piiPurgedAt: Date | null;
  createdAt: Date;
  /** Its current link, when it has one. */
  link: { method: string; createdBy: string; createdAt: Date; confidence: number; evidence: Evidence[]; unreadable: number } | null;
}

/** An identity referred to by evidence but belonging to another customer (or none). */
export interface OtherIdentity {
  id: number;
  platform: string;
  customerId: number | null;
  email: string | null;
  phoneE164: string | null;
}

/** Value on one platform. */
export interface PlatformValue {
  platform: string;
  currency: string;
  /** Every order, whatever its status. */
  orders: number;
  /** Orders that count towards value. */
  counted: number;
  value: number;
  /** `value` in {@link TOTAL_CURRENCY}; null without a reference rate. */
  valueInTotalCurrency: number | null;
}

/** One order of the timeline. */
export interface TimelineOrder {
  id: number;
  platform: string;
  externalId: string;
  orderedAt: Date;
  shippedAt: Date | null;
  status: string;
  currency: string;
  total: number;
  items: Array<{ sku: string; title: string; quantity: number }>;
}

/** An open or pending ticket. */
export interface OpenTicket {
  id: number;
  externalId: string | null;
  platform: string;
  identityId: number;
  status: string;
  subject: string;
  orderRef: string | null;
  createdAt: Date;
}

/** A review with its rating. */
export interface ProfileReview {
  id: number;
  platform: string;
  sku: string;
  rating: number;
  title: string;
  createdAt: Date;
}

/** One event of the link history. */
export interface LinkEvent {
  identityId: number;
  platform: string;
  event: 'linked' | 'unlinked';
  method: string;
  by: string;
  at: Date;
}

/** Everything `/customer` shows. */
export interface CustomerProfile {
  subject: Subject;
  displayName: string;
  since: Date | null;
  identities: ProfileIdentity[];
  others: Map<number, OtherIdentity>;
  value: PlatformValue[];
  totalValue: number;
  /** Currencies left out of the total for want of a rate. */
  unconverted: string[];
  orderCount: number;
  page: number;
  pages: number;
  orders: TimelineOrder[];
  openTickets: OpenTicket[];
  openTicketCount: number;
  reviews: ProfileReview[];
  reviewCount: number;
  /** Link events that were not simply "linked by resolution" (closed links, manual links). */
  history: LinkEvent[];
}

/** Asked for a timeline page past the last one. */
export class PageOutOfRange extends Error {
  override name = 'PageOutOfRange';
  constructor(readonly pages: number) {
    super(`only ${pages} page(s)`);
  }
}

/**
 * Loads the profile of `subject`, with timeline page `page` (1-based), in one statement.
 * @throws PageOutOfRange when `page` is past the last page.
 */
export async function customerProfile(db: Db, subject: Subject, page = 1): Promise<CustomerProfile> {
  const [platforms, rows] = await Promise.all([
    platformsById.get(db),
    db.$queryRawUnsafe<unknown[]>(dialectOf(db) === 'postgresql' ? PROFILE_SQL_POSTGRES : PROFILE_SQL, ...profileParams(subject, (page - 1) * ORDERS_PER_PAGE, ORDERS_PER_PAGE, REVIEWS_SHOWN, TICKETS_SHOWN)),
  ]);
  const row = profileRow.parse(rows[0]);
  const { identities, links, orders, tickets, ticketCount, reviews, reviewCount } = row;

  const code = (platformId: number) => platforms.get(platformId)?.code ?? `platform ${platformId}`;
  const orderCount = row.valueGroups.reduce((n, g) => n + g.n, 0);
  const pages = Math.max(1, Math.ceil(orderCount / ORDERS_PER_PAGE));
  if (page > pages) throw new PageOutOfRange(pages);

  const active = new Map(links.filter((l) => l.removedAt === null).map((l) => [l.identityId, l]));
  const profileIdentities: ProfileIdentity[] = identities.map((i) => {
    const link = active.get(i.id);
    const read = link ? readEvidence(link.evidence) : null;
    const platform = platforms.get(i.platformId);
    return {
      ...i,
      platform: platform?.code ?? `platform ${i.platformId}`,
      marketplace: platform?.marketplace ?? '',
      link: link && read
        ? { method: link.method, createdBy: link.createdBy, createdAt: link.createdAt, confidence: link.confidence, evidence: read.evidence, unreadable: read.unreadable }
        : null,
    };
  });

  // Identities the evidence points at outside this profile (hints, kept-apart matches).
  const outside = outsideIdentityIds(row);
  const otherRows = outside.length === 0
    ? []
    : await db.customerIdentity.findMany({ where: { id: { in: outside.slice(0, 900) } }, select: { id: true, platformId: true, customerId: true, email: true, phoneE164: true } });
  const others = new Map(otherRows.map((o) => [o.id, { id: o.id, platform: code(o.platformId), customerId: o.customerId, email: o.email, phoneE164: o.phoneE164 }]));

  const valueByPlatform = new Map<string, PlatformValue>();
  for (const g of row.valueGroups) {
    const key = `${g.platformId}:${g.currency}`;
    const v = valueByPlatform.get(key) ?? { platform: code(g.platformId), currency: g.currency, orders: 0, counted: 0, value: 0, valueInTotalCurrency: 0 };
    v.orders += g.n;
    if (!(EXCLUDED_FROM_VALUE as readonly string[]).includes(g.status)) {
      v.counted += g.n;
      v.value = Math.round((v.value + g.total) * 100) / 100;
    }
    valueByPlatform.set(key, v);
  }
  const value = [...valueByPlatform.values()].sort((a, b) => a.platform.localeCompare(b.platform));
  let totalValue = 0;
  const unconverted: string[] = [];
  for (const v of value) {
    v.valueInTotalCurrency = toTotalCurrency(v.value, v.currency);
    if (v.valueInTotalCurrency === null) unconverted.push(v.currency);
    else totalValue = Math.round((totalValue + v.valueInTotalCurrency) * 100) / 100;
  }

  const history: LinkEvent[] = [];
  const identityPlatform = new Map(profileIdentities.map((i) => [i.id, i.platform]));
  for (const l of links) {
    const platform = identityPlatform.get(l.identityId) ?? others.get(l.identityId)?.platform ?? '?';
    const routine = l.method === 'auto' && l.removedAt === null;
    if (!routine) history.push({ identityId: l.identityId, platform, event: 'linked', method: l.method, by: l.createdBy, at: l.createdAt });
    if (l.removedAt) history.push({ identityId: l.identityId, platform, event: 'unlinked', method: l.method, by: l.removedBy ?? '?', at: l.removedAt });
  }
  // Newest first; events at the same instant keep the order they happened in (link ids ascend).
  const seq = new Map(history.map((h, i) => [h, i]));
  history.sort((a, b) => b.at.getTime() - a.at.getTime() || (seq.get(b) as number) - (seq.get(a) as number));

  const first = profileIdentities[0];
  return {
    subject,
    displayName: row.displayName ?? first?.name ?? (first ? `${first.platform} buyer ${first.externalId}` : '?'),
    since: first?.createdAt ?? null,
    identities: profileIdentities,
    others,
    value,
    totalValue,
    unconverted: [...new Set(unconverted)],
    orderCount,
    page,
    pages,
    orders: orders.map((o) => ({
      id: o.id,
      platform: code(o.platformId),
      externalId: o.externalId,
      orderedAt: o.orderedAt,
      shippedAt: o.shippedAt,
      status: o.status,
      currency: o.currency,
      total: o.total,
      items: o.lines,
    })),
    openTickets: tickets.map((t) => ({ ...t, platform: code(t.platformId) })),
    openTicketCount: ticketCount,
    reviews: reviews.map((r) => ({ id: r.id, platform: code(r.platformId), sku: r.sku, rating: r.rating, title: r.title, createdAt: r.createdAt })),
    reviewCount,
    history: history.slice(0, 10),
  };
}

export { TOTAL_CURRENCY };
