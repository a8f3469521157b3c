/**
 * eBay Seller Hub "Orders report" (CSV). Real files start with a blank line, mix quoted and
 * unquoted headers, and end with trailer lines ("12 record(s) downloaded", "Seller ID : …").
 * Money looks like "$900.00" and dates like "Jul-25-26". A multi-item order has a summary row
 * (order number and totals, no item number) plus one row per item. UK files say "Post to …"
 * where US files say "Ship to …".
 */
import { firstValue, groupBy, MapperKit, type Cells } from './mapper-kit.ts';
import type { ImportFormat, MapResult, OrderRecord, OrderStatusValue } from './types.ts';
import { cleanEmail, cleanPhone, countryCode, currencyIn, Decimal, textOrNull } from './values.ts';

const columns = {
  orderNumber: { names: ['order number'], required: true },
  username: { names: ['buyer username', 'user id'], required: true },
  buyerName: { names: ['buyer name', 'buyer fullname'] },
  buyerEmail: { names: ['buyer email'] },
  shipName: { names: ['ship to name', 'post to name'] },
  shipPhone: { names: ['ship to phone', 'post to phone'] },
  shipAddress1: { names: ['ship to address 1', 'post to address 1'] },
  shipAddress2: { names: ['ship to address 2', 'post to address 2'] },
  shipCity: { names: ['ship to city', 'post to city'] },
  shipState: { names: ['ship to state', 'post to county'] },
  shipZip: { names: ['ship to zip', 'post to postcode'] },
  shipCountry: { names: ['ship to country', 'post to country'] },
  itemNumber: { names: ['item number'], required: true },
  itemTitle: { names: ['item title'], required: true },
  customLabel: { names: ['custom label'], required: true },
  quantity: { names: ['quantity'], required: true },
  soldFor: { names: ['sold for', 'sale price'], required: true },
  totalPrice: { names: ['total price'], required: true },
  saleDate: { names: ['sale date'], required: true },
  paidOn: { names: ['paid on date'] },
  shippedOn: { names: ['shipped on date'] },
} as const;

type Key = keyof typeof columns;

/** Trailer lines eBay appends after the data. */
const TRAILER = /record\(s\) downloaded|^seller id\s*:/i;

function ebayStatus(rows: Array<Cells<Key>>): OrderStatusValue {
  if (firstValue(rows, (r) => r.text('shippedOn')) !== '') return 'shipped';
  if (firstValue(rows, (r) => r.text('paidOn')) !== '') return 'unshipped';
  return 'pending';
}

/** The eBay orders report. */
export const ebayOrders: ImportFormat<Key> = {
  id: 'ebay-orders',
  label: 'eBay orders report',
  kind: 'orders',
  columns,
  hint(table) {
    const uk = table.header.some((h) => /post to name/i.test(h));
    return { marketplace: 'ebay', country: uk ? 'GB' : 'US' };
  },
  map(table, ctx): MapResult {
    const kit = new MapperKit<Key>(table, columns);
    let trailers = 0;
    const rows = kit.rows((row) => {
      const text = row.cells.filter((c) => c.trim() !== '');
      const trailer = text.length <= 2 && text.some((c) => TRAILER.test(c.trim()));
      if (trailer) trailers += 1;
      return trailer;
    });
    if (trailers > 0) kit.note({ key: 'trailerLines', params: { n: trailers } });
    const orders: OrderRecord[] = [];
    for (const [orderNumber, group] of groupBy(rows, (r) => r.text('orderNumber'))) {
      const head = group[0] as Cells<Key>;
      if (orderNumber === '') {
        head.req('orderNumber');
        continue;
      }
      // "$" is ambiguous (US, AU, CA…): the platform's currency is used unless a sign says more.
      const currency = currencyIn(firstValue(group, (r) => r.text('totalPrice') || r.text('soldFor'))) ?? ctx.currency;
      const digits = currency;
      const items = group.filter((r) => r.text('itemNumber') !== '');
      const summary = group.find((r) => r.text('itemNumber') === '');
      const total = summary
        ? summary.money('totalPrice', digits)
        : items.reduce<Decimal>((sum, r) => sum.plus(r.money('totalPrice', digits) ?? 0), new Decimal(0));
      const pick = (key: Key) => textOrNull(firstValue(group, (r) => r.text(key)));
      const email = cleanEmail(pick('buyerEmail') ?? '');
      const shippedOn = firstValue(group, (r) => r.text('shippedOn'));
      orders.push({
        line: head.line,
        externalId: head.id('orderNumber'),
        orderedAt: (group.find((r) => r.text('saleDate') !== '') ?? head).reqDay('saleDate'),
        shippedAt: shippedOn === '' ? null : (items.find((r) => r.text('shippedOn') !== '') ?? head).day('shippedOn'),
        status: ebayStatus(group),
        currency,
        total,
        shipCountry: countryCode(pick('shipCountry') ?? ''),
        buyer: {
          externalId: pick('username'),
          name: pick('buyerName') ?? pick('shipName'),
          email,
          phone: cleanPhone(pick('shipPhone') ?? ''),
          addressLine1: pick('shipAddress1'),
          addressLine2: pick('shipAddress2'),
          city: pick('shipCity'),
          region: pick('shipState'),
          postalCode: pick('shipZip'),
          country: countryCode(pick('shipCountry') ?? ''),
        },
        lines: items.map((r) => {
          r.id('itemNumber');
          return { externalSku: r.text('customLabel'), listingId: r.text('itemNumber'), title: r.text('itemTitle'), quantity: r.reqCount('quantity'), unitPrice: r.money('soldFor', digits) };
        }),
      });
    }
    if (orders.length > 0) kit.note({ key: 'dateOnly' });
    return kit.result({ kind: 'orders', orders, pricesKnown: true });
  },
};
