import { describe, expect, it } from 'vitest';
import { ASSUMED_B, fitResponseCurve, marginalReturn, revenueAt } from '../../../../../src/core/domain/budget/response-curve.ts';

describe('fitResponseCurve', () => {
  it('recovers a and b from exact power-law data', () => {
    const points = [100, 150, 220, 300, 450, 600, 800].map((spend) => ({ spend, revenue: 50 * spend ** 0.6 }));
    const c = fitResponseCurve(points);
    expect(c?.kind).toBe('fit');
    expect(c?.b).toBeCloseTo(0.6, 6);
    expect(c?.a).toBeCloseTo(50, 4);
    expect(c?.r2).toBeCloseTo(1, 6);
    expect(c?.maxSpend).toBe(800);
  });

  it('gives the marginal return a·b·S^(b−1), below the average return when b < 1', () => {
    const c = { a: 50, b: 0.6, points: 7, r2: 1, maxSpend: 800, kind: 'fit' as const };
    expect(marginalReturn(c, 100)).toBeCloseTo(50 * 0.6 * 100 ** -0.4, 9);
    expect(marginalReturn(c, 100)).toBeLessThan(revenueAt(c, 100) / 100);
  });

  it('assumes an elasticity when spend hardly varied, and gives up without revenue', () => {
    const flat = Array.from({ length: 8 }, () => ({ spend: 100, revenue: 400 }));
    expect(fitResponseCurve(flat)).toMatchObject({ kind: 'assumed', b: ASSUMED_B });
    expect(revenueAt(fitResponseCurve(flat)!, 100)).toBeCloseTo(400, 6);
    expect(fitResponseCurve([{ spend: 100, revenue: 0 }])).toBeNull();
  });

  it('clamps nonsense elasticities into (0.1, 1]', () => {
    const rising = [100, 200, 300, 400, 500, 600].map((spend) => ({ spend, revenue: spend ** 1.8 / 100 }));
    expect(fitResponseCurve(rising)?.b).toBe(1);
  });
});
