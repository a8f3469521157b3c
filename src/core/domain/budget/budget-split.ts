/**
 * Splits an ads budget across platforms. Pure: no I/O.
 *
 * - A fixed exploration share goes to platforms in the "new" stage, by market potential: their
 *   numbers are too young to compete on, and not trying them is how a brand stays on one
 *   marketplace.
 * - The rest follows measured performance: money goes, in small steps, wherever the next
 *   dollar brings the most revenue on that platform's diminishing-returns curve, weighted by
 *   market potential and stage, and cut where the platform's key SKUs lack stock cover
 *   (advertising what will stock out is waste). Steps stop at twice the highest spend the
 *   platform has had, because the curve is a guess beyond its data.
 * - With fewer than two platforms that have ad data it falls back to the playbook's prior:
 *   60 % to the leader, 30 % to the second, 10 % to exploring the rest, and says so.
 * Every line carries the reasons that produced it.
 */
import type { PlatformStage } from '../planning/safety-stock.ts';
import { marginalReturn, type ResponseCurve } from './response-curve.ts';

/** Share of the total kept for new platforms. */
export const EXPLORATION_SHARE = 0.1;
/** The playbook's prior: leader, second, exploring. */
export const PRIOR = { leader: 0.6, second: 0.3, explore: 0.1 } as const;
/** The curve is trusted up to this multiple of the highest weekly spend seen. */
export const CURVE_TRUST = 2;
/** Spend is cut by up to this share when all of a platform's key SKUs lack cover. */
export const STOCK_PENALTY = 0.7;
/** Steps of the greedy split. */
const STEPS = 500;

/** What is known about one platform's ads. */
export interface PlatformPerformance {
  code: string;
  stage: PlatformStage;
  /** 1 (small) .. 5 (large). */
  marketPotential: number;
  /** The period's ads budget today (USD); null when there is no line. */
  current: number | null;
  /** Last 30 days, USD. */
  spend30: number;
  revenue30: number;
  /** Weekly spend → weekly attributed revenue, USD; null without data. */
  curve: ResponseCurve | null;
  /** Revenue share (0..1) of its key SKUs that lack stock cover, and which they are. */
  shortShare: number;
  shortSkus: readonly string[];
}

/** Why a line is what it is. */
export type BudgetReason =
  | { kind: 'roas'; roas30: number; marginal: number }
  | { kind: 'assumed-curve'; b: number }
  | { kind: 'potential'; potential: number; stage: PlatformStage }
  | { kind: 'stock-short'; skus: readonly string[]; share: number }
  | { kind: 'capped'; monthly: number }
  | { kind: 'exploration'; share: number }
  | { kind: 'prior'; role: 'leader' | 'second' | 'explore' }
  | { kind: 'no-ads-data' };

/** One platform's share. */
export interface BudgetLine {
  code: string;
  amount: number;
  share: number;
  current: number | null;
  change: number | null;
  roas30: number | null;
  /** Revenue per extra dollar at the suggested spend. */
  marginalRoas: number | null;
  reasons: BudgetReason[];
}

/** The split. */
export interface BudgetSplit {
  basis: 'model' | 'prior';
  total: number;
  lines: BudgetLine[];
}

/** Weight of a platform for the performance split: market potential and stage. */
export function platformWeight(p: Pick<PlatformPerformance, 'marketPotential' | 'stage'>): number {
  const potential = 0.8 + 0.1 * Math.min(5, Math.max(1, p.marketPotential));
  const stage = p.stage === 'growing' ? 1.1 : 1;
  return potential * stage;
}

