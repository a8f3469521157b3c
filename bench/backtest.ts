/**
 * Backtest: the stocking method of /alloc against the playbook's flat rule (safety stock =
 * 20–30 % of a month's sales), on real demand, and the forecast's error against naive baselines.
 *
 *   npx tsx bench/backtest.ts            (or: npm run bench -- backtest)
 *
 * Data:
 * - UCI Online Retail (../shared/realdata). The contiguous file covers only six trading days,
 *   too short for a lead time, so the year comes from the random sample (2,709 rows of the
 *   541,909, Dec 2010 – Dec 2011): daily units per product, cancellations dropped, products with
 *   at least 4 order lines. It is a thinned version of real demand: intermittent and lumpy,
 *   the hard case for any rule. Lead time 14 days (the data has none).
 * - The demo dataset (generated in memory for 2026-11-20): daily units per listing, each SKU's
 *   own supplier lead time; smooth, trending, weekly and promotional series.
 * Both policies are the same reorder-point / order-up-to rule, reviewed weekly, ordering a
 * month of demand; they differ only in the forecast and the safety stock:
 * - flat: 30-day mean; safety stock 20, 25 or 30 % of a month;
 * - ours: forecastDemand; safety stock z·σ·√L at 95 % (the rule's midpoint while history is
 *   short), as /alloc computes it; and the same with z tuned so average stock equals the flat
 *   25 % rule's ("at equal stock").
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { backtestForecasts, forecastDemand, type BacktestScore, type DemandForecast } from '../src/core/domain/planning/forecast.ts';
import { formulaSafetyStock, safetyStock } from '../src/core/domain/planning/safety-stock.ts';
import { simulateInventory, type PolicyLevels } from '../src/core/domain/planning/simulate.ts';
import { buildDemoDataset } from '../src/persistence/seed/index.ts';
import { formatTable, round, type Benchmark, type BenchResult } from './lib.ts';

const REALDATA = join(import.meta.dirname, '..', '..', 'shared', 'realdata');
const WARM_UP = 90;
const REVIEW = 7;
const CYCLE = 30;

/** One demand series with what the policies need. */
interface Series {
  units: number[];
  firstWeekday: number;
  leadTimeDays: number;
}

