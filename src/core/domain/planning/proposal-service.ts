/**
 * Stored suggestions (PlanProposal): an allocation (AP-<id>) or a budget split (BS-<id>) kept
 * exactly as shown, so its button acts on those numbers and only once.
 */
import type { Db } from '../../../persistence/db.ts';
import type { Tx } from '../../tool.ts';

/** Hours a suggestion can be applied after it was made; stock and money move on. */
export const PROPOSAL_TTL_HOURS = 24;

/** The kinds and their prefixes. */
export const PROPOSAL_PREFIX = { allocation: 'AP', budget: 'BS' } as const;
export type ProposalKind = keyof typeof PROPOSAL_PREFIX;

/** "AP-12" for an allocation proposal 12. */
export function proposalLabel(kind: ProposalKind, id: number): string {
  return `${PROPOSAL_PREFIX[kind]}-${id}`;
}

/** The id in "AP-12" / "ap12" for the given kind; null when it is not one. */
export function parseProposalLabel(kind: ProposalKind, text: string): number | null {
  const m = new RegExp(`^${PROPOSAL_PREFIX[kind]}-?(\\d{1,9})$`, 'i').exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** A proposal as stored. */
export interface StoredProposal<L, B> {
  id: number;
  kind: ProposalKind;
  subject: string;
  lines: L;
  basis: B;
  status: 'open' | 'applied';
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  appliedBy: string | null;
  appliedAt: Date | null;
}

/** Saves a suggestion and returns its id. */
export async function saveProposal(db: Db | Tx, p: { kind: ProposalKind; subject: string; lines: unknown; basis: unknown; createdBy: string; now: Date }): Promise<number> {
  const row = await db.planProposal.create({
    data: {
      kind: p.kind,
      subject: p.subject,
      lines: JSON.parse(JSON.stringify(p.lines)) as object,
      basis: JSON.parse(JSON.stringify(p.basis)) as object,
      createdBy: p.createdBy,
      createdAt: p.now,
      expiresAt: new Date(p.now.getTime() + PROPOSAL_TTL_HOURS * 3_600_000),
    },
    select: { id: true },
  });
  return row.id;
}

/** Reads a proposal of a kind; null when there is none. */
export async function readProposal<L, B>(db: Db | Tx, kind: ProposalKind, id: number): Promise<StoredProposal<L, B> | null> {
  const row = await db.planProposal.findFirst({ where: { id, kind } });
  if (!row) return null;
  return { ...row, kind: row.kind, status: row.status, lines: row.lines as L, basis: row.basis as B };
}

/**
 * Claims an open, unexpired proposal for applying: a conditional update, so of many
 * concurrent clicks exactly one gets `true`.
 */
export async function claimProposal(tx: Tx, kind: ProposalKind, id: number, by: string, now: Date): Promise<boolean> {
  const { count } = await tx.planProposal.updateMany({
    where: { id, kind, status: 'open', expiresAt: { gt: now } },
    data: { status: 'applied', appliedBy: by, appliedAt: now },
  });
  return count === 1;
}
