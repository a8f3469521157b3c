/**
 * The dataset a benchmark run measures on: data/bench-<scale>.db, seeded once by
 * `npm run db:seed -- --scale <scale>` in a child process (so the seed's memory never counts
 * towards a benchmark's) and reused by later runs. Seeded for 2026-11-20, the reference date
 * the benchmarks measure "today" from. The seed writes data/bench-<scale>.db.new and moves it
 * into place only when it has finished, so a run never finds half a dataset at the real path.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDb } from '../src/persistence/db.ts';
import { PLATFORMS, SCALED_PLATFORMS } from '../src/persistence/seed/platforms.ts';
import { SCALES } from '../src/persistence/seed/scale.ts';
import type { BenchContext } from './lib.ts';

/** The reference date of every benchmark dataset. */
export const BENCH_REFERENCE_DATE = '2026-11-20';

const root = resolve(import.meta.dirname, '..');

/** Path of the dataset file of a scale. */
export function benchDataFile(scale: BenchContext['scale']): string {
  return join(root, 'data', `bench-${scale}.db`);
}

/**
 * True when the file holds a complete dataset of that scale (not one from before the eight
 * platforms, nor a smaller one). Throws when the file is there but cannot be read.
 */
async function complete(file: string, scale: BenchContext['scale']): Promise<boolean> {
  if (!existsSync(file)) return false;
  const db = createDb(`file:${file}`);
  try {
    const [customers, skus, platforms] = await Promise.all([db.customer.count(), db.sku.count(), db.platform.count()]);
    const expectedPlatforms = scale === 'demo' ? PLATFORMS.length : PLATFORMS.length + SCALED_PLATFORMS.length;
    return customers >= SCALES[scale].people && skus >= SCALES[scale].skus && platforms >= expectedPlatforms;
  } catch (error) {
    // A seed cut short never lands here (it writes <file>.new), so this is a file another
    // process holds a write lock on, or not a dataset at all: say so rather than reseed for minutes.
    const reason = error instanceof Error ? error.message.split('\n').filter(Boolean).pop() : String(error);
    throw new Error(`dataset: cannot read ${file} (${reason}); is another process writing to it? Wait for it, or delete the file to reseed`);
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
  const fresh = `${file}.new`;
  const clear = (path: string): void => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  };
  clear(fresh);
  log(`dataset: seeding the ${scale} dataset into ${fresh}, then moving it to ${file} (once; later runs reuse it)…`);
  const started = performance.now();
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/persistence/cli/seed.ts'), '--scale', scale, '--reference-date', BENCH_REFERENCE_DATE], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${fresh}` },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.startsWith('seed:')) log(`dataset: ${line}`);
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`seeding the ${scale} dataset failed (exit code ${code})`))));
  });
  clear(file);
  renameSync(fresh, file);
  log(`dataset: seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { scale, dbUrl };
}
