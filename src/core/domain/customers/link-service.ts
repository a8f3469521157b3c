/**
 * Manual links: a person moves an identity to a customer, or takes it off one. Both are
 * reversible (the link history keeps every step, nothing is merged away), audited, and binding
 * on identity resolution, which never re-links what a person unlinked or moves what a person linked.
 */
import type { AuditWriter, Tx } from '../../tool.ts';
import type { Evidence } from './evidence.ts';
import { findSignals, identityKeys, type IdentityRecord } from './resolution.ts';

/** Roles that may link and unlink: the customer-service leads. See README "Customer 360". */
export const CS_LEAD_ROLES = ['manager', 'admin'] as const;

/** How a command names an identity: `I-12`, or `<platform>:<buyer id>`. */
export type IdentityRef = { kind: 'id'; id: number } | { kind: 'buyer'; platform: string; externalId: string };

/** Parses `I-12` or `amazon-us:A1B2C3D4E5F6G7`; null when it is neither. */
export function parseIdentityRef(text: string): IdentityRef | null {
  const id = /^I-?(\d{1,9})$/i.exec(text.trim());
  if (id) return { kind: 'id', id: Number(id[1]) };
  const buyer = /^([a-z0-9]+(?:-[a-z0-9]+)*):(\S{1,64})$/i.exec(text.trim());
  if (buyer) return { kind: 'buyer', platform: (buyer[1] as string).toLowerCase(), externalId: buyer[2] as string };
  return null;
}

