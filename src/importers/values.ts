/**
 * Cell parsers shared by every importer: numbers, money with its currency, dates (with the time
 * zone the file gives, or the platform's), Excel serial dates, ids that a spreadsheet may have
 * mangled, and country names. Pure functions: a parser returns a value or throws CellError with
 * a reason the import report shows beside the row and column.
 */
import { Prisma } from '../generated/prisma/client.ts';

/** A decimal amount; binary floats would drift on sums. */
export type Decimal = Prisma.Decimal;
/** Decimal constructor (Prisma's decimal.js). */
export const Decimal = Prisma.Decimal;

/** Why a cell could not be read; the mapper adds the line and the column. */
export class CellError extends Error {
  override name = 'CellError';
  constructor(
    /** Message key suffix under `import.cell.*`. */
    readonly reason: CellReason,
    readonly value: string,
  ) {
    super(`${reason}: ${value}`);
  }
}

/** The ways a cell can be wrong. */
export type CellReason = 'notNumber' | 'notInteger' | 'notDate' | 'mangledNumber' | 'required' | 'badCurrency';

// ───────────────────────────── numbers ─────────────────────────────

/** Scientific notation such as 3.65275E+11: what Excel shows after eating a long number. */
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

/** True for a cell Excel turned into scientific notation, e.g. a barcode "3.65275E+11". */
export function looksMangled(text: string): boolean {
  return SCIENTIFIC.test(text.trim()) && !/e-/i.test(text);
}

/**
 * An id or code kept as text (order ids of 18–19 digits, barcodes). Refuses values a
 * spreadsheet rewrote in scientific notation, since their digits are gone for good.
 */
export function parseId(text: string): string {
  const value = text.trim();
  if (looksMangled(value)) throw new CellError('mangledNumber', value);
  return value;
}

/**
 * A plain decimal number, tolerant of thousands separators, currency signs, `Rs.`, `%`,
 * and floats written by spreadsheets (7.1428571428571425E-2). Empty cells give null.
 * @param minorDigits when the currency has no minor unit (IDR, JPY, VND) a single "." or ","
 *   followed by three digits is a thousands separator, as in "150.000".
 */
export function parseDecimal(text: string, minorDigits = 2): Decimal | null {
  let value = text.trim();
  if (value === '' || value === '-' || value === '--' || /^n\/?a$/i.test(value)) return null;
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1);
  }
  // Currency words and signs: "Rs.201.68", "$900.00", "₹1,000", "IDR 150.000", "US $9.99", "RM12".
  value = value.replace(/^(?:[A-Z]{2,3}\s?\$|Rs\.?|RM|Rp\.?|[A-Z]{3}(?=[\s\d-])|[₹$€£¥₫฿₱₩])\s*/i, '').replace(/\s*(?:[₹$€£¥₫฿₱₩]|[A-Z]{3})$/i, '');
  value = value.replace(/%$/, '').replace(/[\s\u00a0']/g, '');
  if (value.startsWith('-')) {
    negative = !negative;
    value = value.slice(1);
  }
  if (/^[+]?\d+(\.\d+)?e[+-]?\d+$/i.test(value)) return withSign(new Decimal(value.replace(/^\+/, '')), negative);
  const commas = (value.match(/,/g) ?? []).length;
  const dots = (value.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    // Both: the last one is the decimal mark ("1,234.56" or "1.234,56").
    const decimalMark = value.lastIndexOf(',') > value.lastIndexOf('.') ? ',' : '.';
    const grouping = decimalMark === ',' ? '.' : ',';
    value = value.split(grouping).join('').replace(',', '.');
  } else if (commas > 1 || dots > 1) {
    value = value.replace(/[.,]/g, ''); // "1,234,567" or "1.234.567"
  } else if (commas === 1 || dots === 1) {
    const mark = commas === 1 ? ',' : '.';
    const [, after = ''] = value.split(mark);
    const grouping = after.length === 3 && (mark === ',' || minorDigits === 0);
    value = grouping ? value.replace(mark, '') : value.replace(',', '.');
  }
  if (!/^\d+(\.\d+)?$/.test(value)) throw new CellError('notNumber', text.trim());
  return withSign(new Decimal(value), negative);
}

function withSign(d: Decimal, negative: boolean): Decimal {
  return negative ? d.negated() : d;
}

/** A count: "3", "3.0" (spreadsheets write integers as floats). Empty gives null. */
export function parseCount(text: string): number | null {
  const d = parseDecimal(text);
  if (d === null) return null;
  if (!d.isInteger()) throw new CellError('notInteger', text.trim());
  return d.toNumber();
}

/** A required count; an empty cell is an error. */
export function requireCount(text: string): number {
  const n = parseCount(text);
  if (n === null) throw new CellError('required', text);
  return n;
}

// ───────────────────────────── money ─────────────────────────────

/** Digits after the decimal point in `currency` (2 for USD, 0 for JPY and IDR as CLDR has it). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** True for an ISO-4217 code Intl knows. */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return Intl.supportedValuesOf('currency').includes(code);
}

