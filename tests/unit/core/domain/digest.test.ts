/** The daily stock digest's composition: which listings, in which order, and what their inbound means. */
import { describe, expect, it } from 'vitest';
import { addDays, dailyRate, projectStockout, type Arrival } from '../../../../src/core/domain/inventory/cover.ts';
import { composeDigest, renderDigest, type ListingCover } from '../../../../src/core/domain/inventory/digest.ts';
import { translator } from '../../../../src/core/i18n/index.ts';

const today = new Date('2026-11-20T00:00:00Z');
const en = translator('en');
const zh = translator('zh');

/** A listing as the digest source builds it: allocation, 30-day sales and inbound through projectStockout. */
function listing(sku: string, platform: string, allocated: number, sold30: number, arrivals: Arrival[] = []): ListingCover {
  const rate = dailyRate(sold30);
  const next = [...arrivals].sort((a, b) => a.eta.getTime() - b.eta.getTime())[0] ?? null;
  return { sku, platform, allocated, rate, nextArrival: next, projection: projectStockout({ available: allocated, rate, arrivals, today }) };
}

const day = (n: number): Date => addDays(today, n);

describe('composeDigest', () => {
  it('lists what runs out within the horizon, soonest first, then the faster seller, then by code', () => {
    const digest = composeDigest(
      [
        listing('BT-100', 'shopify', 300, 300), // 10/day → day 30: beyond 14 days
        listing('WB-500', 'amazon-us', 100, 300), // 10/day → day 10
        listing('SP-2', 'aliexpress', 60, 60), // 2/day → day 30
        listing('CN-LAV', 'amazon-de', 20, 60), // 2/day → day 10, slower than WB-500
        listing('AB-1', 'tiktok-us', 20, 60), // 2/day → day 10, same rate as CN-LAV: by code
        listing('NF-1', 'shopee-my', 15, 150), // 5/day → day 3
      ],
      { today },
    );
    expect(digest.lines.map((l) => `${l.cover.sku} ${l.cover.platform}`)).toEqual([
      'NF-1 shopee-my',
      'WB-500 amazon-us',
      'AB-1 tiktok-us',
      'CN-LAV amazon-de',
    ]);
    expect(digest.lines.map((l) => l.stockout)).toEqual([day(3), day(10), day(10), day(10)]);
    expect(digest).toMatchObject({ total: 4, late: 0, rescued: 0, checked: 6, horizonDays: 14 });
  });

  it('says inbound that arrives after the stock-out is too late, by how many days', () => {
    // 30/day from 300: out on day 10, and the 1,200 arrive on day 22.
    const digest = composeDigest([listing('WB-500', 'amazon-us', 300, 900, [{ eta: day(22), quantity: 1200 }])], { today });
    expect(digest.lines).toHaveLength(1);
    expect(digest.lines[0]?.stockout).toEqual(day(10));
    expect(digest.lines[0]?.inbound).toEqual({ kind: 'too-late', eta: day(22), quantity: 1200, daysLate: 12 });
    expect(digest.late).toBe(1);
  });

  it('counts inbound that arrives in time, and says when it is not enough', () => {
    // 10/day from 50: out on day 5 alone; 40 more on day 3 push it to day 9, still within 14 days.
    const short = listing('SP-2', 'amazon-us', 50, 300, [{ eta: day(3), quantity: 40 }]);
    // 10/day from 50: out on day 5 alone; 1,000 on day 4 push it far beyond the horizon.
    const rescued = listing('BT-100', 'amazon-us', 50, 300, [{ eta: day(4), quantity: 1000 }]);
    const digest = composeDigest([short, rescued], { today });
    expect(digest.lines.map((l) => l.cover.sku)).toEqual(['SP-2']);
    expect(digest.lines[0]?.stockout).toEqual(day(9));
    expect(digest.lines[0]?.inbound).toEqual({ kind: 'in-time', eta: day(3) });
    expect(digest).toMatchObject({ total: 1, late: 0, rescued: 1 });
  });

  it('puts a listing that has already run out first, as out today', () => {
    const digest = composeDigest([listing('SP-2', 'shopify', 40, 300), listing('JD-60', 'shopify', 0, 3)], { today });
    expect(digest.lines[0]?.cover.sku).toBe('JD-60');
    expect(digest.lines[0]?.stockout).toEqual(today);
    const reply = renderDigest(digest, en, 'en');
    expect(reply.tables?.[0]?.rows[0]).toMatchObject({ sku: 'JD-60', stockout: 'today (out)', cover: '0 d', inbound: 'nothing inbound' });
  });

  it('leaves out listings that sell nothing, even with nothing allocated', () => {
    const digest = composeDigest([listing('OLD-1', 'ebay-us', 0, 0), listing('OLD-2', 'ebay-us', 10, 0)], { today });
    expect(digest).toMatchObject({ total: 0, rescued: 0, checked: 2, lines: [] });
  });

  it('includes the last day of the horizon and not the day after', () => {
    const onLastDay = listing('A-1', 'shopify', 140, 300); // 10/day → day 14
    const dayAfter = listing('A-2', 'shopify', 150, 300); // 10/day → day 15
    expect(composeDigest([onLastDay, dayAfter], { today }).lines.map((l) => l.cover.sku)).toEqual(['A-1']);
    expect(composeDigest([onLastDay, dayAfter], { today, horizonDays: 15 }).total).toBe(2);
  });

  it('shows at most `limit` lines and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => listing(`S-${String(i).padStart(2, '0')}`, 'shopify', 10 + i, 300));
    const digest = composeDigest(many, { today });
    expect(digest.total).toBe(13);
    expect(digest.lines).toHaveLength(10);
    expect(digest.lines.at(-1)?.cover.sku).toBe('S-09');
  });
});

