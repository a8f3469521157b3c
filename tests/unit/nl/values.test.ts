import { describe, expect, it } from 'vitest';
import { chineseNumber, findAmount, findCount, findEmail, findOrderId, findPeriod, findPhone } from '../../../src/nl/router/values.ts';

const now = new Date('2026-11-20T12:00:00Z');

describe('findPeriod', () => {
  it.each([
    ['split 80k for December', '2026-12'],
    ['budget for march', '2027-03'],
    ['12月预算8万', '2026-12'],
    ['三月的预算', '2027-03'],
    ['next month', '2026-12'],
    ['下个月', '2026-12'],
    ['this month', '2026-11'],
    ['2027-02 plan', '2027-02'],
    ['2026年12月', '2026-12'],
    ['Q1', '2027-Q1'],
    ['第四季度', '2026-Q4'],
    ['budget for May 2027', '2027-05'],
  ])('%j → %s', (text, period) => {
    expect(findPeriod(text, now)).toBe(period);
  });

  it('does not take the verb "may" for a month', () => {
    expect(findPeriod('may I see the budget', now)).toBeNull();
  });
});

describe('findAmount', () => {
  it.each([
    ['split 80k for December', 80_000, null, null],
    ['$80,000 next month', 80_000, 'USD', null],
    ['12月预算8万', 80_000, null, null],
    ['预算八万', 80_000, null, null],
    ['1.5万 for shopee', 15_000, null, null],
    ['cut 2k from tiktok', 2_000, null, -1],
    ['+500 for amazon-us ads', 500, null, 1],
    ['减少 3000 元', 3_000, 'CNY', -1],
    ['€5k', 5_000, 'EUR', null],
  ])('%j → %d %s', (text, value, currency, sign) => {
    expect(findAmount(text)).toEqual({ value, currency, sign });
  });

  it('ignores years, dates and quantities', () => {
    expect(findAmount('2026年12月')).toBeNull();
    expect(findAmount('WB-500 in 2027-03')).toBeNull();
    expect(findAmount('500 units of stock')).toBeNull();
  });
});

describe('customer keys and counts', () => {
  it('finds emails, E.164 phones and order ids', () => {
    expect(findEmail('what did jane.doe@example.com buy?')).toBe('jane.doe@example.com');
    expect(findPhone('call (415) 555-0123')).toBe('+14155550123');
    expect(findPhone('+60 12-345 6789')).toBe('+60123456789');
    expect(findOrderId('order 112-1234567-1234567 please')).toBe('112-1234567-1234567');
    expect(findPhone('order 112-1234567-1234567 please')).toBeNull();
    expect(findOrderId('shopify order #1042')).toBe('#1042');
    expect(findOrderId('订单 5761234567890123456 到了吗')).toBe('5761234567890123456');
  });

  it('reads small counts in words, digits and Chinese', () => {
    expect(findCount('write three TikTok titles')).toBe(3);
    expect(findCount('5 variants please')).toBe(5);
    expect(findCount('写三条标题')).toBe(3);
    expect(findCount('write titles')).toBeNull();
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('二十')).toBe(20);
  });
});
