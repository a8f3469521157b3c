import { beforeAll, describe, expect, it } from 'vitest';
import { blackFriday, cyberMonday, primeDay } from '../../../src/persistence/seed/calendar.ts';
import { buildDemoDataset, DEMO_ANCHORS, type DemoTables } from '../../../src/persistence/seed/index.ts';
import { e164, formatPhone, type Phone } from '../../../src/persistence/seed/people.ts';
import { BANNED_PHRASES } from '../../../src/persistence/seed/platforms.ts';
import { INSERT_ORDER } from '../../../src/persistence/seed/types.ts';

const REF = new Date(Date.UTC(2026, 10, 20));
const DAY = 86_400_000;
let data: DemoTables;

beforeAll(() => {
  data = buildDemoDataset(REF);
});

const time = (v: Date | string): number => new Date(v).getTime();

describe('calendar', () => {
  it('knows the marketplace event days', () => {
    expect(blackFriday(2025).toISOString().slice(0, 10)).toBe('2025-11-28');
    expect(blackFriday(2026).toISOString().slice(0, 10)).toBe('2026-11-27');
    // 2029: November has five Fridays; Black Friday is still the day after Thanksgiving.
    expect(blackFriday(2029).toISOString().slice(0, 10)).toBe('2029-11-23');
    expect(cyberMonday(2026).toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(primeDay(2026).getUTCDay()).toBe(2);
    expect(primeDay(2026).getUTCMonth()).toBe(6);
  });
});

describe('phone formats', () => {
  const jane: Phone = { country: 'US', national: '4155550123', areaLength: 3 };

  it('writes one number the ways different platforms do', () => {
    expect(formatPhone(jane, 'intl')).toBe('+1 415-555-0123');
    expect(formatPhone(jane, 'national')).toBe('(415) 555-0123');
    expect(formatPhone(jane, 'digits')).toBe('4155550123');
    expect(formatPhone(jane, 'dots')).toBe('415.555.0123');
    expect(e164(jane)).toBe('+14155550123');
    const kl: Phone = { country: 'MY', national: '123456789', areaLength: 2 };
    expect(formatPhone(kl, 'cc-digits')).toBe('60123456789');
    expect(formatPhone(kl, 'intl')).toBe('+60 12-345 6789');
    expect(formatPhone(kl, 'national')).toBe('012-345 6789');
    const berlin: Phone = { country: 'DE', national: '3012345678', areaLength: 2 };
    expect(formatPhone(berlin, 'intl')).toBe('+49 30 12345678');
    expect(formatPhone(berlin, 'national')).toBe('030 12345678');
  });
});

describe('buildDemoDataset', () => {
  it('is deterministic in memory', () => {
    const again = buildDemoDataset(new Date(REF.getTime() + 5 * 3_600_000));
    for (const table of INSERT_ORDER) expect(again[table], table).toEqual(data[table]);
  });

  it('gives every row of a table the same columns and unique ids', () => {
    for (const table of INSERT_ORDER) {
      const rows = data[table] as object[];
      const keys = JSON.stringify(Object.keys(rows[0] ?? {}));
      expect(rows.every((r) => JSON.stringify(Object.keys(r)) === keys), table).toBe(true);
      const ids = rows.map((r) => (r as { id?: number }).id).filter((id) => id !== undefined);
      expect(new Set(ids).size, table).toBe(ids.length);
    }
  });

  it('keeps listings within the rules, apart from the planted problems', () => {
    const issues = DEMO_ANCHORS.listingIssues;
    const skuCode = new Map(data.Sku.map((s) => [s.id, s.code]));
    const platformCode = new Map(data.Platform.map((p) => [p.id, p.code]));
    for (const l of data.Listing) {
      const sku = skuCode.get(l.skuId);
      const platform = platformCode.get(l.platformId);
      const text = `${l.title} ${JSON.stringify(l.bullets)} ${l.description} ${l.searchTerms ?? ''}`.toLowerCase();
      const banned = BANNED_PHRASES.filter((p) => text.includes(p.toLowerCase()));
      const planted = sku === issues.bannedClaim.sku && platform === issues.bannedClaim.platform;
      expect(banned, `${sku} on ${platform}`).toEqual(planted ? [issues.bannedClaim.phrase] : []);
      expect(l.description, `${sku} on ${platform}`).toContain(DEMO_ANCHORS.brand);
      if (platform?.startsWith('amazon') && !(sku === issues.longTitle.sku && platform === issues.longTitle.platform)) {
        expect(l.title.length, `${sku} on ${platform}`).toBeLessThanOrEqual(200);
        expect(l.externalId).toMatch(/^B0[A-Z0-9]{8}$/);
      }
      expect(Number(l.price)).toBeGreaterThan(0);
    }
    expect(data.Listing.filter((l) => l.variant === 'eco-pack').map((l) => platformCode.get(l.platformId))).toSatisfy((ps: (string | undefined)[]) =>
      ps.every((p) => p === 'amazon-de' || p === 'shopify'),
    );
    expect(data.Listing.filter((l) => l.variant === 'mini-pack').map((l) => platformCode.get(l.platformId))).toSatisfy((ps: (string | undefined)[]) =>
      ps.every((p) => p === 'shopee-my' || p === 'aliexpress'),
    );
  });

  it('dates nothing that has happened after the reference date, and every ETA ahead of it is still open', () => {
    const past: Array<[string, (Date | string | null)[]]> = [
      ['Listing.updatedAt', data.Listing.map((r) => r.updatedAt)],
      ['StockLevel.updatedAt', data.StockLevel.map((r) => r.updatedAt)],
      ['ChannelAllocation.updatedAt', data.ChannelAllocation.map((r) => r.updatedAt)],
      ['InboundShipment.createdAt', data.InboundShipment.map((r) => r.createdAt)],
      ['SalesDaily.day', data.SalesDaily.map((r) => r.day)],
      ['AdSpendDaily.day', data.AdSpendDaily.map((r) => r.day)],
      ['Customer.createdAt', data.Customer.map((r) => r.createdAt)],
      ['CustomerIdentity.createdAt', data.CustomerIdentity.map((r) => r.createdAt)],
      ['IdentityLink.createdAt', data.IdentityLink.map((r) => r.createdAt)],
      ['Order.orderedAt', data.Order.map((r) => r.orderedAt)],
      ['Order.shippedAt', data.Order.map((r) => r.shippedAt)],
      ['Ticket.updatedAt', data.Ticket.map((r) => r.updatedAt)],
      ['Review.createdAt', data.Review.map((r) => r.createdAt)],
      ['Budget.updatedAt', data.Budget.map((r) => r.updatedAt)],
      ['Task.createdAt', data.Task.map((r) => r.createdAt)],
      ['TeamMember.createdAt', data.TeamMember.map((r) => r.createdAt)],
    ];
    for (const [column, values] of past) {
      expect(values.filter((v) => v !== null && time(v) >= REF.getTime()), column).toEqual([]);
    }
    for (const s of data.InboundShipment) {
      if (s.status === 'in_transit' || s.status === 'planned') expect(time(s.eta)).toBeGreaterThan(REF.getTime());
      if (s.status === 'received') expect(time(s.eta)).toBeLessThanOrEqual(REF.getTime());
    }
  });

  it('orders tickets and shipments in time, and ships after ordering', () => {
    for (const o of data.Order) {
      if (o.shippedAt) expect(time(o.shippedAt)).toBeGreaterThan(time(o.orderedAt));
      if (o.status === 'unshipped' || o.status === 'pending' || o.status === 'cancelled') expect(o.shippedAt).toBeNull();
      else expect(o.shippedAt).not.toBeNull();
    }
    for (const t of data.Ticket) expect(time(t.updatedAt)).toBeGreaterThanOrEqual(time(t.createdAt));
    const totals = new Map<number, number>();
    for (const l of data.OrderLine) totals.set(l.orderId, (totals.get(l.orderId) ?? 0) + l.quantity * Number(l.unitPrice));
    for (const o of data.Order) expect(Number(o.total)).toBeCloseTo(totals.get(o.id) ?? -1, 2);
  });

  it('has one customer-written ticket that tries to give the bot orders', () => {
    const injection = data.Ticket.filter((t) => /ignore all previous instructions/i.test(t.body));
    expect(injection).toHaveLength(1);
    expect(injection[0]!.status).toBe('open');
  });

  it('starts tiktok-us sales at its launch and keeps sales within the last 365 days', () => {
    const tiktok = data.Platform.find((p) => p.code === 'tiktok-us')!;
    const tiktokDays = data.SalesDaily.filter((s) => s.platformId === tiktok.id).map((s) => time(s.day));
    expect(Math.min(...tiktokDays)).toBeGreaterThanOrEqual(time(tiktok.launchedOn));
    expect(time(tiktok.launchedOn)).toBe(REF.getTime() - 21 * DAY);
  });
});
