/** Languages the bot answers in. */
export const LOCALES = ['en', 'zh'] as const;

/** A reply language. */
export type Locale = (typeof LOCALES)[number];

const HAN = /\p{Script=Han}/u;

/**
 * The language to answer in: Chinese text gets a Chinese reply whatever the user's
 * preference; otherwise the platform's hint, then the member's preference, then English.
 */
export function detectLocale(text: string, ...preferences: Array<string | null | undefined>): Locale {
  if (HAN.test(text)) return 'zh';
  for (const p of preferences) {
    if (p === undefined || p === null) continue;
    const lang = p.toLowerCase().slice(0, 2);
    if (lang === 'zh') return 'zh';
    if (lang === 'en') return 'en';
  }
  return 'en';
}
