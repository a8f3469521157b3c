/**
 * Row shapes of the demo dataset: every column spelled out (ids and timestamps included),
 * so the writer never falls back on a database default such as now().
 */
import type { Prisma } from '../../generated/prisma/client.ts';

/** A create-many row with every column present (nullable ones as null). */
export type FullRow<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** Every table the demo fills, with its rows. Keys are Prisma model names. */
export interface DemoTables {
  Platform: FullRow<Prisma.PlatformCreateManyInput>[];
  Brand: FullRow<Prisma.BrandCreateManyInput>[];
  Supplier: FullRow<Prisma.SupplierCreateManyInput>[];
  Product: FullRow<Prisma.ProductCreateManyInput>[];
  Sku: FullRow<Prisma.SkuCreateManyInput>[];
  Listing: FullRow<Prisma.ListingCreateManyInput>[];
  Warehouse: FullRow<Prisma.WarehouseCreateManyInput>[];
  WarehouseChannel: FullRow<Prisma.WarehouseChannelCreateManyInput>[];
  StockLevel: FullRow<Prisma.StockLevelCreateManyInput>[];
  InboundShipment: FullRow<Prisma.InboundShipmentCreateManyInput>[];
  ChannelAllocation: FullRow<Prisma.ChannelAllocationCreateManyInput>[];
  SalesDaily: FullRow<Prisma.SalesDailyCreateManyInput>[];
  AdCampaign: FullRow<Prisma.AdCampaignCreateManyInput>[];
  AdSpendDaily: FullRow<Prisma.AdSpendDailyCreateManyInput>[];
  Customer: FullRow<Prisma.CustomerCreateManyInput>[];
  CustomerIdentity: FullRow<Prisma.CustomerIdentityCreateManyInput>[];
  IdentityLink: FullRow<Prisma.IdentityLinkCreateManyInput>[];
  Order: FullRow<Prisma.OrderCreateManyInput>[];
  OrderLine: FullRow<Prisma.OrderLineCreateManyInput>[];
  Ticket: FullRow<Prisma.TicketCreateManyInput>[];
  Review: FullRow<Prisma.ReviewCreateManyInput>[];
  Budget: FullRow<Prisma.BudgetCreateManyInput>[];
  LogisticsOption: FullRow<Prisma.LogisticsOptionCreateManyInput>[];
  LogisticsRate: FullRow<Prisma.LogisticsRateCreateManyInput>[];
  Campaign: FullRow<Prisma.CampaignCreateManyInput>[];
  CampaignPlatform: FullRow<Prisma.CampaignPlatformCreateManyInput>[];
  TeamMember: FullRow<Prisma.TeamMemberCreateManyInput>[];
  TeamMemberRole: FullRow<Prisma.TeamMemberRoleCreateManyInput>[];
  PlatformOwner: FullRow<Prisma.PlatformOwnerCreateManyInput>[];
  Task: FullRow<Prisma.TaskCreateManyInput>[];
}

/** Name of a table the demo fills. */
export type DemoTable = keyof DemoTables;

/** Parents before children: the order rows are inserted in. */
export const INSERT_ORDER: readonly DemoTable[] = [
  'Platform',
  'Brand',
  'Supplier',
  'Product',
  'Sku',
  'Listing',
  'Warehouse',
  'WarehouseChannel',
  'StockLevel',
  'InboundShipment',
  'ChannelAllocation',
  'SalesDaily',
  'AdCampaign',
  'AdSpendDaily',
  'Customer',
  'CustomerIdentity',
  'IdentityLink',
  'Order',
  'OrderLine',
  'Ticket',
  'Review',
  'Budget',
  'LogisticsOption',
  'LogisticsRate',
  'Campaign',
  'CampaignPlatform',
  'TeamMember',
  'TeamMemberRole',
  'PlatformOwner',
  'Task',
];

/** Row counts per table after a seed. */
export type SeedSummary = Record<DemoTable, number>;

/** Epoch milliseconds of a row timestamp (rows allow Date or ISO string; the seed uses Date). */
export function ms(value: Date | string): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}
