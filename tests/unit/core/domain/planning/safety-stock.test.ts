import { describe, expect, it } from 'vitest';
import type { DemandForecast } from '../../../../../src/core/domain/planning/forecast.ts';
import { formulaSafetyStock, ruleSafetyStock, safetyStock } from '../../../../../src/core/domain/planning/safety-stock.ts';

const forecast = (over: Partial<DemandForecast>): DemandForecast => ({
  method: 'damped-trend',
  level: 0,
  trend: 0,
  weekday: [1, 1, 1, 1, 1, 1, 1],
  firstWeekday: 0,
  sigma: 0,
  rate: 0,
  historyDays: 365,
  salesDays: 300,
  spikes: 0,
  typicalOrder: 0,
  ...over,
});

describe('safety stock', () => {
  it('the playbook rule: 1,000 a month keeps 200–300', () => {
    expect(ruleSafetyStock(1000)).toEqual({ low: 200, high: 300, mid: 250 });
  });

  it('the formula: z·σ·√L, rounded up', () => {
    // 95 % → z 1.6449; σ 10/day; L 16 days → 1.6449 × 10 × 4 = 65.8 → 66
    expect(formulaSafetyStock(0.95, 10, 16)).toBe(66);
    expect(formulaSafetyStock(0.85, 2, 25)).toBe(11); // 1.0364 × 2 × 5 = 10.36
  });

  it('uses the formula with enough history, with the stage’s service level', () => {
    const s = safetyStock(forecast({ rate: 1000 / 30, sigma: 10 }), 'mature', 16);
    expect(s.used).toBe('formula');
    expect(s.why).toBe('history');
    expect(s.formula.serviceLevel).toBe(0.95);
    expect(s.units).toBe(66);
    expect(s.rule).toEqual({ low: 200, high: 300, mid: 250 });
  });

  it('falls back to the rule’s midpoint on short history, and to 0 without sales', () => {
    expect(safetyStock(forecast({ rate: 1000 / 30, sigma: 10, historyDays: 20 }), 'new', 16)).toMatchObject({ used: 'rule', why: 'short-history', units: 250 });
    expect(safetyStock(forecast({ method: 'no-sales' }), 'growing', 16)).toMatchObject({ why: 'no-sales', units: 0 });
  });

  it('keeps at least one typical order of lumpy demand', () => {
    // Sold 24 units on one day in half a year: σ gives 1.6449 × 1.78 × √14 = 11, the order is 24.
    const s = safetyStock(forecast({ method: 'intermittent', rate: 0.13, sigma: 1.78, salesDays: 1, typicalOrder: 24 }), 'mature', 14);
    expect(s).toMatchObject({ used: 'formula', units: 24 });
  });
});
