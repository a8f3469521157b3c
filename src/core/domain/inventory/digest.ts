/**
 * The daily stock digest: which SKU × platform listings run out soonest, and whether their
 * inbound arrives in time. Pure: it takes each listing's cover as /stock computes it
 * ({@link ListingCover}, from src/core/domain/inventory/digest-source.ts) and composes the
 * message; reading and posting live in digest-source.ts and digest-job.ts.
 *
 * When nothing runs out within the horizon the digest still goes out, as one short line
 * ("Nothing runs out in the next 14 days"): a silent day would look the same as a digest job
 * that stopped working.
 */
import { formatCount, formatCover, formatDay, formatRate } from '../../format.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import type { ChatAction, Reply } from '../../reply.ts';
import { addDays, DAY_MS, startOfUtcDay, type Arrival, type StockoutProjection } from './cover.ts';

/** Days ahead the digest looks by default. */
export const DIGEST_HORIZON_DAYS = 14;

/** Lines (and buttons) the digest shows at most; the rest are counted. */
export const DIGEST_MAX_LINES = 10;

/** One active listing's stock cover, computed as /stock computes it for that platform. */
export interface ListingCover {
  sku: string;
  platform: string;
  /** The platform's allocation (units). */
  allocated: number;
  /** Units a day over the last 30 days. */
  rate: number;
  /** The first inbound shipment on its way to a warehouse serving this platform alone, if any. */
  nextArrival: Arrival | null;
  /** {@link projectStockout} of the allocation at `rate`, with that inbound. */
  projection: StockoutProjection;
}

/** What the listing's inbound means for its stock-out. */
export type InboundVerdict =
  | { kind: 'none' }
  /** Inbound arriving from `eta` on comes before the stock-out (it is counted) and is not enough. */
  | { kind: 'in-time'; eta: Date }
  /** The next shipment arrives `daysLate` whole days after the stock-out. */
  | { kind: 'too-late'; eta: Date; quantity: number; daysLate: number };

/** One line of the digest. */
export interface DigestLine {
  cover: ListingCover;
  /** The day it runs out, inbound counted. */
  stockout: Date;
  inbound: InboundVerdict;
}

/** The composed digest. */
export interface Digest {
  day: Date;
  horizonDays: number;
  /** Listings looked at. */
  checked: number;
  /** Listings that run out within the horizon, soonest first, at most `limit`. */
  lines: DigestLine[];
  /** How many run out within the horizon in all. */
  total: number;
  /** Of those, how many run out before their next inbound arrives. */
  late: number;
  /** Listings that would run out within the horizon on today's stock, but inbound arrives in time. */
  rescued: number;
}

/** Options of {@link composeDigest}. */
export interface DigestOptions {
  today: Date;
  horizonDays?: number;
  limit?: number;
}

/**
 * Picks the listings whose stock-out (inbound counted) falls within `horizonDays` of today and
 * orders them: soonest first, then the faster seller (more sales lost per day), then SKU and
 * platform code so the order is stable.
 */
export function composeDigest(covers: readonly ListingCover[], options: DigestOptions): Digest {
  const today = startOfUtcDay(options.today);
  const horizonDays = options.horizonDays ?? DIGEST_HORIZON_DAYS;
  const limit = options.limit ?? DIGEST_MAX_LINES;
  const last = addDays(today, horizonDays).getTime();
  const within = (date: Date | null): date is Date => date !== null && date.getTime() <= last;

  const running: DigestLine[] = [];
  let rescued = 0;
  for (const cover of covers) {
    const { stockoutDate, stockoutDateWithoutInbound, arrivalAfterStockout } = cover.projection;
    if (!within(stockoutDate)) {
      if (within(stockoutDateWithoutInbound) && cover.rate > 0 && cover.nextArrival) rescued += 1;
      continue;
    }
    const inbound: InboundVerdict = arrivalAfterStockout
      ? {
          kind: 'too-late',
          eta: arrivalAfterStockout.eta,
          quantity: arrivalAfterStockout.quantity,
          daysLate: Math.round((startOfUtcDay(arrivalAfterStockout.eta).getTime() - stockoutDate.getTime()) / DAY_MS),
        }
      : cover.nextArrival
        ? { kind: 'in-time', eta: cover.nextArrival.eta }
        : { kind: 'none' };
    running.push({ cover, stockout: stockoutDate, inbound });
  }
  running.sort(
    (a, b) =>
      a.stockout.getTime() - b.stockout.getTime() ||
      b.cover.rate - a.cover.rate ||
      a.cover.sku.localeCompare(b.cover.sku) ||
      a.cover.platform.localeCompare(b.cover.platform),
  );
  return {
    day: today,
    horizonDays,
    checked: covers.length,
    lines: running.slice(0, limit),
    total: running.length,
    late: running.filter((l) => l.inbound.kind === 'too-late').length,
    rescued,
  };
}

/** The `/stock <SKU> <platform>` button of a line: the same command a person would type. */
export function digestAction(line: DigestLine): ChatAction {
  const { sku, platform } = line.cover;
  return { id: `stock:${sku}:${platform}`, label: `${sku} · ${platform}`, command: `/stock ${sku} ${platform}` };
}

/** The digest as a Reply in `locale` (`t` must be that locale's translator). */
export function renderDigest(digest: Digest, t: Translate, locale: Locale): Reply {
  const title = t('digest.title', { day: formatDay(digest.day) });
  const rescued = digest.rescued > 0 ? [t('digest.rescued', { n: formatCount(locale, digest.rescued), days: digest.horizonDays })] : [];
  if (digest.total === 0) {
    return {
      kind: 'result',
      locale,
      title,
      summary: t('digest.summaryNone', { days: digest.horizonDays, checked: formatCount(locale, digest.checked) }),
      notes: rescued,
    };
  }
  const more = digest.total - digest.lines.length;
  return {
    kind: 'result',
    locale,
    title,
    summary:
      digest.late > 0
        ? t('digest.summary', { total: formatCount(locale, digest.total), days: digest.horizonDays, late: formatCount(locale, digest.late) })
        : t('digest.summaryNoLate', { total: formatCount(locale, digest.total), days: digest.horizonDays }),
    tables: [
      {
        columns: [
          { key: 'sku', label: t('digest.colSku') },
          { key: 'platform', label: t('digest.colPlatform') },
          { key: 'rate', label: t('digest.colPerDay'), align: 'right' },
          { key: 'cover', label: t('digest.colCover'), align: 'right' },
          { key: 'stockout', label: t('digest.colStockout') },
          { key: 'inbound', label: t('digest.colInbound') },
        ],
        rows: digest.lines.map((line) => ({
          sku: line.cover.sku,
          platform: line.cover.platform,
          rate: formatRate(locale, line.cover.rate),
          cover: formatCover(t, line.cover.projection.coverWithInboundDays),
          stockout: line.stockout.getTime() <= digest.day.getTime() ? t('digest.today') : formatDay(line.stockout),
          inbound: inboundText(t, line.inbound),
        })),
      },
    ],
    notes: [...(more > 0 ? [t('value.moreRows', { n: formatCount(locale, more) })] : []), ...rescued, t('digest.how')],
    actions: digest.lines.map(digestAction),
  };
}

function inboundText(t: Translate, verdict: InboundVerdict): string {
  switch (verdict.kind) {
    case 'none':
      return t('digest.inboundNone');
    case 'in-time':
      return t('digest.inboundInTime', { eta: formatDay(verdict.eta) });
    case 'too-late':
      return t('digest.inboundLate', { eta: formatDay(verdict.eta), days: verdict.daysLate });
  }
}
