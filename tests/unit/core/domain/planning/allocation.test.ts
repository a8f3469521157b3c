import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateStock, criticalPoint, type PlatformDemand } from '../../../../../src/core/domain/planning/allocation.ts';

const platform = (over: Partial<PlatformDemand> & { code: string }): PlatformDemand => ({
  stage: 'mature',
  dedicated: 0,
  inbound: [],
  current: 0,
  rate: 0,
  sigma: 0,
  unitMargin: 5,
  trial: false,
  transitDays: 0,
  ...over,
});

const byCode = (r: ReturnType<typeof allocateStock>) => Object.fromEntries(r.lines.map((l) => [l.code, l]));

describe('allocateStock on hand-computed cases', () => {
  it('leaves dedicated stock where it is when there is no pool', () => {
    const r = allocateStock({ pool: 0, horizonDays: 30, trialBatch: 100, platforms: [platform({ code: 'a', dedicated: 120, rate: 5 }), platform({ code: 'b', dedicated: 40, rate: 1 })] });
    expect(r.lines.map((l) => [l.code, l.quantity])).toEqual([['a', 120], ['b', 40]]);
    expect(r.reserve).toBe(0);
    expect(r.total).toBe(160);
  });

  it('gives a trial platform its batch first, then follows demand', () => {
    // b sells exactly 10 a day (σ 0): over 30 days it needs 300; the pool has 300, 100 go to the trial.
    const r = byCode(allocateStock({ pool: 300, horizonDays: 30, trialBatch: 100, platforms: [platform({ code: 'a', stage: 'new', trial: true }), platform({ code: 'b', rate: 10 })] }));
    expect(r.a).toMatchObject({ quantity: 100, trialUnits: 100, trialCut: false });
    expect(r.b).toMatchObject({ quantity: 200, fromPool: 200 });
  });

  it('cuts trials to half the pool when stock is short', () => {
    const r = byCode(allocateStock({ pool: 100, horizonDays: 30, trialBatch: 100, platforms: [platform({ code: 'a', stage: 'new', trial: true }), platform({ code: 'b', rate: 10 })] }));
    expect(r.a).toMatchObject({ quantity: 50, trialCut: true });
    expect(r.b?.quantity).toBe(50);
  });

  it('finds the gap before an inbound shipment and fills just that', () => {
    // 100 on hand, 10 a day, 500 land on day 20: short 100 just before day 20, fine after.
    const p = platform({ code: 'fba', dedicated: 100, rate: 10, inbound: [{ day: 20, quantity: 500, reference: 'IS-1' }] });
    const c = criticalPoint(p, 40);
    expect(c).toMatchObject({ day: 20, position: 100, demand: 200 });
    expect(c.before?.reference).toBe('IS-1');
    const r = allocateStock({ pool: 1000, horizonDays: 40, trialBatch: 100, platforms: [p] });
    expect(r.lines[0]).toMatchObject({ quantity: 200, fromPool: 100 });
    expect(r.reserve).toBe(900);
  });

  it('sends a remote warehouse only what can still sell after transit', () => {
    // Transit 15 days, gap closes on day 20: pool units can serve 5 days × 10 = 50.
    const p = platform({ code: 'fba', dedicated: 100, rate: 10, transitDays: 15, inbound: [{ day: 20, quantity: 500, reference: 'IS-1' }] });
    const r = allocateStock({ pool: 1000, horizonDays: 40, trialBatch: 100, platforms: [p] });
    expect(r.lines[0]).toMatchObject({ fromPool: 50, transitCapped: true });
  });

  it('prefers the platform where a unit earns more when stock is short', () => {
    const r = byCode(
      allocateStock({
        pool: 200,
        horizonDays: 30,
        trialBatch: 100,
        platforms: [platform({ code: 'cheap', rate: 10, sigma: 3, unitMargin: 2 }), platform({ code: 'rich', rate: 10, sigma: 3, unitMargin: 8 })],
      }),
    );
    expect(r.rich?.quantity).toBeGreaterThan(r.cheap?.quantity ?? 0);
    expect((r.rich?.quantity ?? 0) + (r.cheap?.quantity ?? 0)).toBe(200);
  });

  it('reports the stock-out risk before and after', () => {
    const r = allocateStock({ pool: 400, horizonDays: 30, trialBatch: 100, platforms: [platform({ code: 'a', rate: 10, sigma: 4, current: 100 })] });
    expect(r.lines[0]?.riskNow).toBeGreaterThan(0.99);
    expect(r.lines[0]?.riskAfter).toBeLessThan(0.05);
    expect(r.lines[0]?.shortNow).toBeGreaterThan(190);
  });
});

const platformArb = fc.record({
  code: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  stage: fc.constantFrom('mature' as const, 'growing' as const, 'new' as const),
  dedicated: fc.integer({ min: 0, max: 5000 }),
  inbound: fc.array(fc.record({ day: fc.integer({ min: 0, max: 90 }), quantity: fc.integer({ min: 0, max: 3000 }), reference: fc.constant('IS') }), { maxLength: 3 }),
  current: fc.integer({ min: 0, max: 5000 }),
  rate: fc.double({ min: 0, max: 200, noNaN: true }),
  sigma: fc.double({ min: 0, max: 60, noNaN: true }),
  unitMargin: fc.double({ min: -5, max: 50, noNaN: true }),
  trial: fc.boolean(),
  transitDays: fc.integer({ min: 0, max: 45 }),
});

describe('allocateStock properties', () => {
  const inputArb = fc.record({
    pool: fc.integer({ min: 0, max: 20_000 }),
    horizonDays: fc.integer({ min: 1, max: 120 }),
    trialBatch: fc.integer({ min: 1, max: 500 }),
    platforms: fc.uniqueArray(platformArb, { selector: (p) => p.code, maxLength: 5 }),
  });

  it('never allocates more than exists, and the shares (with the reserve) add up to the total', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = allocateStock(input);
        const dedicated = input.platforms.reduce((a, p) => a + p.dedicated, 0);
        const allocated = r.lines.reduce((a, l) => a + l.quantity, 0);
        expect(r.total).toBe(dedicated + input.pool);
        expect(allocated + r.reserve).toBe(r.total);
        expect(allocated).toBeLessThanOrEqual(dedicated + input.pool);
        expect(r.reserve).toBeGreaterThanOrEqual(0);
        for (const l of r.lines) {
          expect(Number.isInteger(l.quantity)).toBe(true);
          expect(l.fromPool).toBeGreaterThanOrEqual(0);
          expect(l.quantity).toBe(l.dedicated + l.fromPool);
          expect(l.trialUnits).toBeLessThanOrEqual(l.fromPool);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(allocateStock(input)).toEqual(allocateStock(input));
      }),
      { numRuns: 50 },
    );
  });
});
