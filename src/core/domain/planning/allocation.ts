/**
 * Splits one SKU's stock across platforms. Pure: no I/O.
 *
 * Stock in a warehouse that serves one platform only (FBA US, FBA DE, the Malaysian 3PL) is that
 * platform's already; the question is where the shared pool (the own warehouse, which ships
 * to several platforms and tops up the others) should go. The answer, unit by unit, is where the
 * next unit earns most: unit margin × the chance that the platform would otherwise run out of
 * it before stock can be replenished (the SKU's supplier lead time). That one rule weighs the
 * forecast, the margin and the stock-out risk together, and because the chance falls as units
 * are added, it spreads stock rather than piling it on the most profitable platform.
 * - Inbound shipments count: the tightest moment for a platform is just before its next
 *   arrival (or the end of the horizon), and that moment is what the risk is measured at.
 * - Lead times count: pool units need transit time to reach a remote warehouse, so they can
 *   only serve that platform's demand after they arrive.
 * - A platform or listing on trial gets the trial batch first (playbook: 100 units), and then
 *   competes on its sales like any other. When stock is short, trials together take at most
 *   half of the pool, so a test never starves a proven platform.
 * - Units nobody is likely to need within the horizon stay unallocated in the shared pool,
 *   where they can still go anywhere.
 * The result never allocates more than exists: the per-platform quantities plus the
 * unallocated reserve add up to exactly the available stock.
 */
import { normalCdf } from './stats.ts';
import type { PlatformStage } from './safety-stock.ts';

/** An arrival at a platform's own warehouse. */
export interface InboundArrival {
  /** Whole days from today (0 = today). */
  day: number;
  quantity: number;
  reference: string;
}

/** One platform of the SKU. */
export interface PlatformDemand {
  code: string;
  stage: PlatformStage;
  /** Available units in warehouses that serve this platform only. */
  dedicated: number;
  /** Open inbound to those warehouses. */
  inbound: readonly InboundArrival[];
  /** The platform's allocation today. */
  current: number;
  /** Forecast units per day and σ of one day's demand. */
  rate: number;
  sigma: number;
  /** Contribution per unit sold (any currency, the same for every platform of the SKU). */
  unitMargin: number;
  /** On trial: gets the trial batch before anything else. */
  trial: boolean;
  /** Days for pool stock to reach this platform's warehouse; 0 when the pool ships directly. */
  transitDays: number;
}

/** What the split needs. */
export interface AllocationInput {
  /** Available units in shared warehouses. */
  pool: number;
  /** Days until a new purchase order could land: the horizon stock must last. */
  horizonDays: number;
  trialBatch: number;
  platforms: readonly PlatformDemand[];
  /** A unit less likely than this to be needed stays in the shared pool. */
  minNeedProbability?: number;
}

/** The tightest moment of a platform within the horizon. */
export interface CriticalPoint {
  /** Days from today. */
  day: number;
  /** Units on hand and arrived by then, before any pool units. */
  position: number;
  /** Expected demand until then. */
  demand: number;
  /** The arrival right after it, when the moment is a gap before an inbound shipment. */
  before: InboundArrival | null;
}

/** The suggestion for one platform. */
export interface AllocationLine {
  code: string;
  dedicated: number;
  trialUnits: number;
  /** The trial batch was cut because the pool is short. */
  trialCut: boolean;
  /** Pool units given to the platform, trial units included. */
  fromPool: number;
  /** The suggested allocation: dedicated + fromPool. */
  quantity: number;
  current: number;
  change: number;
  critical: CriticalPoint;
  /** The tightest moment with today's allocation instead of the dedicated stock alone. */
  criticalNow: CriticalPoint;
  /** Chance of running out by the critical day with today's allocation and with the suggestion. */
  riskNow: number;
  riskAfter: number;
  /** Expected units short by the critical day with today's allocation. */
  shortNow: number;
  /** Pool units were limited because transit makes more useless. */
  transitCapped: boolean;
}

/** The whole split. */
export interface AllocationResult {
  lines: AllocationLine[];
  /** Pool units left unallocated. */
  reserve: number;
  /** Everything available: Σ quantity + reserve. */
  total: number;
}

/** Trial batches together take at most this share of the shared pool. */
export const TRIAL_POOL_SHARE = 0.5;

/** Default of {@link AllocationInput.minNeedProbability}. */
export const MIN_NEED_PROBABILITY = 0.05;

/** Most greedy steps per split; larger pools move in chunks. */
const MAX_STEPS = 2_000;

/** Where a platform is tightest: just before an inbound arrival, or at the horizon. */
export function criticalPoint(p: Pick<PlatformDemand, 'rate' | 'sigma' | 'dedicated' | 'inbound'>, horizonDays: number, base = p.dedicated): CriticalPoint {
  const arrivals = [...p.inbound].filter((a) => a.day <= horizonDays && a.quantity > 0).sort((a, b) => a.day - b.day);
  let best: CriticalPoint | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const consider = (day: number, position: number, before: InboundArrival | null): void => {
    const demand = p.rate * day;
    const score = demand - position + p.sigma * Math.sqrt(day);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = { day, position, demand, before };
    }
  };
  let position = Math.max(0, base);
  for (const a of arrivals) {
    if (a.day > 0) consider(a.day, position, a);
    position += a.quantity;
  }
  consider(horizonDays, position, null);
  return best ?? { day: horizonDays, position, demand: p.rate * horizonDays, before: null };
}

