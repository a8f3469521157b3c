import { describe, expect, it } from 'vitest';
import { auditBrand, quantityClaims, type AuditListing } from '../../../../../src/core/domain/brand/brand-audit.ts';
import { applyBrandChange, toBrandProfile } from '../../../../../src/core/domain/brand/brand-profile.ts';
import { buildPlatformsAndBrand } from '../../../../../src/persistence/seed/platforms.ts';

const brand = toBrandProfile(buildPlatformsAndBrand(new Date(Date.UTC(2026, 10, 20))).Brand[0] as Parameters<typeof toBrandProfile>[0]);
const line = 'Made by Verdant Goods for high quality, sustainable living.';

function listing(platformCode: string, over: Partial<AuditListing> = {}): AuditListing {
  const marketplace = platformCode.split('-')[0]!;
  return {
    skuCode: 'WB-500',
    platformCode,
    marketplace,
    platformRank: { 'amazon-us': 1, 'amazon-de': 2, aliexpress: 3, shopify: 4 }[platformCode] ?? 9,
    variant: 'standard',
    title: 'Verdant Goods Insulated Water Bottle 500 ml',
    bullets: ['Keeps drinks cold for 24 hours and hot for 12 hours'],
    description: `A double-wall bottle. ${line}`,
    searchTerms: platformCode.startsWith('amazon') ? 'insulated water bottle' : null,
    price: 24.99,
    currency: 'USD',
    ...over,
  };
}

describe('quantityClaims', () => {
  it('reads quantities in English, German and Chinese, with thousands separators', () => {
    const claims = (t: string) => Object.fromEntries([...quantityClaims(t)].map(([u, v]) => [u, [...v].sort((a, b) => a - b)]));
    expect(claims('Keeps drinks cold for 24 hours and hot for 12 hrs, 500 ml')).toEqual({ h: [12, 24], ml: [500] });
    expect(claims('Hält Getränke 24 Stunden kalt; hält über 1.000 Ladungen; 5.000 mAh; 2,4 GHz')).toEqual({ h: [24], mAh: [5000] });
    expect(claims('冷饮保冷 24 小时，500 毫升，100% 亚麻')).toEqual({ h: [24], ml: [500], '%': [100] });
    expect(claims('Lasts over 1,000 loads, 20,000 mAh, 1 L')).toEqual({ mAh: [20000], l: [1] });
  });
});

describe('auditBrand', () => {
  it('flags a claim that contradicts every other platform, and not one that only adds detail', () => {
    const listings = [
      listing('amazon-us'),
      listing('amazon-de', { currency: 'EUR', price: 22.99, title: 'Verdant Goods Trinkflasche', bullets: ['Hält Getränke 24 Stunden kalt und 12 Stunden heiß'], description: `x. ${line}` }),
      listing('shopify', { bullets: ['Keeps drinks cold for 24 hours and hot for 12 hours', 'Charged by 18 hours of sunshine'] }),
      listing('aliexpress', { bullets: ['Keeps drinks cold for 48 hours and hot for 12 hours'] }),
    ];
    const findings = auditBrand(listings, brand).filter((f) => f.kind === 'claim-conflict');
    expect(findings).toEqual([
      expect.objectContaining({ platformCode: 'aliexpress', unit: 'h', values: [48] }),
    ]);
  });

  it('flags a price far from the most established platform’s, only within one currency and pack', () => {
    const listings = [
      listing('amazon-us', { price: 29.99 }),
      listing('aliexpress', { price: 8.99 }),
      listing('shopify', { price: 25.49 }),
      listing('amazon-de', { price: 9.99, currency: 'EUR' }),
      listing('shopee-my', { price: 8.9, currency: 'USD', variant: 'mini-pack' }),
    ];
    const prices = auditBrand(listings, brand).filter((f) => f.kind === 'price-conflict');
    expect(prices).toEqual([expect.objectContaining({ platformCode: 'aliexpress', reference: { platformCode: 'amazon-us', price: 29.99 } })]);
  });

  it('flags banned claims in any language, broken limits, and missing values or brand name', () => {
    const listings = [
      listing('amazon-us', { description: `Our bottle cures headaches. ${line}` }),
      listing('amazon-de', { title: 'x'.repeat(201), description: 'Verdant Goods. Es heilt alles.', bullets: [] }),
      listing('shopify', { title: 'Insulated Water Bottle — 500 ml', description: 'A double-wall bottle that keeps water cold on a long summer day, for high quality, sustainable living.' }),
    ];
    const f = auditBrand(listings, brand).map((x) => `${x.platformCode}:${x.kind}${x.kind === 'limit' ? `:${x.check.id}:${x.check.field}` : ''}`);
    expect(f).toEqual([
      'amazon-de:banned-claim',
      'amazon-us:banned-claim',
      'amazon-de:limit:length:title',
      'amazon-de:limit:count:bullets',
      'amazon-de:missing-values',
      'shopify:missing-required',
    ]);
  });
});

describe('applyBrandChange', () => {
  it('adds, removes and sets case-insensitively, and refuses to empty what must not be empty', () => {
    const added = applyBrandChange(brand, { field: 'banned', op: 'add', locale: 'en', phrases: ['Miracle', 'eco-friendly'] });
    expect(added.kind === 'changed' && added.after.bannedPhrases.en.at(-1)).toBe('eco-friendly');
    expect(applyBrandChange(brand, { field: 'banned', op: 'add', locale: 'en', phrases: ['MIRACLE'] })).toEqual({ kind: 'unchanged', reason: 'already-present' });
    expect(applyBrandChange(brand, { field: 'values', op: 'remove', locale: 'en', phrases: ['high quality', 'sustainable living'] })).toEqual({ kind: 'invalid', reason: 'values-empty' });
    expect(applyBrandChange(brand, { field: 'values', op: 'remove', locale: 'zh', phrases: ['高品质', '可持续生活'] }).kind).toBe('changed');
    expect(applyBrandChange(brand, { field: 'required', op: 'remove', locale: 'en', phrases: ['verdant goods'] })).toEqual({ kind: 'invalid', reason: 'required-empty' });
    expect(applyBrandChange(brand, { field: 'tone', op: 'set', text: brand.tone })).toEqual({ kind: 'unchanged', reason: 'same' });
    // The original is never modified.
    expect(brand.bannedPhrases.en).not.toContain('eco-friendly');
  });
});
