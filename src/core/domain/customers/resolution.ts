/**
 * Identity resolution, the pure part: from the identities' own data (never from existing
 * links) decide which identities are one person, with the evidence for each decision.
 *
 * 1. Normalise: email (relay ones recognised and never matched), phone to E.164, name and
 *    address keys (normalize.ts).
 * 2. Signals between pairs, found through blocking keys so the work stays linear:
 *    matches (same real email, same phone, compatible name at the same address, an order id
 *    quoted in a ticket) and hints (a shared address under another name, the same name
 *    elsewhere). Hints are recorded, never merged on.
 * 3. Matches are applied strongest first through a union–find that honours people's decisions:
 *    an identity a person unlinked stays alone, one a person linked (or whose PII was purged,
 *    so its evidence is gone) stays with its customer, two such customers are never merged, and
 *    a decided identity never drags others away from the customer they have.
 * 4. Each group gets a customer: its anchored customer, else the customer most of its members
 *    already have (so re-running changes nothing when nothing changed), else a new one.
 */
import { MATCH_CONFIDENCE, linkConfidence, type Evidence, type HintKind, type MatchKind } from './evidence.ts';
import { addressKey, emailFacts, nameKey, namesCompatible, phoneE164 } from './normalize.ts';

/** An identity as resolution sees it. */
export interface IdentityRecord {
  id: number;
  createdAt: Date;
  name: string | null;
  email: string | null;
  emailKind: 'real' | 'relay' | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  country: string | null;
}

/** A ticket on `identityId` that quotes an order placed by `orderIdentityId`. */
export interface QuotedOrder {
  identityId: number;
  ticketId: number;
  order: string;
  orderIdentityId: number;
}

/** A decision resolution must keep: the identity belongs to this customer, or stays alone. */
export type Anchor = { customerId: number } | 'alone';

/** Everything resolution needs. */
export interface ResolutionInput {
  identities: readonly IdentityRecord[];
  quotes?: readonly QuotedOrder[];
  /** Identities whose customer a person decided, or that can no longer be matched (purged). */
  anchors?: ReadonlyMap<number, Anchor>;
  /** The customer each identity has now; only used to keep customer ids stable. */
  current?: ReadonlyMap<number, number | null>;
}

/** The match keys of one identity (stored on it, so lookups can use them). */
export interface IdentityKeys {
  emailKey: string | null;
  /** Whether the email is a real one; relay addresses are looked up but never matched. */
  emailReal: boolean;
  phoneE164: string | null;
  nameKey: string | null;
  addressKey: string | null;
}

/** Where an identity goes: an existing customer, a new one (numbered from 0), or none (kept alone). */
export type Target = { kind: 'existing'; customerId: number } | { kind: 'new'; index: number } | { kind: 'none' };

/** Resolution's answer. */
export interface Resolution {
  keys: Map<number, IdentityKeys>;
  /** The customer of every identity that is not anchored (anchored ones keep theirs). */
  targets: Map<number, Target>;
  /** Members of each new customer, oldest identity first. */
  newCustomers: number[][];
  evidence: Map<number, Evidence[]>;
  /** Null when the evidence gives nothing to judge by (keep the stored confidence). */
  confidence: Map<number, number | null>;
}

/** A blocking key shared by more identities than this is a placeholder, not a person (e.g. a shop's own phone). */
export const MAX_BLOCK = 12;
/** Hints kept per identity. */
export const MAX_HINTS = 5;

/** Derives an identity's match keys. */
export function identityKeys(r: IdentityRecord): IdentityKeys {
  const email = emailFacts(r.email, r.emailKind);
  return {
    emailKey: email?.key ?? null,
    emailReal: email?.kind === 'real',
    phoneE164: phoneE164(r.phone, r.country),
    nameKey: nameKey(r.name),
    addressKey: addressKey(r),
  };
}

/** A signal between two identities (a < b). */
export interface Signal {
  a: number;
  b: number;
  kind: MatchKind | HintKind;
  strong: boolean;
  order?: string;
  ticket?: number;
}

