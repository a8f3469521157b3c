/**
 * A rule refused an action (stale suggestion, request already decided, own request…). Domain
 * services throw it, inside a transaction when a write must be rolled back; tools turn its
 * code and facts into a message in the user's language.
 */

/** Why an action was refused. */
export type RefusalCode =
  | 'not-found'
  | 'expired'
  | 'already-applied'
  | 'stale'
  | 'over-stock'
  | 'already-decided'
  | 'own-request'
  | 'already-voted'
  | 'stale-budget'
  | 'below-zero';

/** An expected refusal with the facts a message needs. */
export class Refusal extends Error {
  override name = 'Refusal';

  constructor(
    readonly code: RefusalCode,
    readonly facts: Readonly<Record<string, string | number | null>> = {},
  ) {
    super(code);
  }
}
