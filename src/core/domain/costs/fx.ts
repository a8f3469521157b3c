/** Currency conversion at the configured reference rates (units per USD). Pure. */

/** Thrown when a currency has no configured rate; services turn it into a message for the user. */
export class MissingRateError extends Error {
  override name = 'MissingRateError';
  constructor(readonly currency: string) {
    super(`no exchange rate for ${currency}`);
  }
}

/** `amount` in `currency`, in USD. */
export function toUsd(amount: number, currency: string, perUsd: Readonly<Record<string, number>>): number {
  const rate = currency === 'USD' ? 1 : perUsd[currency];
  if (rate === undefined || !(rate > 0)) throw new MissingRateError(currency);
  return amount / rate;
}

/** `usd` in `currency`. */
export function fromUsd(usd: number, currency: string, perUsd: Readonly<Record<string, number>>): number {
  return usd / toUsd(1, currency, perUsd);
}
