/**
 * Contribution margin per unit on one platform:
 * price − commission − logistics − advertising per unit − cost of goods. Pure; every amount in
 * one currency (the tools use USD).
 */

/** The parts of one unit's price. */
export interface MarginInput {
  price: number;
  commissionRate: number;
  logistics: number;
  adsPerUnit: number;
  cogs: number;
}

/** Where a unit's price goes. */
export interface Margin {
  price: number;
  commission: number;
  logistics: number;
  ads: number;
  cogs: number;
  contribution: number;
  /** contribution ÷ price; 0 when the price is 0. */
  marginRate: number;
}

/** Computes the contribution margin of one unit. */
export function contributionMargin(input: MarginInput): Margin {
  const commission = input.price * input.commissionRate;
  const contribution = input.price - commission - input.logistics - input.adsPerUnit - input.cogs;
  return {
    price: input.price,
    commission,
    logistics: input.logistics,
    ads: input.adsPerUnit,
    cogs: input.cogs,
    contribution,
    marginRate: input.price > 0 ? contribution / input.price : 0,
  };
}
