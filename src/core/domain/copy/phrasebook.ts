/**
 * The composer's wording in each copy language: how values are joined, the brand sentences,
 * campaign hooks, and the localised names of variant labels and campaigns (from
 * data/label-glossary.json). Wording only; what is said comes from the product, brand and
 * campaign data.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CopyLocale } from './platform-rules.ts';

/** How one language writes the composer's sentences. */
export interface Phrasebook {
  /** "a, b and c". */
  joinValues(values: readonly string[]): string;
  /** Separator between a title's head and its first selling point, and between later ones. */
  titleLead: string;
  titleSep: string;
  /** Ends a sentence. */
  stop: string;
  /** Sentences that carry the brand name and its core values; the variant picks one. */
  brandLines: ReadonlyArray<(brand: string, values: string) => string>;
  /** A bullet that carries the brand and its values. */
  brandBullets: ReadonlyArray<(brand: string, values: string) => string>;
  /** A bullet with what is in the box and what it is made of. */
  specBullet(name: string, label: string, material: string | null): string;
  /** "Name (label)" as the first words of a description. */
  intro(name: string, label: string, brand: string): string;
  /** "Name label by brand" style title heads; {b} brand, {n} name, {l} label. */
  titleHeads: readonly string[];
  /** The campaign hook: "Black Friday: 25% off with code X". */
  hook(campaign: string, discountPct: number | null, code: string | null): string;
  /** The discount as written in a hook, so checks can look for it. */
  discount(pct: number): string;
}

const sentence = (s: string, stop: string): string => (/[.!?。！？]$/.test(s.trim()) ? s.trim() : `${s.trim()}${stop}`);

/** Ends `text` as a sentence in the phrasebook's language. */
export function asSentence(book: Phrasebook, text: string): string {
  return sentence(text, book.stop);
}

const en: Phrasebook = {
  joinValues: (v) => (v.length <= 1 ? (v[0] ?? '') : `${v.slice(0, -1).join(', ')} and ${v.at(-1)}`),
  titleLead: ' – ',
  titleSep: ', ',
  stop: '.',
  brandLines: [
    (b, v) => `Made by ${b} for ${v}.`,
    (b, v) => `${b} stands for ${v}.`,
    (b, v) => `Designed by ${b} with ${v} in mind.`,
    (b, v) => `Every ${b} piece is made for ${v}.`,
  ],
  brandBullets: [
    (b, v) => `Thoughtfully made: designed by ${b} for ${v}.`,
    (b, v) => `Our values: ${b} makes every piece for ${v}.`,
    (b, v) => `Why ${b}: ${v}, in everything we make.`,
    (b, v) => `Made with care: ${b} designs for ${v}.`,
  ],
  specBullet: (n, l, m) => (m ? `What you get: ${n}, ${l}, made of ${m}.` : `What you get: ${n}, ${l}.`),
  intro: (n, l, b) => `The ${b} ${n}, ${l}.`,
  titleHeads: ['{b} {N} {L}', '{b} {N}, {L}', '{N} {L} by {b}', '{b} {L} {N}'],
  hook: (c, d, code) => (d !== null && code ? `${c}: ${d}% off with code ${code}` : d !== null ? `${c}: ${d}% off` : `${c} is on`),
  discount: (d) => `${d}% off`,
};

const zh: Phrasebook = {
  joinValues: (v) => v.join('、'),
  titleLead: ' ',
  titleSep: ' ',
  stop: '。',
  brandLines: [
    (b, v) => `${b} 出品，坚持${v}。`,
    (b, v) => `${b} 代表${v}。`,
    (b, v) => `${b} 用心设计，只为${v}。`,
    (b, v) => `每一件 ${b} 产品都为${v}而做。`,
  ],
  brandBullets: [
    (b, v) => `用心制作：${b} 以${v}为设计理念。`,
    (b, v) => `品牌理念：${b} 的每件产品都追求${v}。`,
    (b, v) => `为什么选 ${b}：${v}，贯穿我们的每件产品。`,
    (b, v) => `匠心之作：${b} 为${v}而设计。`,
  ],
  specBullet: (n, l, m) => (m ? `包装内容：${n}，${l}；材质：${m}。` : `包装内容：${n}，${l}。`),
  intro: (n, l, b) => `${b} ${n}（${l}）。`,
  titleHeads: ['{b} {N} {L}', '{b}{N}（{L}）', '{N} {L} - {b}', '{b} {L}{N}'],
  hook: (c, d, code) => (d !== null && code ? `${c}：使用优惠码 ${code} 立减 ${d}%` : d !== null ? `${c}：立减 ${d}%` : `${c}活动进行中`),
  discount: (d) => `立减 ${d}%`,
};

