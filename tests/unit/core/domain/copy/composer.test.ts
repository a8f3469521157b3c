/**
 * The deterministic composer on the whole demo catalogue: every SKU on every platform in every
 * language gives valid, distinct variants (checked exhaustively for two variants, and as a
 * property for up to ten, with and without a campaign, and after variants already exist).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBrandProfile, type BrandProfile } from '../../../../../src/core/domain/brand/brand-profile.ts';
import { composeVariants, fingerprint, type CopyProduct, type CopyRequest } from '../../../../../src/core/domain/copy/composer.ts';
import { localesForPlatform, platformRules, rulesForPlatform, type CopyLocale } from '../../../../../src/core/domain/copy/platform-rules.ts';
import { validateCopy } from '../../../../../src/core/domain/copy/validate.ts';
import { checkContextFor } from '../../../../../src/core/domain/copy/composer.ts';
import { buildCampaigns } from '../../../../../src/persistence/seed/campaigns.ts';
import { buildCatalogue } from '../../../../../src/persistence/seed/catalogue.ts';
import { buildPlatformsAndBrand } from '../../../../../src/persistence/seed/platforms.ts';

const REF = new Date(Date.UTC(2026, 10, 20));
let products: CopyProduct[];
let brand: BrandProfile;
let platforms: Array<{ id: number; code: string; name: string; marketplace: string }>;
let campaigns: ReturnType<typeof buildCampaigns>;

beforeAll(() => {
  const { tables } = buildCatalogue(REF);
  const pb = buildPlatformsAndBrand(REF);
  brand = toBrandProfile(pb.Brand[0] as Parameters<typeof toBrandProfile>[0]);
  platforms = pb.Platform.map((p) => ({ id: p.id, code: p.code, name: p.name, marketplace: p.marketplace }));
  campaigns = buildCampaigns(REF);
  products = tables.Sku.map((sku) => {
    const p = tables.Product.find((x) => x.id === sku.productId)!;
    const names = p.nameI18n as { zh: string; de: string };
    const features = p.featuresI18n as { zh: string[]; de: string[] };
    const keywords = p.keywordsI18n as { zh: string[]; de: string[] };
    return {
      skuCode: sku.code,
      skuName: sku.name,
      label: sku.name.slice(p.name.length).trim(),
      productName: p.name,
      names: { en: p.name, ...names },
      description: p.description,
      material: p.material,
      category: p.category,
      features: { en: p.features as string[], ...features },
      keywords: { en: p.keywords as string[], ...keywords },
    };
  });
});

function request(product: CopyProduct, platform: (typeof platforms)[number], locale: CopyLocale, campaignCode: string | null): CopyRequest {
  const campaign = campaignCode ? campaigns.Campaign.find((c) => c.code === campaignCode)! : null;
  const mechanics = campaign ? (campaigns.CampaignPlatform.find((c) => c.campaignId === campaign.id && c.platformId === platform.id)?.mechanics as Record<string, unknown> | undefined) ?? null : null;
  return {
    product,
    brand,
    platform,
    rules: rulesForPlatform(platform)!,
    locale,
    campaign: campaign ? { code: campaign.code, name: campaign.name, mechanics } : null,
    platformNames: platformRules().platformNames,
  };
}

/** What is wrong with `n` composed variants (empty when they are valid, distinct and new), and their fingerprints. */
function problems(req: CopyRequest, n: number, avoid: ReadonlySet<string> = new Set()): { problems: string[]; prints: string[] } {
  const variants = composeVariants(req, n, avoid);
  const where = `${req.product.skuCode} ${req.platform.code} ${req.locale}`;
  const out: string[] = [];
  if (variants.length !== n) out.push(`${where}: ${variants.length} of ${n} variants`);
  const prints = variants.map((v) => fingerprint(v.fields));
  if (new Set(prints).size !== prints.length) out.push(`${where}: duplicates`);
  const fields = req.rules.fields.map((f) => f.name).sort().join(',');
  for (const [i, v] of variants.entries()) {
    // Validity is re-checked from scratch, not taken from the composer's own verdict.
    const again = validateCopy(v.fields, checkContextFor(req));
    if (!again.valid) out.push(`${where} #${i}: ${JSON.stringify(again.checks.filter((c) => !c.ok && c.hard))}`);
    if (avoid.has(prints[i] ?? '')) out.push(`${where} #${i}: repeats an existing variant`);
    // Only the platform's own fields, each of them there.
    if (Object.keys(v.fields).sort().join(',') !== fields) out.push(`${where} #${i}: fields ${Object.keys(v.fields).join(',')}`);
  }
  return { problems: out, prints };
}

describe('composeVariants', () => {
  it('gives two valid, distinct variants for every demo SKU × platform × language', () => {
    let combos = 0;
    const found: string[] = [];
    for (const product of products) {
      for (const platform of platforms) {
        for (const locale of localesForPlatform(platform.code).locales) {
          found.push(...problems(request(product, platform, locale, null), 2).problems);
          combos += 1;
        }
      }
    }
    expect(found).toEqual([]);
    expect(combos).toBe(products.length * platforms.length * 3);
  });

  it('gives up to ten valid, distinct variants, with or without a campaign, new ones after existing ones (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.constantFrom<CopyLocale>('en', 'zh', 'de'),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(null, 'black-friday', '11-11', 'anniversary'),
        (skuPick, platformPick, locale, n, campaign) => {
          const product = products[skuPick % products.length]!;
          const platform = platforms[platformPick % platforms.length]!;
          const req = request(product, platform, locale, campaign);
          const first = problems(req, n);
          expect(first.problems).toEqual([]);
          // A second round (a regenerate) avoids everything the first produced.
          expect(problems(req, 1, new Set(first.prints)).problems).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same input gives the same variants', () => {
    const req = request(products.find((p) => p.skuCode === 'WB-500')!, platforms.find((p) => p.code === 'amazon-de')!, 'de', 'black-friday');
    expect(composeVariants(req, 3).map((v) => v.fields)).toEqual(composeVariants(req, 3).map((v) => v.fields));
  });

  it('mentions the campaign where the platform allows it, and never in Amazon copy', () => {
    const wb = products.find((p) => p.skuCode === 'WB-500')!;
    const tiktok = composeVariants(request(wb, platforms.find((p) => p.code === 'tiktok-us')!, 'en', 'black-friday'), 3);
    for (const v of tiktok) expect(v.fields.caption).toContain('30% off');
    const zh = composeVariants(request(wb, platforms.find((p) => p.code === 'shopify')!, 'zh', 'black-friday'), 2);
    for (const v of zh) expect(v.fields.description).toContain('黑色星期五');
    const amazon = composeVariants(request(wb, platforms.find((p) => p.code === 'amazon-us')!, 'en', 'black-friday'), 3);
    for (const v of amazon) expect(JSON.stringify(v.fields)).not.toMatch(/Black Friday|% off/);
  });
});