/** Groups ids by a key, skipping missing keys. */
function blocks(ids: readonly number[], keyOf: (id: number) => string | null): number[][] {
  const map = new Map<string, number[]>();
  for (const id of ids) {
    const key = keyOf(id);
    if (key === null) continue;
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  }
  return [...map.values()].filter((list) => list.length > 1 && list.length <= MAX_BLOCK);
}

function pairs(list: readonly number[], visit: (a: number, b: number) => void): void {
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) visit(list[i] as number, list[j] as number);
}

/** Finds every signal between identities. */
export function findSignals(
  identities: readonly IdentityRecord[],
  keys: ReadonlyMap<number, IdentityKeys>,
  quotes: readonly QuotedOrder[] = [],
): Signal[] {
  const ids = identities.map((i) => i.id);
  const key = (id: number) => keys.get(id) as IdentityKeys;
  const signals: Signal[] = [];
  const add = (a: number, b: number, kind: Signal['kind'], extra: Partial<Signal> = {}) => {
    const strong = kind === 'email' || kind === 'phone' || kind === 'name-address' || kind === 'order-ref';
    signals.push({ a: Math.min(a, b), b: Math.max(a, b), kind, strong, ...extra });
  };

  for (const list of blocks(ids, (id) => (key(id).emailReal ? key(id).emailKey : null))) pairs(list, (a, b) => add(a, b, 'email'));
  for (const list of blocks(ids, (id) => key(id).phoneE164)) pairs(list, (a, b) => add(a, b, 'phone'));
  const sameAddress = new Set<string>();
  for (const list of blocks(ids, (id) => key(id).addressKey)) {
    pairs(list, (a, b) => {
      sameAddress.add(`${Math.min(a, b)}:${Math.max(a, b)}`);
      add(a, b, namesCompatible(key(a).nameKey, key(b).nameKey) ? 'name-address' : 'shared-address');
    });
  }
  for (const list of blocks(ids, (id) => key(id).nameKey)) {
    pairs(list, (a, b) => {
      if (!sameAddress.has(`${Math.min(a, b)}:${Math.max(a, b)}`)) add(a, b, 'same-name');
    });
  }
  const known = new Set(ids);
  for (const q of quotes) {
    if (q.identityId === q.orderIdentityId || !known.has(q.identityId) || !known.has(q.orderIdentityId)) continue;
    add(q.identityId, q.orderIdentityId, 'order-ref', { order: q.order, ticket: q.ticketId });
  }
  return signals;
}

/**
 * Union–find whose sets carry an anchor (a decision) and the customers their members have now.
 * Unions that would break a decision are refused: an identity left alone joins nothing, two
 * decided customers never merge, and a decided customer may take in new identities (no customer
 * yet, or already its own) but never pulls identities away from another customer.
 */
class AnchoredSets {
  readonly #parent = new Map<number, number>();
  readonly #anchor = new Map<number, Anchor | null>();
  readonly #current = new Map<number, Set<number>>();

  constructor(ids: readonly number[], anchors: ReadonlyMap<number, Anchor>, current: ReadonlyMap<number, number | null>) {
    for (const id of ids) {
      this.#parent.set(id, id);
      this.#anchor.set(id, anchors.get(id) ?? null);
      const c = current.get(id);
      this.#current.set(id, new Set(c === null || c === undefined ? [] : [c]));
    }
  }