describe('renderDigest', () => {
  it('is a table of the lines with a /stock button per line, and notes what was left out', () => {
    const many = Array.from({ length: 12 }, (_, i) => listing(`S-${String(i).padStart(2, '0')}`, i % 2 ? 'shopify' : 'amazon-us', 10 + 5 * i, 300));
    // 30/day from 30: out tomorrow, with S-00 and S-01, but the fastest seller of the three.
    const late = listing('WB-500', 'amazon-us', 30, 900, [{ eta: day(22), quantity: 1200 }]);
    const reply = renderDigest(composeDigest([...many, late], { today, limit: 10 }), en, 'en');
    expect(reply.kind).toBe('result');
    expect(reply.title).toBe('Stock digest · 2026-11-20');
    expect(reply.summary).toBe('13 listings run out in the next 14 days, 1 of them before their inbound arrives. Soonest first:');
    const rows = reply.tables?.[0]?.rows ?? [];
    expect(rows).toHaveLength(10);
    expect(reply.actions).toHaveLength(10);
    expect(reply.actions?.[0]).toEqual({ id: 'stock:WB-500:amazon-us', label: 'WB-500 · amazon-us', command: '/stock WB-500 amazon-us' });
    expect(reply.actions?.map((a) => a.command)).toEqual(rows.map((r) => `/stock ${r.sku} ${r.platform}`));
    expect(reply.notes?.[0]).toBe('…and 3 more');
    expect(rows[0]).toEqual({ sku: 'WB-500', platform: 'amazon-us', rate: '30', cover: '1 d', stockout: '2026-11-21', inbound: '2026-12-12: 21 d too late' });
    expect(rows[1]).toMatchObject({ sku: 'S-00', inbound: 'nothing inbound' });
  });

  it('says in one line that nothing runs out, with no table and no buttons', () => {
    const reply = renderDigest(composeDigest([listing('BT-100', 'shopify', 3000, 300)], { today }), en, 'en');
    expect(reply.summary).toBe('Nothing runs out in the next 14 days (listings checked: 1).');
    expect(reply.tables).toBeUndefined();
    expect(reply.actions).toBeUndefined();
  });

  it('speaks Chinese when asked, with the same buttons', () => {
    const digest = composeDigest([listing('SP-2', 'amazon-us', 50, 300, [{ eta: day(3), quantity: 40 }])], { today });
    const reply = renderDigest(digest, zh, 'zh');
    expect(reply.locale).toBe('zh');
    expect(reply.title).toBe('库存日报 · 2026-11-20');
    expect(reply.summary).toBe('未来 14 天内有 1 个在售商品断货。按断货先后排列：');
    expect(reply.tables?.[0]?.rows[0]?.inbound).toBe('2026-11-23：按时到达，仍不够');
    expect(reply.actions?.[0]?.command).toBe('/stock SP-2 amazon-us');
  });
});
