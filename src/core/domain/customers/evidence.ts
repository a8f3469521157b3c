/**
 * The evidence an IdentityLink records, as stored in its `evidence` Json column. Evidence never
 * copies PII: it names the other identity, and a reply reads (and masks) the values from there,
 * so a purge or a masked view can never be bypassed through the link history.
 */
import { z } from 'zod';

/** Signals strong enough to link two identities, strongest first. */
export const MATCH_KINDS = ['email', 'phone', 'name-address', 'order-ref'] as const;
/** A signal that links two identities. */
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Weaker signals: recorded, never merged on alone. */
export const HINT_KINDS = ['shared-address', 'same-name'] as const;
/** A weak signal between two identities. */
export type HintKind = (typeof HINT_KINDS)[number];

/** How sure each match makes us that two identities are one person. */
export const MATCH_CONFIDENCE: Readonly<Record<MatchKind, number>> = {
  email: 0.99,
  phone: 0.97,
  'name-address': 0.93,
  'order-ref': 0.85,
};

const evidenceSchema = z.discriminatedUnion('role', [
  /** A match with an identity of the same customer: why the link holds. */
  z.object({
    role: z.literal('match'),
    kind: z.enum(MATCH_KINDS),
    with: z.number().int(),
    order: z.string().optional(),
    ticket: z.number().int().optional(),
  }),
  /** A match with an identity of another customer that a person's decision keeps apart. */
  z.object({
    role: z.literal('kept-apart'),
    kind: z.enum(MATCH_KINDS),
    with: z.number().int(),
    order: z.string().optional(),
    ticket: z.number().int().optional(),
  }),
  /** A weak signal, recorded but never merged on. */
  z.object({ role: z.literal('hint'), kind: z.enum(HINT_KINDS), with: z.number().int() }),
  /** The customer's only identity so far. */
  z.object({ role: z.literal('only-identity') }),
  /**
   * Stays with its customer without a match of its own: what tied it there involved identities
   * a person linked by hand or whose PII was purged, and nothing in the data contradicts it.
   */
  z.object({ role: z.literal('kept') }),
  /** A person linked it by hand. */
  z.object({ role: z.literal('manual'), by: z.string(), reason: z.string().optional() }),
]);

/** One piece of link evidence. */
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * Reads a stored evidence list. Entries in an older or foreign shape (e.g. written by an import
 * tool) are skipped rather than trusted; the count of skipped ones is returned so a reply can say so.
 */
export function readEvidence(json: unknown): { evidence: Evidence[]; unreadable: number } {
  if (!Array.isArray(json)) return { evidence: [], unreadable: json === null || json === undefined ? 0 : 1 };
  const evidence: Evidence[] = [];
  let unreadable = 0;
  for (const item of json) {
    const parsed = evidenceSchema.safeParse(item);
    if (parsed.success) evidence.push(parsed.data);
    else unreadable += 1;
  }
  return { evidence, unreadable };
}

/**
 * The confidence of a link from its matches: independent signals, 1 − Π(1 − c); 1 for a lone
 * identity; null when there is nothing new to judge by ("kept"), so the stored value stays.
 */
export function linkConfidence(evidence: readonly Evidence[]): number | null {
  const matches = evidence.filter((e): e is Extract<Evidence, { role: 'match' }> => e.role === 'match');
  if (matches.length === 0) return evidence.some((e) => e.role === 'kept') ? null : 1;
  const doubt = matches.reduce((p, m) => p * (1 - MATCH_CONFIDENCE[m.kind]), 1);
  return Math.min(0.999, Math.round((1 - doubt) * 1000) / 1000);
}
