/**
 * Finds whom a `/customer` query means: one customer (or an identity no customer holds), a few
 * candidates, or nobody. Every key goes through an index: emailKey, phoneE164, Order.externalId,
 * the platform's buyer id, nameKey.
 */
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Db } from '../../../persistence/db.ts';
import { orderRefVariants } from './resolve-identities.ts';
import { foldText, phoneReadings } from './normalize.ts';
import { buyerCountries, platformsById } from './platforms.ts';
import type { CustomerQuery } from './query.ts';

/** Whose history to show: a customer, or an identity that is linked to none. */
export type Subject = { kind: 'customer'; customerId: number } | { kind: 'identity'; identityId: number };

/** "C-12" / "I-34": how replies and commands name a subject. */
export function subjectRef(subject: Subject): string {
  return subject.kind === 'customer' ? `C-${subject.customerId}` : `I-${subject.identityId}`;
}

/** One candidate of an ambiguous query. */
export interface Candidate {
  subject: Subject;
  displayName: string;
  platforms: string[];
  city: string | null;
}

/** What a query found, and through which key. */
export type FindResult =
  | { kind: 'found'; subject: Subject; matchedBy: MatchedBy }
  | { kind: 'ambiguous'; candidates: Candidate[]; total: number; matchedBy: MatchedBy }
  | { kind: 'none'; triedAs: MatchedBy[] };

/** The key a lookup matched on. */
export type MatchedBy = 'customer' | 'identity' | 'email' | 'phone' | 'order' | 'handle' | 'name';

/** At most this many candidates are offered as buttons. */
export const MAX_CANDIDATES = 8;
/** Name searches look at this many identities at most. */
const NAME_LIMIT = 200;

interface IdentityHit {
  id: number;
  customerId: number | null;
}

const subjectOf = (hit: IdentityHit): Subject =>
  hit.customerId === null ? { kind: 'identity', identityId: hit.id } : { kind: 'customer', customerId: hit.customerId };

/** Resolves a classified query to whom it means. */
export async function findCustomer(db: Db, query: CustomerQuery): Promise<FindResult> {
  switch (query.kind) {
    case 'customer': {
      const found = await db.customer.findFirst({ where: { id: query.id, identities: { some: {} } }, select: { id: true } });
      return found ? { kind: 'found', subject: { kind: 'customer', customerId: found.id }, matchedBy: 'customer' } : { kind: 'none', triedAs: ['customer'] };
    }
    case 'identity': {
      const found = await db.customerIdentity.findUnique({ where: { id: query.id }, select: { id: true, customerId: true } });
      return found ? { kind: 'found', subject: subjectOf(found), matchedBy: 'identity' } : { kind: 'none', triedAs: ['identity'] };
    }
    case 'email':
      return settle(db, await db.customerIdentity.findMany({ where: { emailKey: query.email }, select: hitSelect }), 'email');
    case 'phone':
      return byPhone(db, query.text);
    case 'order':
      return byOrder(db, query.ref);
    case 'order-or-phone': {
      const order = await byOrder(db, query.text);
      if (order.kind !== 'none') return order;
      const phone = await byPhone(db, query.text);
      return phone.kind === 'none' ? { kind: 'none', triedAs: ['order', 'phone'] } : phone;
    }
    case 'name': {
      const handle = await db.customerIdentity.findMany({ where: { externalId: query.text }, select: hitSelect });
      if (handle.length > 0) return settle(db, handle, 'handle');
      const words = foldText(query.text)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
        .split(' ')
        .filter((w) => w.length > 0);
      if (words.length === 0) return { kind: 'none', triedAs: ['handle', 'name'] };
      const hits = await db.customerIdentity.findMany({
        where: { AND: words.map((w) => ({ nameKey: { contains: w } })) },
        select: hitSelect,
        orderBy: { id: 'asc' },
        take: NAME_LIMIT,
      });
      const result = await settle(db, hits, 'name');
      return result.kind === 'none' ? { kind: 'none', triedAs: ['handle', 'name'] } : result;
    }
  }
}

const hitSelect = { id: true, customerId: true } as const;

async function byPhone(db: Db, text: string): Promise<FindResult> {
  const readings = phoneReadings(text, await buyerCountries.get(db));
  if (readings.length === 0) return { kind: 'none', triedAs: ['phone'] };
  return settle(db, await db.customerIdentity.findMany({ where: { phoneE164: { in: readings } }, select: hitSelect }), 'phone');
}

async function byOrder(db: Db, ref: string): Promise<FindResult> {
  // One statement (order → its identity) instead of the client's two.
  const rows = await db.$queryRaw<Array<{ id: number | bigint; customerId: number | bigint | null }>>`
    SELECT i."id", i."customerId" FROM "Order" o JOIN "CustomerIdentity" i ON i."id" = o."identityId"
     WHERE o."externalId" IN (${Prisma.join(orderRefVariants(ref))})`;
  return settle(db, rows.map((r) => ({ id: Number(r.id), customerId: r.customerId === null ? null : Number(r.customerId) })), 'order');
}

/** One subject → found; several → candidates with enough to tell them apart; none → none. */
async function settle(db: Db, hits: IdentityHit[], matchedBy: MatchedBy): Promise<FindResult> {
  const subjects = new Map<string, Subject>();
  for (const hit of hits) {
    const subject = subjectOf(hit);
    subjects.set(subjectRef(subject), subject);
  }
  if (subjects.size === 0) return { kind: 'none', triedAs: [matchedBy] };
  if (subjects.size === 1) return { kind: 'found', subject: [...subjects.values()][0] as Subject, matchedBy };

  const shown = [...subjects.values()]
    .sort((a, b) => (a.kind === b.kind ? idOf(a) - idOf(b) : a.kind === 'customer' ? -1 : 1))
    .slice(0, MAX_CANDIDATES);
  const customerIds = shown.flatMap((s) => (s.kind === 'customer' ? [s.customerId] : []));
  const identityIds = shown.flatMap((s) => (s.kind === 'identity' ? [s.identityId] : []));
  const [customers, identities, platforms] = await Promise.all([
    db.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, displayName: true } }),
    db.customerIdentity.findMany({
      where: { OR: [{ customerId: { in: customerIds } }, { id: { in: identityIds } }] },
      select: { id: true, customerId: true, platformId: true, name: true, externalId: true, city: true },
      orderBy: { id: 'asc' },
    }),
    platformsById.get(db),
  ]);
  const names = new Map(customers.map((c) => [c.id, c.displayName]));
  const candidates = shown.map((subject): Candidate => {
    const own = identities.filter((i) => (subject.kind === 'customer' ? i.customerId === subject.customerId : i.id === subject.identityId));
    const first = own[0];
    const displayName =
      (subject.kind === 'customer' ? names.get(subject.customerId) : undefined) ??
      first?.name ??
      (first ? `${platforms.get(first.platformId)?.code ?? 'platform'} buyer ${first.externalId}` : subjectRef(subject));
    return {
      subject,
      displayName,
      platforms: [...new Set(own.map((i) => platforms.get(i.platformId)?.code ?? '?'))].sort(),
      city: own.find((i) => i.city)?.city ?? null,
    };
  });
  return { kind: 'ambiguous', candidates, total: subjects.size, matchedBy };
}

function idOf(subject: Subject): number {
  return subject.kind === 'customer' ? subject.customerId : subject.identityId;
}
