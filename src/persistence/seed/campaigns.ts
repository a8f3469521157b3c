/**
 * Cross-platform campaigns (Black Friday, 11.11, the brand anniversary) with per-platform
 * mechanics, and the team's tasks around them. Dates follow the reference date so the demo
 * always has a campaign coming up and one just finished.
 */
import { addDays, addSeconds, blackFriday, cyberMonday, utcDate } from './calendar.ts';
import { platformByCode, type PlatformCode } from './platforms.ts';
import { memberId } from './team.ts';
import type { DemoTables } from './types.ts';

interface CampaignSpec {
  code: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
  description: string;
  mechanics: Partial<Record<PlatformCode, Record<string, unknown>>>;
}

/** The Black Friday the demo plans for: this year's, until two weeks after Cyber Monday. */
export function demoBlackFriday(ref: Date): Date {
  const year = ref.getUTCFullYear();
  return ref.getTime() <= addDays(cyberMonday(year), 14).getTime() ? blackFriday(year) : blackFriday(year + 1);
}

function status(ref: Date, startsOn: Date, endsOn: Date): string {
  if (ref < startsOn) return 'planned';
  if (ref > endsOn) return 'ended';
  return 'running';
}

/** Builds campaigns, their per-platform mechanics and tasks. */
export function buildCampaigns(ref: Date): Pick<DemoTables, 'Campaign' | 'CampaignPlatform' | 'Task'> {
  const bf = demoBlackFriday(ref);
  const bfYear = bf.getUTCFullYear();
  const singlesYear = ref >= utcDate(ref.getUTCFullYear(), 11, 9) ? ref.getUTCFullYear() : ref.getUTCFullYear() - 1;
  let anniversary = utcDate(ref.getUTCFullYear(), 3, 18);
  if (anniversary < ref) anniversary = utcDate(ref.getUTCFullYear() + 1, 3, 18);

  const specs: CampaignSpec[] = [
    {
      code: 'black-friday',
      name: `Black Friday & Cyber Monday ${bfYear}`,
      startsOn: addDays(bf, -7),
      endsOn: addDays(bf, 3),
      description:
        'Black Week on every western channel: early deals from the Friday before, the biggest discounts on Black Friday and Cyber Monday. Hero products WB-500 and BT-100; every creative leads with quality and plastic-free packaging.',
      mechanics: {
        'amazon-us': { type: 'lightning-deal', discountPct: 25, dealSkus: ['WB-500', 'BT-100', 'SP-2'], primeExclusive: true, couponPct: 10, teaser: 'early deals from the Friday before' },
        'amazon-de': { type: 'coupon', discountPct: 20, couponSkus: ['WB-500', 'TRV-1', 'BW-3'], label: 'Black Week Angebote' },
        shopify: { type: 'sitewide-code', code: `VERDANT${bfYear % 100}`, discountPct: 25, freeGift: { sku: 'TT-2-NAT', minOrderUsd: 60 }, emailTeaserDaysBefore: 5 },
        'tiktok-us': { type: 'live-shopping', liveSessions: 3, flashSaleDiscountPct: 30, creatorCollabs: 4, teaserVideosFromDaysBefore: 5 },
        aliexpress: { type: 'store-coupon', tiers: [{ minUsd: 25, offUsd: 3 }, { minUsd: 50, offUsd: 8 }] },
      },
    },
    {
      code: '11-11',
      name: `11.11 Singles' Day ${singlesYear}`,
      startsOn: utcDate(singlesYear, 11, 4),
      endsOn: utcDate(singlesYear, 11, 12),
      description: "Singles' Day on the Asian marketplaces: warm-up from 4 November, the main sale on the 11th. Mini packs and bundles for price-sensitive buyers.",
      mechanics: {
        aliexpress: { type: 'platform-event', discountPct: 30, preSaleAddToCartFrom: `${singlesYear}-11-04`, coupons: [{ minUsd: 35, offUsd: 5 }], promoZone: 'Choice Day' },
        'shopee-my': { type: 'mega-sale', shopVoucher: { minSpendMyr: 50, offMyr: 8 }, freeShippingMinMyr: 30, flashDealSlots: ['00:00', '12:00', '21:00'], liveStream: true },
      },
    },
    {
      code: 'anniversary',
      name: `${'Verdant Goods'} Anniversary Week ${anniversary.getUTCFullYear()}`,
      startsOn: anniversary,
      endsOn: addDays(anniversary, 6),
      description:
        'The brand anniversary on every platform at once: the brand-story video, customer reviews and a thank-you discount, each adapted to the platform.',
      mechanics: {
        'amazon-us': { type: 'coupon', discountPct: 15, brandStoryModule: true },
        'amazon-de': { type: 'coupon', discountPct: 15, brandStoryModule: true },
        aliexpress: { type: 'store-coupon', tiers: [{ minUsd: 20, offUsd: 3 }] },
        'shopee-my': { type: 'shop-voucher', minSpendMyr: 40, offMyr: 6, liveStream: true },
        'tiktok-us': { type: 'creator-challenge', hashtag: '#VerdantEveryday', flashSaleDiscountPct: 20 },
        shopify: { type: 'loyalty', doublePoints: true, discountPct: 15, story: 'brand story page and founder video' },
      },
    },
  ];

  const Campaign: DemoTables['Campaign'] = specs.map((s, i) => ({
    id: i + 1,
    code: s.code,
    name: s.name,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    status: status(ref, s.startsOn, s.endsOn),
    description: s.description,
    createdAt: addSeconds(new Date(Math.min(addDays(s.startsOn, -45).getTime(), addDays(ref, -2).getTime())), 9 * 3600),
  }));
  const CampaignPlatform: DemoTables['CampaignPlatform'] = specs.flatMap((s, i) =>
    Object.entries(s.mechanics).map(([code, mechanics]) => ({
      campaignId: i + 1,
      platformId: platformByCode(code as PlatformCode).id,
      mechanics: mechanics as Record<string, string | number | boolean | object>,
    })),
  );

  // Peak-season split of work from the playbook: designers make per-platform posters, operators write per-platform copy.
  const task = (
    kind: string,
    title: string,
    assignee: string,
    platform: PlatformCode | null,
    campaign: number | null,
    due: Date,
    state: 'open' | 'in_progress' | 'done',
    createdDaysAgo: number,
  ) => ({ kind, title, assignee, platform, campaign, due, state, createdDaysAgo });
  // Open work is due in the coming days, finished work was due before the reference date.
  const tasks = [
    task('poster', 'Black Friday poster for Amazon US (A+ banner, 1464×600)', 'dan', 'amazon-us', 1, addDays(ref, 2), 'in_progress', 12),
    task('poster', 'Black Friday vertical teaser video for TikTok Shop', 'dan', 'tiktok-us', 1, addDays(ref, 3), 'open', 12),
    task('copy', 'Black Friday deal copy for Amazon US (WB-500, BT-100, SP-2)', 'bob', 'amazon-us', 1, addDays(ref, -4), 'done', 14),
    task('copy', 'Black Friday live-shopping script for TikTok Shop', 'dan', 'tiktok-us', 1, addDays(ref, 4), 'open', 10),
    task('listing', 'Check lightning-deal eligibility and reviews for WB-500', 'bob', 'amazon-us', 1, addDays(ref, 1), 'in_progress', 9),
    task('listing', 'Replenish WB-500 at FBA US: inbound lands after the stock runs out', 'bob', 'amazon-us', null, addDays(ref, 2), 'open', 1),
    task('training', 'Team training: TikTok Shop ads policy update', 'alice', 'tiktok-us', null, addDays(ref, 10), 'open', 6),
    task('report', "11.11 results recap for AliExpress and Shopee", 'alice', 'aliexpress', 2, addDays(ref, -3), 'done', 8),
    task('cs', 'Answer open tickets older than 48 hours', 'carol', null, null, addDays(ref, 1), 'open', 2),
  ];
  const Task: DemoTables['Task'] = tasks.map((t, i) => ({
    id: i + 1,
    campaignId: t.campaign,
    platformId: t.platform ? platformByCode(t.platform).id : null,
    assigneeId: memberId(t.assignee),
    kind: t.kind,
    title: t.title,
    status: t.state,
    dueOn: t.due,
    createdAt: addSeconds(addDays(ref, -t.createdDaysAgo), 10 * 3600),
  }));
  return { Campaign, CampaignPlatform, Task };
}
