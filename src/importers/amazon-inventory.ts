/**
 * Amazon FBA inventory reports, mapped onto stock in the platform's FBA warehouse:
 * - Manage FBA Inventory: per SKU fulfillable, reserved and inbound (working / shipped /
 *   receiving) quantities. It has no shipment ids or dates, so inbound gets one reference per
 *   SKU and state, and an estimated ETA when first seen.
 * - FBA (AFN) inventory: sellable quantity per SKU and condition.
 * - Inventory Ledger, detailed view: every movement; its Receipts record received shipments.
 * - Inventory Ledger, summary view: ending balances per day and location; the latest day wins.
 */
import { columnValues, groupBy, MapperKit, only, type Cells } from './mapper-kit.ts';
import type { ImportFormat, InboundRecord, MapResult, StockRecord } from './types.ts';

const myiColumns = {
  sku: { names: ['sku'], required: true },
  fnsku: { names: ['fnsku'] },
  asin: { names: ['asin'] },
  afnListing: { names: ['afn-listing-exists'] },
  fulfillable: { names: ['afn-fulfillable-quantity'], required: true },
  reserved: { names: ['afn-reserved-quantity'], required: true },
  working: { names: ['afn-inbound-working-quantity'] },
  shipped: { names: ['afn-inbound-shipped-quantity'] },
  receiving: { names: ['afn-inbound-receiving-quantity'] },
} as const;

type MyiKey = keyof typeof myiColumns;

/** Manage FBA Inventory. */
export const amazonFbaInventory: ImportFormat<MyiKey> = {
  id: 'amazon-fba-inventory',
  label: 'Amazon Manage FBA Inventory report',
  kind: 'stock',
  columns: myiColumns,
  hint() {
    return { marketplace: 'amazon' };
  },
  map(table): MapResult {
    const kit = new MapperKit<MyiKey>(table, myiColumns);
    const levels: StockRecord[] = [];
    const inbound: InboundRecord[] = [];
    for (const r of kit.rows()) {
      const sku = r.id('sku');
      if (sku === '') continue;
      if (r.text('afnListing').toLowerCase() === 'no') {
        kit.skip(r.line, 'notFba', sku);
        continue;
      }
      const fulfillable = r.reqCount('fulfillable');
      const reserved = r.reqCount('reserved');
      const asin = r.opt('asin');
      // Reserved units are still in the warehouse (being picked, or moving between centres).
      levels.push({ line: r.line, sellerSku: sku, listingId: asin, onHand: fulfillable + reserved, reserved });
      const planned = r.count('working') ?? 0;
      const moving = (r.count('shipped') ?? 0) + (r.count('receiving') ?? 0);
      inbound.push(
        { line: r.line, reference: `myi:${sku}:planned`, sellerSku: sku, listingId: asin, quantity: planned, status: planned > 0 ? 'planned' : 'received', eta: null },
        { line: r.line, reference: `myi:${sku}:in_transit`, sellerSku: sku, listingId: asin, quantity: moving, status: moving > 0 ? 'in_transit' : 'received', eta: null },
      );
    }
    if (inbound.some((i) => i.quantity > 0)) kit.note({ key: 'etaEstimated' });
    return kit.result({ kind: 'stock', levels, inbound });
  },
};

const afnColumns = {
  sku: { names: ['seller-sku'], required: true },
  fnsku: { names: ['fulfillment-channel-sku'] },
  asin: { names: ['asin'] },
  condition: { names: ['warehouse-condition-code'], required: true },
  quantity: { names: ['quantity available'], required: true },
} as const;

type AfnKey = keyof typeof afnColumns;

/** FBA (AFN) inventory. */
export const amazonAfnInventory: ImportFormat<AfnKey> = {
  id: 'amazon-afn-inventory',
  label: 'Amazon FBA (AFN) inventory report',
  kind: 'stock',
  columns: afnColumns,
  hint() {
    return { marketplace: 'amazon' };
  },
  map(table): MapResult {
    const kit = new MapperKit<AfnKey>(table, afnColumns);
    const sellable: Array<Cells<AfnKey>> = [];
    for (const r of kit.rows()) {
      if (r.text('condition').toUpperCase() !== 'SELLABLE') kit.skip(r.line, 'notSellable', r.text('sku'));
      else sellable.push(r);
    }
    const levels: StockRecord[] = [];
    for (const [sku, group] of groupBy(sellable, (r) => r.id('sku'))) {
      if (sku === '') continue;
      const head = group[0] as Cells<AfnKey>;
      levels.push({ line: head.line, sellerSku: sku, listingId: head.opt('asin'), onHand: group.reduce((n, r) => n + r.reqCount('quantity'), 0), reserved: null });
    }
    return kit.result({ kind: 'stock', levels, inbound: [] });
  },
};