  find(id: number): number {
    let root = id;
    while (this.#parent.get(root) !== root) root = this.#parent.get(root) as number;
    let node = id;
    while (node !== root) {
      const next = this.#parent.get(node) as number;
      this.#parent.set(node, root);
      node = next;
    }
    return root;
  }

  anchorOf(id: number): Anchor | null {
    return this.#anchor.get(this.find(id)) ?? null;
  }

  /** Joins the sets of a and b unless a decision forbids it; true when they end up together. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const x = this.#anchor.get(ra) ?? null;
    const y = this.#anchor.get(rb) ?? null;
    if (x === 'alone' || y === 'alone') return false;
    if (x !== null && y !== null && x.customerId !== y.customerId) return false;
    const decided = x ?? y;
    if (decided !== null) {
      const free = x === null ? ra : y === null ? rb : null;
      const theirs = free === null ? [] : [...(this.#current.get(free) as Set<number>)];
      if (theirs.some((c) => c !== decided.customerId)) return false;
    }
    // The smaller id becomes the root, so the outcome never depends on edge order among equals.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.#parent.set(child, root);
    this.#anchor.set(root, decided);
    this.#current.set(root, new Set([...(this.#current.get(ra) as Set<number>), ...(this.#current.get(rb) as Set<number>)]));
    return true;
  }
}

/** Resolves identities into customers. Deterministic: the same input gives the same answer. */
export function resolveIdentitySet(input: ResolutionInput): Resolution {
  const identities = [...input.identities].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const order = new Map(identities.map((r, i) => [r.id, i]));
  const anchors = input.anchors ?? new Map<number, Anchor>();
  const current = input.current ?? new Map<number, number | null>();
  const keys = new Map(identities.map((r) => [r.id, identityKeys(r)]));
  const signals = findSignals(identities, keys, input.quotes);

  // Identities anchored to the same customer are one group before any evidence is looked at.
  const sets = new AnchoredSets(identities.map((r) => r.id), anchors, current);
  const byAnchor = new Map<number, number>();
  for (const r of identities) {
    const anchor = anchors.get(r.id);
    if (anchor === undefined || anchor === 'alone') continue;
    const first = byAnchor.get(anchor.customerId);
    if (first === undefined) byAnchor.set(anchor.customerId, r.id);
    else sets.union(first, r.id);
  }
  const strong = signals
    .filter((s) => s.strong)
    .sort((x, y) => MATCH_CONFIDENCE[y.kind as MatchKind] - MATCH_CONFIDENCE[x.kind as MatchKind] || x.a - y.a || x.b - y.b);
  for (const s of strong) sets.union(s.a, s.b);

  // Groups, oldest member first; a group with an anchored customer belongs to it.
  const groups = new Map<number, number[]>();
  for (const r of identities) {
    const root = sets.find(r.id);
    const list = groups.get(root);
    if (list) list.push(r.id);
    else groups.set(root, [r.id]);
  }
  const targets = new Map<number, Target>();
  const newCustomers: number[][] = [];
  const open: Array<{ members: number[]; votes: Array<[number, number]> }> = [];
  for (const [root, members] of groups) {
    const anchor = sets.anchorOf(root);
    if (anchor === 'alone') {
      for (const id of members) targets.set(id, { kind: 'none' });
    } else if (anchor !== null) {
      for (const id of members) targets.set(id, { kind: 'existing', customerId: anchor.customerId });
    } else {
      const counts = new Map<number, number>();
      for (const id of members) {
        const c = current.get(id);
        if (c !== null && c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      open.push({ members, votes: [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]) });
    }
  }
  // The group with the strongest claim on a customer keeps it; a split-off part gets a new one.
  // An anchored group does not use up its customer: members that agree with it join it.
  open.sort(
    (x, y) =>
      (y.votes[0]?.[1] ?? 0) - (x.votes[0]?.[1] ?? 0) ||
      y.members.length - x.members.length ||
      (order.get(x.members[0] as number) as number) - (order.get(y.members[0] as number) as number),
  );
  const claimed = new Set<number>();
  for (const group of open) {
    const pick = group.votes.find(([customerId]) => !claimed.has(customerId));
    let target: Target;
    if (pick) {
      claimed.add(pick[0]);
      target = { kind: 'existing', customerId: pick[0] };
    } else {
      target = { kind: 'new', index: newCustomers.length };
      newCustomers.push(group.members);
    }
    for (const id of group.members) targets.set(id, target);
  }

  // Evidence, judged by where identities end up.
  const same = (a: number, b: number): boolean => {
    const x = targets.get(a) as Target;
    const y = targets.get(b) as Target;
    if (x.kind === 'none' || y.kind === 'none') return false;
    if (x.kind === 'existing' && y.kind === 'existing') return x.customerId === y.customerId;
    return x.kind === 'new' && y.kind === 'new' && x.index === y.index;
  };
  const perIdentity = new Map<number, Evidence[]>(identities.map((r) => [r.id, []]));
  // A hint says nothing new about a pair that already has a match.
  const matched = new Set(signals.filter((s) => s.strong).map((s) => `${s.a}:${s.b}`));
  for (const s of signals) {
    if (!s.strong && matched.has(`${s.a}:${s.b}`)) continue;
    for (const [self, other] of [
      [s.a, s.b],
      [s.b, s.a],
    ] as const) {
      const list = perIdentity.get(self) as Evidence[];
      const extra = { ...(s.order === undefined ? {} : { order: s.order }), ...(s.ticket === undefined ? {} : { ticket: s.ticket }) };
      if (!s.strong) list.push({ role: 'hint', kind: s.kind as HintKind, with: other });
      else list.push({ role: same(self, other) ? 'match' : 'kept-apart', kind: s.kind as MatchKind, with: other, ...extra });
    }
  }
  const rank: Record<Evidence['role'], number> = { manual: 0, match: 1, 'only-identity': 2, kept: 2, 'kept-apart': 3, hint: 4 };
  const evidence = new Map<number, Evidence[]>();
  const confidence = new Map<number, number | null>();
  const targetKey = (t: Target | undefined): string => (t === undefined ? '' : t.kind === 'existing' ? `c${t.customerId}` : t.kind === 'new' ? `n${t.index}` : '');
  const memberCount = new Map<string, number>();
  for (const t of targets.values()) memberCount.set(targetKey(t), (memberCount.get(targetKey(t)) ?? 0) + 1);
  for (const r of identities) {
    const list = (perIdentity.get(r.id) as Evidence[]).sort((x, y) => {
      const byRole = rank[x.role] - rank[y.role];
      if (byRole !== 0) return byRole;
      const cx = x.role === 'match' || x.role === 'kept-apart' ? MATCH_CONFIDENCE[x.kind] : 0;
      const cy = y.role === 'match' || y.role === 'kept-apart' ? MATCH_CONFIDENCE[y.kind] : 0;
      return cy - cx || ('with' in x && 'with' in y ? x.with - y.with : 0);
    });
    const hints = list.filter((e) => e.role === 'hint').slice(0, MAX_HINTS);
    const rest = list.filter((e) => e.role !== 'hint');
    // Without a match of its own an identity is either its customer's only one, or kept there
    // beside identities that a person linked or that were purged.
    const alone = (memberCount.get(targetKey(targets.get(r.id))) ?? 1) <= 1;
    const filler: Evidence = alone ? { role: 'only-identity' } : { role: 'kept' };
    const all = rest.some((e) => e.role === 'match') ? [...rest, ...hints] : [filler, ...rest, ...hints];
    evidence.set(r.id, all);
    confidence.set(r.id, linkConfidence(all));
  }
  return { keys, targets, newCustomers, evidence, confidence };
}

/** Identity groups as resolution formed them: one list per customer (existing or new), for evaluation. */
export function groupsOf(resolution: Resolution): number[][] {
  const groups = new Map<string, number[]>();
  for (const [id, target] of resolution.targets) {
    const key = target.kind === 'existing' ? `c${target.customerId}` : target.kind === 'new' ? `n${target.index}` : `alone${id}`;
    const list = groups.get(key);
    if (list) list.push(id);
    else groups.set(key, [id]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a - b));
}

/** Pairwise precision and recall of predicted groups against the true person of each identity. */
export function pairwiseScores(predicted: readonly (readonly number[])[], truth: ReadonlyMap<number, string | number>): {
  precision: number;
  recall: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
} {
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const group of predicted) {
    pairs(group, (a, b) => {
      predictedPairs += 1;
      if (truth.get(a) !== undefined && truth.get(a) === truth.get(b)) correctPairs += 1;
    });
  }
  const people = new Map<string | number, number>();
  for (const person of truth.values()) people.set(person, (people.get(person) ?? 0) + 1);
  let truePairs = 0;
  for (const n of people.values()) truePairs += (n * (n - 1)) / 2;
  return {
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    truePairs,
    predictedPairs,
    correctPairs,
  };
}
