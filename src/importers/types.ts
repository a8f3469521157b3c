/**
 * What importers produce: platform-neutral records (orders, listings, stock, ad spend) that the
 * writer maps onto the database, plus the rows they skipped and the rows they could not read.
 * Mappers are pure: table in, records out; they never touch the database.
 */
import type { ColumnSpecs } from './columns.ts';
import type { SourceTable } from './read-table.ts';
import type { CellReason, Decimal } from './values.ts';

/** Message keys (import.skip.*) naming why a row was skipped. */
export type SkipReason =
  | 'noSku'
  | 'imageRow'
  | 'unknownSku'
  | 'cancellationInvoice'
  | 'stockAdjustment'
  | 'otherChannel'
  | 'ledgerEvent'
  | 'notSellable'
  | 'descriptionRow'
  | 'notFba'
  | 'olderBalance';

/** A row left out on purpose, with its reason. */
export interface SkippedRow {
  line: number;
  reason: SkipReason;
  /** Values for the message, e.g. the SKU. */
  detail?: string;
}

/** A cell that could not be read: the whole file is refused. */
export interface RowProblem {
  line: number;
  /** The column as the file names it; empty for whole-row problems. */
  column: string;
  value: string;
  reason: CellReason | 'shortRow' | 'longRow';
}

/** Informational lines for the report (message key under import.note.* with parameters). */
export interface ReportNote {
  key: NoteKey;
  params?: Record<string, string | number>;
}

/** Notes importers and the writer may add. */
export type NoteKey =
  | 'multiDayAdRows'
  | 'noPrices'
  | 'dateOnly'
  | 'trailerLines'
  | 'descriptionRow'
  | 'foreignCurrency'
  | 'unmatchedSkus'
  | 'etaEstimated'
  | 'platformCreated'
  | 'warehouseCreated'
  | 'adsOverwrite'
  | 'ledgerLatest'
  | 'resolution';

/** What the file says about which platform it belongs to. */
export interface PlatformHint {
  /** Marketplace family the format belongs to; null for generic order histories. */
  marketplace: 'amazon' | 'shopify' | 'ebay' | 'shopee' | 'tiktok' | null;
  /** ISO country of the storefront, when the file tells (sales channel, header language, currency). */
  country?: string | null;
  /** Currency the file is in, when it tells. */
  currency?: string | null;
}

// ───────────────────────────── records ─────────────────────────────

/** A buyer as one platform knows them. */
export interface BuyerRecord {
  /** The platform's buyer id, username or (when that is all there is) the email; null = unknown guest. */
  externalId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

/** One line of an order. */
export interface OrderLineRecord {
  /** The seller's SKU as the file writes it ('' when the line has none). */
  externalSku: string;
  /** The platform's listing id (ASIN, item number), used to find our SKU when the seller SKU differs. */
  listingId: string | null;
  title: string;
  quantity: number;
  /** Null when the file carries no prices (Amazon's unshipped orders report). */
  unitPrice: Decimal | null;
}

/** Order statuses in our model. */
export type OrderStatusValue = 'pending' | 'unshipped' | 'shipped' | 'delivered' | 'cancelled' | 'returned';

/** One order, with all its lines. */
export interface OrderRecord {
  /** First line of the order in the file. */
  line: number;
  externalId: string;
  orderedAt: Date;
  shippedAt: Date | null;
  status: OrderStatusValue;
  /** The file's currency, else the platform's. */
  currency: string;
  /** Null when the file carries no prices. */
  total: Decimal | null;
  shipCountry: string | null;
  buyer: BuyerRecord;
  lines: OrderLineRecord[];
}

/** A product variant offered on the platform (Shopify product exports). */
export interface ListingRecord {
  line: number;
  sellerSku: string;
  externalId: string | null;
  title: string;
  description: string | null;
  price: Decimal | null;
  status: 'active' | 'inactive' | 'draft' | null;
}

/** A SKU's stock in the platform's fulfilment warehouse (FBA). */
export interface StockRecord {
  line: number;
  sellerSku: string;
  listingId: string | null;
  onHand: number;
  /** Null when the report does not say (the ledger summary): the stored value is kept. */
  reserved: number | null;
}

/** Stock on its way to the platform's fulfilment warehouse. */
export interface InboundRecord {
  line: number;
  /** Stable reference: the shipment id, or one derived from the SKU for reports without one. */
  reference: string;
  sellerSku: string;
  listingId: string | null;
  quantity: number;
  status: 'planned' | 'in_transit' | 'received';
  /** Null when the report has no date: an estimate is used on creation and then kept. */
  eta: Date | null;
}

/** One campaign's results on one day, summed over the file's rows for that campaign and day. */
export interface AdDayRecord {
  line: number;
  campaign: string;
  day: Date;
  impressions: number;
  clicks: number;
  spend: Decimal;
  orders: number;
  attributedRevenue: Decimal;
  currency: string;
  attributionDays: number;
}

/** What a report tells about a campaign beyond its daily numbers. */
export interface AdCampaignRecord {
  name: string;
  status: 'enabled' | 'paused' | 'archived' | null;
  startedOn: Date | null;
  /** ASINs or seller SKUs it advertises, when the report says. */
  advertised: string[];
}

/** Everything one file maps to. */
export type ImportRecords =
  | { kind: 'orders'; orders: OrderRecord[]; pricesKnown: boolean }
  | { kind: 'listings'; listings: ListingRecord[] }
  | { kind: 'stock'; levels: StockRecord[]; inbound: InboundRecord[] }
  | { kind: 'ads'; days: AdDayRecord[]; campaigns: AdCampaignRecord[] };

/** Which kind of rows a file holds. */
export type RecordsKind = ImportRecords['kind'];

/** A mapper's result. */
export interface MapResult {
  records: ImportRecords;
  skipped: SkippedRow[];
  problems: RowProblem[];
  /** Problems found, including those beyond the ones kept. */
  problemCount: number;
  notes: ReportNote[];
}

/** The platform the file is imported into, as mappers need it. */
export interface MapContext {
  platformCode: string;
  /** ISO country of the storefront, when it has one. */
  country: string | null;
  /** The platform's currency, for files that name none. */
  currency: string;
  /** IANA zone for local times written without an offset (Shopee, TikTok, UCI). */
  timeZone: string;
}

/** One export format the importer understands. */
export interface ImportFormat<K extends string = string> {
  /** Stable id, e.g. "shopify-orders". */
  id: string;
  /** Human name for reports, e.g. "Shopify orders export". */
  label: string;
  /** What its rows become. */
  kind: RecordsKind;
  columns: ColumnSpecs & Record<K, ColumnSpecs[string]>;
  /** What the file says about its platform (from the header and a look at the rows). */
  hint(table: SourceTable): PlatformHint;
  /** Maps the table onto records for the platform in `ctx`. */
  map(table: SourceTable, ctx: MapContext): MapResult;
}