/** Daily units per product from the UCI random sample. */
export async function uciSeries(minLines = 4): Promise<Series[]> {
  const text = await readFile(join(REALDATA, 'uci_online_retail_random_2709.csv'), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  const day = (s: string): number => {
    const [date] = s.split(' ');
    const [m, d, y] = (date ?? '').split('/').map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000;
  };
  const lines = rows.filter((r) => !String(r.InvoiceNo).startsWith('C') && Number(r.Quantity) > 0);
  const days = lines.map((r) => day(String(r.InvoiceDate)));
  const first = Math.min(...days);
  const length = Math.max(...days) - first + 1;
  const byProduct = new Map<string, Array<{ day: number; qty: number }>>();
  lines.forEach((r, i) => {
    const code = String(r.StockCode).trim().toUpperCase();
    byProduct.set(code, [...(byProduct.get(code) ?? []), { day: (days[i] as number) - first, qty: Number(r.Quantity) }]);
  });
  const firstWeekday = new Date(first * 86_400_000).getUTCDay();
  return [...byProduct.values()]
    .filter((l) => l.length >= minLines)
    .map((l) => {
      const units = new Array<number>(length).fill(0);
      for (const { day: d, qty } of l) units[d] = (units[d] ?? 0) + qty;
      return { units, firstWeekday, leadTimeDays: 14 };
    });
}

/** Daily units per active listing of the demo dataset, with its SKU's lead time. */
export function demoSeries(): Series[] {
  const data = buildDemoDataset(new Date(Date.UTC(2026, 10, 20)));
  const lead = new Map(data.Sku.map((s) => [s.id, s.leadTimeDays]));
  const bySeries = new Map<string, { skuId: number; rows: Array<{ day: number; units: number }> }>();
  for (const r of data.SalesDaily) {
    const key = `${r.skuId}:${r.platformId}`;
    const entry = bySeries.get(key) ?? { skuId: r.skuId, rows: [] };
    entry.rows.push({ day: new Date(r.day).getTime() / 86_400_000, units: r.units });
    bySeries.set(key, entry);
  }
  return [...bySeries.values()]
    .filter((s) => s.rows.length >= 200)
    .map((s) => {
      s.rows.sort((a, b) => a.day - b.day);
      return { units: s.rows.map((r) => r.units), firstWeekday: new Date((s.rows[0]?.day ?? 0) * 86_400_000).getUTCDay(), leadTimeDays: lead.get(s.skuId) ?? 30 };
    });
}

/** Forecasts at every review day of every series, computed once and shared by the policies. */
function forecastsAt(series: Series): Map<number, DemandForecast> {
  const out = new Map<number, DemandForecast>();
  for (let t = WARM_UP; t <= series.units.length; t += REVIEW) out.set(t, forecastDemand(series.units.slice(0, t), series.firstWeekday));
  return out;
}

/** The nearest review's forecast at or before day t. */
function forecastFor(cache: Map<number, DemandForecast>, t: number): DemandForecast {
  const review = WARM_UP + Math.floor((t - WARM_UP) / REVIEW) * REVIEW;
  return cache.get(Math.max(WARM_UP, review)) as DemandForecast;
}

type PolicyFactory = (s: Series, cache: Map<number, DemandForecast>) => (t: number) => PolicyLevels;

const flat = (share: number): PolicyFactory => (s) => (t) => {
  const window = s.units.slice(Math.max(0, t - 30), t);
  const rate = window.reduce((a, b) => a + b, 0) / Math.max(1, window.length);
  const reorderPoint = rate * s.leadTimeDays + share * rate * 30;
  return { reorderPoint, orderUpTo: reorderPoint + rate * CYCLE };
};

const ours = (serviceLevel = 0.95): PolicyFactory => (s, cache) => (t) => {
  const f = forecastFor(cache, t);
  const ss = safetyStock(f, 'mature', s.leadTimeDays);
  // The same safety stock as /alloc, with the service level as the knob.
  const units = ss.used === 'formula' ? Math.max(formulaSafetyStock(serviceLevel, f.sigma, s.leadTimeDays), Math.ceil(f.typicalOrder)) : ss.units;
  const reorderPoint = f.rate * s.leadTimeDays + units;
  return { reorderPoint, orderUpTo: reorderPoint + f.rate * CYCLE };
};

interface Totals {
  fillRate: number;
  averageStock: number;
  stockoutShare: number;
}

function run(all: readonly Series[], caches: ReadonlyArray<Map<number, DemandForecast>>, factory: PolicyFactory): Totals {
  let demand = 0;
  let served = 0;
  let stock = 0;
  let stockoutDays = 0;
  let days = 0;
  all.forEach((s, i) => {
    const r = simulateInventory(s.units, { start: WARM_UP, leadTimeDays: s.leadTimeDays, reviewEvery: REVIEW, policy: factory(s, caches[i] as Map<number, DemandForecast>) });
    demand += r.demand;
    served += r.served;
    stock += r.averageStock;
    stockoutDays += r.stockoutDays;
    days += r.days;
  });
  return { fillRate: demand > 0 ? served / demand : 1, averageStock: stock / all.length, stockoutShare: days > 0 ? stockoutDays / days : 0 };
}

/** The service level whose average stock matches `target` (bisection; stock grows with it). */
function matchStock(all: readonly Series[], caches: ReadonlyArray<Map<number, DemandForecast>>, target: number): { level: number; totals: Totals } {
  let lo = 0.5;
  let hi = 0.9999;
  let best = { level: lo, totals: run(all, caches, ours(lo)) };
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    const totals = run(all, caches, ours(mid));
    if (totals.averageStock <= target) {
      best = { level: mid, totals };
      lo = mid;
    } else hi = mid;
  }
  return best;
}

