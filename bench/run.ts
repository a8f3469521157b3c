/**
 * `npm run bench [-- name…]`: runs every benchmark under bench/ (each file exporting
 * `benchmark`), prints a table per benchmark and writes bench/results.json. Benchmarks are
 * measurements, never pass/fail tests; they are not part of npm test.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, platform } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatTable, type Benchmark, type BenchResult } from './lib.ts';

const here = import.meta.dirname;
const RESULTS = join(here, 'results.json');

interface Results {
  generatedAt: string;
  machine: { node: string; cpus: number; cpu: string; platform: string };
  /** Every figure of every benchmark run so far, flat. */
  figures: Record<string, number>;
  benchmarks: Record<string, { at: string; title: string } & BenchResult>;
}

async function discover(): Promise<{ benchmarks: Benchmark[]; skipped: string[] }> {
  const files = (await readdir(here)).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && f !== 'lib.ts').sort();
  const benchmarks: Benchmark[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { benchmark?: Benchmark };
    if (mod.benchmark) benchmarks.push(mod.benchmark);
    else skipped.push(file);
  }
  return { benchmarks, skipped };
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const { benchmarks, skipped } = await discover();
  const chosen = wanted.length === 0 ? benchmarks : benchmarks.filter((b) => wanted.includes(b.name));
  if (chosen.length === 0) {
    process.stderr.write(`no benchmark named ${wanted.join(', ')}; there are: ${benchmarks.map((b) => b.name).join(', ')}\n`);
    return 2;
  }
  if (skipped.length > 0 && wanted.length === 0) process.stderr.write(`(not in the runner, no \`benchmark\` export: ${skipped.join(', ')})\n`);

  const previous = JSON.parse(await readFile(RESULTS, 'utf8').catch(() => '{}')) as Partial<Results>;
  const results: Results = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', platform: platform() },
    figures: { ...(previous.figures ?? {}) },
    benchmarks: { ...(previous.benchmarks ?? {}) },
  };
  const log = (line: string) => process.stderr.write(`  ${line}\n`);
  for (const bench of chosen) {
    process.stdout.write(`\n${bench.title}\n`);
    const result = await bench.run(log);
    process.stdout.write(`${formatTable(result.table)}\n`);
    for (const note of result.notes ?? []) process.stdout.write(`${note}\n`);
    Object.assign(results.figures, result.figures);
    results.benchmarks[bench.name] = { at: results.generatedAt, title: bench.title, ...result };
  }
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
