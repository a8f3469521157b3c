/**
 * The profile in one SQL statement. Why raw SQL here: a profile needs ten reads (identities,
 * links, value, a page of orders with their lines, tickets, reviews, counts), and through the
 * Prisma client each read pays a fixed cost (query compilation and the driver round trip) far
 * above what SQLite spends answering it. One statement that returns each part as a JSON array
 * pays that cost once. Every part reads through an index; arrays are ordered inside the
 * aggregate (SQLite ≥ 3.44; PostgreSQL's json_agg … ORDER BY), so results are deterministic.
 * The text is built per dialect (json_group_array vs json_agg, epoch ms vs timestamps).
 *
 * The same text is what the benchmark runs through better-sqlite3 as "the same lookup as raw SQL".
 */
import { z } from 'zod';
import { epochMs, type Dialect } from '../../../persistence/dialect.ts';
import type { Subject } from './lookup.ts';

/** Parameters, in order, for {@link PROFILE_SQL}. */
export function profileParams(subject: Subject, offset: number, limit: number, reviews: number, tickets: number): number[] {
  // -1 matches no row: a customer profile has no single identity and vice versa.
  const customerId = subject.kind === 'customer' ? subject.customerId : -1;
  const identityId = subject.kind === 'identity' ? subject.identityId : -1;
  return [customerId, identityId, customerId, customerId, identityId, limit, offset, tickets, reviews];
}

/**
 * The few constructs that differ between SQLite and PostgreSQL in the profile statement: JSON
 * building and aggregation (each list comes back as JSON text), DateTime as epoch milliseconds
 * (SQLite stores them so; PostgreSQL has timestamps), placeholders, and membership in a CTE.
 */
