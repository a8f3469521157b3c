import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBrandProfile, type BrandProfile } from '../../../../../src/core/domain/brand/brand-profile.ts';
import { platformRules, rulesForPlatform, localesForPlatform, type MarketplaceRules } from '../../../../../src/core/domain/copy/platform-rules.ts';
import { validateCopy, type CheckContext, type CopyFields } from '../../../../../src/core/domain/copy/validate.ts';
import { buildPlatformsAndBrand } from '../../../../../src/persistence/seed/platforms.ts';

const constraints = JSON.parse(readFileSync(new URL('../../../../../src/core/domain/copy/data/listing-constraints.json', import.meta.url), 'utf8')) as {
  amazon: { title: { max_chars: number; forbidden_chars: string[] }; bullet_points: { max_count_seller: number }; search_terms: { max_bytes: number } };
  tiktok_shop: { title: { min_chars: number; max_chars: number }; description: { min_words: number } };
  shopee: { item_name: { min_chars: number; max_chars: number; description: { min_chars: number } } };
  aliexpress: { subject: { max_chars: number } };
  ebay: { title: { max_chars: number } };
};

const brand: BrandProfile = toBrandProfile({ ...buildPlatformsAndBrand(new Date(Date.UTC(2026, 10, 20))).Brand[0]!, id: 1 } as Parameters<typeof toBrandProfile>[0]);

function rules(code: string, marketplace: string): MarketplaceRules {
  const r = rulesForPlatform({ code, name: code, marketplace });
  if (!r) throw new Error(`no rules for ${code}`);
  return r;
}

function ctx(r: MarketplaceRules, locale: 'en' | 'zh' | 'de' = 'en'): CheckContext {
  return { rules: r, brand, locale, platformNames: platformRules().platformNames, keywords: ['water bottle'], campaignMentions: null };
}

const brandLine = 'Made by Verdant Goods for high quality and sustainable living.';

function amazon(over: Partial<CopyFields> = {}): CopyFields {
  return {
    title: 'Verdant Goods Insulated Water Bottle 500 ml',
    bullets: ['Keeps drinks cold for 24 hours.', brandLine],
    description: `A double-wall bottle. ${brandLine}`,
    searchTerms: 'insulated water bottle vacuum flask',
    ...over,
  };
}

const failed = (fields: CopyFields, c: CheckContext) => validateCopy(fields, c).checks.filter((x) => !x.ok && x.hard);

describe('the rules file follows the compiled constraints', () => {
  it('uses the official numbers where there are official numbers', () => {
    const a = rules('amazon-us', 'amazon');
    const field = (r: MarketplaceRules, n: string) => r.fields.find((f) => f.name === n)?.rule;
    expect(field(a, 'title')?.maxChars).toBe(constraints.amazon.title.max_chars);
    expect(field(a, 'title')?.forbiddenChars).toEqual(constraints.amazon.title.forbidden_chars);
    expect(field(a, 'bullets')?.maxCount).toBe(constraints.amazon.bullet_points.max_count_seller);
    expect(field(a, 'searchTerms')?.maxBytes).toBe(constraints.amazon.search_terms.max_bytes);
    const tiktok = rules('tiktok-us', 'tiktok');
    expect(field(tiktok, 'title')).toMatchObject({ minChars: constraints.tiktok_shop.title.min_chars, maxChars: constraints.tiktok_shop.title.max_chars });
    expect(field(tiktok, 'description')?.minWords).toBe(constraints.tiktok_shop.description.min_words);
    const shopee = rules('shopee-my', 'shopee');
    expect(field(shopee, 'title')).toMatchObject({ minChars: constraints.shopee.item_name.min_chars, maxChars: constraints.shopee.item_name.max_chars });
    expect(field(shopee, 'description')?.minChars).toBe(constraints.shopee.item_name.description.min_chars);
    expect(field(rules('aliexpress', 'aliexpress'), 'title')?.maxChars).toBe(constraints.aliexpress.subject.max_chars);
    expect(field(rules('ebay-us', 'ebay'), 'title')?.maxChars).toBe(constraints.ebay.title.max_chars);
  });

  it('says why wherever a limit is not official', () => {
    for (const m of Object.values(platformRules().marketplaces)) {
      for (const rule of Object.values(m.fields)) if (rule && rule.confidence !== 'official') expect(rule.uncertain).toBeTruthy();
    }
  });

  it('writes amazon-de in German by default, and every platform in en, zh and de', () => {
    expect(localesForPlatform('amazon-de')).toEqual({ locales: ['de', 'en', 'zh'], defaultLocale: 'de' });
    expect(localesForPlatform('tiktok-us').defaultLocale).toBe('en');
    expect(localesForPlatform('some-new-platform').locales).toEqual(['en', 'zh', 'de']);
  });
});

