/**
 * Pure normalisation of the PII that identity resolution matches on: emails (real or a
 * marketplace relay), phones (E.164, through libphonenumber-js), names and postal addresses as
 * different platforms spell them. No I/O; everything here is deterministic.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * Domains of the per-seller relay addresses marketplaces hand out instead of the buyer's email.
 * They identify a buyer on one marketplace only, so they are never evidence across platforms.
 */
const RELAY_DOMAINS: readonly RegExp[] = [
  /^marketplace\.amazon\.[a-z.]+$/, // Amazon: nxfzwxbkqbx3wv2@marketplace.amazon.com
  /^members\.ebay\.[a-z.]+$/, // eBay member relay
  /^relay\.walmart\.com$/,
  /^([a-z0-9-]+\.)?aliexpress\.(com|ru)$/, // AliExpress masks buyers behind its own domain
  /^(scs\.)?tiktokshop\.[a-z.]+$/,
];

const emailShape = z.email();

/** What an email is good for: a real address matches across platforms, a relay one never does. */
export interface EmailFacts {
  /** Lower-cased, trimmed: what lookups and matching compare. */
  key: string;
  kind: 'real' | 'relay';
}

/** True when the address belongs to a marketplace relay domain. */
export function isRelayEmail(email: string): boolean {
  const domain = email.trim().toLowerCase().split('@')[1] ?? '';
  return RELAY_DOMAINS.some((pattern) => pattern.test(domain));
}

/**
 * Normalises an email. The stored kind is trusted when it says relay; a relay domain is
 * recognised even when an import did not say so. Returns null for anything that is not an email.
 */
export function emailFacts(email: string | null | undefined, storedKind?: 'real' | 'relay' | null): EmailFacts | null {
  if (!email) return null;
  const key = email.trim().toLowerCase();
  if (!emailShape.safeParse(key).success) return null;
  return { key, kind: storedKind === 'relay' || isRelayEmail(key) ? 'relay' : 'real' };
}

/** Fewer digits than this is never a whole phone number (E.164 allows at most 15). */
const MIN_PHONE_DIGITS = 7;

/**
 * A phone in E.164 ("+14155550123"), read in the buyer's country when it has no country code.
 * Possible numbers are accepted even when not assigned (demo data uses fictional ranges such
 * as 555-01xx); null when the text cannot be a phone number.
 */
export function phoneE164(raw: string | null | undefined, country?: string | null): string | null {
  if (!raw) return null;
  const digits = raw.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS || digits.length > 17) return null;
  const region = toCountryCode(country);
  const parsed = parsePhoneNumberFromString(raw, region ? { defaultCountry: region } : undefined);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/**
 * Every E.164 reading of a phone a person typed into a search, valid ones first. With a "+"
 * there is one reading; without, each country we have buyers in is tried.
 */
export function phoneReadings(raw: string, countries: readonly string[]): string[] {
  const trimmed = raw.trim();
  if (trimmed.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(trimmed);
    return parsed && parsed.isPossible() ? [parsed.number] : [];
  }
  const valid: string[] = [];
  const possible: string[] = [];
  for (const country of countries) {
    const region = toCountryCode(country);
    if (!region) continue;
    const parsed = parsePhoneNumberFromString(trimmed, { defaultCountry: region });
    if (!parsed || !parsed.isPossible()) continue;
    (parsed.isValid() ? valid : possible).push(parsed.number);
  }
  return [...new Set([...valid, ...possible])];
}

/** "+1 415 555 0123": an E.164 number the way people read it. */
export function formatPhoneForDisplay(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/** The country calling code and the last digits of an E.164 number, for masking. */
export function phoneParts(e164: string): { callingCode: string; national: string } | null {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return null;
  return { callingCode: parsed.countryCallingCode, national: parsed.nationalNumber };
}

function toCountryCode(country: string | null | undefined): CountryCode | undefined {
  if (!country || !/^[A-Za-z]{2}$/.test(country)) return undefined;
  return country.toUpperCase() as CountryCode;
}

/**
 * Folds text to lower-case ASCII so spellings of one name compare equal: "Jürgen Weiß" and
 * "Juergen Weiss" both become "jurgen weiss" (umlauts written as "ue" fold like "ü").
 */
export function foldText(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/([aou])e/g, '$1');
}

/** Words of a name or address: folded, punctuation gone. */
function words(text: string): string[] {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

/**
 * A name's match key: its folded words, sorted, so "Tan Wei Ming" and "Wei Ming Tan" agree.
 * Null when there is no name.
 */
export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const w = words(name).sort();
  return w.length > 0 ? w.join(' ') : null;
}

/**
 * Whether two name keys can be one person: the same words, or the same words but for a first
 * name written as its initial ("J. Doe" and "Jane Doe"). Nicknames are not guessed.
 */
export function namesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const left = a.split(' ');
  const right = b.split(' ');
  if (left.length !== right.length) return false;
  const onlyLeft = [...left];
  const onlyRight: string[] = [];
  for (const word of right) {
    const i = onlyLeft.indexOf(word);
    if (i >= 0) onlyLeft.splice(i, 1);
    else onlyRight.push(word);
  }
  if (onlyLeft.length !== 1 || onlyRight.length !== 1) return false;
  const [x, y] = [onlyLeft[0] as string, onlyRight[0] as string];
  return (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
}

/** Address parts as identities store them. */
export interface AddressParts {
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  country: string | null;
}

/** Street-type abbreviations, written out so "Maple Ave" and "Maple Avenue" agree. */
const STREET_WORDS: Readonly<Record<string, string>> = {
  st: 'street',
  ave: 'avenue',
  av: 'avenue',
  rd: 'road',
  dr: 'drive',
  ln: 'lane',
  blvd: 'boulevard',
  ct: 'court',
  pl: 'place',
  hwy: 'highway',
  pkwy: 'parkway',
  sq: 'square',
  str: 'strasse',
  jln: 'jalan',
};

/** Words that only say "this is a unit / number" and are written inconsistently. */
const FILLER_WORDS = new Set(['apt', 'apartment', 'unit', 'suite', 'ste', 'no', 'nr', 'ul', 'flat']);

/**
 * An address's match key: country, postcode and the folded words of both lines, with street
 * types written out and filler words dropped, sorted so word order does not matter
 * ("Lindenstraße 12" = "Lindenstr. 12", "Apt 2B" = "#2B"). Null without street and postcode.
 */
export function addressKey(parts: AddressParts): string | null {
  if (!parts.addressLine1 || !parts.postalCode) return null;
  const tokens = [...words(parts.addressLine1), ...words(parts.addressLine2 ?? '')]
    .map((w) => (STREET_WORDS[w] === undefined ? w.replace(/str$/, 'strasse') : foldText(STREET_WORDS[w])))
    .filter((w) => !FILLER_WORDS.has(w))
    .sort();
  if (tokens.length === 0) return null;
  const postal = parts.postalCode.replace(/\s+/g, '').toUpperCase();
  return `${(parts.country ?? '').toUpperCase()}|${postal}|${tokens.join(' ')}`;
}
