/**
 * Value slots for the offline router: budget periods, money amounts, counts, and the keys a
 * customer can be looked up by (email, phone, order id). English and Chinese forms.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js';

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A Chinese number up to 99 ("十二" → 12, "三" → 3), or null. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(text)) return null;
  if (text === '十') return 10;
  const tens = text.indexOf('十');
  if (tens < 0) return text.length === 1 ? (ZH_DIGITS[text] ?? null) : null;
  const high = tens === 0 ? 1 : (ZH_DIGITS[text[0] as string] ?? 0);
  const low = tens === text.length - 1 ? 0 : (ZH_DIGITS[text[tens + 1] as string] ?? 0);
  return high * 10 + low;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A budget period named in the text, as "YYYY-MM" (or "YYYY-Qn"), relative to `now`. A month
 * without a year is its next occurrence: in November, "December" is this year's and "March" next year's.
 */
export function findPeriod(text: string, now: Date): string | null {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const explicit = /\b(20\d{2})[-/.年](\d{1,2})月?\b/.exec(text) ?? /(20\d{2})年(\d{1,2})月/.exec(text);
  if (explicit) {
    const m = Number(explicit[2]);
    if (m >= 1 && m <= 12) return `${explicit[1]}-${pad(m)}`;
  }
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(year, month - 1 + delta, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  };
  if (/next month|下个?月/i.test(text)) return shift(1);
  if (/this month|current month|本月|这个月|当月/i.test(text)) return shift(0);
  if (/last month|上个?月/i.test(text)) return shift(-1);
  const quarter = /\bq([1-4])\b|第?([一二三四1-4])季度/i.exec(text);
  if (quarter) {
    const q = Number(quarter[1] ?? chineseNumber(quarter[2] ?? ''));
    const qYear = q * 3 < month ? year + 1 : year;
    return `${qYear}-Q${q}`;
  }
  // "may" is usually the verb; only "May 2027" counts as the month.
  const monthWords = MONTHS_EN.filter((w) => w !== 'may').join('|');
  const named = new RegExp(`\\b(${monthWords})[a-z]*\\.?(?:\\s+(20\\d{2}))?\\b|\\b(may)\\s+(20\\d{2})\\b`, 'i').exec(text);
  const zhMonth = /([0-9]{1,2}|[一二三四五六七八九十]{1,3})月(份)?/.exec(text);
  let m: number | null = null;
  let y: number | null = null;
  if (named) {
    m = MONTHS_EN.indexOf(((named[1] ?? named[3]) as string).toLowerCase().slice(0, 3)) + 1;
    const yearText = named[2] ?? named[4];
    y = yearText ? Number(yearText) : null;
  } else if (zhMonth) {
    m = chineseNumber(zhMonth[1] as string);
  }
  if (m === null || m < 1 || m > 12) return null;
  return `${y ?? (m < month ? year + 1 : year)}-${pad(m)}`;
}

/** A money amount with its currency, if the text says one. */
export interface Amount {
  value: number;
  currency: string | null;
  /** Whether the text gave a sign, for budget changes ("+500", "cut 2k", "减少"). */
  sign: 1 | -1 | null;
}

const CURRENCY_SYMBOLS: Array<[RegExp, string]> = [
  [/\$|\busd\b|美元|美金|dollars?/i, 'USD'],
  [/€|\beur\b|euros?|欧元/i, 'EUR'],
  [/¥|￥|\bcny\b|\brmb\b|人民币|元|块/i, 'CNY'],
  [/\brm\b|\bmyr\b|ringgit|令吉/i, 'MYR'],
];

/** The first money amount: "80k", "$80,000", "8万", "1.5w", "八万", "80 thousand", "-2k". */
export function findAmount(text: string): Amount | null {
  const re =
    /((?<!\d)[+\-−]|\b(?:cut|reduce|lower|decrease|minus)\s+(?:by\s+)?|\b(?:add|raise|increase|plus)\s+(?:by\s+)?|减少|削减|增加|追加)?\s*([$€¥￥]|\brm\s?)?\s*(?<![\d.,Qq-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|thousand|m\b|million|万|w\b|千)?(?![\d.,/-]|\s*(?:月|年|号|日|季度|days?|天|ml|g\b|kg|pcs|units?|件|个))/gi;
  for (const m of text.matchAll(re)) {
    const digits = (m[3] as string).replace(/,/g, '');
    const unit = (m[4] ?? '').toLowerCase();
    const signWord = m[1]?.trim().toLowerCase();
    // A bare year ("2026") is not an amount unless money is clearly meant.
    if (/^(19|20)\d{2}$/.test(digits) && !unit && !m[2] && !signWord) continue;
    let value = Number(digits);
    value *= unit === 'k' || unit === 'thousand' || unit === '千' ? 1_000 : unit === 'm' || unit === 'million' ? 1_000_000 : unit === '万' || unit === 'w' ? 10_000 : 1;
    if (!value || !Number.isFinite(value)) continue;
    return { value, currency: currencyOf(text), sign: signOf(signWord) };
  }
  const zh = /(减少|削减|增加|追加)?([一二两三四五六七八九十]{1,3})(万|千)/.exec(text);
  if (!zh) return null;
  const value = (chineseNumber(zh[2] as string) ?? 0) * (zh[3] === '万' ? 10_000 : 1_000);
  return value > 0 ? { value, currency: currencyOf(text), sign: signOf(zh[1]) } : null;
}

function signOf(word: string | undefined): 1 | -1 | null {
  if (word === undefined || word === '') return null;
  return /^(-|−|cut|reduce|lower|decrease|minus|减少|削减)/.test(word) ? -1 : 1;
}

function currencyOf(text: string): string | null {
  return CURRENCY_SYMBOLS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** The first email address. */
export function findEmail(text: string): string | null {
  return /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i.exec(text)?.[0] ?? null;
}

/** The first phone number, in E.164 ("+14155550123"); numbers without a country code are read as US. */
export function findPhone(text: string): string | null {
  const withoutOrderIds = text.replace(/\b\d{3}-\d{7}-\d{7}\b/g, ' ');
  return findPhoneNumbersInText(withoutOrderIds, { defaultCountry: 'US' })[0]?.number.number ?? null;
}

/** The first order id in a platform's format: Amazon 3-7-7, Shopify #1001, long marketplace numbers. */
export function findOrderId(text: string): string | null {
  return (
    /\b\d{3}-\d{7}-\d{7}\b/.exec(text)?.[0] ??
    /#\d{3,}\b/.exec(text)?.[0] ??
    /\b\d{15,22}\b/.exec(text)?.[0] ??
    /\b2\d{5}[A-Z0-9]{8}\b/.exec(text)?.[0] ??
    null
  );
}

/** A small count ("three variants", "3 titles", "三条"), 1–10, or null. */
export function findCount(text: string): number | null {
  const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1, couple: 2 };
  const en = /\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:\w+\s+)?(variants?|versions?|titles?|options?|captions?|descriptions?|copies|drafts?)\b/i.exec(text);
  if (en) {
    const raw = (en[1] as string).toLowerCase();
    const n = words[raw] ?? Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  const zh = /([一二两三四五六七八九十\d]{1,2})\s*(条|个|版|种|套|份)/.exec(text);
  return zh ? chineseNumber(zh[1] as string) : null;
}
