/**
 * Facts the demo dataset guarantees, for tests, docs and demos to rely on.
 */
import { PLANTED_ISSUES, DISCONTINUED_SKUS, WB500_ALIEXPRESS_DAYS } from './catalogue.ts';
import { HARD_CASES, JANE, PERSON_COUNT } from './customers.ts';
import { BRAND_NAME, PLATFORMS } from './platforms.ts';
import { HISTORY_DAYS } from './sales.ts';
import { STOCKOUT_SKUS, TRIAL_BATCH, WB500_FBA_COVER_DAYS, WB500_INBOUND_ETA_DAYS, WAREHOUSES } from './stock.ts';

/** What every seeded demo database contains, whatever its reference date. */
export const DEMO_ANCHORS = {
  brand: BRAND_NAME,
  /** The two hero SKUs. */
  skus: ['WB-500', 'BT-100'],
  /** Jane Doe: one person on amazon-us (relay email), shopify (this email) and tiktok-us (phone only). */
  customerEmail: JANE.email,
  customerName: JANE.name,
  customerPhone: JANE.phoneE164,
  customerPlatforms: JANE.platforms,
  customerCount: PERSON_COUNT,
  platforms: PLATFORMS.map((p) => p.code),
  /** Launched 21 days before the reference date. */
  newPlatform: 'tiktok-us',
  warehouses: WAREHOUSES.map((w) => w.code),
  /** WB-500 sells ~1,000 a month on amazon-us; FBA US covers ~16 days, the inbound lands on day 24. */
  wb500: {
    sku: 'WB-500',
    monthlyUnitsAmazonUs: 1_000,
    fbaCoverDays: WB500_FBA_COVER_DAYS,
    inboundEtaDays: WB500_INBOUND_ETA_DAYS,
    aliexpressListedDaysAgo: WB500_ALIEXPRESS_DAYS,
    aliexpressTrialBatch: TRIAL_BATCH,
  },
  /** Under 7 days of cover at their 30-day rate, nothing inbound in time. */
  stockOutSkus: STOCKOUT_SKUS,
  discontinuedSkus: DISCONTINUED_SKUS,
  /** Spends every day, zero attributed revenue over the whole ad history. */
  zeroRevenueCampaign: { platform: 'amazon-de', name: 'SP - Cork Yoga Mat - Broad' },
  /** Planted for the brand audit: a banned claim, a contradicting price, a title over 200 characters. */
  listingIssues: PLANTED_ISSUES,
  campaigns: ['black-friday', '11-11', 'anniversary'],
  team: { alice: 'manager', bob: 'staff', carol: 'cs', dan: 'marketing', erin: 'admin' },
  platformOwners: { bob: ['amazon-us'] },
  hardCases: HARD_CASES,
  /** Sales history: this many days, ending the day before the reference date. */
  historyDays: HISTORY_DAYS,
} as const;
