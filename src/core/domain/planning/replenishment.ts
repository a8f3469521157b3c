/**
 * Replenishment per SKU: reorder point, order quantity (respecting the MOQ) and the date the
 * purchase order must go out. Pure: no I/O.
 */
import { addDays, startOfUtcDay } from '../inventory/cover.ts';

/** Days between two looks at the reorder list: an order is due if it would be due before the next look. */
export const REVIEW_DAYS = 7;
/** Stock an order should cover beyond the lead time: about a month, the usual buying cycle. */
export const CYCLE_DAYS = 30;

/** What the rule needs for one SKU. */
export interface ReorderInput {
  /** Forecast units per day, all platforms together. */
  rate: number;
  /** Safety stock for the SKU, in units. */
  safetyStock: number;
  /** Supplier lead time in days (order to goods at the own warehouse). */
  leadTimeDays: number;
  /** Available stock plus open inbound (planned and in transit). */
  position: number;
  moq: number;
  today: Date;
}

/** When and how much to order. */
export interface ReorderPlan {
  reorderPoint: number;
  /** Stock the order brings the position up to. */
  orderUpTo: number;
  /** Suggested order, at least the MOQ; 0 when nothing is needed within the review period. */
  quantity: number;
  /** The last day to place the order; null when not within a year. */
  orderBy: Date | null;
  /** Whole days until the order-by date (0 = today, negative = overdue). */
  daysLeft: number | null;
  /** Due now: the position falls to the reorder point before the next review. */
  due: boolean;
}

/**
 * Reorder point = demand over the lead time + safety stock. An order is due when the position
 * would fall to it before the next review; it brings the position up to a cycle's demand plus
 * lead-time demand plus safety stock, and never below the MOQ.
 */
export function reorderPlan(input: ReorderInput): ReorderPlan {
  const rate = Math.max(0, input.rate);
  const reorderPoint = Math.ceil(rate * input.leadTimeDays + input.safetyStock);
  const orderUpTo = Math.ceil(rate * (input.leadTimeDays + CYCLE_DAYS) + input.safetyStock);
  const today = startOfUtcDay(input.today);
  if (rate <= 0) {
    return { reorderPoint, orderUpTo, quantity: 0, orderBy: null, daysLeft: null, due: false };
  }
  const daysLeft = Math.floor((input.position - reorderPoint) / rate);
  const due = daysLeft < REVIEW_DAYS;
  const quantity = due ? Math.max(input.moq, orderUpTo - input.position + Math.ceil(rate * Math.max(0, daysLeft))) : 0;
  return {
    reorderPoint,
    orderUpTo,
    quantity: Math.max(0, quantity),
    orderBy: daysLeft <= 365 ? addDays(today, daysLeft) : null,
    daysLeft: daysLeft <= 365 ? daysLeft : null,
    due,
  };
}
