/**
 * Reads budgets, spend and ad performance for the budget tools. Money in other currencies is
 * converted to USD at the configured reference rates (budgets are kept in USD).
 */
import type { Db } from '../../../persistence/db.ts';
import type { Tx } from '../../tool.ts';
import { toUsd } from '../costs/fx.ts';
import { addDays, DAY_MS, startOfUtcDay } from '../inventory/cover.ts';
import { fitResponseCurve } from './response-curve.ts';
import type { CampaignResult, PlatformPerformance } from './budget-split.ts';
import { daysInPeriod, periodStart } from './amount.ts';

/** Weeks of ad history the response curves are fitted on. */
export const CURVE_WEEKS = 12;
/** Days a key SKU's allocation must last, or its platform's ads are cut. */
export const STOCK_COVER_DAYS = 14;
/** Key SKUs: the advertised ones plus the best sellers making up this share of revenue. */
export const KEY_REVENUE_SHARE = 0.5;

/** One budget line with its spend so far. */
export interface BudgetLineView {
  id: number;
  platformId: number;
  platform: string;
  purpose: string;
  amount: number;
  currency: string;
  version: number;
  updatedAt: Date;
  /** Ad spend in the period up to today, USD (ads lines only). */
  spentUsd: number | null;
}

/** The day after the newest ad data, or today if later (days not imported yet are not zeros). */
export async function adsHorizon(db: Db, today: Date): Promise<Date> {
  const latest = await db.adSpendDaily.aggregate({ where: { day: { lt: today } }, _max: { day: true } });
  return latest._max.day ? addDays(startOfUtcDay(latest._max.day), 1) : today;
}

/** The periods that have budget lines, oldest first. */
export async function budgetPeriods(db: Db): Promise<string[]> {
  const rows = await db.budget.findMany({ distinct: ['period'], select: { period: true }, orderBy: { period: 'asc' } });
  return rows.map((r) => r.period);
}

/** Every budget line of a period with its spend to date. */
export async function budgetLines(db: Db | Tx, period: string, now: Date, perUsd: Readonly<Record<string, number>>): Promise<BudgetLineView[]> {
  const start = periodStart(period);
  const end = addDays(start, daysInPeriod(period));
  const today = startOfUtcDay(now);
  const until = end < today ? end : today;
  const [lines, spend] = await Promise.all([
    db.budget.findMany({ where: { period }, include: { platform: { select: { code: true } } }, orderBy: [{ platform: { code: 'asc' } }, { purpose: 'asc' }] }),
    until > start
      ? db.adSpendDaily.findMany({ where: { day: { gte: start, lt: until } }, select: { spend: true, currency: true, campaign: { select: { platformId: true } } } })
      : Promise.resolve([]),
  ]);
  const spentBy = new Map<number, number>();
  for (const s of spend) spentBy.set(s.campaign.platformId, (spentBy.get(s.campaign.platformId) ?? 0) + toUsd(Number(s.spend), s.currency, perUsd));
  return lines.map((l) => ({
    id: l.id,
    platformId: l.platformId,
    platform: l.platform.code,
    purpose: l.purpose,
    amount: Number(l.amount),
    currency: l.currency,
    version: l.version,
    updatedAt: l.updatedAt,
    spentUsd: l.purpose === 'ads' ? (spentBy.get(l.platformId) ?? 0) : null,
  }));
}

/**
 * What the budget split needs per active platform: the period's ads budget, the last 30 days'
 * spend and attributed revenue, a response curve fitted on the last 12 weeks, and how much of
 * its key SKUs' revenue lacks stock cover.
 */
