import { describe, expect, it } from 'vitest';
import { daysInPeriod, monthsBetween, parseAmount, parsePeriod, periodOf } from '../../../../../src/core/domain/budget/amount.ts';

describe('parseAmount', () => {
  it.each([
    ['80000', 80_000, false],
    ['80,000', 80_000, false],
    ['80k', 80_000, false],
    ['$80K', 80_000, false],
    ['8万', 80_000, false],
    ['1.5万', 15_000, false],
    ['+5000', 5_000, true],
    ['-2k', -2_000, true],
    ['－3千', -3_000, true],
    ['+1,234.56', 1_234.56, true],
    ['2m', 2_000_000, false],
    ['500 USD', 500, false],
  ])('%s → %d', (text, value, signed) => {
    expect(parseAmount(text)).toEqual({ value, signed });
  });

  it.each(['', 'abc', '5,00', '1e5', '--5', '5kk', '80 000 000 000 000 000 000 000'])('rejects %j', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('periods', () => {
  it('parses months in the forms people type', () => {
    expect(parsePeriod('2026-12')).toBe('2026-12');
    expect(parsePeriod('2026/1')).toBe('2026-01');
    expect(parsePeriod('2026年12月')).toBe('2026-12');
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('12-2026')).toBeNull();
    expect(parsePeriod('next month')).toBeNull();
  });

  it('does month arithmetic', () => {
    expect(periodOf(new Date(Date.UTC(2026, 10, 20)), 1)).toBe('2026-12');
    expect(periodOf(new Date(Date.UTC(2026, 11, 31)), 1)).toBe('2027-01');
    expect(monthsBetween('2026-11', '2027-02')).toBe(3);
    expect(daysInPeriod('2026-12')).toBe(31);
    expect(daysInPeriod('2028-02')).toBe(29);
  });
});
