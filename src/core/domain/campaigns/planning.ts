/**
 * Campaign planning rules: per-platform mechanics (a teaser on social-first platforms, a
 * promotion zone on marketplaces, a site-wide code in the own store), discounts that stay
 * within margin, and the team's tasks assigned by platform ownership with the load balanced.
 * The numbers come from data/campaign-rules.json. Pure functions.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Role } from '../../roles.ts';
import { planningSettings } from '../planning/settings.ts';

const rulesSchema = z.object({
  $comment: z.string().optional(),
  margin: z.object({
    minMarginPct: z.number().min(0).max(0.9),
    otherCostsPct: z.number().min(0).max(0.9),
    maxDiscountPct: z.number().int().min(0).max(90),
    minDiscountPct: z.number().int().min(0).max(90),
    stepPct: z.number().int().min(1).max(50),
  }),
  heroSkusPerPlatform: z.number().int().min(1).max(10),
  teaserDaysBefore: z.number().int().min(0).max(60),
  posterDueDaysBefore: z.number().int().min(0).max(90),
  copyDueDaysBefore: z.number().int().min(0).max(90),
  ownerBonus: z.number().min(0).max(10),
  channels: z.record(
    z.string(),
    z.object({ style: z.enum(['marketplace', 'social', 'own-store']), promotionZone: z.string().optional(), teaser: z.string().optional(), poster: z.string() }),
  ),
});

/** The planning defaults, with USD per unit of each currency for the margin checks. */
export type CampaignRules = z.output<typeof rulesSchema> & { fxToUsd: Readonly<Record<string, number>> };

let fileRules: z.output<typeof rulesSchema> | undefined;

/**
 * The rules in data/campaign-rules.json (read once), with exchange rates from the planning
 * settings (FX_PER_USD), so every money figure of the bot uses the same rates.
 */
export function campaignRules(): CampaignRules {
  fileRules ??= rulesSchema.parse(JSON.parse(readFileSync(new URL('./data/campaign-rules.json', import.meta.url), 'utf8')) as unknown);
  const fxToUsd = Object.fromEntries(Object.entries(planningSettings().fxPerUsd).map(([code, perUsd]) => [code, 1 / perUsd]));
  return { ...fileRules, fxToUsd };
}

/** A SKU the campaign leads with on a platform, with what it costs and sells for. */
export interface HeroSku {
  code: string;
  price: number;
  currency: string;
  unitCost: number;
  costCurrency: string;
}

/**
 * The largest discount (a fraction) that keeps `minMarginPct` of the discounted price after
 * commission, unit cost and other costs (a share of the list price): from
 * price·(1−d)·(1−commission−minMargin) ≥ cost + otherCosts·price.
 * Null when a currency has no reference rate.
 */
export function maxSafeDiscount(hero: HeroSku, commissionRate: number, r: CampaignRules = campaignRules()): number | null {
  const priceFx = r.fxToUsd[hero.currency];
  const costFx = r.fxToUsd[hero.costCurrency];
  if (priceFx === undefined || costFx === undefined || hero.price <= 0) return null;
  const cost = (hero.unitCost * costFx) / priceFx;
  const keep = 1 - commissionRate - r.margin.minMarginPct;
  if (keep <= 0) return 0;
  return 1 - (cost / hero.price + r.margin.otherCostsPct) / keep;
}

/** The discount to run: the safe maximum rounded down to the step, capped, or 0 below the minimum. */
export function campaignDiscount(heroes: readonly HeroSku[], commissionRate: number, r: CampaignRules = campaignRules()): { discountPct: number; maxSafePct: number | null } {
  const safes = heroes.map((h) => maxSafeDiscount(h, commissionRate, r)).filter((d): d is number => d !== null);
  if (safes.length === 0) return { discountPct: 0, maxSafePct: null };
  const safe = Math.min(...safes) * 100;
  const stepped = Math.floor(safe / r.margin.stepPct + 1e-9) * r.margin.stepPct;
  const capped = Math.min(r.margin.maxDiscountPct, stepped);
  return { discountPct: capped >= r.margin.minDiscountPct ? capped : 0, maxSafePct: Math.max(0, Math.floor(safe)) };
}

