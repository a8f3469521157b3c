/**
 * Shopify Admin › Orders › Export. One row per line item; order-level fields (email, totals,
 * statuses, addresses) are filled on the first row of each order only. Dates carry their
 * offset ("2025-05-11 09:55:16 -0400"); the Currency column names the money's currency.
 */
import { columnValues, firstValue, groupBy, MapperKit, only, type Cells } from './mapper-kit.ts';
import type { BuyerRecord, ImportFormat, MapResult, OrderRecord, OrderStatusValue } from './types.ts';
import { cleanEmail, cleanPhone, countryCode, isCurrencyCode, textOrNull } from './values.ts';

const columns = {
  name: { names: ['name'], required: true },
  email: { names: ['email'], required: true },
  financial: { names: ['financial status'], required: true },
  fulfillment: { names: ['fulfillment status'], required: true },
  fulfilledAt: { names: ['fulfilled at'] },
  currency: { names: ['currency'], required: true },
  total: { names: ['total'], required: true },
  createdAt: { names: ['created at'], required: true },
  quantity: { names: ['lineitem quantity'], required: true },
  itemName: { names: ['lineitem name'], required: true },
  itemPrice: { names: ['lineitem price'], required: true },
  itemSku: { names: ['lineitem sku'], required: true },
  billingName: { names: ['billing name'] },
  billingPhone: { names: ['billing phone'] },
  billingCountry: { names: ['billing country'] },
  shippingName: { names: ['shipping name'] },
  shippingAddress1: { names: ['shipping address1'] },
  shippingAddress2: { names: ['shipping address2'] },
  shippingCity: { names: ['shipping city'] },
  shippingZip: { names: ['shipping zip'] },
  shippingProvince: { names: ['shipping province'] },
  shippingCountry: { names: ['shipping country'] },
  shippingPhone: { names: ['shipping phone'] },
  phone: { names: ['phone'] },
  cancelledAt: { names: ['cancelled at'] },
  refunded: { names: ['refunded amount'] },
} as const;

type Key = keyof typeof columns;

/** Our status from Shopify's financial and fulfilment statuses. */
export function shopifyStatus(financial: string, fulfillment: string, cancelled: boolean): OrderStatusValue {
  if (cancelled || financial === 'voided') return 'cancelled';
  if (financial === 'refunded') return 'returned';
  if (fulfillment === 'fulfilled') return 'shipped';
  if (financial === 'pending' || financial === 'authorized' || financial === 'unpaid') return 'pending';
  return 'unshipped';
}

function buyer(rows: Array<Cells<Key>>): BuyerRecord {
  const pick = (key: Key) => firstValue(rows, (r) => r.text(key));
  const email = cleanEmail(pick('email'));
  return {
    // Shopify's export has no customer id; the email is how Shopify itself keys customers.
    externalId: email,
    name: textOrNull(pick('billingName')) ?? textOrNull(pick('shippingName')),
    email,
    phone: cleanPhone(pick('phone')) ?? cleanPhone(pick('shippingPhone')) ?? cleanPhone(pick('billingPhone')),
    addressLine1: textOrNull(pick('shippingAddress1')),
    addressLine2: textOrNull(pick('shippingAddress2')),
    city: textOrNull(pick('shippingCity')),
    region: textOrNull(pick('shippingProvince')),
    postalCode: textOrNull(pick('shippingZip')),
    country: countryCode(pick('shippingCountry')) ?? countryCode(pick('billingCountry')),
  };
}

/** The Shopify orders export. */
export const shopifyOrders: ImportFormat<Key> = {
  id: 'shopify-orders',
  label: 'Shopify orders export',
  kind: 'orders',
  columns,
  hint(table) {
    return { marketplace: 'shopify', currency: only(columnValues(table, ['currency']).map((c) => c.toUpperCase())) };
  },
  map(table): MapResult {
    const kit = new MapperKit<Key>(table, columns);
    const rows = kit.rows();
    const orders: OrderRecord[] = [];
    for (const [name, group] of groupBy(rows, (r) => r.text('name'))) {
      const head = group[0] as Cells<Key>;
      if (name === '') {
        head.req('name');
        continue;
      }
      const currency = firstValue(group, (r) => r.text('currency')).toUpperCase();
      if (!isCurrencyCode(currency)) {
        kit.problem({ line: head.line, column: head.r.label('currency'), value: currency, reason: 'badCurrency' });
        continue;
      }
      const first = group.find((r) => r.text('financial') !== '' || r.text('total') !== '') ?? head;
      const cancelled = first.text('cancelledAt') !== '';
      const orderedAt = head.reqDateTime('createdAt');
      const fulfilledAt = first.dateTime('fulfilledAt');
      const status = shopifyStatus(first.text('financial').toLowerCase(), first.text('fulfillment').toLowerCase(), cancelled);
      orders.push({
        line: head.line,
        externalId: name,
        orderedAt,
        shippedAt: status === 'shipped' || status === 'returned' ? fulfilledAt : null,
        status,
        currency,
        total: first.money('total', currency),
        shipCountry: countryCode(firstValue(group, (r) => r.text('shippingCountry'))),
        buyer: buyer(group),
        lines: group.map((r) => ({
          externalSku: r.text('itemSku'),
          listingId: null,
          title: r.text('itemName'),
          quantity: r.reqCount('quantity'),
          unitPrice: r.money('itemPrice', currency),
        })),
      });
    }
    return kit.result({ kind: 'orders', orders, pricesKnown: true });
  },
};
