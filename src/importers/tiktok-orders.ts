/**
 * TikTok Shop Seller Center order export (CSV), one row per SKU. Exports carry a second header
 * row that describes each column ("Platform unique order ID."), which is dropped. Order and SKU
 * ids are 18–19 digits and stay text (a spreadsheet that turned them into 1.23E+18 is refused).
 * Column sets differ per country (Vietnam: Province/District/Commune; Indonesia: Regency and
 * City/Districts/Villages) and so does the column order. Times are "DD/MM/YYYY HH:mm:ss" in
 * the shop's local time.
 */
import { columnValues, firstValue, groupBy, MapperKit, only, type Cells } from './mapper-kit.ts';
import type { ImportFormat, MapResult, OrderRecord, OrderStatusValue } from './types.ts';
import { cleanPhone, countryCode, Decimal, textOrNull } from './values.ts';

const columns = {
  orderId: { names: ['order id'], required: true },
  status: { names: ['order status'], required: true },
  created: { names: ['created time'], required: true },
  shipped: { names: ['shipped time'] },
  skuId: { names: ['sku id'] },
  sellerSku: { names: ['seller sku'], required: true },
  product: { names: ['product name'], required: true },
  variation: { names: ['variation'] },
  quantity: { names: ['quantity'], required: true },
  subtotal: { names: ['sku subtotal after discount'], required: true },
  orderAmount: { names: ['order amount'], required: true },
  username: { names: ['buyer username'], required: true },
  recipient: { names: ['recipient'] },
  phone: { names: ['phone #'] },
  zip: { names: ['zipcode'] },
  country: { names: ['country'] },
  province: { names: ['province'] },
  city: { names: ['regency and city', 'district'] },
  area: { names: ['districts', 'commune'] },
  detail: { names: ['detail address'] },
  additional: { names: ['additional address information'] },
} as const;

type Key = keyof typeof columns;

/** Our status from TikTok Shop's. */
export function tiktokStatus(text: string): OrderStatusValue {
  const s = text.toLowerCase();
  if (s.includes('cancel')) return 'cancelled';
  if (s.includes('return') || s.includes('refund')) return 'returned';
  if (s.includes('completed') || s.includes('delivered')) return 'delivered';
  if (s.includes('shipped') || s.includes('in transit')) return 'shipped';
  if (s.includes('unpaid') || s.includes('on hold')) return 'pending';
  return 'unshipped';
}

/** The TikTok Shop order export. */
export const tiktokOrders: ImportFormat<Key> = {
  id: 'tiktok-orders',
  label: 'TikTok Shop order export',
  kind: 'orders',
  columns,
  hint(table) {
    const lower = table.header.map((h) => h.trim().toLowerCase());
    if (lower.includes('commune')) return { marketplace: 'tiktok', country: 'VN' };
    if (lower.includes('villages')) return { marketplace: 'tiktok', country: 'ID' };
    return { marketplace: 'tiktok', country: only(columnValues(table, ['country']).map(countryCode).filter((c): c is string => c !== null)) };
  },
  map(table, ctx): MapResult {
    const kit = new MapperKit<Key>(table, columns);
    const at = { timeZone: ctx.timeZone, order: 'dmy' as const };
    const rows = kit.rows();
    // The export's second line explains each column instead of holding an order.
    const first = rows[0];
    if (first && !/^\d+$/.test(first.text('orderId')) && /[a-z]\s/i.test(first.text('orderId'))) {
      rows.shift();
      kit.note({ key: 'descriptionRow', params: { line: first.line } });
    }
    const orders: OrderRecord[] = [];
    for (const [orderId, group] of groupBy(rows, (r) => r.text('orderId'))) {
      const head = group[0] as Cells<Key>;
      if (orderId === '') {
        head.req('orderId');
        continue;
      }
      const pick = (key: Key) => textOrNull(firstValue(group, (r) => r.text(key)));
      const status = tiktokStatus(head.text('status'));
      const country = countryCode(pick('country') ?? '') ?? ctx.country;
      orders.push({
        line: head.line,
        externalId: head.id('orderId'),
        orderedAt: head.reqDateTime('created', at),
        shippedAt: head.dateTime('shipped', at),
        status,
        currency: ctx.currency,
        total: head.money('orderAmount', ctx.currency),
        shipCountry: country,
        buyer: {
          externalId: pick('username'),
          name: pick('recipient'),
          email: null,
          phone: cleanPhone(pick('phone') ?? ''),
          addressLine1: pick('detail'),
          addressLine2: [pick('additional'), pick('area')].filter(Boolean).join(', ') || null,
          city: pick('city'),
          region: pick('province'),
          postalCode: pick('zip'),
          country,
        },
        lines: group.map((r) => {
          r.id('skuId', false);
          const quantity = r.reqCount('quantity');
          const subtotal = r.money('subtotal', ctx.currency);
          return {
            externalSku: r.text('sellerSku'),
            listingId: r.opt('skuId'),
            title: [r.text('product'), r.text('variation')].filter(Boolean).join(' · '),
            quantity,
            unitPrice: subtotal === null ? null : quantity > 0 ? subtotal.dividedBy(quantity).toDecimalPlaces(4) : new Decimal(0),
          };
        }),
      });
    }
    return kit.result({ kind: 'orders', orders, pricesKnown: true });
  },
};