const de: Phrasebook = {
  joinValues: (v) => (v.length <= 1 ? (v[0] ?? '') : `${v.slice(0, -1).join(', ')} und ${v.at(-1)}`),
  titleLead: ' – ',
  titleSep: ', ',
  stop: '.',
  brandLines: [
    (b, v) => `${b} steht für ${v}.`,
    (b, v) => `Von ${b} entworfen, mit Blick auf ${v}.`,
    (b, v) => `Bei ${b} zählen ${v}.`,
    (b, v) => `${b}: ${v}, jeden Tag.`,
  ],
  brandBullets: [
    (b, v) => `Durchdacht gemacht: ${b} entwirft für ${v}.`,
    (b, v) => `Unsere Werte: ${b} steht für ${v}.`,
    (b, v) => `Warum ${b}: ${v} in allem, was wir machen.`,
    (b, v) => `Mit Sorgfalt gemacht: ${b} setzt auf ${v}.`,
  ],
  specBullet: (n, l, m) => (m ? `Lieferumfang: ${n}, ${l}. Material: ${m}.` : `Lieferumfang: ${n}, ${l}.`),
  intro: (n, l, b) => `${n} (${l}) von ${b}.`,
  titleHeads: ['{b} {N} {L}', '{b} {N}, {L}', '{N} {L} von {b}', '{b} {L} {N}'],
  hook: (c, d, code) => (d !== null && code ? `${c}: ${d} % Rabatt mit dem Code ${code}` : d !== null ? `${c}: ${d} % Rabatt` : `${c} läuft`),
  discount: (d) => `${d} % Rabatt`,
};

/** The phrasebook of each copy language. */
export const PHRASEBOOKS: Record<CopyLocale, Phrasebook> = { en, zh, de };

const glossarySchema = z.object({
  $comment: z.string().optional(),
  patterns: z.record(z.enum(['zh', 'de']), z.array(z.object({ match: z.string(), replace: z.string() }))),
  words: z.record(z.enum(['zh', 'de']), z.record(z.string(), z.string())),
  campaigns: z.record(z.enum(['zh', 'de']), z.record(z.string(), z.string())),
});

let glossary: z.output<typeof glossarySchema> | undefined;

function loadGlossary(): z.output<typeof glossarySchema> {
  glossary ??= glossarySchema.parse(JSON.parse(readFileSync(new URL('./data/label-glossary.json', import.meta.url), 'utf8')) as unknown);
  return glossary;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Replacer = { pattern: RegExp; replace: string };
const replacers = new Map<CopyLocale, Replacer[]>();

/** Pattern rules first, then glossary words, longest first so "sage green" wins over "sage". */
function labelReplacers(locale: 'zh' | 'de'): Replacer[] {
  let list = replacers.get(locale);
  if (!list) {
    const g = loadGlossary();
    const patterns = (g.patterns[locale] ?? []).map((p) => ({ pattern: new RegExp(p.match, 'i'), replace: p.replace }));
    const words = Object.entries(g.words[locale] ?? {})
      .sort((a, b) => b[0].length - a[0].length)
      .map(([word, local]) => ({ pattern: new RegExp(`(?<![\\p{L}])${escapeRegex(word)}(?![\\p{L}])`, 'iu'), replace: local }));
    list = [...patterns, ...words];
    replacers.set(locale, list);
  }
  return list;
}

/** A SKU's variant label ("4-pack, white") in `locale`; unknown words stay as they are. */
export function localLabel(label: string, locale: CopyLocale): string {
  if (locale === 'en') return label;
  const list = labelReplacers(locale);
  return label
    .split(/,\s*/)
    .map((part) => list.reduce((out, r) => out.replace(r.pattern, r.replace), part))
    .join(locale === 'zh' ? '，' : ', ');
}

/** A campaign's short name in `locale`, falling back to its own name. */
export function localCampaignName(code: string, name: string, locale: CopyLocale): string {
  if (locale === 'en') return name;
  return loadGlossary().campaigns[locale]?.[code] ?? name;
}
