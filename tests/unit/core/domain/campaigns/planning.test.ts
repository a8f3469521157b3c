import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignTasks,
  campaignDiscount,
  campaignRules,
  discountCode,
  maxSafeDiscount,
  planMechanics,
  type AssignableMember,
  type TaskToAssign,
} from '../../../../../src/core/domain/campaigns/planning.ts';
import type { Role } from '../../../../../src/core/roles.ts';

const rules = campaignRules();

describe('discounts within margin', () => {
  const hero = { code: 'WB-500', price: 24.99, currency: 'USD', unitCost: 38, costCurrency: 'CNY' };

  it('keeps the margin floor after commission, unit cost and other costs', () => {
    const d = maxSafeDiscount(hero, 0.15, rules)!;
    const cost = 38 * rules.fxToUsd.CNY!;
    const net = hero.price * (1 - d) * (1 - 0.15) - cost - rules.margin.otherCostsPct * hero.price;
    expect(net).toBeCloseTo(rules.margin.minMarginPct * hero.price * (1 - d), 9);
  });

  it('rounds down to the step, caps at the maximum, and gives no discount below the minimum', () => {
    expect(campaignDiscount([hero], 0.15, rules)).toEqual({ discountPct: 30, maxSafePct: 41 });
    const thin = { ...hero, unitCost: 110 };
    const result = campaignDiscount([thin], 0.15, rules);
    expect(result.discountPct).toBe(0);
    // The weakest hero decides.
    expect(campaignDiscount([hero, { ...hero, unitCost: 75 }], 0.15, rules).discountPct).toBe(10);
    expect(campaignDiscount([{ ...hero, currency: 'XXX' }], 0.15, rules)).toEqual({ discountPct: 0, maxSafePct: null });
  });

  it('never proposes a discount that breaks the margin (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (price, unitCostCny, commission) => {
          const h = { code: 'X', price, currency: 'USD', unitCost: unitCostCny, costCurrency: 'CNY' };
          const { discountPct } = campaignDiscount([h], commission, rules);
          expect(discountPct % rules.margin.stepPct).toBe(0);
          expect(discountPct).toBeLessThanOrEqual(rules.margin.maxDiscountPct);
          if (discountPct > 0) {
            const d = discountPct / 100;
            const net = price * (1 - d) * (1 - commission) - unitCostCny * rules.fxToUsd.CNY! - rules.margin.otherCostsPct * price;
            expect(net).toBeGreaterThanOrEqual(rules.margin.minMarginPct * price * (1 - d) - 1e-9);
          }
        },
      ),
    );
  });
});

describe('mechanics per platform', () => {
  const heroes = [{ code: 'BT-100', price: 9.99, currency: 'USD', unitCost: 6.5, costCurrency: 'CNY' }];
  const start = new Date(Date.UTC(2027, 2, 1));

  it('teases on social-first platforms, uses the promotion zone on marketplaces and a code in the own store', () => {
    expect(planMechanics('spring-launch', start, { code: 'tiktok-us', marketplace: 'tiktok', commissionRate: 0.06, heroes }, rules)).toMatchObject({
      type: 'teaser+flash-sale',
      teaserFromDaysBefore: 5,
      heroSkus: ['BT-100'],
    });
    expect(planMechanics('spring-launch', start, { code: 'shopee-my', marketplace: 'shopee', commissionRate: 0.12, heroes }, rules)).toMatchObject({
      type: 'promotion-zone',
      promotionZone: 'campaign landing page with shop vouchers',
    });
    expect(planMechanics('spring-launch', start, { code: 'shopify', marketplace: 'shopify', commissionRate: 0.029, heroes }, rules)).toMatchObject({ type: 'sitewide-code', code: 'SPRING27' });
    expect(discountCode('11-11', start)).toBe('SALE27');
  });
});

const member = (id: number, handle: string, roles: Role[], owns: string[] = [], load = 0): AssignableMember => ({ id, handle, roles, owns, load });

describe('assignTasks', () => {
  it('gives posters to marketing and copy to the platform’s owner', () => {
    const team = [member(1, 'alice', ['manager']), member(2, 'bob', ['staff'], ['amazon-us'], 2), member(4, 'dan', ['marketing'], [], 3)];
    const tasks: TaskToAssign[] = [
      { kind: 'poster', platformCode: 'amazon-us' },
      { kind: 'copy', platformCode: 'amazon-us' },
    ];
    expect(assignTasks(tasks, team, 2).assignees.map((m) => m?.handle)).toEqual(['dan', 'bob']);
  });

  it('passes an owner by when they already carry clearly more than a colleague who could do it', () => {
    const team = [member(2, 'bob', ['staff'], ['amazon-us'], 9), member(3, 'cy', ['staff'], [], 1)];
    expect(assignTasks([{ kind: 'copy', platformCode: 'amazon-us' }], team, 2).assignees[0]?.handle).toBe('cy');
    const close = [member(2, 'bob', ['staff'], ['amazon-us'], 3), member(3, 'cy', ['staff'], [], 1)];
    expect(assignTasks([{ kind: 'copy', platformCode: 'amazon-us' }], close, 2).assignees[0]?.handle).toBe('bob');
  });

  it('falls back to managers for posters when there is no marketing, and leaves a task unassigned when nobody fits', () => {
    const team = [member(1, 'alice', ['manager']), member(3, 'carol', ['cs'])];
    expect(assignTasks([{ kind: 'poster', platformCode: 'shopify' }, { kind: 'copy', platformCode: 'shopify' }], team, 2).assignees.map((m) => m?.handle ?? null)).toEqual(['alice', null]);
  });

  it('balances the load: nobody ends up more than one task ahead of an equally able colleague (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom('amazon-us', 'tiktok-us', 'shopify', 'shopee-my'), { maxLength: 30 }),
        (loads, platforms) => {
          const team = loads.map((load, i) => member(i + 1, `m${i}`, ['staff'], [], load));
          const { assignees, loads: after } = assignTasks(platforms.map((platformCode) => ({ kind: 'copy', platformCode })), team, 2);
          expect(assignees.every((a) => a !== null)).toBe(true);
          const before = Math.max(...loads) - Math.min(...loads);
          const final = [...after.values()];
          // Greedy least-loaded: the spread never grows beyond where it started, or 1.
          expect(Math.max(...final) - Math.min(...final)).toBeLessThanOrEqual(Math.max(before, 1));
          expect(final.reduce((a, b) => a + b, 0)).toBe(loads.reduce((a, b) => a + b, 0) + platforms.length);
        },
      ),
    );
  });

  it('gives owners their platform’s work while they are within the owner bonus of the lightest load (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 8 }), fc.nat({ max: 8 }), (ownerLoad, otherLoad) => {
        const team = [member(1, 'owner', ['staff'], ['amazon-us'], ownerLoad), member(2, 'other', ['staff'], [], otherLoad)];
        const who = assignTasks([{ kind: 'copy', platformCode: 'amazon-us' }], team, 2).assignees[0]?.handle;
        expect(who).toBe(ownerLoad - 2 <= otherLoad ? 'owner' : 'other');
      }),
    );
  });
});
