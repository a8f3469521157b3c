/**
 * The dataset a benchmark run measures on: data/bench-<scale>.db, seeded once by
 * `npm run db:seed -- --scale <scale>` in a child process (so the seed's memory never counts
 * towards a benchmark's) and reused by later runs. Seeded for 2026-11-20, the reference date
 * the benchmarks measure "today" from.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDb } from '../src/persistence/db.ts';
import { SCALES } from '../src/persistence/seed/scale.ts';
import type { BenchContext } from './lib.ts';

/** The reference date of every benchmark dataset. */
export const BENCH_REFERENCE_DATE = '2026-11-20';

const root = resolve(import.meta.dirname, '..');

/** Path of the dataset file of a scale. */
export function benchDataFile(scale: BenchContext['scale']): string {
  return join(root, 'data', `bench-${scale}.db`);
}

/** True when the file holds a complete dataset of that scale (a seed that was cut short does not). */
async function complete(file: string, scale: BenchContext['scale']): Promise<boolean> {
  if (!existsSync(file)) return false;
  const db = createDb(`file:${file}`);
  try {
    const [customers, skus] = await Promise.all([db.customer.count(), db.sku.count()]);
    return customers >= SCALES[scale].people && skus >= SCALES[scale].skus;
  } catch {
    return false;
  } finally {
    await db.$disconnect();
  }
}

/** Seeds data/bench-<scale>.db unless a complete one is there; returns the context for the benchmarks. */
export async function prepareDataset(scale: BenchContext['scale'], log: (line: string) => void): Promise<BenchContext> {
  const file = benchDataFile(scale);
  const dbUrl = `file:${file}`;
  if (await complete(file, scale)) {
    log(`dataset: reusing ${file}`);
    return { scale, dbUrl };
  }
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  log(`dataset: seeding the ${scale} dataset into ${file} (once; later runs reuse it)…`);
  const started = performance.now();
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/persistence/cli/seed.ts'), '--scale', scale, '--reference-date', BENCH_REFERENCE_DATE], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: dbUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.startsWith('seed:')) log(`dataset: ${line}`);
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`seeding the ${scale} dataset failed (exit code ${code})`))));
  });
  log(`dataset: seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { scale, dbUrl };
}
