import { describe, expect, it } from 'vitest';
import { en, zh } from '../../../src/core/i18n/messages.ts';
import { detectLocale, translator } from '../../../src/core/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it('has a Chinese message for every English one, with the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      expect(zh[key].trim().length, key).toBeGreaterThan(0);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('command.unknown', { name: 'stok' })).toBe('There is no command /stok.');
    expect(t('command.unknown')).toBe('There is no command /{name}.');
    expect(translator('zh')('value.days', { n: 3 })).toBe('3 天');
  });
});

describe('detectLocale', () => {
  it('answers Chinese text in Chinese whatever the preference', () => {
    expect(detectLocale('速卖通上 WB-500 还剩多少？', 'en')).toBe('zh');
  });
  it('uses the first usable preference otherwise', () => {
    expect(detectLocale('/stock WB-500', undefined, 'zh-CN')).toBe('zh');
    expect(detectLocale('/stock WB-500', 'fr-FR', 'en')).toBe('en');
    expect(detectLocale('/stock WB-500')).toBe('en');
  });
});
