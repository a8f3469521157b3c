import { describe, expect, it } from 'vitest';
import { simulateInventory } from '../../../../../src/core/domain/planning/simulate.ts';

describe('simulateInventory', () => {
  it('serves steady demand without stock-outs when the reorder point covers the lead time', () => {
    // 10 a day, lead time 3: reorder at 30 (3 days of demand), order up to 60.
    const demand = Array.from({ length: 40 }, () => 10);
    const r = simulateInventory(demand, { start: 10, leadTimeDays: 3, reviewEvery: 7, policy: () => ({ reorderPoint: 30, orderUpTo: 60 }) });
    expect(r).toMatchObject({ days: 30, demand: 300, served: 300, fillRate: 1, stockoutDays: 0 });
    // Day 1: 60 − 10 = 50 … the first order goes out when stock hits 30 (day 3) and lands on day 6.
    expect(r.orders).toBeGreaterThan(5);
    expect(r.averageStock).toBeGreaterThan(10);
    expect(r.averageStock).toBeLessThan(60);
  });

  it('loses the demand it cannot serve, by hand', () => {
    // Start with 5 on hand (order-up-to 5), never reorder: day 1 sells 5 of 8, the rest is lost.
    const r = simulateInventory([0, 8, 8, 8], { start: 1, leadTimeDays: 2, reviewEvery: 7, policy: () => ({ reorderPoint: -1, orderUpTo: 5 }) });
    expect(r).toMatchObject({ days: 3, demand: 24, served: 5, stockoutDays: 3, orders: 0, averageStock: 0 });
    expect(r.fillRate).toBeCloseTo(5 / 24, 9);
  });

  it('receives an order exactly one lead time after it was placed', () => {
    // Up to 10, reorder at ≤ 0: day 1 sells 10 → order 10 for day 3; day 2 sells nothing; day 3 has 10 again.
    const r = simulateInventory([0, 10, 10, 10], { start: 1, leadTimeDays: 2, reviewEvery: 7, policy: () => ({ reorderPoint: 0, orderUpTo: 10 }) });
    expect(r).toMatchObject({ demand: 30, served: 20, stockoutDays: 1, orders: 2 });
  });
});
