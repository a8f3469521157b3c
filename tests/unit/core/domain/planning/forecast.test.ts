import { describe, expect, it } from 'vitest';
import { backtestForecasts, expectedUnits, forecastDemand, INTERMITTENT_ADI, sigmaOver } from '../../../../../src/core/domain/planning/forecast.ts';

/** A deterministic pseudo-random stream, so the series below are the same every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe('forecastDemand', () => {
  it('forecasts a flat series as its level, with Poisson-like σ at least', () => {
    const f = forecastDemand(Array.from({ length: 120 }, () => 10), 0);
    expect(f.method).toBe('damped-trend');
    expect(f.rate).toBeCloseTo(10, 6);
    expect(expectedUnits(f, 30)).toBeCloseTo(300, 6);
    // No noise at all, so σ is the Poisson floor √10.
    expect(f.sigma).toBeCloseTo(Math.sqrt(10), 6);
    expect(sigmaOver(f, 16)).toBeCloseTo(4 * Math.sqrt(10), 6);
  });

  it('learns the weekly rhythm: Sundays double the other days', () => {
    // history[0] is a Sunday; Sunday sells 20, other days 10.
    const history = Array.from({ length: 126 }, (_, i) => (i % 7 === 0 ? 20 : 10));
    const f = forecastDemand(history, 0);
    expect(f.firstWeekday).toBe(0); // 126 days later is a Sunday again
    const sunday = expectedUnits(f, 1, 0);
    const monday = expectedUnits(f, 1, 1);
    expect(sunday / monday).toBeGreaterThan(1.6);
    // A whole week still sums to the true 80 within 5 %.
    expect(expectedUnits(f, 7)).toBeGreaterThan(76);
    expect(expectedUnits(f, 7)).toBeLessThan(84);
  });

  it('caps a promotion spike so it does not lift the base forecast', () => {
    const base = Array.from({ length: 120 }, () => 10);
    const spiked = [...base];
    spiked[110] = 150; // one Black Friday ten days ago
    const plain = forecastDemand(base, 0);
    const withSpike = forecastDemand(spiked, 0);
    expect(withSpike.spikes).toBe(1);
    // The spike is added back only as its average over the last quarter: 140 / 91 ≈ 1.5 a day.
    expect(withSpike.rate - plain.rate).toBeCloseTo(140 / 91, 1);
    // σ is not blown up by the spike (with it, the error RMS would be about 140 / √56 ≈ 19).
    expect(withSpike.sigma).toBeLessThan(plain.sigma * 1.2);
  });

  it('follows a trend but damps it', () => {
    const history = Array.from({ length: 150 }, (_, i) => 10 + i * 0.1); // +0.1 a day, 25 at the end
    const f = forecastDemand(history, 0);
    expect(f.trend).toBeGreaterThan(0);
    expect(f.rate).toBeGreaterThan(24);
    // Damped: the next 90 days never reach the undamped line's 25 + 0.1 × 90 = 34.
    expect(expectedUnits(f, 1, 89)).toBeLessThan(30);
  });

  it('uses the intermittent method (TSB) for intermittent demand and gets the rate right', () => {
    // 3 units every 4th day: ADI 4 > 1.32; true rate 0.75 a day, one order is 3 units.
    const history = Array.from({ length: 160 }, (_, i) => (i % 4 === 3 ? 3 : 0));
    const f = forecastDemand(history, 0);
    expect(4).toBeGreaterThan(INTERMITTENT_ADI);
    expect(f.method).toBe('intermittent');
    expect(f.typicalOrder).toBe(3);
    expect(f.rate).toBeGreaterThan(0.6);
    expect(f.rate).toBeLessThan(0.9);
    expect(expectedUnits(f, 28)).toBeCloseTo(28 * f.rate, 9);
  });

  it('lets a product that went quiet fade instead of keeping its old rate', () => {
    const busy = Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? 4 : 0));
    const quiet = [...busy, ...Array.from({ length: 60 }, () => 0)];
    expect(forecastDemand(quiet, 0).rate).toBeLessThan(forecastDemand(busy, 0).rate / 2);
  });

  it('says when history is short or empty', () => {
    expect(forecastDemand([2, 4, 0, 6], 3)).toMatchObject({ method: 'short-history', rate: 3 });
    expect(forecastDemand([0, 0, 0], 3)).toMatchObject({ method: 'no-sales', rate: 0, sigma: 0 });
    expect(forecastDemand([], 3)).toMatchObject({ method: 'no-sales', rate: 0 });
  });
});

describe('backtestForecasts', () => {
  it('beats seasonal naive on noisy weekly data, measured on data it has not seen', () => {
    const rnd = lcg(7);
    const weekly = [1.3, 1, 0.9, 0.9, 1, 1.1, 1.2];
    const series = Array.from({ length: 20 }, (_, k) => ({
      firstWeekday: 0,
      units: Array.from({ length: 200 }, (_, i) => Math.round((8 + k) * (weekly[i % 7] ?? 1) * (0.6 + 0.8 * rnd()))),
    }));
    const score = backtestForecasts(series, { origins: 6, horizon: 14 });
    expect(score.series).toBe(20);
    expect(score.forecasts).toBe(120);
    expect(score.wape).toBeLessThan(score.wapeNaive);
    expect(score.mase).toBeLessThan(score.maseNaive);
    expect(score.mase).toBeLessThan(1);
  });
});
