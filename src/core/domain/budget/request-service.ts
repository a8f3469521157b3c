/**
 * Budget change requests and their approval. The rules:
 * - only managers and admins decide (declared on the tools, enforced by the pipeline);
 * - nobody decides their own request;
 * - at or above the threshold, two different approvers are needed;
 * - a request is tied to the budget version it was made from; if the budget moved since,
 *   approval is refused as stale;
 * - concurrent clicks apply a change exactly once: every decision first locks the request row
 *   with a conditional update (a no-op UPDATE … WHERE status = 'pending', which serialises
 *   deciders on PostgreSQL as SQLite's single writer does), and the budget itself is updated
 *   only WHERE version = the request's base version;
 * - pending requests expire; an expired request can be neither approved nor rejected.
 * Applying writes the budget, a ledger entry and an AuditEvent with before and after, together.
 */
import { Prisma } from '../../../generated/prisma/client.ts';
import type { Db } from '../../../persistence/db.ts';
import type { AuditWriter, Tx } from '../../tool.ts';
import { Refusal } from '../planning/refusal.ts';

/** "BR-12". */
export function requestLabel(id: number): string {
  return `BR-${id}`;
}

/** The id in "BR-12" / "br12"; null when it is not one. */
export function parseRequestLabel(text: string): number | null {
  const m = /^BR-?(\d{1,9})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** Approvals a change needs: two at or above the threshold, in either direction. */
export function requiredApprovals(delta: number, threshold: number): number {
  return Math.abs(delta) >= threshold ? 2 : 1;
}

/** A request with what the tools show of it. */
export interface RequestView {
  id: number;
  label: string;
  budgetId: number;
  period: string;
  platform: string;
  purpose: string;
  delta: number;
  reason: string;
  requester: { id: number; name: string; handle: string };
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  baseVersion: number;
  requiredApprovals: number;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  approvals: Array<{ deciderId: number; name: string; at: Date }>;
  rejection: { name: string; at: Date; reason: string | null } | null;
  budget: { amount: number; version: number; updatedAt: Date };
}

const requestInclude = {
  budget: { include: { platform: { select: { code: true } } } },
  requester: { select: { id: true, name: true, handle: true } },
  decisions: { include: { decider: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
} as const;

type RequestRow = Prisma.BudgetChangeRequestGetPayload<{ include: typeof requestInclude }>;

function view(r: RequestRow): RequestView {
  const rejected = r.decisions.find((d) => d.decision === 'reject');
  return {
    id: r.id,
    label: requestLabel(r.id),
    budgetId: r.budgetId,
    period: r.budget.period,
    platform: r.budget.platform.code,
    purpose: r.budget.purpose,
    delta: Number(r.delta),
    reason: r.reason,
    requester: r.requester,
    status: r.status,
    baseVersion: r.baseVersion,
    requiredApprovals: r.requiredApprovals,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    decidedAt: r.decidedAt,
    approvals: r.decisions.filter((d) => d.decision === 'approve').map((d) => ({ deciderId: d.deciderId, name: d.decider.name, at: d.createdAt })),
    rejection: rejected ? { name: rejected.decider.name, at: rejected.createdAt, reason: rejected.reason } : null,
    budget: { amount: Number(r.budget.amount), version: r.budget.version, updatedAt: r.budget.updatedAt },
  };
}

/** One request; null when there is none. */
export async function readRequest(db: Db | Tx, id: number): Promise<RequestView | null> {
  const row = await db.budgetChangeRequest.findUnique({ where: { id }, include: requestInclude });
  return row ? view(row) : null;
}

/** Requests matching `where`, newest first. */
export async function listRequests(db: Db | Tx, where: Prisma.BudgetChangeRequestWhereInput, take = 20): Promise<RequestView[]> {
  const rows = await db.budgetChangeRequest.findMany({ where, include: requestInclude, orderBy: { id: 'desc' }, take });
  return rows.map(view);
}

/** What a new request needs. */
export interface NewRequest {
  budgetId: number;
  baseVersion: number;
  delta: number;
  reason: string;
  requesterId: number;
  now: Date;
  ttlHours: number;
  threshold: number;
}

/** Creates a pending request and returns its id. */
export async function createRequest(tx: Tx, r: NewRequest): Promise<number> {
  const row = await tx.budgetChangeRequest.create({
    data: {
      budgetId: r.budgetId,
      delta: new Prisma.Decimal(r.delta),
      reason: r.reason,
      requesterId: r.requesterId,
      baseVersion: r.baseVersion,
      requiredApprovals: requiredApprovals(r.delta, r.threshold),
      createdAt: r.now,
      expiresAt: new Date(r.now.getTime() + r.ttlHours * 3_600_000),
    },
    select: { id: true },
  });
  return row.id;
}

/** Who decides. */
export interface Decider {
  id: number;
  name: string;
}

/** What a decision did. */
export type DecisionResult =
  | { kind: 'approved'; request: RequestView; before: number; after: number; version: number }
  | { kind: 'recorded'; request: RequestView; approvals: number }
  | { kind: 'rejected'; request: RequestView; reason: string };

/**
 * Records `decider`'s decision on request `id` inside the caller's transaction and, when it
 * completes the approvals, applies the change. Throws {@link Refusal} (rolling everything back)
 * when the rules say no.
 */
export async function decideRequest(
  tx: Tx,
  d: { id: number; decider: Decider; decision: 'approve' | 'reject'; reason: string | null; now: Date; audit: AuditWriter },
): Promise<DecisionResult> {
  const label = requestLabel(d.id);
  // Lock first: of concurrent deciders, the others wait here and then see the outcome.
  const { count: locked } = await tx.budgetChangeRequest.updateMany({ where: { id: d.id, status: 'pending' }, data: { status: 'pending' } });
  const request = await readRequest(tx, d.id);
  if (!request) throw new Refusal('not-found', { id: label });
  if (locked === 0 || request.status !== 'pending') {
    if (request.status === 'expired') throw new Refusal('expired', { id: label, at: request.expiresAt.toISOString() });
    const last = request.status === 'rejected' ? request.rejection : request.approvals.at(-1);
    throw new Refusal('already-decided', {
      id: label,
      status: request.status,
      by: request.status === 'approved' ? request.approvals.map((a) => a.name).join(' & ') : (last?.name ?? null),
      at: (request.decidedAt ?? last?.at ?? null)?.toISOString() ?? null,
      reason: request.rejection?.reason ?? null,
    });
  }
  if (request.expiresAt <= d.now) throw new Refusal('expired', { id: label, at: request.expiresAt.toISOString() });
  if (request.requester.id === d.decider.id) throw new Refusal('own-request', { id: label });
  const mine = request.approvals.find((a) => a.deciderId === d.decider.id);
  if (mine) throw new Refusal('already-voted', { id: label, at: mine.at.toISOString(), needed: request.requiredApprovals - request.approvals.length });
  if (d.decision === 'approve' && request.budget.version !== request.baseVersion) {
    throw new Refusal('stale-budget', { id: label, base: request.baseVersion, version: request.budget.version, at: request.budget.updatedAt.toISOString() });
  }

  await tx.approvalDecision.create({ data: { requestId: d.id, deciderId: d.decider.id, decision: d.decision, reason: d.reason, createdAt: d.now } });

  if (d.decision === 'reject') {
    await tx.budgetChangeRequest.updateMany({ where: { id: d.id, status: 'pending' }, data: { status: 'rejected', decidedAt: d.now } });
    await d.audit({ action: 'budget.reject', targetType: 'budget-request', targetId: label, before: { status: 'pending' }, after: { status: 'rejected', reason: d.reason } });
    const done = (await readRequest(tx, d.id)) as RequestView;
    return { kind: 'rejected', request: done, reason: d.reason ?? '' };
  }

  const approvals = request.approvals.length + 1;
  if (approvals < request.requiredApprovals) {
    await d.audit({ action: 'budget.approval', targetType: 'budget-request', targetId: label, before: { approvals: approvals - 1 }, after: { approvals, required: request.requiredApprovals } });
    return { kind: 'recorded', request: (await readRequest(tx, d.id)) as RequestView, approvals };
  }

  const budget = await tx.budget.findUniqueOrThrow({ where: { id: request.budgetId }, select: { amount: true, version: true } });
  const after = budget.amount.plus(new Prisma.Decimal(request.delta));
  if (after.isNegative()) throw new Refusal('below-zero', { id: label, amount: Number(budget.amount), delta: request.delta });
  const { count: moved } = await tx.budget.updateMany({
    where: { id: request.budgetId, version: request.baseVersion },
    data: { amount: after, version: { increment: 1 }, updatedAt: d.now },
  });
  if (moved !== 1) throw new Refusal('stale-budget', { id: label, base: request.baseVersion, version: budget.version, at: null });
  const { count: closed } = await tx.budgetChangeRequest.updateMany({ where: { id: d.id, status: 'pending' }, data: { status: 'approved', decidedAt: d.now } });
  if (closed !== 1) throw new Error(`request ${label} changed while locked`);
  await tx.budgetLedgerEntry.create({
    data: { budgetId: request.budgetId, requestId: d.id, delta: new Prisma.Decimal(request.delta), before: budget.amount, after, createdAt: d.now },
  });
  await d.audit({
    action: 'budget.approve',
    targetType: 'budget',
    targetId: `${request.period}:${request.platform}:${request.purpose}`,
    before: { amount: budget.amount.toString(), version: budget.version, request: label },
    after: { amount: after.toString(), version: budget.version + 1, request: label, approvedBy: [...request.approvals.map((a) => a.name), d.decider.name] },
  });
  return { kind: 'approved', request: (await readRequest(tx, d.id)) as RequestView, before: Number(budget.amount), after: after.toNumber(), version: budget.version + 1 };
}

/**
 * Marks pending requests past their expiry as expired, each with an AuditEvent, and returns
 * how many. Run on a schedule; decisions also check expiry themselves, so a late run is harmless.
 */
export async function expirePendingRequests(db: Db, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.budgetChangeRequest.findMany({ where: { status: 'pending', expiresAt: { lte: now } }, select: { id: true } });
    let expired = 0;
    for (const { id } of due) {
      const { count } = await tx.budgetChangeRequest.updateMany({ where: { id, status: 'pending', expiresAt: { lte: now } }, data: { status: 'expired', decidedAt: now } });
      if (count !== 1) continue;
      expired += 1;
      await tx.auditEvent.create({
        data: { at: now, actor: 'system', action: 'budget.expire', targetType: 'budget-request', targetId: requestLabel(id), before: { status: 'pending' }, after: { status: 'expired' }, via: 'job' },
      });
    }
    return expired;
 }, { maxWait: 30_000, timeout: 60_000 });
}
