/**
 * Slot extraction for the offline router: SKU codes and product names, platforms, languages
 * and counts, from English or Chinese text.
 */
import { PLATFORM_ALIASES, LANGUAGE_ALIASES, STOPWORDS } from './lexicon.ts';

/** What the router knows about the catalogue; loaded once and cached. */
export interface RouterCatalogue {
  skuCodes: string[];
  /** Campaign handles such as "black-friday". */
  campaignCodes?: string[];
  /** Product names per SKU code, in every language we have. */
  names: Array<{ code: string; names: string[] }>;
  platformCodes: string[];
}

/** Slots found in a question. */
export interface Slots {
  skus: string[];
  /** A name fragment when no SKU code was given, e.g. "bamboo toothbrush". */
  productQuery: string | null;
  platforms: string[];
  /** An alias that names several platforms ("亚马逊" → amazon-us or amazon-de). */
  ambiguousPlatform: string[] | null;
  locales: string[];
}

const HAN = /\p{Script=Han}/u;

/**
 * Finds SKU codes that exist in the catalogue, however they are written: "WB-500", "wb500",
 * "WB 500", "pwb-10k". Words (and pairs of adjacent words) are compared without case, dashes
 * or spaces.
 */
export function findSkuCodes(text: string, catalogue: RouterCatalogue): string[] {
  const known = new Map(catalogue.skuCodes.map((c) => [squash(c), c]));
  const words = [...text.matchAll(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g)].map((m) => m[0]);
  const found: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const pair = i + 1 < words.length ? known.get(squash(`${words[i]}${words[i + 1]}`)) : undefined;
    const code = known.get(squash(words[i] as string)) ?? pair;
    if (code && !found.includes(code)) found.push(code);
  }
  return found;
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[\s-]/g, '');
}

/** Platforms named in the text, and the alias that named several, if any. */
export function findPlatforms(text: string, catalogue: RouterCatalogue): { platforms: string[]; ambiguous: string[] | null; rest: string } {
  let rest = ` ${text} `;
  const platforms: string[] = [];
  let ambiguous: string[] | null = null;
  for (const code of catalogue.platformCodes) {
    const re = new RegExp(`(^|[^a-z0-9-])${code.replace(/-/g, '[- ]')}(?![a-z0-9-])`, 'i');
    if (re.test(rest)) {
      platforms.push(code);
      rest = rest.replace(re, '$1 ');
    }
  }
  for (const alias of PLATFORM_ALIASES) {
    const m = alias.pattern.exec(rest);
    if (!m) continue;
    const codes = alias.codes.filter((c) => catalogue.platformCodes.includes(c));
    if (codes.length === 1) {
      if (!platforms.includes(codes[0] as string)) platforms.push(codes[0] as string);
    } else if (codes.length > 1 && platforms.every((p) => !codes.includes(p))) {
      ambiguous = codes;
    }
    rest = rest.replace(alias.pattern, ' ');
  }
  return { platforms, ambiguous, rest };
}

/** The longest run of characters `a` and `b` share (for matching Chinese product names). */
function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let j = 0; j < b.length; j += 1) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k += 1;
      if (k > best) best = k;
    }
  }
  return best;
}

/**
 * A product-name query from what is left of the text once SKUs, platforms and cue words are
 * removed. Chinese text is matched against the Chinese names directly, as it has no spaces.
 */
export function productQuery(rest: string, catalogue: RouterCatalogue): string | null {
  if (HAN.test(rest)) {
    let best: { name: string; score: number } | null = null;
    for (const entry of catalogue.names) {
      for (const name of entry.names.filter((n) => HAN.test(n))) {
        const run = longestCommonRun(rest, name);
        const score = run / name.length;
        if (run >= 2 && score >= 0.5 && (!best || score > best.score)) best = { name: name.slice(0, Math.max(2, run)), score };
      }
    }
    if (best) {
      // Return the shared part so the SKU lookup (a substring match) finds every variant.
      const name = catalogue.names.flatMap((e) => e.names).find((n) => n.startsWith(best.name)) ?? best.name;
      return commonPrefixWithText(name, rest);
    }
  }
  const words = rest
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w) && !HAN.test(w));
  if (words.length === 0) return null;
  // Singular forms match more names ("bottles" → "bottle").
  return words.map(singular).join(' ');
}

/** A rough English singular ("bottles" → "bottle", "brushes" → "brush"), enough for name matching. */
function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || word.endsWith('ss')) return word;
  if (/(sh|ch|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function commonPrefixWithText(name: string, text: string): string {
  for (let len = name.length; len >= 2; len -= 1) {
    for (let start = 0; start + len <= name.length; start += 1) {
      const piece = name.slice(start, start + len);
      if (text.includes(piece)) return piece;
    }
  }
  return name;
}

/** Languages asked for ("in German", "中文"). */
export function findLocales(text: string): string[] {
  return LANGUAGE_ALIASES.filter((l) => l.pattern.test(text)).map((l) => l.locale);
}

/** All slots of a question. */
export function extractSlots(text: string, catalogue: RouterCatalogue): Slots {
  const skus = findSkuCodes(text, catalogue);
  const { platforms, ambiguous, rest } = findPlatforms(text, catalogue);
  let remaining = rest;
  for (const sku of skus) remaining = remaining.replace(new RegExp(sku.split('-').join('[\\s-]?'), 'ig'), ' ');
  for (const l of LANGUAGE_ALIASES) remaining = remaining.replace(l.pattern, ' ');
  return {
    skus,
    productQuery: skus.length > 0 ? null : productQuery(stripCues(remaining), catalogue),
    platforms,
    ambiguousPlatform: ambiguous,
    locales: findLocales(text),
  };
}

// Chinese cue words and particles that are not part of product names.
const ZH_NOISE = /库存|还剩|剩多少|剩下|多少件|多少个|有多少|多少|断货|缺货|可售|在途|存货|还有|我们|上的|上面|平台|吗|呢|吧|的|了|在|上|？|。|，|！/g;

function stripCues(text: string): string {
  return text.replace(ZH_NOISE, ' ');
}
