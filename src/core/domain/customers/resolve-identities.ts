/**
 * Identity resolution, the service: loads every identity, asks the pure resolver
 * (resolution.ts) who is who, and stores the answer as reversible link history.
 *
 * What is stored, and why:
 * - CustomerIdentity.customerId is the current link; IdentityLink rows are its history. A
 *   changed decision closes the old link (removedAt/removedBy) and opens a new one; nothing is
 *   ever merged away, so every step can be undone.
 * - An automatic link the resolver still agrees with is kept, and only its evidence and
 *   confidence are refreshed: the evidence always says why the link holds today.
 * - Decisions by people win: manual links and manual unlinks are never changed here, and an
 *   identity whose PII was purged stays with its customer (its evidence is gone).
 *
 * Runs after the seed and after every import; re-running on unchanged data writes nothing.
 */
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Db } from '../../../persistence/db.ts';
import { dialectOf, typedParam, type SqlType } from '../../../persistence/dialect.ts';
import type { Tx } from '../../tool.ts';
import { readEvidence, type Evidence } from './evidence.ts';
import { resolveIdentitySet, type Anchor, type IdentityRecord, type QuotedOrder, type Target } from './resolution.ts';

/** Options of {@link resolveIdentities}. */
export interface ResolveOptions {
  /** Who runs it, recorded on the links it creates or closes: "seed", "import:<file>", "resolver". */
  by: string;
  /** The time recorded on those links. */
  at: Date;
}

/** What a run changed. */
export interface ResolveSummary {
  identities: number;
  customers: number;
  customersCreated: number;
  linksCreated: number;
  linksClosed: number;
  linksRefreshed: number;
  keysUpdated: number;
}

type Client = Db | Tx;

/** Largest IN (…) list per model query: Prisma caps SQLite statements at 999 bound values. */
const CHUNK = 900;
/** Rows per client INSERT: up to 9 columns each stays under the 999 bound values. */
const ROWS_PER_INSERT = 100;
/** Rows per batched UPDATE (raw SQL, which SQLite allows up to 32,766 bound values). */
const UPDATE_BATCH = 1_000;