/** Rounds an amount to the currency's minor unit: 320.54000000000002 INR → 320.54. */
export function roundMoney(amount: Decimal, currency: string): Decimal {
  return amount.toDecimalPlaces(minorDigits(currency), Decimal.ROUND_HALF_UP);
}

/** An amount in `currency`, rounded to its minor unit; empty gives null. */
export function parseMoney(text: string, currency: string): Decimal | null {
  const d = parseDecimal(text, minorDigits(currency));
  return d === null ? null : roundMoney(d, currency);
}

/** Signs and words that name a currency unambiguously, as they appear in headers and cells. */
const CURRENCY_SIGNS: ReadonlyArray<[RegExp, string]> = [
  [/₹|\bRs\.?/, 'INR'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/₫/, 'VND'],
  [/฿/, 'THB'],
  [/₱/, 'PHP'],
  [/₩/, 'KRW'],
  [/\bRp\.?/, 'IDR'],
  [/\bRM\b/, 'MYR'],
  [/\bA(?:U)?\s?\$/, 'AUD'],
  [/\bC(?:A)?\s?\$/, 'CAD'],
  [/\bS\s?\$/, 'SGD'],
];

/**
 * The currency a cell or header names: an ISO code in parentheses ("(PHP)"), or a sign that is
 * not ambiguous ("₹", "Rs.", "£"). A bare "$" or "¥" is ambiguous and gives null.
 */
export function currencyIn(text: string): string | null {
  const code = /\(([A-Z]{3})\)/.exec(text)?.[1] ?? /^([A-Z]{3})\s?[\d.,-]/.exec(text.trim())?.[1];
  if (code && isCurrencyCode(code)) return code;
  for (const [pattern, currency] of CURRENCY_SIGNS) if (pattern.test(text)) return currency;
  return null;
}

// ───────────────────────────── dates ─────────────────────────────

/** Day 0 of Excel's 1900 date system (with its leap-year bug, 1899-12-30 makes 60 = 1900-02-29 come out right after it). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** The order of day, month and year in a file's numeric dates. */
export type DateOrder = 'mdy' | 'dmy' | 'ymd';

interface Parts {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** Minutes east of UTC when the text carries an offset. */
  offset: number | null;
  hasTime: boolean;
}

function valid(p: Parts): boolean {
  if (p.m < 1 || p.m > 12 || p.d < 1 || p.d > 31 || p.h > 23 || p.mi > 59 || p.s > 60) return false;
  const probe = new Date(Date.UTC(p.y, p.m - 1, p.d));
  return probe.getUTCMonth() === p.m - 1 && probe.getUTCDate() === p.d;
}

