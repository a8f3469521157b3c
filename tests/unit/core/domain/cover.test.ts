import { describe, expect, it } from 'vitest';
import { addDays, dailyRate, daysOfCover, projectStockout } from '../../../../src/core/domain/inventory/cover.ts';

const today = new Date('2026-11-20T00:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('dailyRate and daysOfCover', () => {
  it('averages units over 30 days', () => {
    expect(dailyRate(1000)).toBeCloseTo(33.333, 3);
    expect(dailyRate(0)).toBe(0);
    expect(dailyRate(90, 9)).toBe(10);
  });

  it('rejects a window of zero days', () => {
    expect(() => dailyRate(10, 0)).toThrow(RangeError);
  });

  it('divides stock by rate, with the edge cases spelled out', () => {
    expect(daysOfCover(600, 20)).toBe(30);
    expect(daysOfCover(0, 20)).toBe(0);
    expect(daysOfCover(-5, 20)).toBe(0);
    expect(daysOfCover(100, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('projectStockout', () => {
  it('runs out after floor(available / rate) days with nothing inbound', () => {
    // 500 units at 33.3/day last 15.0 days → out on day 15: 2026-12-05.
    const p = projectStockout({ available: 500, rate: 1000 / 30, arrivals: [], today });
    expect(p.coverDays).toBeCloseTo(15, 6);
    expect(p.stockoutDate).toEqual(day('2026-12-05'));
    expect(p.stockoutDateWithoutInbound).toEqual(day('2026-12-05'));
    expect(p.arrivalAfterStockout).toBeNull();
  });

  it('adds an arrival that lands before stock runs out', () => {
    // 100 units at 10/day, 200 arrive on day 5: 100-50+200 = 250 left on day 5 → out at day 30.
    const p = projectStockout({ available: 100, rate: 10, arrivals: [{ eta: day('2026-11-25'), quantity: 200 }], today });
    expect(p.coverDays).toBe(10);
    expect(p.coverWithInboundDays).toBe(30);
    expect(p.stockoutDate).toEqual(day('2026-12-20'));
    expect(p.arrivalAfterStockout).toBeNull();
  });

  it('reports the gap when stock runs out before the shipment arrives', () => {
    // 100 units at 10/day run out on day 10; the shipment comes on day 25.
    const eta = day('2026-12-15');
    const p = projectStockout({ available: 100, rate: 10, arrivals: [{ eta, quantity: 500 }], today });
    expect(p.stockoutDate).toEqual(day('2026-11-30'));
    expect(p.arrivalAfterStockout).toEqual({ eta, quantity: 500 });
  });

  it('counts an arrival on the stock-out day as in time, and sorts arrivals', () => {
    const p = projectStockout({
      available: 100,
      rate: 10,
      arrivals: [
        { eta: day('2026-12-10'), quantity: 100 },
        { eta: day('2026-11-30'), quantity: 100 },
      ],
      today,
    });
    // Day 10: 0 left, +100 → lasts to day 20, +100 → lasts to day 30.
    expect(p.coverWithInboundDays).toBe(30);
    expect(p.stockoutDate).toEqual(addDays(today, 30));
  });

  it('never runs out when nothing sells, and says so beyond the horizon', () => {
    expect(projectStockout({ available: 10, rate: 0, arrivals: [], today }).stockoutDate).toBeNull();
    const slow = projectStockout({ available: 1000, rate: 1, arrivals: [], today });
    expect(slow.stockoutDate).toBeNull();
    expect(slow.stockoutDateWithoutInbound).toBeNull();
    expect(slow.coverDays).toBe(1000);
  });

  it('is out today when nothing is available', () => {
    const p = projectStockout({ available: 0, rate: 5, arrivals: [], today });
    expect(p.coverDays).toBe(0);
    expect(p.stockoutDate).toEqual(today);
  });
});
