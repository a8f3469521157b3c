/**
 * `npm run bench [-- --scale demo|medium|large] [name…]`: runs every benchmark under bench/
 * (each file exporting `benchmark`), prints a table per benchmark, then one summary table
 * where every headline figure sits beside its floor measured in the same run, and writes
 * bench/results.json. Benchmarks are measurements, never pass/fail tests; they are not part
 * of npm test.
 *
 * The dataset (data/bench-<scale>.db) is seeded once if missing, in a child process. Each
 * benchmark then runs in a child process of its own, so its peak RSS is its own and not what
 * an earlier benchmark or the seed left behind.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb } from '../src/persistence/db.ts';
import { prepareDataset } from './dataset.ts';
import { formatTable, round, type Benchmark, type BenchContext, type BenchResult } from './lib.ts';

const here = import.meta.dirname;
const RESULTS = join(here, 'results.json');
const SCALES = ['demo', 'medium', 'large'] as const;
/** Benchmarks that work on the prepared dataset; `peak_rss_mb` is the highest of theirs. */
const DATASET_BENCHES = ['stock-lookup', 'customer-lookup', 'allocation'];

interface Results {
  generatedAt: string;
  scale: BenchContext['scale'];
  machine: { node: string; cpus: number; cpu: string; platform: string };
  /** Every figure of this run, flat. */
  figures: Record<string, number>;
  benchmarks: Record<string, { at: string; title: string } & BenchResult>;
}

/** What a child process hands back. */
interface ChildOutput {
  result: BenchResult;
  peakRssMb: number;
}

async function discover(): Promise<{ benchmarks: Benchmark[]; skipped: string[] }> {
  const files = (await readdir(here)).filter((f) => f.endsWith('.ts') && !f.startsWith('_') && !['run.ts', 'lib.ts', 'dataset.ts'].includes(f)).sort();
  const benchmarks: Benchmark[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { benchmark?: Benchmark };
    if (mod.benchmark) benchmarks.push(mod.benchmark);
    else skipped.push(file);
  }
  return { benchmarks, skipped };
}

/** Highest RSS this process reached, in MB (the kernel's own high-water mark). */
const peakRssMb = (): number => round(process.resourceUsage().maxRSS / 1024, 0);

/** Child mode: run one benchmark, write its result to `out`. */
async function child(name: string, ctx: BenchContext, out: string): Promise<void> {
  const { benchmarks } = await discover();
  const bench = benchmarks.find((b) => b.name === name);
  if (!bench) throw new Error(`no benchmark named ${name}`);
  const result = await bench.run((line) => process.stderr.write(`  ${line}\n`), ctx);
  await writeFile(out, JSON.stringify({ result, peakRssMb: peakRssMb() } satisfies ChildOutput));
}

/** Floor for memory: a process that opens the dataset with the Prisma client and reads one row. */
async function floorChild(ctx: BenchContext, out: string): Promise<void> {
  const db = createDb(ctx.dbUrl);
  await db.sku.findFirst({ select: { id: true } });
  await db.$disconnect();
  await writeFile(out, JSON.stringify({ result: { table: { columns: [], rows: [] }, figures: {} }, peakRssMb: peakRssMb() } satisfies ChildOutput));
}