function year(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

function offsetMinutes(text: string | undefined): number | null {
  if (!text) return null;
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Splits the date forms seen in seller exports into parts; null when the text is none of them. */
function splitDate(raw: string, order: DateOrder): Parts | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  const time = '(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s?(AM|PM)?)?\\s?(Z|[+-]\\d{2}:?\\d{2})?(?:\\s?[A-Z]{3,4})?';
  const withTime = (m: RegExpExecArray, y: number, mo: number, d: number, first: number): Parts => {
    let h = Number(m[first] ?? 0);
    const ampm = m[first + 3]?.toUpperCase();
    if (ampm === 'PM' && h < 12) h += 12;
    if (ampm === 'AM' && h === 12) h = 0;
    return { y, m: mo, d, h, mi: Number(m[first + 1] ?? 0), s: Number(m[first + 2] ?? 0), offset: offsetMinutes(m[first + 4]), hasTime: m[first] !== undefined };
  };
  let m = new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${time}$`).exec(text);
  if (m) return withTime(m, Number(m[1]), Number(m[2]), Number(m[3]), 4);
  m = new RegExp(`^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{2}|\\d{4})${time}$`).exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [mo, d] = order === 'dmy' ? [b, a] : [a, b];
    return withTime(m, year(m[3] as string), mo, d, 4);
  }
  // "Feb 1, 2020", "Feb 1 2020 10:00 PST"
  m = new RegExp(`^([A-Za-z]{3})[a-z]*\\.? (\\d{1,2}),? (\\d{4})${time}$`).exec(text);
  if (m) {
    const mo = MONTHS[(m[1] as string).toLowerCase()];
    return mo ? withTime(m, Number(m[3]), mo, Number(m[2]), 4) : null;
  }
  // "Jul-25-26" (eBay), "25-Jul-2026", "1 Feb 2020"
  m = new RegExp(`^([A-Za-z]{3})-(\\d{1,2})-(\\d{2}|\\d{4})${time}$`).exec(text);
  if (m) {
    const mo = MONTHS[(m[1] as string).toLowerCase()];
    return mo ? withTime(m, year(m[3] as string), mo, Number(m[2]), 4) : null;
  }
  m = new RegExp(`^(\\d{1,2})[- ]([A-Za-z]{3})[a-z]*[- ](\\d{2}|\\d{4})${time}$`).exec(text);
  if (m) {
    const mo = MONTHS[(m[2] as string).toLowerCase()];
    return mo ? withTime(m, year(m[3] as string), mo, Number(m[1]), 4) : null;
  }
  return null;
}

/** Minutes east of UTC of `timeZone` at the instant `utcMs` (from the platform's tz database). */
function zoneOffset(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - utcMs) / 60_000);
}

/** The instant of a wall-clock time in `timeZone`. */
export function wallTimeToUtc(p: { y: number; m: number; d: number; h: number; mi: number; s: number }, timeZone: string): Date {
  const wall = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
  // Two passes settle the offset across a daylight-saving change.
  let utc = wall - zoneOffset(wall, timeZone) * 60_000;
  utc = wall - zoneOffset(utc, timeZone) * 60_000;
  return new Date(utc);
}

/** An Excel serial day number (44765 or "43862.0") as a calendar day at 00:00 UTC, or null. */
export function excelSerialDay(text: string): Date | null {
  if (!/^\d{5}(\.0+)?$/.test(text.trim())) return null;
  const serial = Number(text);
  // 1982-01-01 .. 2064: anything else is not a date in a seller's export.
  if (serial < 29_952 || serial > 60_000) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

/** How to read a date cell. */
export interface DateOptions {
  order?: DateOrder;
  /** IANA zone for wall-clock times without an offset (the platform's). */
  timeZone?: string;
}

/**
 * A point in time. An offset in the text wins ("2025-05-11 09:55:16 -0400"); a time without
 * one is read in `timeZone`; a date alone is 00:00 UTC of that day. Empty gives null.
 */
export function parseDateTime(text: string, opts: DateOptions = {}): Date | null {
  const value = text.trim();
  if (value === '') return null;
  const serial = excelSerialDay(value);
  if (serial) return serial;
  const p = splitDate(value, opts.order ?? 'mdy');
  if (!p || !valid(p)) throw new CellError('notDate', value);
  if (p.offset !== null) return new Date(Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - p.offset * 60_000);
  if (!p.hasTime || !opts.timeZone) return new Date(Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s));
  return wallTimeToUtc(p, opts.timeZone);
}

/** A calendar day (00:00 UTC), whatever time the cell also carries. Empty gives null. */
export function parseDay(text: string, order: DateOrder = 'mdy'): Date | null {
  const value = text.trim();
  if (value === '') return null;
  const serial = excelSerialDay(value);
  if (serial) return serial;
  const p = splitDate(value, order);
  if (!p || !valid(p)) throw new CellError('notDate', value);
  return new Date(Date.UTC(p.y, p.m - 1, p.d));
}

/** 00:00 UTC of the day `date` falls on in UTC. */
export function utcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

// ───────────────────────────── countries and people ─────────────────────────────

const COUNTRY_ALIASES: Record<string, string> = {
  eire: 'IE',
  usa: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  rsa: 'ZA',
  'hong kong': 'HK',
  'korea': 'KR',
  'south korea': 'KR',
  vietnam: 'VN',
  'viet nam': 'VN',
  'czech republic': 'CZ',
};

let countryIndex: Map<string, string> | undefined;

/**
 * ISO-3166 alpha-2 code of a country written as a code ("GB") or an English name ("United
 * Kingdom", "EIRE"); null for values that name no single country ("European Community").
 */
export function countryCode(text: string): string | null {
  const value = text.trim();
  if (value === '' || /^(na|unspecified|n\/a)$/i.test(value)) return null;
  if (/^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  if (!countryIndex) {
    countryIndex = new Map();
    const names = new Intl.DisplayNames('en', { type: 'region' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        // First code wins: GB before UK, which ICU also names "United Kingdom".
        if (name && name !== code && !countryIndex.has(name.toLowerCase())) countryIndex.set(name.toLowerCase(), code);
      }
    }
  }
  const key = value.toLowerCase();
  return COUNTRY_ALIASES[key] ?? countryIndex.get(key) ?? null;
}

/** True for marketplace relay addresses that forward to a buyer without revealing them. */
export function isRelayEmail(email: string): boolean {
  return /@(marketplace\.amazon\.[a-z.]+|members\.ebay\.[a-z.]+|relay\.[a-z.]+)$/i.test(email);
}

/** A cleaned email, lower-cased; null when empty or not an address. */
export function cleanEmail(text: string): string | null {
  const value = text.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : null;
}

/**
 * A phone number as the file gives it, without the apostrophe Excel users add to keep the plus
 * sign; null when empty or masked by the platform ("******1234", "(+84)*****123").
 */
export function cleanPhone(text: string): string | null {
  const value = text.trim().replace(/^'/, '');
  if (value === '' || value.includes('*')) return null;
  return value;
}

/** A trimmed text, or null when empty. */
export function textOrNull(text: string): string | null {
  const value = text.trim();
  return value === '' ? null : value;
}
