/**
 * Evidence and identities as text for a reader, with PII already masked for their role. Shared
 * by the customer tools; the values come from the identities, never from the stored evidence.
 */
import type { Translate } from '../../i18n/index.ts';
import type { Evidence } from '../../domain/customers/evidence.ts';
import type { PiiView } from '../../domain/customers/masking.ts';
import type { OtherIdentity, ProfileIdentity } from '../../domain/customers/profile.ts';

/** "amazon-us I-1", and the customer when it is another one: "amazon-us I-9 (C-5)". */
function who(t: Translate, id: number, mine: ReadonlyMap<number, ProfileIdentity>, others: ReadonlyMap<number, OtherIdentity>): string {
  const own = mine.get(id);
  if (own) return t('customer.ev.identity', { platform: own.platform, ref: `I-${id}` });
  const other = others.get(id);
  if (!other) return `I-${id}`;
  const base = t('customer.ev.identity', { platform: other.platform, ref: `I-${id}` });
  return other.customerId === null ? t('customer.ev.unlinked', { identity: base }) : t('customer.ev.ofCustomer', { identity: base, customer: `C-${other.customerId}` });
}

/** One match with another identity, as a phrase ("same phone (+1 415 555 0123)"). */
function matchPhrase(t: Translate, view: PiiView, self: ProfileIdentity, e: Extract<Evidence, { role: 'match' | 'kept-apart' }>): string {
  switch (e.kind) {
    case 'email':
      return self.email ? t('customer.ev.email', { email: view.email(self.email) }) : t('customer.ev.emailGone');
    case 'phone':
      return self.phoneE164 ? t('customer.ev.phone', { phone: view.phoneE164(self.phoneE164) }) : t('customer.ev.phoneGone');
    case 'name-address':
      return t('customer.ev.nameAddress');
    case 'order-ref':
      return t('customer.ev.orderRef', { order: e.order ?? '?', ticket: e.ticket === undefined ? '?' : `T-${e.ticket}` });
  }
}

/**
 * The evidence of `self`'s link as sentences, one per other identity it is compared with:
 * "amazon-us I-1: same phone (+1 415 555 0123), same name and address".
 */
export function describeEvidence(
  t: Translate,
  view: PiiView,
  self: ProfileIdentity,
  evidence: readonly Evidence[],
  mine: ReadonlyMap<number, ProfileIdentity>,
  others: ReadonlyMap<number, OtherIdentity>,
): string[] {
  const out: string[] = [];
  const manual: string[] = [];
  const grouped = new Map<string, { role: 'match' | 'kept-apart'; other: number; phrases: string[] }>();
  for (const e of evidence) {
    switch (e.role) {
      case 'only-identity':
        out.push(t('customer.ev.only'));
        break;
      case 'kept':
        out.push(t('customer.ev.kept'));
        break;
      case 'manual':
        manual.push(e.reason ? t('customer.ev.manualReason', { by: e.by, reason: e.reason }) : t('customer.ev.manual', { by: e.by }));
        break;
      case 'hint':
        out.push(t(e.kind === 'shared-address' ? 'customer.ev.hintAddress' : 'customer.ev.hintName', { other: who(t, e.with, mine, others) }));
        break;
      case 'match':
      case 'kept-apart': {
        // A match with an identity that has left this customer since (a person unlinked or
        // moved it) no longer holds the link: it is shown as kept apart until resolution re-runs.
        const role = e.role === 'match' && !mine.has(e.with) ? 'kept-apart' : e.role;
        const key = `${role}:${e.with}`;
        const group = grouped.get(key) ?? { role, other: e.with, phrases: [] };
        group.phrases.push(matchPhrase(t, view, self, e));
        grouped.set(key, group);
        break;
      }
    }
  }
  const groups = [...grouped.values()];
  const sentence = (g: (typeof groups)[number]) => t('customer.ev.with', { other: who(t, g.other, mine, others), matches: g.phrases.join(', ') });
  // A person's decision first, then matches (why the link holds), notes and hints, then matches kept apart.
  return [
    ...manual,
    ...groups.filter((g) => g.role === 'match').map(sentence),
    ...out,
    ...groups.filter((g) => g.role === 'kept-apart').map((g) => t('customer.ev.keptApart', { match: sentence(g) })),
  ];
}