describe('hard limits on Amazon', () => {
  const a = rules('amazon-us', 'amazon');

  it('accepts a title of exactly 200 characters and refuses 201', () => {
    const head = 'Verdant Goods Bottle ';
    const at200 = head + 'x'.repeat(200 - head.length);
    expect(failed(amazon({ title: at200 }), ctx(a))).toEqual([]);
    expect(failed(amazon({ title: `${at200}y` }), ctx(a)).map((c) => c.id)).toEqual(['length']);
  });

  it('refuses forbidden characters, promotional phrases and a word used three times in the title', () => {
    const ids = (title: string) => failed(amazon({ title }), ctx(a)).map((c) => `${c.id}:${(c.found ?? []).join('|')}`);
    expect(ids('Verdant Goods Bottle! Best $ deal')).toEqual(['chars:!|$']);
    expect(ids('Verdant Goods Bottle with free shipping')).toEqual(['phrases:free shipping']);
    expect(ids('Verdant Goods Bottle Bottle Bottle')).toEqual(['repeats:bottle']);
  });

  it('counts search terms in bytes, so multi-byte text reaches the limit sooner', () => {
    // Spaces do not count: 124 × "ä" is 248 bytes, 125 × "ä" is 250.
    expect(failed(amazon({ searchTerms: `${'ä'.repeat(62)} ${'ä'.repeat(62)}` }), ctx(a))).toEqual([]);
    expect(failed(amazon({ searchTerms: `${'ä'.repeat(62)} ${'ä'.repeat(63)}` }), ctx(a)).map((c) => [c.id, c.value])).toEqual([['bytes', 250]]);
    // 83 Chinese characters are 249 bytes; 84 are 252.
    expect(failed(amazon({ searchTerms: '保'.repeat(83) }), ctx(a, 'zh')).filter((c) => c.id === 'bytes')).toEqual([]);
    expect(failed(amazon({ searchTerms: '保'.repeat(84) }), ctx(a, 'zh')).find((c) => c.id === 'bytes')?.value).toBe(252);
    // 249 ASCII letters fit; the field's own brand name does not belong there at all.
    expect(failed(amazon({ searchTerms: 'b'.repeat(249) }), ctx(a))).toEqual([]);
    expect(failed(amazon({ searchTerms: 'verdant goods bottle' }), ctx(a)).map((c) => c.id)).toEqual(['brand-names']);
  });

  it('allows at most five bullets of at most 250 characters, with no ™ or emoji', () => {
    const six = ['a', 'b', 'c', 'd', 'e', brandLine];
    expect(failed(amazon({ bullets: six }), ctx(a)).map((c) => c.id)).toEqual(['count']);
    expect(failed(amazon({ bullets: [`${'x'.repeat(251)}`, brandLine] }), ctx(a)).map((c) => [c.id, c.value])).toEqual([['item-length', 251]]);
    expect(failed(amazon({ bullets: ['Cold for 24 hours™ 😀', brandLine] }), ctx(a)).map((c) => c.id)).toEqual(['chars', 'emoji']);
  });

  it('refuses an unknown field and a list where a text belongs', () => {
    expect(failed({ ...amazon(), caption: 'hi' }, ctx(a)).map((c) => c.id)).toEqual(['present']);
    expect(failed(amazon({ title: ['a'] }), ctx(a)).map((c) => [c.id, c.field])).toContainEqual(['present', 'title']);
  });
});