/** Splits `total` (USD) for a period of `days` days. */
export function splitBudget(input: { total: number; days: number; platforms: readonly PlatformPerformance[]; explorationShare?: number }): BudgetSplit {
  const { total, days } = input;
  const established = input.platforms.filter((p) => p.stage !== 'new');
  const modelled = established.filter((p) => p.curve !== null && p.spend30 > 0);
  if (modelled.length < 2) return priorSplit(total, input.platforms);

  const newOnes = input.platforms.filter((p) => p.stage === 'new');
  const exploreShare = newOnes.length > 0 ? (input.explorationShare ?? EXPLORATION_SHARE) : 0;
  const amounts = new Map<string, number>();
  const reasons = new Map<string, BudgetReason[]>(input.platforms.map((p) => [p.code, []]));

  const potentialSum = newOnes.reduce((a, p) => a + p.marketPotential, 0);
  for (const p of newOnes) {
    amounts.set(p.code, (total * exploreShare * p.marketPotential) / Math.max(1, potentialSum));
    reasons.get(p.code)?.push({ kind: 'exploration', share: exploreShare });
  }

  const weekly = (monthly: number): number => (monthly * 7) / days;
  const monthlyOf = (weeklySpend: number): number => (weeklySpend * days) / 7;
  const factor = new Map(modelled.map((p) => [p.code, platformWeight(p) * (1 - STOCK_PENALTY * p.shortShare)]));
  const cap = new Map(modelled.map((p) => [p.code, monthlyOf(CURVE_TRUST * (p.curve?.maxSpend ?? 0))]));
  let left = total * (1 - exploreShare);
  const step = left / STEPS;
  for (const p of modelled) amounts.set(p.code, 0);
  while (left > 1e-9) {
    let best: PlatformPerformance | null = null;
    let bestValue = -1;
    for (const p of modelled) {
      const amount = amounts.get(p.code) ?? 0;
      if (amount + 1e-9 >= (cap.get(p.code) ?? 0)) continue;
      const value = (factor.get(p.code) ?? 1) * marginalReturn(p.curve as ResponseCurve, weekly(amount + step / 2));
      if (value > bestValue) {
        best = p;
        bestValue = value;
      }
    }
    if (!best) break;
    const give = Math.min(step, left, (cap.get(best.code) ?? 0) - (amounts.get(best.code) ?? 0));
    amounts.set(best.code, (amounts.get(best.code) ?? 0) + give);
    left -= give;
  }
  if (left > 1e-6) {
    // Every curve is at the edge of its data: spread the rest by weight × ROAS, and say so.
    const score = (p: PlatformPerformance): number => (factor.get(p.code) ?? 1) * (p.revenue30 / Math.max(p.spend30, 1e-9));
    const scoreSum = modelled.reduce((a, p) => a + score(p), 0);
    for (const p of modelled) amounts.set(p.code, (amounts.get(p.code) ?? 0) + (left * score(p)) / scoreSum);
    left = 0;
  }
  for (const p of modelled) {
    const r = reasons.get(p.code) as BudgetReason[];
    const amount = amounts.get(p.code) ?? 0;
    r.unshift({ kind: 'roas', roas30: p.revenue30 / p.spend30, marginal: marginalReturn(p.curve as ResponseCurve, weekly(amount)) });
    if (p.curve?.kind === 'assumed') r.push({ kind: 'assumed-curve', b: p.curve.b });
    r.push({ kind: 'potential', potential: p.marketPotential, stage: p.stage });
    if (p.shortShare > 0) r.push({ kind: 'stock-short', skus: p.shortSkus, share: p.shortShare });
    if (amount + 1e-6 >= (cap.get(p.code) ?? Number.POSITIVE_INFINITY)) r.push({ kind: 'capped', monthly: cap.get(p.code) ?? 0 });
  }
  for (const p of established) {
    if (!amounts.has(p.code)) {
      amounts.set(p.code, 0);
      reasons.get(p.code)?.push({ kind: 'no-ads-data' });
    }
  }

  const rounded = roundToTotal(amounts, total);
  const lines = input.platforms.map((p): BudgetLine => {
    const amount = rounded.get(p.code) ?? 0;
    const roas30 = p.spend30 > 0 ? p.revenue30 / p.spend30 : null;
    return {
      code: p.code,
      amount,
      share: total > 0 ? amount / total : 0,
      current: p.current,
      change: p.current === null ? null : amount - p.current,
      roas30,
      marginalRoas: p.curve ? marginalReturn(p.curve, weekly(amount)) : null,
      reasons: reasons.get(p.code) ?? [],
    };
  });
  lines.sort((a, b) => b.amount - a.amount || a.code.localeCompare(b.code));
  return { basis: 'model', total, lines };
}

