/**
 * Translation: `translator(locale)` gives a `t(key, params)` that fills `{name}` placeholders.
 */
import { en, zh, type MessageKey } from './messages.ts';
import type { Locale } from './locale.ts';

export type { MessageKey } from './messages.ts';
export { detectLocale, LOCALES, type Locale } from './locale.ts';

/** Placeholder values for a message. */
export type MessageParams = Record<string, string | number>;

/** Looks up a message in the caller's language and fills its placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, zh };

/** A translate function for one locale. Unknown placeholders are left visible so they get noticed. */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const template = catalogue[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}

// Building an Intl.NumberFormat costs far more than using one, and a table formats hundreds of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Number formatting per locale; the bot shows grouped integers (1,234) in both languages. */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  const key = `${locale}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
