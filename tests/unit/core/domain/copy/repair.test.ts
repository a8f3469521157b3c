import { describe, expect, it } from 'vitest';
import { toBrandProfile } from '../../../../../src/core/domain/brand/brand-profile.ts';
import { platformRules, rulesForPlatform } from '../../../../../src/core/domain/copy/platform-rules.ts';
import { repairCopy } from '../../../../../src/core/domain/copy/repair.ts';
import { validateCopy, type CheckContext } from '../../../../../src/core/domain/copy/validate.ts';
import { buildPlatformsAndBrand } from '../../../../../src/persistence/seed/platforms.ts';

const brand = toBrandProfile(buildPlatformsAndBrand(new Date(Date.UTC(2026, 10, 20))).Brand[0] as Parameters<typeof toBrandProfile>[0]);
const rules = rulesForPlatform({ code: 'amazon-us', name: 'Amazon US', marketplace: 'amazon' })!;
const ctx: CheckContext = { rules, brand, locale: 'en', platformNames: platformRules().platformNames, keywords: [], campaignMentions: null };
const brandSentence = 'Made by Verdant Goods for high quality and sustainable living.';

describe('repairCopy', () => {
  it('fixes what can be fixed: characters, length, bytes, banned sentences, the brand sentence', () => {
    const broken = {
      title: `Verdant Goods Bottle! Keeps drinks cold ${'and fresh '.repeat(30)}`,
      bullets: ['Cold for 24 hours™', 'A miracle for your commute.', 'N/A', 'one', 'two', 'three', 'four'],
      description: 'A double-wall bottle. It cures thirst forever. Fits cup holders.',
      searchTerms: `${'flasche '.repeat(20)}${'kühlflasche '.repeat(20)} Verdant Goods`,
    };
    expect(validateCopy(broken, ctx).valid).toBe(false);
    const fixed = repairCopy(broken, rules, ctx, brandSentence);
    const result = validateCopy(fixed, ctx);
    expect(result.checks.filter((c) => !c.ok && c.hard)).toEqual([]);
    expect(fixed.title).not.toContain('!');
    expect(fixed.bullets).toEqual(['Cold for 24 hours', 'one', 'two', 'three', 'four']);
    expect(fixed.description).toBe(`A double-wall bottle. Fits cup holders. ${brandSentence}`);
    expect(fixed.searchTerms).not.toContain('Verdant');
  });

  it('leaves what cannot be fixed broken, so the variant is dropped rather than shown', () => {
    const tiktok = rulesForPlatform({ code: 'tiktok-us', name: 'TikTok Shop US', marketplace: 'tiktok' })!;
    const short = { title: 'Bottle', caption: 'Cold', description: 'Too short.' };
    const fixed = repairCopy(short, tiktok, { ...ctx, rules: tiktok }, brandSentence);
    expect(validateCopy(fixed, { ...ctx, rules: tiktok }).valid).toBe(false);
  });
});
