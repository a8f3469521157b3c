/**
 * Picks how to ship: the cheapest option that reaches the destination and accepts the parcel's
 * weight, its declared value and the deadline. That is the playbook's rule made exact: light,
 * small, cheap items end up on a postal small packet because it is cheapest; high-value ones
 * on commercial express because postal services cap the declared value; urgent ones on express
 * because postal transit misses the deadline. Pure: no I/O.
 */
import { toUsd } from './fx.ts';

/** A weight band: price = baseFee + perKg × kg. */
export interface RateBand {
  minGrams: number;
  maxGrams: number;
  baseFee: number;
  perKg: number;
}

/** A way to ship, with its limits and rates. */
export interface ShippingOption {
  code: string;
  carrier: string;
  /** "postal", "express", "fba-inbound", "sea-freight", "domestic". */
  kind: string;
  origin: string;
  destinations: readonly string[];
  transitDaysMin: number;
  transitDaysMax: number;
  maxWeightGrams: number;
  /** USD; null = no limit. */
  maxDeclaredUsd: number | null;
  tracked: boolean;
  currency: string;
  bands: readonly RateBand[];
}

/** One parcel to send. */
export interface Parcel {
  origin: string;
  destination: string;
  weightGrams: number;
  declaredUsd: number;
  /** Latest acceptable transit in days; null = no deadline. */
  deadlineDays: number | null;
}

/** Why an option cannot take the parcel. */
export type Exclusion = 'route' | 'weight' | 'value' | 'deadline' | 'no-rate';

/** One option's answer for the parcel. */
export interface Quote {
  option: ShippingOption;
  /** Price in the option's currency and in USD; null when it has no rate for the weight. */
  price: number | null;
  priceUsd: number | null;
  excluded: Exclusion | null;
}

/** The choice, with every quote behind it (cheapest first). */
export interface ShippingChoice {
  chosen: Quote | null;
  quotes: Quote[];
  /** The option that was ruled out and why: a cheaper one, or a postal one when express was chosen. */
  cheaperExcluded: Quote | null;
}

/** Parcel kinds: what a single order can go by. */
export const PARCEL_KINDS: readonly string[] = ['postal', 'express'];

/** The price of sending `grams` with `option`, in its currency; null when no band covers it. */
export function priceFor(option: Pick<ShippingOption, 'bands'>, grams: number): number | null {
  const band = option.bands.find((b) => grams >= b.minGrams && grams <= b.maxGrams);
  if (!band) return null;
  return band.baseFee + (band.perKg * grams) / 1000;
}

/** Quotes every option for the parcel and picks the cheapest that qualifies. */
export function chooseShipping(options: readonly ShippingOption[], parcel: Parcel, perUsd: Readonly<Record<string, number>>): ShippingChoice {
  const quotes = options.map((option): Quote => {
    const price = priceFor(option, parcel.weightGrams);
    const priceUsd = price === null ? null : toUsd(price, option.currency, perUsd);
    let excluded: Exclusion | null = null;
    if (option.origin !== parcel.origin || !option.destinations.includes(parcel.destination)) excluded = 'route';
    else if (parcel.weightGrams > option.maxWeightGrams) excluded = 'weight';
    else if (option.maxDeclaredUsd !== null && parcel.declaredUsd > option.maxDeclaredUsd) excluded = 'value';
    else if (parcel.deadlineDays !== null && option.transitDaysMax > parcel.deadlineDays) excluded = 'deadline';
    else if (price === null) excluded = 'no-rate';
    return { option, price, priceUsd, excluded };
  });
  const byPrice = (a: Quote, b: Quote): number =>
    (a.priceUsd ?? Number.POSITIVE_INFINITY) - (b.priceUsd ?? Number.POSITIVE_INFINITY) || a.option.transitDaysMax - b.option.transitDaysMax || a.option.code.localeCompare(b.option.code);
  quotes.sort((a, b) => (a.excluded === null ? 0 : 1) - (b.excluded === null ? 0 : 1) || byPrice(a, b));
  const chosen = quotes.find((q) => q.excluded === null) ?? null;
  const ruledOut = quotes.filter((q) => q.excluded !== null && q.excluded !== 'route');
  // The option that would have been picked but for a limit: a cheaper one, or else a postal one
  // that cannot even be priced (too heavy) when express was chosen.
  const cheaperExcluded =
    ruledOut.filter((q) => q.priceUsd !== null && (chosen === null || (q.priceUsd ?? 0) < (chosen.priceUsd ?? 0))).sort(byPrice)[0] ??
    (chosen && chosen.option.kind !== 'postal' ? (ruledOut.filter((q) => q.option.kind === 'postal').sort((a, b) => a.option.code.localeCompare(b.option.code))[0] ?? null) : null);
  return { chosen, quotes, cheaperExcluded };
}
