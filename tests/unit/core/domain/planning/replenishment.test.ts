import { describe, expect, it } from 'vitest';
import { reorderPlan } from '../../../../../src/core/domain/planning/replenishment.ts';

const today = new Date(Date.UTC(2026, 10, 20));

describe('reorderPlan', () => {
  it('computes reorder point, order-up-to and the order-by date by hand', () => {
    // 10/day, lead time 30, safety 50: ROP = 350; up-to = 10 × 60 + 50 = 650.
    // Position 400: (400 − 350) / 10 = 5 days left → due within the 7-day review.
    const plan = reorderPlan({ rate: 10, safetyStock: 50, leadTimeDays: 30, position: 400, moq: 100, today });
    expect(plan).toMatchObject({ reorderPoint: 350, orderUpTo: 650, daysLeft: 5, due: true });
    expect(plan.orderBy?.toISOString().slice(0, 10)).toBe('2026-11-25');
    // Ordered on the order-by day: 650 − (400 − 50) = 300.
    expect(plan.quantity).toBe(300);
  });

  it('respects the MOQ', () => {
    const plan = reorderPlan({ rate: 10, safetyStock: 50, leadTimeDays: 30, position: 400, moq: 1000, today });
    expect(plan.quantity).toBe(1000);
  });

  it('is not due when the reorder point is further than the review period, and gives the date', () => {
    const plan = reorderPlan({ rate: 10, safetyStock: 50, leadTimeDays: 30, position: 1000, moq: 100, today });
    expect(plan).toMatchObject({ due: false, quantity: 0, daysLeft: 65 });
  });

  it('overdue orders say so with a negative days-left', () => {
    const plan = reorderPlan({ rate: 10, safetyStock: 50, leadTimeDays: 30, position: 100, moq: 100, today });
    expect(plan.daysLeft).toBe(-25);
    expect(plan.quantity).toBe(550);
  });

  it('never orders for a SKU that does not sell', () => {
    expect(reorderPlan({ rate: 0, safetyStock: 0, leadTimeDays: 30, position: 0, moq: 100, today })).toMatchObject({ due: false, quantity: 0, orderBy: null });
  });
});