function sqlFor(dialect: Dialect) {
  const pg = dialect === 'postgresql';
  let n = 0;
  return {
    /** The next positional parameter. */
    param: () => (pg ? `$${++n}` : '?'),
    /** A JSON object from [key, SQL expression] pairs. */
    object: (pairs: ReadonlyArray<readonly [string, string]>) =>
      `${pg ? 'json_build_object' : 'json_object'}(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
    /** A JSON array (as text) of `item` over the FROM clause that follows, in `order`. */
    array: (item: string, order: string) =>
      pg ? `COALESCE(json_agg(${item} ORDER BY ${order}), '[]'::json)::text` : `json_group_array(${item} ORDER BY ${order})`,
    /** A nested JSON array or stored JSON value inside an object (SQLite would embed it as a string). */
    embed: (json: string) => (pg ? `(${json})::json` : `json(${json})`),
    /** A DateTime column as epoch milliseconds. */
    ms: (column: string) => epochMs(dialect, column),
    /** "x IN ids" where ids is a CTE. */
    inIds: (column: string) => (pg ? `${column} IN (SELECT "id" FROM ids)` : `${column} IN ids`),
    /** A result column name (PostgreSQL folds unquoted names to lower case). */
    as: (name: string) => `"${name}"`,
  };
}

/** The profile statement for `dialect`; parameters in the order of {@link profileParams}. */
export function profileSql(dialect: Dialect): string {
  const q = sqlFor(dialect);
  const identity = q.object([
    ['id', 'i."id"'], ['platformId', 'i."platformId"'], ['externalId', 'i."externalId"'], ['name', 'i."name"'],
    ['email', 'i."email"'], ['emailKind', 'i."emailKind"'], ['phone', 'i."phone"'], ['phoneE164', 'i."phoneE164"'],
    ['addressLine1', 'i."addressLine1"'], ['addressLine2', 'i."addressLine2"'], ['city', 'i."city"'], ['region', 'i."region"'],
    ['postalCode', 'i."postalCode"'], ['country', 'i."country"'], ['piiPurgedAt', q.ms('i."piiPurgedAt"')], ['createdAt', q.ms('i."createdAt"')],
    ['customerId', 'i."customerId"'],
  ]);
  const link = q.object([
    ['id', 'l."id"'], ['identityId', 'l."identityId"'], ['customerId', 'l."customerId"'], ['evidence', q.embed('l."evidence"')],
    ['confidence', 'l."confidence"'], ['method', 'l."method"'], ['createdAt', q.ms('l."createdAt"')], ['createdBy', 'l."createdBy"'],
    ['removedAt', q.ms('l."removedAt"')], ['removedBy', 'l."removedBy"'],
  ]);
  const group = q.object([['platformId', 'g."platformId"'], ['currency', 'g."currency"'], ['status', 'g."status"'], ['total', 'g."total"'], ['n', 'g."n"']]);
  const line = q.object([['sku', 'COALESCE(s."code", ol."externalSku")'], ['title', 'ol."title"'], ['quantity', 'ol."quantity"']]);
  const order = q.object([
    ['id', 'o."id"'], ['platformId', 'o."platformId"'], ['externalId', 'o."externalId"'], ['orderedAt', q.ms('o."orderedAt"')],
    ['shippedAt', q.ms('o."shippedAt"')], ['status', 'o."status"'], ['currency', 'o."currency"'], ['total', 'o."total"'],
    ['lines', q.embed(`(SELECT ${q.array(line, 'ol."id"')}
                       FROM "OrderLine" ol LEFT JOIN "Sku" s ON s."id" = ol."skuId" WHERE ol."orderId" = o."id")`)],
  ]);
  const ticket = q.object([
    ['id', 't."id"'], ['externalId', 't."externalId"'], ['platformId', 't."platformId"'], ['identityId', 't."identityId"'],
    ['status', 't."status"'], ['subject', 't."subject"'], ['orderRef', 't."orderRef"'], ['createdAt', q.ms('t."createdAt"')],
  ]);
  const review = q.object([
    ['id', 'r."id"'], ['platformId', 'r."platformId"'], ['rating', 'r."rating"'], ['title', 'r."title"'], ['createdAt', q.ms('r."createdAt"')], ['sku', 's."code"'],
  ]);
  // Parameters are numbered in text order, which is profileParams()'s order.
  return `
WITH ids AS (SELECT "id" FROM "CustomerIdentity" WHERE "customerId" = ${q.param()} OR "id" = ${q.param()})
SELECT
  (SELECT "displayName" FROM "Customer" WHERE "id" = ${q.param()}) AS ${q.as('displayName')},
  (SELECT ${q.array(identity, 'i."createdAt", i."id"')}
     FROM "CustomerIdentity" i WHERE ${q.inIds('i."id"')}) AS ${q.as('identities')},
  (SELECT ${q.array(link, 'l."id"')}
     FROM "IdentityLink" l WHERE l."customerId" = ${q.param()} OR l."identityId" = ${q.param()}) AS ${q.as('links')},
  (SELECT ${q.array(group, 'g."platformId", g."currency", g."status"')}
     FROM (SELECT "platformId", "currency", "status", SUM("total") AS "total", COUNT(*) AS "n"
             FROM "Order" WHERE ${q.inIds('"identityId"')} GROUP BY "platformId", "currency", "status") g) AS ${q.as('valueGroups')},
  (SELECT ${q.array(order, 'o."orderedAt" DESC, o."id" DESC')}
     FROM (SELECT * FROM "Order" WHERE ${q.inIds('"identityId"')} ORDER BY "orderedAt" DESC, "id" DESC LIMIT ${q.param()} OFFSET ${q.param()}) o) AS ${q.as('orders')},
  (SELECT ${q.array(ticket, 't."createdAt" DESC, t."id" DESC')}
     FROM (SELECT * FROM "Ticket" WHERE ${q.inIds('"identityId"')} AND "status" IN ('open', 'pending')
            ORDER BY "createdAt" DESC, "id" DESC LIMIT ${q.param()}) t) AS ${q.as('tickets')},
  (SELECT COUNT(*) FROM "Ticket" WHERE ${q.inIds('"identityId"')} AND "status" IN ('open', 'pending')) AS ${q.as('ticketCount')},
  (SELECT ${q.array(review, 'r."createdAt" DESC, r."id" DESC')}
     FROM (SELECT * FROM "Review" WHERE ${q.inIds('"identityId"')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${q.param()}) r
     JOIN "Sku" s ON s."id" = r."skuId") AS ${q.as('reviews')},
  (SELECT COUNT(*) FROM "Review" WHERE ${q.inIds('"identityId"')}) AS ${q.as('reviewCount')}
`;
}

/** One row: the display name, counts, and each list as a JSON array (SQLite dialect). */
export const PROFILE_SQL = profileSql('sqlite');

/** The same statement for PostgreSQL. */
export const PROFILE_SQL_POSTGRES = profileSql('postgresql');

const when = z.number().transform((ms) => new Date(ms));
const optionalWhen = z.number().nullable().transform((ms) => (ms === null ? null : new Date(ms)));
const jsonArray = <T extends z.ZodType>(item: T) => z.string().transform((text, ctx) => {
  const parsed = z.array(item).safeParse(JSON.parse(text));
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: 'custom', message: parsed.error.message });
  return z.NEVER;
});

/** The statement's row, parsed (dates from epoch milliseconds, JSON arrays validated). */
export const profileRow = z.object({
  displayName: z.string().nullable(),
  identities: jsonArray(
    z.object({
      id: z.number(),
      platformId: z.number(),
      externalId: z.string(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      emailKind: z.enum(['real', 'relay']).nullable(),
      phone: z.string().nullable(),
      phoneE164: z.string().nullable(),
      addressLine1: z.string().nullable(),
      addressLine2: z.string().nullable(),
      city: z.string().nullable(),
      region: z.string().nullable(),
      postalCode: z.string().nullable(),
      country: z.string().nullable(),
      piiPurgedAt: optionalWhen,
      createdAt: when,
      customerId: z.number().nullable(),
    }),
  ),
  links: jsonArray(
    z.object({
      id: z.number(),
      identityId: z.number(),
      customerId: z.number(),
      evidence: z.unknown(),
      confidence: z.number(),
      method: z.string(),
      createdAt: when,
      createdBy: z.string(),
      removedAt: optionalWhen,
      removedBy: z.string().nullable(),
    }),
  ),
  valueGroups: jsonArray(z.object({ platformId: z.number(), currency: z.string(), status: z.string(), total: z.number(), n: z.number() })),
  orders: jsonArray(
    z.object({
      id: z.number(),
      platformId: z.number(),
      externalId: z.string(),
      orderedAt: when,
      shippedAt: optionalWhen,
      status: z.string(),
      currency: z.string(),
      total: z.number(),
      lines: z.array(z.object({ sku: z.string(), title: z.string(), quantity: z.number() })),
    }),
  ),
  tickets: jsonArray(
    z.object({
      id: z.number(),
      externalId: z.string().nullable(),
      platformId: z.number(),
      identityId: z.number(),
      status: z.string(),
      subject: z.string(),
      orderRef: z.string().nullable(),
      createdAt: when,
    }),
  ),
  ticketCount: z.union([z.number(), z.bigint()]).transform(Number),
  reviews: jsonArray(z.object({ id: z.number(), platformId: z.number(), rating: z.number(), title: z.string(), createdAt: when, sku: z.string() })),
  reviewCount: z.union([z.number(), z.bigint()]).transform(Number),
});

/** A parsed profile row. */
export type ProfileRow = z.output<typeof profileRow>;

/**
 * Identities the current links' evidence points at outside the profile (hints, matches kept
 * apart). Usually none; when there are some, the caller reads them with one more query.
 */
export function outsideIdentityIds(row: ProfileRow): number[] {
  const own = new Set(row.identities.map((i) => i.id));
  const ids = new Set<number>();
  for (const link of row.links) {
    if (link.removedAt !== null || !Array.isArray(link.evidence)) continue;
    for (const e of link.evidence as unknown[]) {
      const other = typeof e === 'object' && e !== null ? (e as { with?: unknown }).with : undefined;
      if (typeof other === 'number' && !own.has(other)) ids.add(other);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
