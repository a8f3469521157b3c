import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idleCampaigns, priorSplit, roundToTotal, splitBudget, type PlatformPerformance } from '../../../../../src/core/domain/budget/budget-split.ts';

const curve = (a: number, b: number, maxSpend = 2_000) => ({ a, b, points: 12, r2: 0.9, maxSpend, kind: 'fit' as const });

const perf = (over: Partial<PlatformPerformance> & { code: string }): PlatformPerformance => ({
  stage: 'mature',
  marketPotential: 3,
  current: null,
  spend30: 1_000,
  revenue30: 3_000,
  curve: curve(30, 0.6),
  shortShare: 0,
  shortSkus: [],
  ...over,
});

const amounts = (s: ReturnType<typeof splitBudget>) => Object.fromEntries(s.lines.map((l) => [l.code, l.amount]));

describe('splitBudget', () => {
  it('falls back to the playbook’s 60 / 30 / 10 without enough data, and says so', () => {
    const s = splitBudget({
      total: 80_000,
      days: 31,
      platforms: [
        perf({ code: 'amazon-us', revenue30: 9_000, curve: null }),
        perf({ code: 'aliexpress', revenue30: 5_000, curve: null }),
        perf({ code: 'tiktok-us', stage: 'new', spend30: 0, revenue30: 0, curve: null }),
      ],
    });
    expect(s.basis).toBe('prior');
    expect(amounts(s)).toEqual({ 'amazon-us': 48_000, aliexpress: 24_000, 'tiktok-us': 8_000 });
    expect(s.lines.find((l) => l.code === 'amazon-us')?.reasons).toEqual([{ kind: 'prior', role: 'leader' }]);
  });

  it('gives an equal pair of platforms equal money, and keeps 10 % for a new platform', () => {
    const s = splitBudget({ total: 10_000, days: 30, platforms: [perf({ code: 'a' }), perf({ code: 'b' }), perf({ code: 'n', stage: 'new', spend30: 0, curve: null })] });
    expect(s.basis).toBe('model');
    expect(amounts(s)).toEqual({ a: 4_500, b: 4_500, n: 1_000 });
    expect(s.lines.find((l) => l.code === 'n')?.reasons[0]).toEqual({ kind: 'exploration', share: 0.1 });
  });

  it('equalises the marginal return: a steeper curve gets more money', () => {
    const s = splitBudget({ total: 20_000, days: 30, platforms: [perf({ code: 'strong', curve: curve(60, 0.6, 5_000) }), perf({ code: 'weak', curve: curve(30, 0.6, 5_000) })] });
    const [strong, weak] = [s.lines.find((l) => l.code === 'strong'), s.lines.find((l) => l.code === 'weak')];
    expect(strong!.amount).toBeGreaterThan(weak!.amount);
    // With the same b, optimal spend ∝ a^(1/(1−b)): (60/30)^(2.5) ≈ 5.66 times as much.
    expect(strong!.amount / weak!.amount).toBeGreaterThan(4.5);
    expect(strong!.amount / weak!.amount).toBeLessThan(7);
    expect(strong!.marginalRoas).toBeCloseTo(weak!.marginalRoas!, 0);
  });

  it('cuts a platform whose key SKUs lack stock cover', () => {
    const base = [perf({ code: 'a' }), perf({ code: 'b' })];
    const short = [perf({ code: 'a', shortShare: 0.8, shortSkus: ['WB-500'] }), perf({ code: 'b' })];
    const before = amounts(splitBudget({ total: 10_000, days: 30, platforms: base }));
    const after = splitBudget({ total: 10_000, days: 30, platforms: short });
    expect(amounts(after).a).toBeLessThan(before.a as number);
    expect(after.lines.find((l) => l.code === 'a')?.reasons).toContainEqual({ kind: 'stock-short', skus: ['WB-500'], share: 0.8 });
  });

  it('stops at twice the highest weekly spend seen and says so', () => {
    const s = splitBudget({ total: 100_000, days: 28, platforms: [perf({ code: 'a', curve: curve(30, 0.9, 500) }), perf({ code: 'b', curve: curve(30, 0.6, 100_000) })] });
    const a = s.lines.find((l) => l.code === 'a');
    expect(a?.amount).toBeLessThanOrEqual(4_000 + 50); // 2 × 500 a week × 4 weeks
    expect(a?.reasons.some((r) => r.kind === 'capped')).toBe(true);
  });

  it('shares always add up to the total exactly, and nothing is negative', () => {
    const platformArb = fc.record({
      code: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      stage: fc.constantFrom('mature' as const, 'growing' as const, 'new' as const),
      marketPotential: fc.integer({ min: 1, max: 5 }),
      current: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
      spend30: fc.double({ min: 0, max: 20_000, noNaN: true }),
      revenue30: fc.double({ min: 0, max: 100_000, noNaN: true }),
      curve: fc.option(fc.record({ a: fc.double({ min: 0.5, max: 100, noNaN: true }), b: fc.double({ min: 0.1, max: 1, noNaN: true }), points: fc.constant(12), r2: fc.constant(0.5), maxSpend: fc.double({ min: 10, max: 10_000, noNaN: true }), kind: fc.constant('fit' as const) }), { nil: null }),
      shortShare: fc.double({ min: 0, max: 1, noNaN: true }),
      shortSkus: fc.constant([] as string[]),
    });
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 5_000_000 }), fc.uniqueArray(platformArb, { selector: (p) => p.code, minLength: 1, maxLength: 6 }), (total, platforms) => {
        const s = splitBudget({ total, days: 30, platforms });
        const sum = s.lines.reduce((a, l) => a + l.amount, 0);
        expect(Math.round(sum * 100) / 100).toBe(total);
        for (const l of s.lines) expect(l.amount).toBeGreaterThanOrEqual(0);
        expect(s.lines).toHaveLength(platforms.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('priorSplit and rounding', () => {
  it('splits between leader and second alone when nobody explores', () => {
    const s = priorSplit(9_000, [perf({ code: 'a', revenue30: 10 }), perf({ code: 'b', revenue30: 5 })]);
    expect(amounts(s)).toEqual({ a: 6_000, b: 3_000 });
  });

  it('rounds to 50 and puts the remainder on the largest line', () => {
    // Each rounds to 3,350 (sum 10,050); the −50 goes to the largest, ties by code: a.
    expect(Object.fromEntries(roundToTotal(new Map([['a', 3333.33], ['b', 3333.33], ['c', 3333.34]]), 10_000))).toEqual({ a: 3300, b: 3350, c: 3350 });
  });
});

describe('idleCampaigns', () => {
  it('flags campaigns that spend without selling, biggest spend first', () => {
    const flagged = idleCampaigns([
      { platform: 'amazon-de', name: 'Cork', spend: 900, revenue: 0, orders: 0 },
      { platform: 'shopify', name: 'Meta', spend: 300, revenue: 0, orders: 0 },
      { platform: 'amazon-us', name: 'SP', spend: 2_000, revenue: 9_000, orders: 300 },
      { platform: 'shopify', name: 'Paused', spend: 0, revenue: 0, orders: 0 },
    ]);
    expect(flagged.map((c) => c.name)).toEqual(['Cork', 'Meta']);
  });
});
