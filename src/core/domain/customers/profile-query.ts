/**
 * The profile in one SQL statement. Why raw SQL here: a profile needs ten reads (identities,
 * links, value, a page of orders with their lines, tickets, reviews, counts), and through the
 * Prisma client each read pays a fixed cost (query compilation and the driver round trip) far
 * above what SQLite spends answering it. One statement that returns each part as a JSON array
 * pays that cost once. Every part reads through an index; arrays are ordered inside the
 * aggregate (SQLite ≥ 3.44), so results are deterministic. SQLite dialect (json_group_array);
 * a PostgreSQL port swaps it for json_agg.
 *
 * The same text is what the benchmark runs through better-sqlite3 as "the same lookup as raw SQL".
 */
import { z } from 'zod';
import type { Subject } from './lookup.ts';

/** Parameters, in order, for {@link PROFILE_SQL}. */
export function profileParams(subject: Subject, offset: number, limit: number, reviews: number, tickets: number): number[] {
  // -1 matches no row: a customer profile has no single identity and vice versa.
  const customerId = subject.kind === 'customer' ? subject.customerId : -1;
  const identityId = subject.kind === 'identity' ? subject.identityId : -1;
  return [customerId, identityId, customerId, customerId, identityId, limit, offset, tickets, reviews];
}

/** One row: the display name, counts, and each list as a JSON array. */
export const PROFILE_SQL = `
WITH ids AS (SELECT "id" FROM "CustomerIdentity" WHERE "customerId" = ? OR "id" = ?)
SELECT
  (SELECT "displayName" FROM "Customer" WHERE "id" = ?) AS displayName,
  (SELECT json_group_array(json_object(
      'id', i."id", 'platformId', i."platformId", 'externalId', i."externalId", 'name', i."name",
      'email', i."email", 'emailKind', i."emailKind", 'phone', i."phone", 'phoneE164', i."phoneE164",
      'addressLine1', i."addressLine1", 'addressLine2', i."addressLine2", 'city', i."city", 'region', i."region",
      'postalCode', i."postalCode", 'country', i."country", 'piiPurgedAt', i."piiPurgedAt", 'createdAt', i."createdAt",
      'customerId', i."customerId") ORDER BY i."createdAt", i."id")
     FROM "CustomerIdentity" i WHERE i."id" IN ids) AS identities,
  (SELECT json_group_array(json_object(
      'id', l."id", 'identityId', l."identityId", 'customerId', l."customerId", 'evidence', json(l."evidence"),
      'confidence', l."confidence", 'method', l."method", 'createdAt', l."createdAt", 'createdBy', l."createdBy",
      'removedAt', l."removedAt", 'removedBy', l."removedBy") ORDER BY l."id")
     FROM "IdentityLink" l WHERE l."customerId" = ? OR l."identityId" = ?) AS links,
  (SELECT json_group_array(json_object('platformId', g."platformId", 'currency', g."currency", 'status', g."status", 'total', g."total", 'n', g."n")
            ORDER BY g."platformId", g."currency", g."status")
     FROM (SELECT "platformId", "currency", "status", SUM("total") AS "total", COUNT(*) AS "n"
             FROM "Order" WHERE "identityId" IN ids GROUP BY "platformId", "currency", "status") g) AS valueGroups,
  (SELECT json_group_array(json_object(
      'id', o."id", 'platformId', o."platformId", 'externalId', o."externalId", 'orderedAt', o."orderedAt",
      'shippedAt', o."shippedAt", 'status', o."status", 'currency', o."currency", 'total', o."total",
      'lines', json((SELECT json_group_array(json_object('sku', COALESCE(s."code", ol."externalSku"), 'title', ol."title", 'quantity', ol."quantity") ORDER BY ol."id")
                       FROM "OrderLine" ol LEFT JOIN "Sku" s ON s."id" = ol."skuId" WHERE ol."orderId" = o."id")))
      ORDER BY o."orderedAt" DESC, o."id" DESC)
     FROM (SELECT * FROM "Order" WHERE "identityId" IN ids ORDER BY "orderedAt" DESC, "id" DESC LIMIT ? OFFSET ?) o) AS orders,
  (SELECT json_group_array(json_object(
      'id', t."id", 'externalId', t."externalId", 'platformId', t."platformId", 'identityId', t."identityId",
      'status', t."status", 'subject', t."subject", 'orderRef', t."orderRef", 'createdAt', t."createdAt")
      ORDER BY t."createdAt" DESC, t."id" DESC)
     FROM (SELECT * FROM "Ticket" WHERE "identityId" IN ids AND "status" IN ('open', 'pending')
            ORDER BY "createdAt" DESC, "id" DESC LIMIT ?) t) AS tickets,
  (SELECT COUNT(*) FROM "Ticket" WHERE "identityId" IN ids AND "status" IN ('open', 'pending')) AS ticketCount,
  (SELECT json_group_array(json_object(
      'id', r."id", 'platformId', r."platformId", 'rating', r."rating", 'title', r."title", 'createdAt', r."createdAt", 'sku', s."code")
      ORDER BY r."createdAt" DESC, r."id" DESC)
     FROM (SELECT * FROM "Review" WHERE "identityId" IN ids ORDER BY "createdAt" DESC, "id" DESC LIMIT ?) r
     JOIN "Sku" s ON s."id" = r."skuId") AS reviews,
  (SELECT COUNT(*) FROM "Review" WHERE "identityId" IN ids) AS reviewCount
`;

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
