/**
 * A generic order history in the layout of the UCI "Online Retail" dataset (a UK web shop,
 * 2010–2011): InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID,
 * Country, one row per invoice line, money in GBP, times in UK local time. Variants handled:
 * R's write.csv (a leading unnamed index column, "NA" for missing customers, M/D/Y dates, CRLF),
 * CustomerID written as a float ("17850.0"), and extra Revenue/Month columns.
 * Invoices starting with "C" are credit notes for earlier invoices, and rows with a negative
 * quantity and no price are stock adjustments: neither is a sale, both are skipped.
 */
import { groupBy, MapperKit, type Cells } from './mapper-kit.ts';
import type { ImportFormat, MapResult, OrderRecord } from './types.ts';
import { countryCode, Decimal, roundMoney } from './values.ts';

const columns = {
  invoice: { names: ['invoiceno', 'invoice'], required: true },
  stockCode: { names: ['stockcode'], required: true },
  description: { names: ['description'], required: true },
  quantity: { names: ['quantity'], required: true },
  date: { names: ['invoicedate'], required: true },
  unitPrice: { names: ['unitprice', 'price'], required: true },
  customer: { names: ['customerid', 'customer id'], required: true },
  country: { names: ['country'], required: true },
} as const;

type Key = keyof typeof columns;

/** The dataset's currency and the shop's time zone. */
const CURRENCY = 'GBP';
const TIME_ZONE = 'Europe/London';

/** "17850.0" → "17850"; "NA" or empty → null (a guest). */
function customerId(text: string): string | null {
  const value = text.trim();
  if (value === '' || /^(na|nan|null)$/i.test(value)) return null;
  return value.replace(/\.0+$/, '');
}

/** The UCI Online Retail order history. */
export const onlineRetail: ImportFormat<Key> = {
  id: 'online-retail',
  label: 'Order history (UCI Online Retail layout, GBP)',
  kind: 'orders',
  columns,
  hint() {
    return { marketplace: null, currency: CURRENCY };
  },
  map(table): MapResult {
    const kit = new MapperKit<Key>(table, columns);
    const at = { timeZone: TIME_ZONE, order: 'mdy' as const };
    const sales = kit.rows().filter((r) => {
      if (r.text('invoice').toUpperCase().startsWith('C')) {
        kit.skip(r.line, 'cancellationInvoice', r.text('invoice'));
        return false;
      }
      const quantity = r.count('quantity');
      if (quantity !== null && quantity <= 0) {
        kit.skip(r.line, 'stockAdjustment', r.text('invoice'));
        return false;
      }
      return true;
    });
    const orders: OrderRecord[] = [];
    for (const [invoice, group] of groupBy(sales, (r) => r.text('invoice'))) {
      const head = group[0] as Cells<Key>;
      if (invoice === '') {
        head.req('invoice');
        continue;
      }
      const lines = group.map((r) => ({
        externalSku: r.id('stockCode'),
        listingId: null,
        title: r.text('description'),
        quantity: r.reqCount('quantity'),
        unitPrice: r.money('unitPrice', CURRENCY),
      }));
      const country = countryCode(head.text('country'));
      const customer = customerId(head.text('customer'));
      orders.push({
        line: head.line,
        externalId: head.id('invoice'),
        orderedAt: head.reqDateTime('date', at),
        shippedAt: null,
        // A past invoice of a shop that ships what it invoices.
        status: 'shipped',
        currency: CURRENCY,
        total: roundMoney(lines.reduce((sum, l) => sum.plus(l.unitPrice ? l.unitPrice.times(l.quantity) : 0), new Decimal(0)), CURRENCY),
        shipCountry: country,
        buyer: { externalId: customer, name: null, email: null, phone: null, addressLine1: null, addressLine2: null, city: null, region: null, postalCode: null, country },
        lines,
      });
    }
    return kit.result({ kind: 'orders', orders, pricesKnown: true });
  },
};
