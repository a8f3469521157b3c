import { describe, expect, it } from 'vitest';
import { chooseShipping, priceFor, type ShippingOption } from '../../../../../src/core/domain/costs/logistics.ts';
import { contributionMargin } from '../../../../../src/core/domain/costs/margin.ts';
import { fromUsd, MissingRateError, toUsd } from '../../../../../src/core/domain/costs/fx.ts';

const rates = { USD: 1, CNY: 7 };
const option = (over: Partial<ShippingOption> & { code: string }): ShippingOption => ({
  carrier: over.code,
  kind: 'postal',
  origin: 'CN',
  destinations: ['US', 'DE'],
  transitDaysMin: 10,
  transitDaysMax: 30,
  maxWeightGrams: 2_000,
  maxDeclaredUsd: 50,
  tracked: false,
  currency: 'CNY',
  bands: [{ minGrams: 0, maxGrams: 2_000, baseFee: 7, perKg: 70 }],
  ...over,
});
const postal = option({ code: 'POST' });
const express = option({ code: 'EXP', kind: 'express', transitDaysMin: 3, transitDaysMax: 5, maxWeightGrams: 30_000, maxDeclaredUsd: null, tracked: true, bands: [{ minGrams: 0, maxGrams: 30_000, baseFee: 140, perKg: 70 }] });
const options = [express, postal];

describe('chooseShipping', () => {
  it('prices by weight band', () => {
    expect(priceFor(postal, 500)).toBe(42); // 7 + 70 × 0.5
    expect(priceFor(postal, 2_500)).toBeNull();
  });

  it('sends a light, cheap item by postal small packet: the cheapest that qualifies', () => {
    const c = chooseShipping(options, { origin: 'CN', destination: 'US', weightGrams: 500, declaredUsd: 10, deadlineDays: null }, rates);
    expect(c.chosen?.option.code).toBe('POST');
    expect(c.chosen?.priceUsd).toBeCloseTo(6, 9); // 42 CNY at 7 per USD
    expect(c.cheaperExcluded).toBeNull();
  });

  it('sends a high-value item by express, because postal caps the declared value', () => {
    const c = chooseShipping(options, { origin: 'CN', destination: 'US', weightGrams: 500, declaredUsd: 120, deadlineDays: null }, rates);
    expect(c.chosen?.option.code).toBe('EXP');
    expect(c.cheaperExcluded).toMatchObject({ excluded: 'value', option: { code: 'POST' } });
  });

  it('sends an urgent item by express, because postal misses the deadline', () => {
    const c = chooseShipping(options, { origin: 'CN', destination: 'DE', weightGrams: 500, declaredUsd: 10, deadlineDays: 7 }, rates);
    expect(c.chosen?.option.code).toBe('EXP');
    expect(c.cheaperExcluded?.excluded).toBe('deadline');
  });

  it('sends a heavy item by express, and finds nothing where nothing goes', () => {
    expect(chooseShipping(options, { origin: 'CN', destination: 'US', weightGrams: 5_000, declaredUsd: 10, deadlineDays: null }, rates).chosen?.option.code).toBe('EXP');
    const none = chooseShipping(options, { origin: 'CN', destination: 'BR', weightGrams: 500, declaredUsd: 10, deadlineDays: null }, rates);
    expect(none.chosen).toBeNull();
    expect(none.quotes.every((q) => q.excluded === 'route')).toBe(true);
  });
});

describe('contributionMargin and exchange rates', () => {
  it('is price − commission − logistics − ads − goods', () => {
    const m = contributionMargin({ price: 24.99, commissionRate: 0.15, logistics: 0.85, adsPerUnit: 2.2, cogs: 5.31 });
    expect(m.commission).toBeCloseTo(3.7485, 9);
    expect(m.contribution).toBeCloseTo(24.99 - 3.7485 - 0.85 - 2.2 - 5.31, 9);
    expect(m.marginRate).toBeCloseTo(m.contribution / 24.99, 9);
    expect(contributionMargin({ price: 0, commissionRate: 0.1, logistics: 1, adsPerUnit: 0, cogs: 1 }).marginRate).toBe(0);
  });

  it('converts at units per USD and names a missing rate', () => {
    expect(toUsd(71.5, 'CNY', { CNY: 7.15 })).toBeCloseTo(10, 9);
    expect(fromUsd(10, 'EUR', { EUR: 0.92 })).toBeCloseTo(9.2, 9);
    expect(() => toUsd(1, 'JPY', {})).toThrow(MissingRateError);
  });
});