/** The order-id spellings a customer may have meant: Shopify names are written with or without "#". */
export function orderRefVariants(ref: string): string[] {
  const trimmed = ref.trim();
  if (trimmed.length === 0) return [];
  const bare = trimmed.replace(/^#/, '');
  return [...new Set([trimmed, bare, /^\d+$/.test(bare) ? `#${bare}` : bare])];
}

/**
 * Re-runs identity resolution over every identity in the database and stores the result.
 * Give it a transaction client to make it part of a larger write (the seed, an import);
 * given the plain client it runs in its own transaction.
 */
export async function resolveIdentities(db: Client, opts: ResolveOptions): Promise<ResolveSummary> {
  if ('$transaction' in db) {
    return db.$transaction((tx) => resolveIn(tx, opts), { maxWait: 30_000, timeout: 300_000 });
  }
  return resolveIn(db, opts);
}

async function resolveIn(tx: Tx, opts: ResolveOptions): Promise<ResolveSummary> {
  // Plain set queries, no relation loads: one query per table whatever the row count.
  const [rows, platforms, activeLinks, closed] = await Promise.all([
    tx.customerIdentity.findMany({
      select: {
        id: true,
        platformId: true,
        createdAt: true,
        externalId: true,
        name: true,
        email: true,
        emailKind: true,
        phone: true,
        addressLine1: true,
        addressLine2: true,
        postalCode: true,
        country: true,
        piiPurgedAt: true,
        customerId: true,
        emailKey: true,
        phoneE164: true,
        nameKey: true,
      },
      orderBy: { id: 'asc' },
    }),
    tx.platform.findMany({ select: { id: true, code: true } }),
    tx.identityLink.findMany({
      where: { removedAt: null },
      select: { id: true, identityId: true, customerId: true, method: true, evidence: true, confidence: true },
      orderBy: { id: 'desc' },
    }),
    tx.identityLink.groupBy({ by: ['identityId'], where: { removedAt: { not: null } } }),
  ]);
  const platformCode = new Map(platforms.map((p) => [p.id, p.code]));
  const linksOf = new Map<number, typeof activeLinks>();
  for (const link of activeLinks) linksOf.set(link.identityId, [...(linksOf.get(link.identityId) ?? []), link]);
  const hasHistory = new Set(closed.map((c) => c.identityId));

  const anchors = new Map<number, Anchor>();
  const current = new Map<number, number | null>();
  for (const r of rows) {
    current.set(r.id, r.customerId);
    const active = linksOf.get(r.id)?.[0];
    if (active?.method === 'manual') anchors.set(r.id, { customerId: active.customerId });
    else if (r.piiPurgedAt !== null && r.customerId !== null) anchors.set(r.id, { customerId: r.customerId });
    // No current link but a history: a person unlinked it, and it stays on its own.
    else if (r.customerId === null && !active && hasHistory.has(r.id)) anchors.set(r.id, 'alone');
  }

  const identities: IdentityRecord[] = rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    name: r.name,
    email: r.email,
    emailKind: r.emailKind,
    phone: r.phone,
    addressLine1: r.addressLine1,
    addressLine2: r.addressLine2,
    postalCode: r.postalCode,
    country: r.country,
  }));
  const resolution = resolveIdentitySet({ identities, quotes: await quotedOrders(tx), anchors, current });

  const summary: ResolveSummary = {
    identities: rows.length,
    customers: 0,
    customersCreated: 0,
    linksCreated: 0,
    linksClosed: 0,
    linksRefreshed: 0,
    keysUpdated: 0,
  };

  // Match keys follow the PII they are derived from.
  const keyUpdates: Array<{ id: number; values: Array<string | number | null> }> = [];
  for (const r of rows) {
    const keys = resolution.keys.get(r.id);
    if (!keys) continue;
    if (keys.emailKey !== r.emailKey || keys.phoneE164 !== r.phoneE164 || keys.nameKey !== r.nameKey) {
      keyUpdates.push({ id: r.id, values: [keys.emailKey, keys.phoneE164, keys.nameKey] });
    }
  }
  await updateById(tx, 'CustomerIdentity', [['emailKey', 'text'], ['phoneE164', 'text'], ['nameKey', 'text']], keyUpdates);
  summary.keysUpdated = keyUpdates.length;

  // New customers, named after their oldest identity. Created in batches; a multi-row INSERT
  // numbers its rows in order, so the ids, sorted, line up with the groups.
  const byId = new Map(rows.map((r) => [r.id, r]));
  const created: number[] = [];
  const names = resolution.newCustomers.map((members) => {
    const first = byId.get(members[0] as number);
    return first?.name ?? (first ? `${platformCode.get(first.platformId) ?? 'platform'} buyer ${first.externalId}` : 'customer');
  });
  for (let i = 0; i < names.length; i += ROWS_PER_INSERT) {
    const batch = await tx.customer.createManyAndReturn({
      data: names.slice(i, i + ROWS_PER_INSERT).map((displayName) => ({ displayName, createdAt: opts.at })),
      select: { id: true },
    });
    created.push(...batch.map((c) => c.id).sort((a, b) => a - b));
  }
  summary.customersCreated = created.length;
  const customerOf = (target: Target): number | null =>
    target.kind === 'existing' ? target.customerId : target.kind === 'new' ? (created[target.index] as number) : null;

  const customers = new Set<number>();
  const refreshed: Array<{ id: number; values: Array<string | number | null> }> = [];
  const moving: Array<{ id: number; values: Array<string | number | null> }> = [];
  const closing: number[] = [];
  const opening: Prisma.IdentityLinkCreateManyInput[] = [];
  for (const r of rows) {
    const target = resolution.targets.get(r.id);
    if (anchors.has(r.id) || !target) {
      if (r.customerId !== null) customers.add(r.customerId);
      continue;
    }
    const customerId = customerOf(target);
    if (customerId === null) continue;
    customers.add(customerId);
    const evidence = resolution.evidence.get(r.id) as Evidence[];
    const links = linksOf.get(r.id) ?? [];
    const confidence = resolution.confidence.get(r.id) ?? links[0]?.confidence ?? 1;
    const active = links[0];
    if (r.customerId === customerId && active && active.customerId === customerId && active.method === 'auto') {
      if (JSON.stringify(readEvidence(active.evidence).evidence) !== JSON.stringify(evidence) || active.confidence !== confidence) {
        refreshed.push({ id: active.id, values: [JSON.stringify(evidence), confidence] });
      }
      continue;
    }
    closing.push(...links.map((l) => l.id));
    if (r.customerId !== customerId) moving.push({ id: r.id, values: [customerId] });
    opening.push({ identityId: r.id, customerId, evidence, confidence, method: 'auto', createdAt: opts.at, createdBy: opts.by });
  }
  // A changed decision closes the old link and opens a new one, in batches.
  for (let i = 0; i < closing.length; i += CHUNK) {
    await tx.identityLink.updateMany({ where: { id: { in: closing.slice(i, i + CHUNK) } }, data: { removedAt: opts.at, removedBy: opts.by } });
  }
  await updateById(tx, 'CustomerIdentity', [['customerId', 'int']], moving);
  for (let i = 0; i < opening.length; i += ROWS_PER_INSERT) await tx.identityLink.createMany({ data: opening.slice(i, i + ROWS_PER_INSERT) });
  summary.linksClosed = closing.length;
  summary.linksCreated = opening.length;
  // Json is stored as text in SQLite, so refreshed evidence can go in one batched statement.
  await updateById(tx, 'IdentityLink', [['evidence', 'json'], ['confidence', 'float']], refreshed);
  summary.linksRefreshed = refreshed.length;
  summary.customers = customers.size;
  return summary;
}

