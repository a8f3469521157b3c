/**
 * The benchmark contract and shared helpers. A benchmark is one file under bench/ that exports
 * `benchmark: Benchmark`; `npm run bench` finds and runs every such file (or those named on the
 * command line), prints their tables and writes all figures to bench/results.json.
 */

/** What a benchmark reports: a table for people and flat figures for results.json. */
export interface BenchResult {
  table: { columns: string[]; rows: string[][] };
  /** Flat, stable keys, e.g. slack_ack_p99_ratio; numbers only. */
  figures: Record<string, number>;
  /** Lines printed under the table (goals met or not, caveats). */
  notes?: string[];
}

/** The dataset `npm run bench -- --scale …` prepared for this run. */
export interface BenchContext {
  scale: 'demo' | 'medium' | 'large';
  /** SQLite file URL of that dataset (data/bench-<scale>.db), seeded for 2026-11-20. */
  dbUrl: string;
}

/** One benchmark. */
export interface Benchmark {
  /** Short name used on the command line: `npm run bench -- slack-ack`. */
  name: string;
  title: string;
  /**
   * Measures. Benchmarks that read the catalogue or customers use `ctx.dbUrl` when given (and
   * leave the file as they found it, apart from audit rows); the others seed their own demo.
   */
  run(log: (line: string) => void, ctx?: BenchContext): Promise<BenchResult>;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** An aligned text table; columns after the first are right-aligned (they hold numbers). */
export function formatTable(table: BenchResult['table']): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(table.columns), widths.map((w) => '─'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}
