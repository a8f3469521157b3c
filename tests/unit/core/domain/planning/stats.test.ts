import { describe, expect, it } from 'vitest';
import { median, normalCdf, normalQuantile, robustSigma } from '../../../../../src/core/domain/planning/stats.ts';

describe('normal distribution', () => {
  it('gives the textbook z values', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6449, 4);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2816, 4);
    expect(normalQuantile(0.85)).toBeCloseTo(1.0364, 4);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263, 4);
  });

  it('has a CDF that inverts the quantile', () => {
    for (const p of [0.001, 0.05, 0.3, 0.5, 0.77, 0.99, 0.9999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => normalQuantile(0)).toThrow(RangeError);
  });
});

describe('robust summaries', () => {
  it('median and MAD-based sigma ignore one outlier', () => {
    expect(median([1, 2, 3, 4, 100])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    // |x - 3| = 2,1,0,1,97 → MAD 1 → 1.4826
    expect(robustSigma([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 4);
  });
});
