/**
 * Measuring and trimming listing text the way marketplaces count it: characters as Unicode code
 * points, search terms in UTF-8 bytes, words with Chinese characters counted one by one.
 * Pure functions, no I/O.
 */

const encoder = new TextEncoder();
const HAN = /\p{Script=Han}/u;
const EMOJI = /\p{Extended_Pictographic}/u;

/** Characters as a shopper sees them counted: code points, so "保" and "ä" count 1 each. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** UTF-8 bytes: "a" 1, "ä" 2, "保" 3, "😀" 4. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Bytes of a search-terms field. When spaces and punctuation do not count (Amazon's rule as
 * compiled in listing-constraints.json), they are left out before counting.
 */
export function searchTermBytes(text: string, countSpacesAndPunctuation: boolean): number {
  return utf8Bytes(countSpacesAndPunctuation ? text : text.replace(/[\s\p{P}]/gu, ''));
}

/** Words: runs of letters or digits, and every Chinese character on its own. */
export function wordCount(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/\p{Script=Han}|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    void m;
    n += 1;
  }
  return n;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const matchers = new Map<string, RegExp>();

/** A case-insensitive matcher for `phrase` as whole words (Chinese phrases match anywhere). */
export function phraseMatcher(phrase: string): RegExp {
  let matcher = matchers.get(phrase);
  if (!matcher) {
    const body = escapeRegex(phrase.trim()).replace(/\s+/g, '\\s+');
    matcher = HAN.test(phrase) ? new RegExp(body, 'iu') : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
    // Brand and rule phrases are few; the cap only guards against unbounded growth.
    if (matchers.size > 5_000) matchers.clear();
    matchers.set(phrase, matcher);
  }
  return matcher;
}

/** The phrases of `phrases` that occur in `text`, as written in the list. */
export function findPhrases(text: string, phrases: readonly string[]): string[] {
  return phrases.filter((p) => p.trim() !== '' && phraseMatcher(p).test(text));
}

/** Whether `text` contains `phrase` as whole words. */
export function hasPhrase(text: string, phrase: string): boolean {
  return phraseMatcher(phrase).test(text);
}

/** The characters of `chars` that occur in `text`. */
export function findChars(text: string, chars: readonly string[]): string[] {
  return chars.filter((c) => c !== '' && text.includes(c));
}

/** Emoji and other pictographs in `text`. */
export function findEmoji(text: string): string[] {
  return [...new Set([...text].filter((c) => EMOJI.test(c)))];
}

/** Small words the repeat rule ignores (Amazon: prepositions, articles, conjunctions). */
export const REPEAT_EXEMPT = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'for', 'with', 'of', 'to', 'in', 'on', 'at', 'by', 'from', 'as', 'into', 'per',
  'und', 'oder', 'mit', 'für', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'aus', 'von', 'zu', 'im', 'in', 'am', 'bis', 'ohne',
]);

/** Words used more than `max` times (case-insensitive), ignoring small words and numbers. */
export function repeatedWords(text: string, max: number): string[] {
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/\p{L}[\p{L}\p{N}'’-]*/gu)) {
    const word = m[0];
    if (REPEAT_EXEMPT.has(word) || HAN.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > max).map(([w]) => w);
}

/**
 * Cuts `text` to at most `max` characters, at a word boundary when there is one in the last
 * third, and without a dangling separator. Chinese text is cut at any character.
 */
export function truncateChars(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  let cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  if (space > (max * 2) / 3) cut = cut.slice(0, space);
  return cut.replace(/[\s,;:·|–—-]+$/u, '');
}

/** Collapses runs of whitespace and trims. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
