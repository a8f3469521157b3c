/** Messages of /rate: feedback on the bot's answers, kept for evaluating the NL layer. */
export const en = {
  'rate.thanksUseful': 'Thanks, noted as useful.',
  'rate.thanksNotUseful': 'Thanks, noted as not useful. A note on what was wrong helps: /rate not-useful <what was wrong>',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'rate.thanksUseful': '谢谢，已记录为有用。',
  'rate.thanksNotUseful': '谢谢，已记录为没用。说明哪里不对会更有帮助：/rate not-useful <哪里不对>',
};
