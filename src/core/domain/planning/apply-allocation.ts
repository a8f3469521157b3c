/**
 * Applies a stored allocation proposal: every platform's ChannelAllocation in one transaction,
 * each row only if it is still at the version the proposal was computed from, and never more
 * than the SKU has available now. Concurrent clicks: the proposal is claimed with a conditional
 * update first, so exactly one applies it and the rest learn who did.
 */
import type { AuditWriter, Tx } from '../../tool.ts';
import { claimProposal, proposalLabel, readProposal } from './proposal-service.ts';
import { Refusal } from './refusal.ts';

/** One line of a stored allocation proposal. */
export interface AllocationProposalLine {
  platformId: number;
  platform: string;
  current: number;
  quantity: number;
}

/** What an allocation proposal was computed from. */
export interface AllocationProposalBasis {
  skuId: number;
  sku: string;
  /** ChannelAllocation.version per platform code; null where no row existed. */
  versions: Record<string, number | null>;
  available: number;
}

/** What changed. */
export interface AppliedAllocation {
  proposal: string;
  sku: string;
  lines: Array<{ platform: string; before: number; after: number }>;
}

/** Applies allocation proposal `id` for `actorRef`; throws {@link Refusal} when it may not. */
export async function applyAllocationProposal(tx: Tx, id: number, actorRef: string, now: Date, audit: AuditWriter): Promise<AppliedAllocation> {
  const label = proposalLabel('allocation', id);
  const claimed = await claimProposal(tx, 'allocation', id, actorRef, now);
  const proposal = await readProposal<AllocationProposalLine[], AllocationProposalBasis>(tx, 'allocation', id);
  if (!proposal) throw new Refusal('not-found', { id: label });
  if (!claimed) {
    if (proposal.status === 'applied') {
      throw new Refusal('already-applied', { id: label, by: proposal.appliedBy, at: proposal.appliedAt?.toISOString() ?? null, sku: proposal.subject });
    }
    throw new Refusal('expired', { id: label, at: proposal.expiresAt.toISOString(), sku: proposal.subject });
  }
  const { basis, lines } = proposal;

  const levels = await tx.stockLevel.findMany({ where: { skuId: basis.skuId }, select: { onHand: true, reserved: true } });
  const available = levels.reduce((a, l) => a + Math.max(0, l.onHand - l.reserved), 0);
  const total = lines.reduce((a, l) => a + l.quantity, 0);
  if (total > available) throw new Refusal('over-stock', { id: label, sku: basis.sku, available, total });

  const rows = await tx.channelAllocation.findMany({ where: { skuId: basis.skuId }, select: { platformId: true, quantity: true, version: true, updatedBy: true, updatedAt: true } });
  const byPlatform = new Map(rows.map((r) => [r.platformId, r]));
  const applied: AppliedAllocation['lines'] = [];
  for (const line of lines) {
    const expected = basis.versions[line.platform] ?? null;
    const row = byPlatform.get(line.platformId);
    const stale = (): Refusal =>
      new Refusal('stale', { id: label, sku: basis.sku, platform: line.platform, by: row?.updatedBy ?? null, at: row?.updatedAt.toISOString() ?? null });
    if (expected === null) {
      if (row) throw stale();
      await tx.channelAllocation.create({ data: { skuId: basis.skuId, platformId: line.platformId, quantity: line.quantity, updatedBy: actorRef } });
    } else {
      const { count } = await tx.channelAllocation.updateMany({
        where: { skuId: basis.skuId, platformId: line.platformId, version: expected },
        data: { quantity: line.quantity, version: { increment: 1 }, updatedBy: actorRef },
      });
      if (count !== 1) throw stale();
    }
    applied.push({ platform: line.platform, before: row?.quantity ?? 0, after: line.quantity });
  }

  await audit({
    action: 'allocation.apply',
    targetType: 'sku',
    targetId: basis.sku,
    before: { proposal: label, allocation: Object.fromEntries(applied.map((l) => [l.platform, l.before])) },
    after: { proposal: label, allocation: Object.fromEntries(applied.map((l) => [l.platform, l.after])) },
  });
  return { proposal: label, sku: basis.sku, lines: applied };
}
