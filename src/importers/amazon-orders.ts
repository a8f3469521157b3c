/**
 * Amazon Seller Central order flat files (tab-separated):
 * - All Orders (MWS and SP-API headers) and Archived Orders: `amazon-order-id`, one row per
 *   item, prices per line, no buyer details. `item-price` is the line total, not the unit price.
 * - Unshipped Orders (actionable): `order-id` + `order-item-id`, the only one with
 *   `buyer-email` (a masked …@marketplace.amazon.* relay address), `buyer-phone-number` and
 *   `recipient-name`, and no prices at all.
 * Dates are ISO 8601 with an offset.
 */
import { columnValues, firstValue, groupBy, MapperKit, only, type Cells } from './mapper-kit.ts';
import type { ImportFormat, MapResult, OrderRecord, OrderStatusValue } from './types.ts';
import { cleanEmail, cleanPhone, countryCode, Decimal, isCurrencyCode, textOrNull } from './values.ts';

/** ISO country of an Amazon sales channel such as "Amazon.co.uk"; null for "Non-Amazon" and unknown ones. */
export function amazonChannelCountry(channel: string): string | null {
  const m = /^amazon\.(?:com?\.)?([a-z]{2,3})$/i.exec(channel.trim());
  if (!m) return null;
  const tld = (m[1] as string).toLowerCase();
  if (tld === 'com') return 'US';
  if (tld === 'uk') return 'GB';
  return tld.length === 2 ? tld.toUpperCase() : null;
}

/** Our status from Amazon's order-status. */
export function amazonStatus(text: string): OrderStatusValue {
  const s = text.toLowerCase().replace(/[\s_-]/g, '');
  if (s.startsWith('cancel')) return 'cancelled';
  if (s.startsWith('pending')) return 'pending';
  if (s === 'shipped' || s === 'complete' || s === 'invoiceunconfirmed') return 'shipped';
  return 'unshipped';
}

const allOrdersColumns = {
  orderId: { names: ['amazon-order-id'], required: true },
  purchaseDate: { names: ['purchase-date'], required: true },
  status: { names: ['order-status'], required: true },
  channel: { names: ['sales-channel'] },
  productName: { names: ['product-name'] },
  sku: { names: ['sku'], required: true },
  asin: { names: ['asin'] },
  quantity: { names: ['quantity'], required: true },
  currency: { names: ['currency'], required: true },
  itemPrice: { names: ['item-price'], required: true },
  itemTax: { names: ['item-tax'] },
  shippingPrice: { names: ['shipping-price'] },
  shippingTax: { names: ['shipping-tax'] },
  giftWrapPrice: { names: ['gift-wrap-price'] },
  giftWrapTax: { names: ['gift-wrap-tax'] },
  itemPromo: { names: ['item-promotion-discount'] },
  shipPromo: { names: ['ship-promotion-discount'] },
  shipCity: { names: ['ship-city'] },
  shipState: { names: ['ship-state'] },
  shipPostal: { names: ['ship-postal-code'] },
  shipCountry: { names: ['ship-country'] },
} as const;

type AllKey = keyof typeof allOrdersColumns;

const CHARGES: AllKey[] = ['itemPrice', 'itemTax', 'shippingPrice', 'shippingTax', 'giftWrapPrice', 'giftWrapTax'];
const DISCOUNTS: AllKey[] = ['itemPromo', 'shipPromo'];