const ledgerDetailColumns = {
  date: { names: ['date'], required: true },
  fnsku: { names: ['fnsku'] },
  asin: { names: ['asin'] },
  msku: { names: ['msku'], required: true },
  eventType: { names: ['eventtype', 'event type'], required: true },
  reference: { names: ['referenceid', 'reference id'], required: true },
  quantity: { names: ['quantity'], required: true },
  disposition: { names: ['disposition'] },
  country: { names: ['country'] },
} as const;

type DetailKey = keyof typeof ledgerDetailColumns;

/** Inventory Ledger, detailed view. */
export const amazonLedgerDetail: ImportFormat<DetailKey> = {
  id: 'amazon-ledger-detail',
  label: 'Amazon Inventory Ledger (detailed view)',
  kind: 'stock',
  columns: ledgerDetailColumns,
  hint(table) {
    return { marketplace: 'amazon', country: only(columnValues(table, ['country']).filter((c) => /^[A-Z]{2}$/i.test(c)).map((c) => c.toUpperCase())) };
  },
  map(table): MapResult {
    const kit = new MapperKit<DetailKey>(table, ledgerDetailColumns);
    const receipts: Array<Cells<DetailKey>> = [];
    for (const r of kit.rows()) {
      r.day('date');
      // Shipments to customers are sales (they come in with the orders); other events move
      // stock between states the balance reports already show.
      if (r.text('eventType').toLowerCase() === 'receipts' && r.text('reference') !== '') receipts.push(r);
      else kit.skip(r.line, 'ledgerEvent', r.text('eventType'));
    }
    const inbound: InboundRecord[] = [];
    for (const [, group] of groupBy(receipts, (r) => `${r.text('reference')}\u0000${r.text('msku')}`)) {
      const head = group[0] as Cells<DetailKey>;
      const days = group.map((r) => r.day('date')).filter((d): d is Date => d !== null);
      inbound.push({
        line: head.line,
        reference: `ledger:${head.id('reference')}:${head.text('msku')}`,
        sellerSku: head.id('msku'),
        listingId: head.opt('asin'),
        quantity: group.reduce((n, r) => n + r.reqCount('quantity'), 0),
        status: 'received',
        eta: days.length > 0 ? new Date(Math.max(...days.map((d) => d.getTime()))) : null,
      });
    }
    return kit.result({ kind: 'stock', levels: [], inbound });
  },
};

const ledgerSummaryColumns = {
  date: { names: ['date'], required: true },
  fnsku: { names: ['fnsku'] },
  asin: { names: ['asin'] },
  msku: { names: ['msku'], required: true },
  disposition: { names: ['disposition'], required: true },
  ending: { names: ['endingwarehousebalance', 'ending warehouse balance'], required: true },
  starting: { names: ['startingwarehousebalance', 'starting warehouse balance'], required: true },
  location: { names: ['location'] },
} as const;

type SummaryKey = keyof typeof ledgerSummaryColumns;

/** Inventory Ledger, summary view. */
export const amazonLedgerSummary: ImportFormat<SummaryKey> = {
  id: 'amazon-ledger-summary',
  label: 'Amazon Inventory Ledger (summary view)',
  kind: 'stock',
  columns: ledgerSummaryColumns,
  hint(table) {
    return { marketplace: 'amazon', country: only(columnValues(table, ['location']).filter((c) => /^[A-Z]{2}$/i.test(c)).map((c) => c.toUpperCase())) };
  },
  map(table): MapResult {
    const kit = new MapperKit<SummaryKey>(table, ledgerSummaryColumns);
    const sellable: Array<{ r: Cells<SummaryKey>; day: number }> = [];
    for (const r of kit.rows()) {
      const day = r.day('date');
      if (r.text('disposition').toUpperCase() !== 'SELLABLE') kit.skip(r.line, 'notSellable', r.text('msku'));
      else if (day) sellable.push({ r, day: day.getTime() });
    }
    const levels: StockRecord[] = [];
    for (const [sku, group] of groupBy(sellable, (x) => x.r.id('msku'))) {
      if (sku === '') continue;
      const latest = Math.max(...group.map((x) => x.day));
      const current = group.filter((x) => x.day === latest);
      for (const x of group) if (x.day !== latest) kit.skip(x.r.line, 'olderBalance', sku);
      const head = (current[0] as { r: Cells<SummaryKey> }).r;
      levels.push({ line: head.line, sellerSku: sku, listingId: head.opt('asin'), onHand: current.reduce((n, x) => n + x.r.reqCount('ending'), 0), reserved: null });
    }
    if (levels.length > 0) kit.note({ key: 'ledgerLatest' });
    return kit.result({ kind: 'stock', levels, inbound: [] });
  },
};