/** The playbook's 60 / 30 / 10 prior: leader and second by recent ad revenue, then sales potential. */
export function priorSplit(total: number, platforms: readonly PlatformPerformance[]): BudgetSplit {
  const ranked = platforms
    .filter((p) => p.stage !== 'new')
    .sort((a, b) => b.revenue30 - a.revenue30 || b.marketPotential - a.marketPotential || a.code.localeCompare(b.code));
  const [leader, second] = ranked;
  const explorers = platforms.filter((p) => p !== leader && p !== second);
  const amounts = new Map<string, number>();
  const roles = new Map<string, 'leader' | 'second' | 'explore'>();
  const shares: { leader: number; second: number; explore: number } = { leader: PRIOR.leader, second: second ? PRIOR.second : 0, explore: PRIOR.explore };
  if (explorers.length === 0) {
    // Nobody to explore with: the leader and second share everything, in the same proportion.
    const scale = 1 / (shares.leader + shares.second);
    shares.leader *= scale;
    shares.second *= scale;
    shares.explore = 0;
  }
  if (!second && explorers.length > 0) shares.leader = 1 - shares.explore;
  if (leader) {
    amounts.set(leader.code, total * shares.leader);
    roles.set(leader.code, 'leader');
  }
  if (second) {
    amounts.set(second.code, total * shares.second);
    roles.set(second.code, 'second');
  }
  const potentialSum = explorers.reduce((a, p) => a + p.marketPotential, 0);
  for (const p of explorers) {
    amounts.set(p.code, (total * (leader ? shares.explore : 1) * p.marketPotential) / Math.max(1, potentialSum));
    roles.set(p.code, 'explore');
  }
  const rounded = roundToTotal(amounts, total);
  const lines = platforms.map((p): BudgetLine => {
    const amount = rounded.get(p.code) ?? 0;
    return {
      code: p.code,
      amount,
      share: total > 0 ? amount / total : 0,
      current: p.current,
      change: p.current === null ? null : amount - p.current,
      roas30: p.spend30 > 0 ? p.revenue30 / p.spend30 : null,
      marginalRoas: null,
      reasons: [{ kind: 'prior', role: roles.get(p.code) ?? 'explore' }],
    };
  });
  lines.sort((a, b) => b.amount - a.amount || a.code.localeCompare(b.code));
  return { basis: 'prior', total, lines };
}

/**
 * Rounds amounts to a readable unit (50 for budgets of 5,000 and more, else 1) so that they
 * still add up to `total` exactly: the remainder goes to the largest line.
 */
export function roundToTotal(amounts: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const unit = total >= 5_000 ? 50 : 1;
  const out = new Map<string, number>();
  for (const [code, v] of amounts) out.set(code, Math.round(v / unit) * unit);
  const diff = Math.round((total - [...out.values()].reduce((a, b) => a + b, 0)) * 100) / 100;
  if (diff !== 0 && out.size > 0) {
    const largest = [...out.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] as [string, number];
    out.set(largest[0], Math.round((largest[1] + diff) * 100) / 100);
  }
  return out;
}

/** A campaign's results over the last days. */
export interface CampaignResult {
  platform: string;
  name: string;
  spend: number;
  revenue: number;
  orders: number;
}

/** Campaigns that spent without selling anything: the spend to stop. */
export function idleCampaigns(results: readonly CampaignResult[]): CampaignResult[] {
  return results.filter((c) => c.spend > 0 && c.revenue <= 0 && c.orders <= 0).sort((a, b) => b.spend - a.spend);
}