/** All Orders / Archived Orders report. */
export const amazonAllOrders: ImportFormat<AllKey> = {
  id: 'amazon-all-orders',
  label: 'Amazon All Orders report',
  kind: 'orders',
  columns: allOrdersColumns,
  hint(table) {
    const countries = columnValues(table, ['sales-channel']).map(amazonChannelCountry).filter((c): c is string => c !== null);
    return { marketplace: 'amazon', country: only(countries) };
  },
  map(table, ctx): MapResult {
    const kit = new MapperKit<AllKey>(table, allOrdersColumns);
    const rows = kit.rows().filter((r) => {
      // Multi-Channel Fulfilment orders placed elsewhere belong to that platform, not Amazon.
      if (r.text('channel').toLowerCase() === 'non-amazon') {
        kit.skip(r.line, 'otherChannel', r.text('orderId'));
        return false;
      }
      return true;
    });
    const orders: OrderRecord[] = [];
    for (const [orderId, group] of groupBy(rows, (r) => r.text('orderId'))) {
      const head = group[0] as Cells<AllKey>;
      if (orderId === '') {
        head.req('orderId');
        continue;
      }
      const currencyText = firstValue(group, (r) => r.text('currency')).toUpperCase();
      // Pending orders have no price yet, and no currency either.
      const currency = isCurrencyCode(currencyText) ? currencyText : null;
      if (currencyText !== '' && !currency) kit.problem({ line: head.line, column: head.r.label('currency'), value: currencyText, reason: 'badCurrency' });
      let total: Decimal | null = currency ? new Decimal(0) : null;
      const lines = group.map((r) => {
        const quantity = r.reqCount('quantity');
        const linePrice = currency ? r.money('itemPrice', currency) : null;
        if (total && currency) {
          for (const key of CHARGES) total = total.plus(r.money(key, currency) ?? 0);
          for (const key of DISCOUNTS) total = total.minus((r.money(key, currency) ?? new Decimal(0)).abs());
        }
        return {
          externalSku: r.text('sku'),
          listingId: r.opt('asin'),
          title: r.text('productName'),
          quantity,
          unitPrice: linePrice === null ? null : quantity > 0 ? linePrice.dividedBy(quantity).toDecimalPlaces(4) : new Decimal(0),
        };
      });
      orders.push({
        line: head.line,
        externalId: head.id('orderId'),
        orderedAt: head.reqDateTime('purchaseDate'),
        shippedAt: null,
        status: amazonStatus(head.text('status')),
        currency: currency ?? ctx.currency,
        total,
        shipCountry: countryCode(head.text('shipCountry')),
        buyer: {
          externalId: null,
          name: null,
          email: null,
          phone: null,
          addressLine1: null,
          addressLine2: null,
          city: textOrNull(head.text('shipCity')),
          region: textOrNull(head.text('shipState')),
          postalCode: textOrNull(head.text('shipPostal')),
          country: countryCode(head.text('shipCountry')),
        },
        lines,
      });
    }
    return kit.result({ kind: 'orders', orders, pricesKnown: true });
  },
};

const unshippedColumns = {
  orderId: { names: ['order-id'], required: true },
  orderItemId: { names: ['order-item-id'], required: true },
  purchaseDate: { names: ['purchase-date'], required: true },
  buyerEmail: { names: ['buyer-email'] },
  buyerName: { names: ['buyer-name'] },
  buyerPhone: { names: ['buyer-phone-number'] },
  sku: { names: ['sku'], required: true },
  productName: { names: ['product-name'] },
  quantityPurchased: { names: ['quantity-purchased'], required: true },
  quantityToShip: { names: ['quantity-to-ship'], required: true },
  recipient: { names: ['recipient-name'] },
  address1: { names: ['ship-address-1'] },
  address2: { names: ['ship-address-2'] },
  address3: { names: ['ship-address-3'] },
  city: { names: ['ship-city'] },
  state: { names: ['ship-state'] },
  postal: { names: ['ship-postal-code'] },
  country: { names: ['ship-country'] },
  phone: { names: ['ship-phone-number'] },
} as const;

type UnshippedKey = keyof typeof unshippedColumns;

/** Unshipped Orders (actionable) report. */
export const amazonUnshippedOrders: ImportFormat<UnshippedKey> = {
  id: 'amazon-unshipped-orders',
  label: 'Amazon Unshipped Orders report',
  kind: 'orders',
  columns: unshippedColumns,
  hint() {
    return { marketplace: 'amazon' };
  },
  map(table, ctx): MapResult {
    const kit = new MapperKit<UnshippedKey>(table, unshippedColumns);
    const orders: OrderRecord[] = [];
    for (const [orderId, group] of groupBy(kit.rows(), (r) => r.text('orderId'))) {
      const head = group[0] as Cells<UnshippedKey>;
      if (orderId === '') {
        head.req('orderId');
        continue;
      }
      const email = cleanEmail(firstValue(group, (r) => r.text('buyerEmail')));
      const pick = (key: UnshippedKey) => textOrNull(firstValue(group, (r) => r.text(key)));
      orders.push({
        line: head.line,
        externalId: head.id('orderId'),
        orderedAt: head.reqDateTime('purchaseDate'),
        shippedAt: null,
        status: 'unshipped',
        currency: ctx.currency,
        total: null,
        shipCountry: countryCode(head.text('country')),
        buyer: {
          // The relay address is stable per buyer and seller: the best buyer key the report has.
          externalId: email,
          name: pick('buyerName') ?? pick('recipient'),
          email,
          phone: cleanPhone(firstValue(group, (r) => r.text('buyerPhone'))) ?? cleanPhone(firstValue(group, (r) => r.text('phone'))),
          addressLine1: pick('address1'),
          addressLine2: [pick('address2'), pick('address3')].filter(Boolean).join(', ') || null,
          city: pick('city'),
          region: pick('state'),
          postalCode: pick('postal'),
          country: countryCode(head.text('country')),
        },
        lines: group.map((r) => {
          r.id('orderItemId');
          return { externalSku: r.text('sku'), listingId: null, title: r.text('productName'), quantity: r.reqCount('quantityPurchased'), unitPrice: null };
        }),
      });
    }
    if (orders.length > 0) kit.note({ key: 'noPrices' });
    return kit.result({ kind: 'orders', orders, pricesKnown: false });
  },
};