/** Parses `C-12`; null when it is not a customer ref. */
export function parseCustomerRef(text: string): number | null {
  const m = /^C-?(\d{1,9})$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** Why a link change was refused; the tool turns each into a message. */
export class LinkError extends Error {
  override name = 'LinkError';
  constructor(
    readonly reason: 'no-identity' | 'no-customer' | 'not-linked' | 'already-linked' | 'changed',
    readonly detail: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}

/** What a link change did. */
export interface LinkChange {
  identityId: number;
  platform: string;
  externalId: string;
  /** The customer before and after. */
  from: number | null;
  to: number | null;
}

const identitySelect = {
  id: true,
  customerId: true,
  externalId: true,
  createdAt: true,
  name: true,
  email: true,
  emailKind: true,
  phone: true,
  addressLine1: true,
  addressLine2: true,
  postalCode: true,
  country: true,
  platform: { select: { code: true } },
} as const;

async function findIdentity(tx: Tx, ref: IdentityRef) {
  const where = ref.kind === 'id' ? { id: ref.id } : { platform: { code: ref.platform }, externalId: ref.externalId };
  const identity = await tx.customerIdentity.findFirst({ where, select: identitySelect });
  if (!identity) throw new LinkError('no-identity', { ref: ref.kind === 'id' ? `I-${ref.id}` : `${ref.platform}:${ref.externalId}` });
  return identity;
}

/** Closes the identity's current link; false when someone else closed it first. */
async function closeActive(tx: Tx, identityId: number, by: string, at: Date): Promise<{ id: number; customerId: number; method: string } | null> {
  const active = await tx.identityLink.findFirst({ where: { identityId, removedAt: null }, orderBy: { id: 'desc' }, select: { id: true, customerId: true, method: true } });
  if (!active) return null;
  const closed = await tx.identityLink.updateMany({ where: { id: active.id, removedAt: null }, data: { removedAt: at, removedBy: by } });
  if (closed.count !== 1) throw new LinkError('changed');
  return active;
}

/** Takes an identity off its customer. It then stands alone until a person links it again. */
export async function unlinkIdentity(
  tx: Tx,
  audit: AuditWriter,
  opts: { ref: IdentityRef; by: string; at: Date; reason?: string },
): Promise<LinkChange> {
  const identity = await findIdentity(tx, opts.ref);
  if (identity.customerId === null) throw new LinkError('not-linked', { ref: `I-${identity.id}` });
  const closed = await closeActive(tx, identity.id, opts.by, opts.at);
  // Guarded on the customer it had, so two people unlinking at once cannot both succeed.
  const moved = await tx.customerIdentity.updateMany({ where: { id: identity.id, customerId: identity.customerId }, data: { customerId: null } });
  if (moved.count !== 1) throw new LinkError('changed');
  await audit({
    action: 'customer.unlink',
    targetType: 'customer-identity',
    targetId: `I-${identity.id}`,
    before: { customerId: identity.customerId, linkId: closed?.id ?? null, method: closed?.method ?? null },
    after: { customerId: null, ...(opts.reason ? { reason: opts.reason } : {}) },
  });
  return { identityId: identity.id, platform: identity.platform.code, externalId: identity.externalId, from: identity.customerId, to: null };
}

/**
 * Links an identity to a customer by hand (moving it when it is linked elsewhere). The link
 * records who did it and why, plus whatever evidence ties the identity to that customer.
 */
export async function linkIdentity(
  tx: Tx,
  audit: AuditWriter,
  opts: { ref: IdentityRef; customerId: number; by: string; at: Date; reason?: string },
): Promise<LinkChange> {
  const identity = await findIdentity(tx, opts.ref);
  const customer = await tx.customer.findUnique({ where: { id: opts.customerId }, select: { id: true } });
  if (!customer) throw new LinkError('no-customer', { ref: `C-${opts.customerId}` });
  if (identity.customerId === opts.customerId) throw new LinkError('already-linked', { ref: `I-${identity.id}`, customer: `C-${opts.customerId}` });

  const members = await tx.customerIdentity.findMany({ where: { customerId: opts.customerId }, select: identitySelect });
  const evidence: Evidence[] = [{ role: 'manual', by: opts.by, ...(opts.reason ? { reason: opts.reason } : {}) }, ...supportingEvidence(identity, members)];

  const closed = await closeActive(tx, identity.id, opts.by, opts.at);
  const moved = await tx.customerIdentity.updateMany({ where: { id: identity.id, customerId: identity.customerId }, data: { customerId: opts.customerId } });
  if (moved.count !== 1) throw new LinkError('changed');
  const link = await tx.identityLink.create({
    data: { identityId: identity.id, customerId: opts.customerId, evidence, confidence: 1, method: 'manual', createdAt: opts.at, createdBy: opts.by },
    select: { id: true },
  });
  await audit({
    action: 'customer.link',
    targetType: 'customer-identity',
    targetId: `I-${identity.id}`,
    before: { customerId: identity.customerId, linkId: closed?.id ?? null },
    after: { customerId: opts.customerId, linkId: link.id, ...(opts.reason ? { reason: opts.reason } : {}) },
  });
  return { identityId: identity.id, platform: identity.platform.code, externalId: identity.externalId, from: identity.customerId, to: opts.customerId };
}

type Row = { id: number; createdAt: Date; name: string | null; email: string | null; emailKind: 'real' | 'relay' | null; phone: string | null; addressLine1: string | null; addressLine2: string | null; postalCode: string | null; country: string | null };

/** What the data says about the identity and the customer's identities, for the manual link's record. */
function supportingEvidence(identity: Row, members: readonly Row[]): Evidence[] {
  const records: IdentityRecord[] = [identity, ...members.filter((m) => m.id !== identity.id)];
  const keys = new Map(records.map((r) => [r.id, identityKeys(r)]));
  const signals = findSignals(records, keys).filter((s) => s.a === identity.id || s.b === identity.id);
  const matched = new Set(signals.filter((s) => s.strong).map((s) => (s.a === identity.id ? s.b : s.a)));
  const out: Evidence[] = [];
  for (const s of signals) {
    const other = s.a === identity.id ? s.b : s.a;
    if (s.kind === 'email' || s.kind === 'phone' || s.kind === 'name-address' || s.kind === 'order-ref') out.push({ role: 'match', kind: s.kind, with: other });
    else if (!matched.has(other)) out.push({ role: 'hint', kind: s.kind, with: other });
  }
  return out;
}
