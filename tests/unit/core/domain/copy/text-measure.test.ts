import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charCount,
  findPhrases,
  hasPhrase,
  repeatedWords,
  searchTermBytes,
  truncateChars,
  utf8Bytes,
  wordCount,
} from '../../../../../src/core/domain/copy/text-measure.ts';

describe('counting the way marketplaces count', () => {
  it('counts UTF-8 bytes of multi-byte text', () => {
    expect(utf8Bytes('a')).toBe(1);
    expect(utf8Bytes('ä')).toBe(2);
    expect(utf8Bytes('保')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
    expect(utf8Bytes('Trinkflasche für Kühlschrank')).toBe(30);
    expect(utf8Bytes('保温水瓶 不锈钢')).toBe(22);
  });

  it('counts characters as code points, so an emoji is one character but four bytes', () => {
    expect(charCount('保温水瓶')).toBe(4);
    expect(charCount('😀')).toBe(1);
    expect('😀'.length).toBe(2);
  });

  it('leaves spaces and punctuation out of search-term bytes when the rule says they do not count', () => {
    expect(searchTermBytes('bamboo, toothbrush; eco', false)).toBe(utf8Bytes('bambootoothbrusheco'));
    expect(searchTermBytes('bamboo, toothbrush; eco', true)).toBe(23);
    expect(searchTermBytes('竹牙刷 环保牙刷，软毛', false)).toBe(9 * 3);
  });

  it('agrees with Node for any string, and never counts more when spaces are free', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
        expect(searchTermBytes(s, false)).toBeLessThanOrEqual(searchTermBytes(s, true));
      }),
    );
  });

  it('counts Chinese characters as words, and hyphenated English words once', () => {
    expect(wordCount('Keeps drinks cold for 24 hours')).toBe(6);
    expect(wordCount('leak-proof lid')).toBe(2);
    expect(wordCount('冷饮保冷 24 小时')).toBe(7);
  });
});

describe('phrases and words', () => {
  it('matches whole words only, ignoring case', () => {
    expect(hasPhrase('Our cork surface cures back pain', 'cures')).toBe(true);
    expect(hasPhrase('It secures the lid', 'cures')).toBe(false);
    expect(hasPhrase('BEST IN THE WORLD', 'best in the world')).toBe(true);
    expect(findPhrases('free shipping today', ['free shipping', 'sale'])).toEqual(['free shipping']);
  });

  it('matches Chinese phrases inside running text', () => {
    expect(hasPhrase('坚持高品质、可持续生活', '高品质')).toBe(true);
    expect(hasPhrase('这款产品能治愈失眠', '治愈')).toBe(true);
  });

  it('finds words repeated more than allowed, ignoring small words', () => {
    expect(repeatedWords('Glass Containers – glass lids, glass bases', 2)).toEqual(['glass']);
    expect(repeatedWords('Bowl with lid and spoon and fork and knife', 2)).toEqual([]);
  });

  it('cuts text at a word boundary without a dangling separator', () => {
    expect(truncateChars('Keeps drinks cold for 24 hours, and hot', 33)).toBe('Keeps drinks cold for 24 hours');
    expect(charCount(truncateChars('保温水瓶保温水瓶保温水瓶', 5))).toBe(5);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.integer({ min: 1, max: 100 }), (s, max) => {
        expect(charCount(truncateChars(s, max))).toBeLessThanOrEqual(max);
      }),
    );
  });
});