describe('other platforms', () => {
  it('wants TikTok titles of 25 characters or more and descriptions of 30 words or more, in Chinese too', () => {
    const t = rules('tiktok-us', 'tiktok');
    const fields = (title: string, description: string): CopyFields => ({ title, caption: 'Verdant Goods', description });
    const long = `${'word '.repeat(24)}${brandLine}`;
    expect(failed(fields('Verdant Goods Bottle 500 ml', long), ctx(t))).toEqual([]);
    expect(failed(fields('Verdant Goods Bottle', long), ctx(t)).map((c) => c.id)).toEqual(['length']);
    expect(failed(fields('Verdant Goods Bottle 500 ml', brandLine), ctx(t)).map((c) => [c.id, c.value])).toEqual([['words', 10]]);
    expect(failed(fields('Verdant Goods Bottle on TikTok today', long), ctx(t)).map((c) => c.id)).toEqual(['platform-names']);
    const zh = `Verdant Goods 出品，坚持高品质、可持续生活。${'保温'.repeat(10)}`;
    expect(failed({ title: 'Verdant Goods 保温水瓶 500 ml 不锈钢', caption: '好用', description: zh }, ctx(t, 'zh'))).toEqual([]);
  });

  it('wants Shopee descriptions of 100 characters or more', () => {
    const s = rules('shopee-my', 'shopee');
    expect(failed({ title: '[Verdant Goods] Water Bottle 500 ml', description: brandLine }, ctx(s)).map((c) => [c.id, c.field])).toEqual([['length', 'description']]);
  });
});

describe('the brand rubric', () => {
  const a = rules('amazon-us', 'amazon');

  it('refuses banned claims in any language, wherever they appear', () => {
    expect(failed(amazon({ description: `It cures back pain. ${brandLine}` }), ctx(a)).map((c) => c.found)).toEqual([['cures']]);
    const zh = amazon({ description: 'Verdant Goods 出品，坚持高品质、可持续生活。这款产品能治愈失眠。' });
    expect(failed(zh, ctx(a, 'zh')).map((c) => [c.id, c.found])).toEqual([['banned', ['治愈']]]);
  });

  it('requires the brand name and the core values in the copy’s own language', () => {
    const noBrand = { title: 'Insulated Water Bottle', bullets: ['Cold for 24 hours.'], description: 'For high quality and sustainable living.', searchTerms: 'bottle' };
    expect(failed(noBrand, ctx(a)).map((c) => [c.id, c.found])).toEqual([['required', ['Verdant Goods']]]);
    expect(failed(amazon({ bullets: ['x'], description: 'Verdant Goods' }), ctx(a)).map((c) => [c.id, c.found])).toEqual([['core-values', ['high quality', 'sustainable living']]]);
    // English values in a German text are not the German values.
    expect(failed(amazon(), ctx(a, 'de')).map((c) => [c.id, c.found])).toEqual([['core-values', ['hohe Qualität', 'nachhaltiges Leben']]]);
  });

  it('scores valid copy between 0 and 100 and invalid copy 0, and marks the soft checks', () => {
    const ok = validateCopy(amazon(), ctx(a));
    expect(ok.valid).toBe(true);
    expect(ok.score).toBeGreaterThan(0);
    expect(ok.score).toBeLessThanOrEqual(100);
    expect(ok.checks.filter((c) => !c.hard).map((c) => c.id).sort()).toEqual(['keywords', 'recommended-length', 'vocabulary']);
    const bad = validateCopy(amazon({ title: 'x'.repeat(300) }), ctx(a));
    expect(bad).toMatchObject({ valid: false, score: 0 });
  });
});
