/**
 * A day-by-day inventory simulation to compare stocking policies on real demand: each day,
 * arrivals come in, demand is served from stock (what cannot be served is lost), and the
 * policy's reorder point decides whether to order up to its target, arriving after the lead
 * time. Pure: used by the backtest benchmark, and tested on hand-computed cases.
 */

/** What a policy says at a review: order when stock + on order ≤ reorderPoint, up to orderUpTo. */
export interface PolicyLevels {
  reorderPoint: number;
  orderUpTo: number;
}

/** How to run the simulation. */
export interface SimulationOptions {
  /** First simulated day (the days before are history only). */
  start: number;
  leadTimeDays: number;
  /** The policy is asked for new levels every this many days (and on the first day). */
  reviewEvery: number;
  /** Levels from the history before day `t`. */
  policy: (t: number) => PolicyLevels;
}

/** What happened. */
export interface SimulationResult {
  days: number;
  demand: number;
  served: number;
  /** served ÷ demand (1 when there was no demand). */
  fillRate: number;
  /** Mean units on hand at the end of each day. */
  averageStock: number;
  /** Days on which some demand went unserved. */
  stockoutDays: number;
  orders: number;
}

/** Simulates `demand` (units per day) under a policy. */
export function simulateInventory(demand: readonly number[], options: SimulationOptions): SimulationResult {
  const { start, leadTimeDays, reviewEvery, policy } = options;
  let levels = policy(start);
  let onHand = Math.max(0, Math.round(levels.orderUpTo));
  const arrivals = new Map<number, number>();
  let onOrder = 0;
  let served = 0;
  let total = 0;
  let stockSum = 0;
  let stockoutDays = 0;
  let orders = 0;
  for (let t = start; t < demand.length; t++) {
    const arriving = arrivals.get(t) ?? 0;
    if (arriving > 0) {
      onHand += arriving;
      onOrder -= arriving;
      arrivals.delete(t);
    }
    const d = Math.max(0, demand[t] ?? 0);
    const sold = Math.min(onHand, d);
    onHand -= sold;
    served += sold;
    total += d;
    if (sold < d) stockoutDays += 1;
    if ((t - start) % reviewEvery === 0 && t > start) levels = policy(t + 1);
    const position = onHand + onOrder;
    if (position <= levels.reorderPoint && levels.orderUpTo > position) {
      const quantity = Math.ceil(levels.orderUpTo - position);
      arrivals.set(t + leadTimeDays, (arrivals.get(t + leadTimeDays) ?? 0) + quantity);
      onOrder += quantity;
      orders += 1;
    }
    stockSum += onHand;
  }
  const days = Math.max(0, demand.length - start);
  return { days, demand: total, served, fillRate: total > 0 ? served / total : 1, averageStock: days > 0 ? stockSum / days : 0, stockoutDays, orders };
}
