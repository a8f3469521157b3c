/**
 * Seeded randomness for the demo dataset. Everything random in the seed comes from here,
 * so the same reference date always produces the same database.
 */
import {
  Faker,
  base,
  de,
  en,
  en_GB,
  en_US,
  es,
  fr,
  generateMersenne53Randomizer,
  pl,
  type LocaleDefinition,
  type Randomizer,
} from '@faker-js/faker';

/** Base seed of the demo; change it and every generated value changes. */
export const DEMO_SEED = 20_261_120;

/**
 * A stable 32-bit seed for one named stream. Each part of the seed draws from its own
 * stream, so adding rows to one table does not reshuffle every other table.
 */
export function streamSeed(name: string): number {
  // FNV-1a: tiny, stable across Node versions, good enough to decorrelate streams.
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash ^ DEMO_SEED) >>> 0;
}

/** A fast seeded PRNG (faker's Mersenne Twister) with the helpers the generators need. */
export class Rng {
  private readonly randomizer: Randomizer;
  private spareNormal: number | null = null;

  constructor(stream: string) {
    this.randomizer = generateMersenne53Randomizer(streamSeed(stream));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.randomizer.next();
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One element, with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** A new array in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** `count` distinct elements. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  /** Standard normal (Box–Muller, caching the second value). */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal multiplier with mean 1 and the given sigma (demand noise). */
  noise(sigma: number): number {
    return Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
  }

  /** Poisson draw; Knuth for small means, a rounded normal for large ones. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** A string of n decimal digits; the first is never 0 when `leadingNonZero`. */
  digits(n: number, leadingNonZero = true): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(i === 0 && leadingNonZero ? this.int(1, 9) : this.int(0, 9));
    return s;
  }

  /** A string of n upper-case letters and digits. */
  alnum(n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}

/** Locales the customer generator writes names and streets in. */
export type FakerLocale = 'en_US' | 'en_GB' | 'de' | 'fr' | 'es' | 'pl';

const LOCALES: Record<FakerLocale, LocaleDefinition[]> = {
  en_US: [en_US, en, base],
  en_GB: [en_GB, en, base],
  de: [de, en, base],
  fr: [fr, en, base],
  es: [es, en, base],
  pl: [pl, en, base],
};

/** A seeded faker for one locale and stream. */
export function seededFaker(locale: FakerLocale, stream: string): Faker {
  const faker = new Faker({ locale: LOCALES[locale] });
  faker.seed(streamSeed(`${stream}:${locale}`));
  return faker;
}

/** Rounds money to cents (binary floats are fine for generation; the DB stores Decimal). */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