function runChild(args: string[]): Promise<ChildOutput> {
  return (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ops-bench-run-'));
    const out = join(dir, 'out.json');
    try {
      await new Promise<void>((done, fail) => {
        const proc = spawn(process.execPath, ['--import', 'tsx', join(here, 'run.ts'), ...args, '--out', out], { stdio: ['ignore', 'inherit', 'inherit'] });
        proc.on('error', fail);
        proc.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${args.join(' ')}: exit code ${code}`))));
      });
      return JSON.parse(await readFile(out, 'utf8')) as ChildOutput;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
}

/** One row of the summary: a figure, its floor from the same run, and the goal. */
interface Headline {
  key: string;
  what: string;
  value?: number;
  floor?: number | string;
  unit: string;
  goal: string;
  met?: boolean;
}

function headlines(f: Record<string, number>): Headline[] {
  const ratio = (key: string, what: string, value: string, floor: string, goal: number): Headline => ({
    key,
    what,
    ...(f[value] !== undefined ? { value: f[value] } : {}),
    ...(f[floor] !== undefined ? { floor: f[floor] } : {}),
    unit: 'ms',
    goal: `ratio ≤ ${goal}`,
    ...(f[key] !== undefined ? { met: (f[key] ?? Infinity) <= goal } : {}),
  });
  const rows: Headline[] = [
    ratio('slack_ack_p99_ratio', 'Slack ack p99 vs bare Bolt', 'slack_ack_stock_p99_ms', 'slack_ack_bare_p99_ms', 1.2),
    ratio('stock_lookup_p50_ratio', 'stock lookup p50 vs raw SQL (CPU)', 'stock_lookup_p50_ms', 'stock_lookup_raw_p50_ms', 3),
    ratio('stock_lookup_p95_ratio', 'stock lookup p95 vs raw SQL (CPU)', 'stock_lookup_p95_ms', 'stock_lookup_raw_p95_ms', 3),
  ];
  for (const kind of ['email', 'phone', 'order'] as const) {
    for (const p of ['p50', 'p95'] as const) {
      rows.push(ratio(`customer_lookup_${kind}_${p}_ratio`, `customer lookup by ${kind} ${p} vs raw SQL (CPU)`, `customer_lookup_${kind}_${p}_ms`, `customer_lookup_${kind}_raw_${p}_ms`, 3));
    }
  }
  rows.push(
    {
      key: 'allocation_catalogue_ms',
      what: `whole-catalogue allocation (${f.alloc_catalogue_skus ?? '?'} SKUs), p50`,
      ...(f.allocation_catalogue_ms !== undefined ? { value: f.allocation_catalogue_ms, met: f.allocation_catalogue_ms <= 2000 } : {}),
      ...(f.allocation_pure_ms !== undefined ? { floor: f.allocation_pure_ms } : {}),
      unit: 'ms',
      goal: '≤ 2,000 ms',
    },
    {
      key: 'nl_overhead_p95_ms',
      what: 'NL agent overhead per question, p95 (wall, tools excluded)',
      ...(f.nl_agent_only_p95_ms !== undefined ? { value: f.nl_agent_only_p95_ms, met: f.nl_agent_only_p95_ms <= 50 } : {}),
      floor: '0 (zero-latency model)',
      unit: 'ms',
      goal: '≤ 50 ms',
    },
    {
      key: 'peak_rss_mb',
      what: 'peak RSS of the bot serving the dataset (memory bench; else of the dataset benchmarks)',
      ...(f.peak_rss_mb !== undefined ? { value: f.peak_rss_mb, met: f.peak_rss_mb <= 250 } : {}),
      ...(f.rss_floor_mb !== undefined ? { floor: f.rss_floor_mb } : {}),
      unit: 'MB',
      goal: '≤ 250 MB',
    },
  );
  return rows;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { scale: { type: 'string', default: 'demo' }, child: { type: 'string' }, floor: { type: 'boolean', default: false }, db: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const scale = values.scale as BenchContext['scale'];
  if (!SCALES.includes(scale)) {
    process.stderr.write(`--scale ${values.scale}: say demo, medium or large\n`);
    return 2;
  }
  if ((values.child || values.floor) && values.db && values.out) {
    const ctx = { scale, dbUrl: values.db };
    await (values.child ? child(values.child, ctx, values.out) : floorChild(ctx, values.out));
    return 0;
  }

  const { benchmarks, skipped } = await discover();
  const chosen = positionals.length === 0 ? benchmarks : benchmarks.filter((b) => positionals.includes(b.name));
  if (chosen.length === 0) {
    process.stderr.write(`no benchmark named ${positionals.join(', ')}; there are: ${benchmarks.map((b) => b.name).join(', ')}\n`);
    return 2;
  }
  if (skipped.length > 0 && positionals.length === 0) process.stderr.write(`(not in the runner, no \`benchmark\` export: ${skipped.join(', ')})\n`);

  const log = (line: string) => process.stderr.write(`  ${line}\n`);
  const ctx = await prepareDataset(scale, log);
  // Figures of benchmarks not run this time stay, if they were taken on the same dataset.
  const previous = JSON.parse(await readFile(RESULTS, 'utf8').catch(() => '{}')) as Partial<Results>;
  const same = previous.scale === scale;
  const results: Results = {
    generatedAt: new Date().toISOString(),
    scale,
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', platform: platform() },
    figures: same ? { ...(previous.figures ?? {}) } : {},
    benchmarks: same ? { ...(previous.benchmarks ?? {}) } : {},
  };
  const floor = await runChild(['--floor', '--scale', scale, '--db', ctx.dbUrl]);
  results.figures.rss_floor_mb = floor.peakRssMb;
  for (const bench of chosen) {
    process.stdout.write(`\n${bench.title}\n`);
    const { result, peakRssMb: peak } = await runChild(['--child', bench.name, '--scale', scale, '--db', ctx.dbUrl]);
    process.stdout.write(`${formatTable(result.table)}\n`);
    for (const note of result.notes ?? []) process.stdout.write(`${note}\n`);
    const key = `${bench.name.replace(/\W+/g, '_')}_peak_rss_mb`;
    Object.assign(results.figures, result.figures, { [key]: peak });
    results.benchmarks[bench.name] = { at: results.generatedAt, title: bench.title, ...result };
  }
  const peaks = DATASET_BENCHES.map((name) => results.figures[`${name.replace(/\W+/g, '_')}_peak_rss_mb`]).filter((x): x is number => x !== undefined);
  if (peaks.length > 0) results.figures.peak_rss_mb = Math.max(...peaks);
  // The bot's own peak serving the dataset, when measured, is the headline: the benchmarks'
  // processes also hold what they compare against (a raw connection, synthetic catalogues).
  if (results.figures.bot_peak_rss_mb !== undefined) {
    results.figures.peak_rss_mb = results.figures.bot_peak_rss_mb;
    if (results.figures.bot_rss_floor_mb !== undefined) results.figures.rss_floor_mb = results.figures.bot_rss_floor_mb;
  }

  const rows = headlines(results.figures).filter((h) => h.value !== undefined);
  const show = (x: number | string | undefined, unit: string) => (x === undefined ? '—' : typeof x === 'string' ? x : `${x.toLocaleString('en-US')} ${unit}`);
  process.stdout.write(`\nSummary (${scale} dataset)\n`);
  process.stdout.write(
    `${formatTable({
      columns: ['key', 'what', 'figure', 'floor (same run)', 'ratio', 'goal', 'met'],
      rows: rows.map((h) => [
        h.key,
        h.what,
        show(h.value, h.unit),
        show(h.floor, h.unit),
        h.key.endsWith('_ratio') ? `${results.figures[h.key]?.toFixed(2)}×` : typeof h.floor === 'number' && h.value !== undefined ? `${(h.value / h.floor).toFixed(2)}×` : '—',
        h.goal,
        h.met === undefined ? '—' : h.met ? 'yes' : 'NO',
      ]),
    })}\n`,
  );
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nfigures written to bench/results.json\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