export async function adsPerformance(db: Db, period: string, now: Date, perUsd: Readonly<Record<string, number>>): Promise<PlatformPerformance[]> {
  const today = await adsHorizon(db, startOfUtcDay(now));
  const from = addDays(today, -CURVE_WEEKS * 7);
  const from30 = addDays(today, -30);
  const [platforms, budgets, spend, campaigns, sales, allocations] = await Promise.all([
    db.platform.findMany({ where: { active: true }, select: { id: true, code: true, stage: true, marketPotential: true }, orderBy: { code: 'asc' } }),
    db.budget.findMany({ where: { period, purpose: 'ads' }, select: { platformId: true, amount: true } }),
    db.adSpendDaily.findMany({ where: { day: { gte: from, lt: today } }, select: { day: true, spend: true, attributedRevenue: true, currency: true, campaign: { select: { platformId: true } } } }),
    db.adCampaign.findMany({ where: { status: 'enabled', skuId: { not: null } }, select: { platformId: true, skuId: true } }),
    db.salesDaily.groupBy({ by: ['skuId', 'platformId'], where: { day: { gte: from30, lt: today } }, _sum: { units: true, revenue: true } }),
    db.channelAllocation.findMany({ select: { skuId: true, platformId: true, quantity: true, sku: { select: { code: true } } } }),
  ]);
  const allocation = new Map(allocations.map((a) => [`${a.skuId}:${a.platformId}`, a]));
  return platforms.map((p): PlatformPerformance => {
    const weeks = Array.from({ length: CURVE_WEEKS }, () => ({ spend: 0, revenue: 0 }));
    let spend30 = 0;
    let revenue30 = 0;
    for (const s of spend) {
      if (s.campaign.platformId !== p.id) continue;
      const usd = toUsd(Number(s.spend), s.currency, perUsd);
      const rev = toUsd(Number(s.attributedRevenue), s.currency, perUsd);
      const week = Math.floor((today.getTime() - s.day.getTime() - 1) / (7 * DAY_MS));
      const bucket = weeks[week];
      if (bucket) {
        bucket.spend += usd;
        bucket.revenue += rev;
      }
      if (s.day >= from30) {
        spend30 += usd;
        revenue30 += rev;
      }
    }
    // Key SKUs: advertised ones, then best sellers until half of the platform's revenue.
    const mine = sales.filter((s) => s.platformId === p.id).map((s) => ({ skuId: s.skuId, units: s._sum.units ?? 0, revenue: Number(s._sum.revenue ?? 0) }));
    mine.sort((a, b) => b.revenue - a.revenue || a.skuId - b.skuId);
    const total = mine.reduce((a, s) => a + s.revenue, 0);
    const key = new Set(campaigns.filter((c) => c.platformId === p.id).map((c) => c.skuId as number));
    let running = 0;
    for (const s of mine) {
      if (running >= total * KEY_REVENUE_SHARE) break;
      key.add(s.skuId);
      running += s.revenue;
    }
    let keyRevenue = 0;
    let shortRevenue = 0;
    const shortSkus: string[] = [];
    for (const s of mine) {
      if (!key.has(s.skuId) || s.units <= 0) continue;
      keyRevenue += s.revenue;
      const a = allocation.get(`${s.skuId}:${p.id}`);
      const cover = (a?.quantity ?? 0) / (s.units / 30);
      if (cover < STOCK_COVER_DAYS) {
        shortRevenue += s.revenue;
        if (a) shortSkus.push(a.sku.code);
      }
    }
    const current = budgets.find((b) => b.platformId === p.id);
    return {
      code: p.code,
      stage: p.stage,
      marketPotential: p.marketPotential,
      current: current ? Number(current.amount) : null,
      spend30,
      revenue30,
      curve: spend30 > 0 ? fitResponseCurve(weeks.filter((w) => w.spend > 0)) : null,
      shortShare: keyRevenue > 0 ? shortRevenue / keyRevenue : 0,
      shortSkus: shortSkus.sort(),
    };
  });
}

/** Every campaign's spend, attributed revenue and orders over the last `days` days (USD). */
export async function campaignResults(db: Db, now: Date, days: number, perUsd: Readonly<Record<string, number>>): Promise<CampaignResult[]> {
  const today = await adsHorizon(db, startOfUtcDay(now));
  const [rows, campaigns] = await Promise.all([
    db.adSpendDaily.groupBy({
      by: ['campaignId', 'currency'],
      where: { day: { gte: addDays(today, -days), lt: today } },
      _sum: { spend: true, attributedRevenue: true, orders: true },
    }),
    db.adCampaign.findMany({ select: { id: true, name: true, platform: { select: { code: true } } } }),
  ]);
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return rows.map((r) => ({
    platform: byId.get(r.campaignId)?.platform.code ?? '?',
    name: byId.get(r.campaignId)?.name ?? `#${r.campaignId}`,
    spend: toUsd(Number(r._sum.spend ?? 0), r.currency, perUsd),
    revenue: toUsd(Number(r._sum.attributedRevenue ?? 0), r.currency, perUsd),
    orders: r._sum.orders ?? 0,
  }));
}