/** Everything for one dataset: rows of the table and flat figures. */
function evaluate(name: string, all: readonly Series[], log: (line: string) => void): { rows: string[][]; figures: Record<string, number>; score: BacktestScore } {
  const started = performance.now();
  const caches = all.map(forecastsAt);
  log(`${name}: ${all.length} series, forecasts fitted in ${Math.round(performance.now() - started)} ms`);
  const rows: string[][] = [];
  const figures: Record<string, number> = {};
  const base = run(all, caches, flat(0.25));
  const add = (label: string, key: string, t: Totals): void => {
    rows.push([name, label, `${round(t.fillRate * 100, 1)} %`, round(t.averageStock, 1).toFixed(1), `${round(t.stockoutShare * 100, 1)} %`, `${round((t.averageStock / base.averageStock) * 100, 0)} %`]);
    figures[`backtest_${key}_fill_rate`] = round(t.fillRate, 4);
    figures[`backtest_${key}_avg_stock`] = round(t.averageStock, 2);
    figures[`backtest_${key}_stockout_days`] = round(t.stockoutShare, 4);
  };
  for (const share of [0.2, 0.25, 0.3]) add(`flat ${share * 100} % rule`, `${name}_flat${share * 100}`, share === 0.25 ? base : run(all, caches, flat(share)));
  add('ours, 95 % service', `${name}_ours95`, run(all, caches, ours(0.95)));
  const matched = matchStock(all, caches, base.averageStock);
  add(`ours at equal stock (${round(matched.level * 100, 1)} %)`, `${name}_ours_matched`, matched.totals);
  const score = backtestForecasts(all, { origins: 8, horizon: 14 });
  figures[`backtest_${name}_wape`] = round(score.wape, 4);
  figures[`backtest_${name}_wape_naive`] = round(score.wapeNaive, 4);
  figures[`backtest_${name}_wape_mean30`] = round(score.wapeMean30, 4);
  figures[`backtest_${name}_mase`] = round(score.mase, 4);
  figures[`backtest_${name}_mase_naive`] = round(score.maseNaive, 4);
  figures[`backtest_${name}_wape14`] = round(score.wape14, 4);
  figures[`backtest_${name}_wape14_mean30`] = round(score.wape14Mean30, 4);
  return { rows, figures, score };
}

async function runBacktest(log: (line: string) => void): Promise<BenchResult> {
  const uci = evaluate('uci', await uciSeries(), log);
  const demo = evaluate('demo', demoSeries(), log);
  const errors = (name: string, s: BacktestScore): string =>
    `${name}: daily WAPE ${round(s.wape, 3)} vs seasonal naive ${round(s.wapeNaive, 3)} and 30-day mean ${round(s.wapeMean30, 3)}; ` +
    `MASE ${round(s.mase, 3)} vs naive ${round(s.maseNaive, 3)}; 14-day-total WAPE ${round(s.wape14, 3)} vs 30-day mean ${round(s.wape14Mean30, 3)} ` +
    `(${s.series} series, ${s.forecasts} rolling-origin forecasts).`;
  return {
    table: { columns: ['data', 'method', 'fill rate', 'avg stock', 'stock-out days', 'stock vs flat 25 %'], rows: [...uci.rows, ...demo.rows] },
    figures: { ...uci.figures, ...demo.figures },
    notes: [
      'Forecast error on held-out days (rolling origins, 8 weekly origins, 14-day horizon):',
      errors('uci', uci.score),
      errors('demo', demo.score),
      'Fill rate = units served ÷ units demanded (lost sales); stock = mean units on hand per series per day.',
    ],
  };
}

/** The backtest benchmark for `npm run bench`. */
export const benchmark: Benchmark = {
  name: 'backtest',
  title: 'Backtest: /alloc’s stocking method vs the flat 20–30 % rule, on UCI Online Retail and the demo data',
  run: runBacktest,
};

if (import.meta.url === `file://${process.argv[1]}`) {
  runBacktest((line) => process.stderr.write(`  ${line}\n`)).then(
    (result) => {
      process.stdout.write(`${benchmark.title}\n${formatTable(result.table)}\n${(result.notes ?? []).join('\n')}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`backtest failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
