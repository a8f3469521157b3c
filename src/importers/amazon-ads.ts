/**
 * Amazon Ads, Sponsored Products reports downloaded from the console (CSV or XLSX): search
 * term, campaign and advertised product reports. They differ in columns but all carry campaign,
 * day, impressions, clicks, spend, orders and sales within an attribution window of 7 or 14
 * days, which the header names ("7 Day Total Sales ", "14 Day Total Sales (₹)").
 * Quirks handled: trailing spaces and currencies in headers, an empty header column, Excel
 * serial dates (44765), "Feb 1, 2020", values like "Rs.201.68" and "1.66%", and rows that
 * cover several days (Start Date..End Date), which are booked on their first day.
 * Rows are summed per campaign and day, the grain of AdSpendDaily.
 */
import { headerCapture } from './columns.ts';
import { columnValues, MapperKit, only } from './mapper-kit.ts';
import { bindColumns } from './columns.ts';
import type { AdCampaignRecord, AdDayRecord, ImportFormat, MapResult } from './types.ts';
import { currencyIn, Decimal, isCurrencyCode } from './values.ts';

const columns = {
  day: { names: ['date', 'start date'], required: true },
  endDate: { names: ['end date'] },
  currency: { names: ['currency'] },
  campaign: { names: ['campaign name'], required: true },
  status: { names: ['status'] },
  campaignStart: { names: ['start date'] },
  impressions: { names: ['impressions'], required: true },
  clicks: { names: ['clicks'], required: true },
  spend: { names: ['spend', 'cost'], required: true },
  sales: { names: [/^\d+ day total sales$/], required: true },
  orders: { names: [/^\d+ day total orders \(#\)$/, /^\d+ day total orders$/] },
  searchTerm: { names: ['customer search term'] },
  asin: { names: ['advertised asin'] },
  advertisedSku: { names: ['advertised sku'] },
} as const;

type Key = keyof typeof columns;

const STATUS: Record<string, AdCampaignRecord['status']> = { enabled: 'enabled', paused: 'paused', archived: 'archived' };

/** Sponsored Products search term, campaign and advertised product reports. */
export const amazonAdsSponsoredProducts: ImportFormat<Key> = {
  id: 'amazon-ads-sp',
  label: 'Amazon Ads Sponsored Products report',
  kind: 'ads',
  columns,
  hint(table) {
    const named = columnValues(table, ['currency']).map((c) => c.toUpperCase());
    return { marketplace: 'amazon', currency: only(named) ?? bindColumns(table.header, columns).headerCurrencies[0] ?? null };
  },
  map(table, ctx): MapResult {
    const kit = new MapperKit<Key>(table, columns);
    const attributionDays = Number(headerCapture(table.header, /^(\d+) day total sales/) ?? 7);
    const headerCurrency = kit.binding.headerCurrencies[0] ?? null;
    // In the campaign report "Date" is the day and "Start Date" the campaign's start.
    const hasDayColumn = table.header.some((h) => h.trim().toLowerCase() === 'date');
    const byKey = new Map<string, AdDayRecord>();
    const campaigns = new Map<string, AdCampaignRecord>();
    let multiDay = 0;
    for (const r of kit.rows()) {
      const campaign = r.req('campaign');
      const day = r.day('day');
      const currencyText = r.text('currency').toUpperCase() || currencyIn(r.text('spend')) || headerCurrency || '';
      if (currencyText !== '' && !isCurrencyCode(currencyText)) {
        kit.problem({ line: r.line, column: r.r.label('currency'), value: currencyText, reason: 'badCurrency' });
        continue;
      }
      const currency = currencyText || ctx.currency;
      const end = r.day('endDate');
      if (day && end && end.getTime() !== day.getTime()) multiDay += 1;
      const spend = r.money('spend', currency) ?? new Decimal(0);
      const sales = r.money('sales', currency) ?? new Decimal(0);
      if (!day || campaign === '') continue;

      const info = campaigns.get(campaign) ?? { name: campaign, status: null, startedOn: null, advertised: [] };
      const status = STATUS[r.text('status').toLowerCase()];
      if (status) info.status = status;
      const started = hasDayColumn ? r.day('campaignStart') : null;
      if (started && (!info.startedOn || started < info.startedOn)) info.startedOn = started;
      for (const advertised of [r.text('asin'), r.text('advertisedSku')]) {
        if (advertised !== '' && !info.advertised.includes(advertised)) info.advertised.push(advertised);
      }
      campaigns.set(campaign, info);

      const key = `${campaign}\u0000${day.getTime()}`;
      const sum = byKey.get(key) ?? {
        line: r.line,
        campaign,
        day,
        impressions: 0,
        clicks: 0,
        spend: new Decimal(0),
        orders: 0,
        attributedRevenue: new Decimal(0),
        currency,
        attributionDays,
      };
      sum.impressions += r.count('impressions') ?? 0;
      sum.clicks += r.count('clicks') ?? 0;
      sum.orders += r.count('orders') ?? 0;
      sum.spend = sum.spend.plus(spend);
      sum.attributedRevenue = sum.attributedRevenue.plus(sales);
      byKey.set(key, sum);
    }
    if (multiDay > 0) kit.note({ key: 'multiDayAdRows', params: { n: multiDay } });
    if (byKey.size > 0) kit.note({ key: 'adsOverwrite' });
    return kit.result({ kind: 'ads', days: [...byKey.values()], campaigns: [...campaigns.values()] });
  },
};