/** Chance that demand over the critical point's days exceeds `stock`. */
export function stockoutRisk(p: Pick<PlatformDemand, 'sigma'>, c: CriticalPoint, stock: number): number {
  const spread = p.sigma * Math.sqrt(c.day);
  if (c.demand <= 0) return 0;
  if (spread <= 0) return c.demand > stock ? 1 : 0;
  return 1 - normalCdf((stock + 0.5 - c.demand) / spread);
}

/** Expected units short by the critical day with `stock` (the normal loss function). */
export function expectedShortfall(p: Pick<PlatformDemand, 'sigma'>, c: CriticalPoint, stock: number): number {
  const spread = p.sigma * Math.sqrt(c.day);
  if (spread <= 0) return Math.max(0, c.demand - stock);
  const k = (stock - c.demand) / spread;
  const density = Math.exp((-k * k) / 2) / Math.sqrt(2 * Math.PI);
  return Math.max(0, spread * (density - k * (1 - normalCdf(k))));
}

/** Splits the pool; see the module comment. */
export function allocateStock(input: AllocationInput): AllocationResult {
  const pool = Math.max(0, Math.floor(input.pool));
  const minP = input.minNeedProbability ?? MIN_NEED_PROBABILITY;
  const horizon = Math.max(1, input.horizonDays);

  const state = input.platforms.map((p) => {
    const dedicated = Math.max(0, Math.floor(p.dedicated));
    const critical = criticalPoint(p, horizon, dedicated);
    // Pool units reach a remote warehouse after transit; they can serve only what sells after.
    const servable = Math.max(0, critical.day - p.transitDays);
    const cap = p.transitDays <= 0 ? Number.POSITIVE_INFINITY : Math.ceil(p.rate * servable + 2 * p.sigma * Math.sqrt(servable));
    return { p, dedicated, critical, cap, fromPool: 0, trialUnits: 0, trialCut: false, transitCapped: false };
  });

  let left = pool;
  // Trial batches first: new platforms first, then by expected demand.
  const trials = state
    .filter((s) => s.p.trial)
    .sort((a, b) => (a.p.stage === 'new' ? 0 : 1) - (b.p.stage === 'new' ? 0 : 1) || b.p.rate - a.p.rate || a.p.code.localeCompare(b.p.code));
  // A trial must not starve proven platforms: together, trials take at most half the pool.
  let trialBudget = Math.floor(pool * TRIAL_POOL_SHARE);
  for (const s of trials) {
    const want = Math.max(0, input.trialBatch - s.dedicated);
    const give = Math.min(want, left, trialBudget);
    trialBudget -= give;
    s.trialCut = give < want;
    s.trialUnits = give;
    s.fromPool = give;
    left -= give;
  }

  const step = Math.max(1, Math.ceil(pool / MAX_STEPS));
  const margin = (s: (typeof state)[number]): number => Math.max(s.p.unitMargin, 1e-6);
  while (left > 0) {
    let best: (typeof state)[number] | null = null;
    let bestValue = 0;
    let bestP = 0;
    for (const s of state) {
      const chunk = Math.min(step, left);
      const need = stockoutRisk(s.p, s.critical, s.critical.position + s.fromPool + chunk - 1);
      if (s.fromPool - s.trialUnits >= s.cap) {
        // It would still need stock, but pool units could not arrive in time to sell.
        if (need >= minP) s.transitCapped = true;
        continue;
      }
      const value = need * margin(s);
      if (need >= minP && (value > bestValue || (value === bestValue && best !== null && s.p.code < best.p.code))) {
        best = s;
        bestValue = value;
        bestP = need;
      }
    }
    if (!best || bestP < minP) break;
    const chunk = Math.min(step, left, Number.isFinite(best.cap) ? best.cap - (best.fromPool - best.trialUnits) : step);
    best.fromPool += chunk;
    left -= chunk;
  }

  const lines = state.map((s): AllocationLine => {
    const quantity = s.dedicated + s.fromPool;
    const now = criticalPoint(s.p, horizon, Math.max(0, s.p.current));
    return {
      code: s.p.code,
      dedicated: s.dedicated,
      trialUnits: s.trialUnits,
      trialCut: s.trialCut,
      fromPool: s.fromPool,
      quantity,
      current: s.p.current,
      change: quantity - s.p.current,
      critical: s.critical,
      criticalNow: now,
      riskNow: stockoutRisk(s.p, now, now.position),
      shortNow: expectedShortfall(s.p, now, now.position),
      riskAfter: stockoutRisk(s.p, s.critical, s.critical.position + s.fromPool),
      transitCapped: s.transitCapped,
    };
  });
  return { lines, reserve: left, total: lines.reduce((a, l) => a + l.dedicated, 0) + pool };
}
