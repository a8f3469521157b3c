/**
 * Shopee Seller Centre order export ("Order.all…"), in English (PH, MY, SG) or with localised
 * headers (Indonesian: No. Pesanan, Nomor Referensi SKU…). One row per item. PH files put the
 * currency in headers ("Total Discount(PHP)"). Dates are "yyyy-MM-dd HH:mm" in the shop's local
 * time without a zone, so they are read in the platform's time zone. Buyer phone numbers are
 * usually masked ("******1234") and then not kept.
 */
import { firstValue, groupBy, MapperKit, type Cells } from './mapper-kit.ts';
import { bindColumns } from './columns.ts';
import type { ImportFormat, MapResult, OrderRecord, OrderStatusValue } from './types.ts';
import { cleanPhone, countryCode, textOrNull } from './values.ts';

const columns = {
  orderId: { names: ['order id', 'no. pesanan'], required: true },
  status: { names: ['order status', 'status pesanan'], required: true },
  created: { names: ['order creation date', 'waktu pesanan dibuat'], required: true },
  shipTime: { names: ['ship time', 'waktu pengiriman diatur'] },
  sku: { names: ['sku reference no.', 'nomor referensi sku'], required: true },
  parentSku: { names: ['parent sku reference no.', 'sku induk'] },
  product: { names: ['product name', 'nama produk'], required: true },
  variation: { names: ['variation name', 'nama variasi'] },
  dealPrice: { names: ['deal price', 'harga setelah diskon'], required: true },
  quantity: { names: ['quantity', 'jumlah'], required: true },
  grandTotal: { names: ['grand total', 'total pembayaran'], required: true },
  username: { names: ['username (buyer)', 'username (pembeli)'], required: true },
  receiver: { names: ['receiver name', 'nama penerima'] },
  phone: { names: ['phone number', 'no. telepon'] },
  address: { names: ['delivery address', 'alamat pengiriman'] },
  city: { names: ['town', 'city', 'kota/kabupaten'] },
  province: { names: ['province', 'provinsi'] },
  zip: { names: ['zip code', 'kode pos'] },
  country: { names: ['country', 'negara'] },
} as const;

type Key = keyof typeof columns;

/** Our status from Shopee's, in English or Indonesian. */
export function shopeeStatus(text: string): OrderStatusValue {
  const s = text.toLowerCase();
  if (/cancel|batal/.test(s)) return 'cancelled';
  if (/return|refund|pengembalian/.test(s)) return 'returned';
  if (/completed|selesai|delivered|diterima/.test(s)) return 'delivered';
  if (/shipping|shipped|to receive|dikirim(?!kan)|sedang dikirim/.test(s) && !/to ship|perlu dikirim|siap dikirim/.test(s)) return 'shipped';
  if (/unpaid|belum bayar/.test(s)) return 'pending';
  return 'unshipped';
}

/** The Shopee order export. */
export const shopeeOrders: ImportFormat<Key> = {
  id: 'shopee-orders',
  label: 'Shopee order export',
  kind: 'orders',
  columns,
  hint(table) {
    const binding = bindColumns(table.header, columns);
    const localisedId = binding.labels.orderId?.toLowerCase() === 'no. pesanan';
    const currency = binding.headerCurrencies[0] ?? (localisedId ? 'IDR' : null);
    const byCurrency: Record<string, string> = { PHP: 'PH', IDR: 'ID', MYR: 'MY', SGD: 'SG', THB: 'TH', VND: 'VN', TWD: 'TW', BRL: 'BR' };
    return { marketplace: 'shopee', country: currency ? (byCurrency[currency] ?? null) : null, currency };
  },
  map(table, ctx): MapResult {
    const kit = new MapperKit<Key>(table, columns);
    const orders: OrderRecord[] = [];
    const at = { timeZone: ctx.timeZone, order: 'ymd' as const };
    for (const [orderId, group] of groupBy(kit.rows(), (r) => r.text('orderId'))) {
      const head = group[0] as Cells<Key>;
      if (orderId === '') {
        head.req('orderId');
        continue;
      }
      const pick = (key: Key) => textOrNull(firstValue(group, (r) => r.text(key)));
      const status = shopeeStatus(head.text('status'));
      const country = countryCode(pick('country') ?? '') ?? ctx.country;
      orders.push({
        line: head.line,
        externalId: head.id('orderId'),
        orderedAt: head.reqDateTime('created', at),
        shippedAt: status === 'shipped' || status === 'delivered' ? head.dateTime('shipTime', at) : null,
        status,
        currency: ctx.currency,
        total: head.money('grandTotal', ctx.currency),
        shipCountry: country,
        buyer: {
          externalId: pick('username'),
          name: pick('receiver'),
          email: null,
          phone: cleanPhone(pick('phone') ?? ''),
          addressLine1: pick('address'),
          addressLine2: null,
          city: pick('city'),
          region: pick('province'),
          postalCode: pick('zip'),
          country,
        },
        lines: group.map((r) => ({
          externalSku: r.text('sku') || r.text('parentSku'),
          listingId: null,
          title: [r.text('product'), r.text('variation')].filter(Boolean).join(' · '),
          quantity: r.reqCount('quantity'),
          unitPrice: r.money('dealPrice', ctx.currency),
        })),
      });
    }
    return kit.result({ kind: 'orders', orders, pricesKnown: true });
  },
};