/** A short code for the own store, e.g. "SPRING27" from "spring-launch" starting in 2027. */
export function discountCode(campaignCode: string, startsOn: Date): string {
  const word = (campaignCode.split(/[^a-z0-9]+/i).find((w) => /[a-z]/i.test(w)) ?? 'SALE').toUpperCase().slice(0, 10);
  return `${word}${String(startsOn.getUTCFullYear() % 100).padStart(2, '0')}`;
}

/** A platform as planning sees it. */
export interface PlanPlatform {
  code: string;
  marketplace: string;
  commissionRate: number;
  heroes: HeroSku[];
}

/** The mechanics of the campaign on one platform (stored as CampaignPlatform.mechanics). */
export function planMechanics(campaignCode: string, startsOn: Date, platform: PlanPlatform, r: CampaignRules = campaignRules()): Record<string, unknown> {
  const channel = r.channels[platform.marketplace] ?? { style: 'marketplace' as const, promotionZone: 'platform campaign page', poster: 'banner' };
  const { discountPct, maxSafePct } = campaignDiscount(platform.heroes, platform.commissionRate, r);
  const heroSkus = platform.heroes.map((h) => h.code);
  const margin = { maxSafeDiscountPct: maxSafePct, marginFloorPct: Math.round(r.margin.minMarginPct * 100) };
  switch (channel.style) {
    case 'social':
      return { type: 'teaser+flash-sale', teaser: channel.teaser ?? 'teaser posts', teaserFromDaysBefore: r.teaserDaysBefore, flashSaleDiscountPct: discountPct, heroSkus, ...margin };
    case 'own-store':
      return {
        type: 'sitewide-code',
        code: discountCode(campaignCode, startsOn),
        discountPct,
        teaser: channel.teaser ?? 'email to subscribers',
        teaserFromDaysBefore: r.teaserDaysBefore,
        heroSkus,
        ...margin,
      };
    case 'marketplace':
      return { type: 'promotion-zone', promotionZone: channel.promotionZone ?? 'platform campaign page', discountPct, heroSkus, ...margin };
  }
}

/** A team member as assignment sees them. */
export interface AssignableMember {
  id: number;
  handle: string;
  roles: readonly Role[];
  owns: readonly string[];
  /** Open and in-progress tasks already on their plate. */
  load: number;
}

/** A task to hand out. */
export interface TaskToAssign {
  kind: 'poster' | 'copy';
  platformCode: string;
}

/** Who may take a task: posters go to marketing (managers when there is none); copy to the platform's owners, staff and marketing. */
export function eligibleFor(task: TaskToAssign, members: readonly AssignableMember[]): AssignableMember[] {
  if (task.kind === 'poster') {
    const marketing = members.filter((m) => m.roles.includes('marketing'));
    return marketing.length > 0 ? marketing : members.filter((m) => m.roles.includes('manager'));
  }
  return members.filter((m) => m.owns.includes(task.platformCode) || m.roles.includes('staff') || m.roles.includes('marketing'));
}

/**
 * Hands out tasks one by one to the eligible member with the least load, where owning the
 * task's platform counts as `ownerBonus` tasks fewer: owners get their platform's work unless
 * they already carry more than `ownerBonus` tasks above someone else who could do it. Ties go
 * to the owner, then the lighter load, then alphabetically. Returns the assignee per task (null when nobody is eligible) and
 * the loads afterwards.
 */
export function assignTasks(
  tasks: readonly TaskToAssign[],
  members: readonly AssignableMember[],
  ownerBonus: number = campaignRules().ownerBonus,
): { assignees: Array<AssignableMember | null>; loads: Map<number, number> } {
  const loads = new Map(members.map((m) => [m.id, m.load]));
  const assignees = tasks.map((task) => {
    const candidates = eligibleFor(task, members);
    if (candidates.length === 0) return null;
    const owns = (m: AssignableMember) => (m.owns.includes(task.platformCode) ? 1 : 0);
    const weight = (m: AssignableMember) => (loads.get(m.id) ?? 0) - owns(m) * ownerBonus;
    const best =
      [...candidates].sort(
        (a, b) => weight(a) - weight(b) || owns(b) - owns(a) || (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || a.handle.localeCompare(b.handle),
      )[0] ?? null;
    if (best) loads.set(best.id, (loads.get(best.id) ?? 0) + 1);
    return best;
  });
  return { assignees, loads };
}