/** Tickets that quote an order id of one known order, as resolution evidence. */
async function quotedOrders(tx: Tx): Promise<QuotedOrder[]> {
  const tickets = await tx.ticket.findMany({
    where: { orderRef: { not: null } },
    select: { id: true, identityId: true, orderRef: true },
    orderBy: { id: 'asc' },
  });
  const variants = new Map<string, number[]>();
  for (const t of tickets) {
    for (const v of orderRefVariants(t.orderRef ?? '')) variants.set(v, [...(variants.get(v) ?? []), t.id]);
  }
  const all = [...variants.keys()];
  const ordersByRef = new Map<string, Array<{ externalId: string; identityId: number }>>();
  for (let i = 0; i < all.length; i += CHUNK) {
    const found = await tx.order.findMany({
      where: { externalId: { in: all.slice(i, i + CHUNK) } },
      select: { externalId: true, identityId: true },
    });
    for (const o of found) ordersByRef.set(o.externalId, [...(ordersByRef.get(o.externalId) ?? []), o]);
  }
  const quotes: QuotedOrder[] = [];
  for (const t of tickets) {
    const matches = new Map<number, string>();
    for (const v of orderRefVariants(t.orderRef ?? '')) {
      for (const o of ordersByRef.get(v) ?? []) matches.set(o.identityId, o.externalId);
    }
    // An id that fits orders of several buyers proves nothing.
    if (matches.size !== 1) continue;
    const [[orderIdentityId, order]] = [...matches] as [[number, string]];
    quotes.push({ identityId: t.identityId, ticketId: t.id, order, orderIdentityId });
  }
  return quotes;
}

/**
 * Sets `columns` of many rows in one statement per batch, joining a VALUES list on the id
 * (UPDATE … FROM, SQLite ≥ 3.33 and PostgreSQL): thousands of single-row updates through the
 * client cost ~0.4 ms each, a batch of a thousand a few milliseconds.
 */
async function updateById(
  tx: Tx,
  table: 'CustomerIdentity' | 'IdentityLink',
  columns: ReadonlyArray<readonly [name: string, type: SqlType]>,
  rows: ReadonlyArray<{ id: number; values: ReadonlyArray<string | number | null> }>,
): Promise<void> {
  const quote = (name: string) => `"${name}"`;
  const dialect = dialectOf(tx);
  // VALUES columns are named column1, column2, … in both SQLite and PostgreSQL.
  const names = Prisma.raw(['id', ...columns.map(([c]) => c)].map((c, i) => `column${i + 1} AS ${quote(c)}`).join(', '));
  const sets = Prisma.raw(columns.map(([c]) => `${quote(c)} = v.${quote(c)}`).join(', '));
  for (let i = 0; i < rows.length; i += UPDATE_BATCH) {
    // PostgreSQL types untyped VALUES parameters as text; typedParam casts them to the column's type.
    const values = rows.slice(i, i + UPDATE_BATCH).map(
      (row) => Prisma.sql`(${Prisma.join([typedParam(dialect, row.id, 'int'), ...columns.map(([, type], c) => typedParam(dialect, row.values[c] ?? null, type))])})`,
    );
    await tx.$executeRaw`UPDATE ${Prisma.raw(quote(table))} SET ${sets}
      FROM (SELECT ${names} FROM (VALUES ${Prisma.join(values)}) AS x) AS v
      WHERE ${Prisma.raw(quote(table))}."id" = v."id"`;
  }
}
