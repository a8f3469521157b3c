/**
 * Benchmark: peak memory of the bot itself serving the dataset.
 *
 *   npm run bench -- --scale large memory
 *
 * Starts the real bot (`src/main.ts`, the console in JSON mode, as the admin erin) on the
 * prepared dataset and sends it a day's mix of questions: 30 `/stock` lookups spread over the
 * catalogue, 30 `/customer` lookups, `/alloc` (the whole catalogue), `/alloc reorder`,
 * `/alloc WB-500` and `/margin WB-500`. After the last answer it reads the process's peak RSS
 * (VmHWM, the kernel's high-water mark) before closing its input. The floor is the same bot
 * started on the same file answering only `/whoami`: Node, tsx, the Prisma client and the
 * open database, nothing of the dataset's size.
 *
 * The other dataset benchmarks' own peaks (`<bench>_peak_rss_mb`) include what they measure
 * against (a second, raw connection; synthetic catalogues), so they are not the bot's.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../src/persistence/open-database.ts';
import { type Benchmark, type BenchContext, type BenchResult } from './lib.ts';

const ROOT = join(import.meta.dirname, '..');

/** Peak RSS (VmHWM) and current RSS of a live process, in MB. */
async function memoryOf(pid: number): Promise<{ peak: number; now: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peak: Math.round(kb('VmHWM') / 1024), now: Math.round(kb('VmRSS') / 1024) };
}

/** Runs the bot on `dbUrl`, sends `lines`, waits for every answer, returns its memory then. */
async function botMemory(dbUrl: string, lines: readonly string[]): Promise<{ peak: number; now: number; failed: number }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--json', '--as', 'erin'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const answers = createInterface({ input: child.stdout });
    let seen = 0;
    let failed = 0;
    const done = new Promise<void>((resolve, reject) => {
      answers.on('line', (line) => {
        if (!line.startsWith('{')) return;
        const reply = (JSON.parse(line) as { reply?: { kind?: string } }).reply;
        if (reply?.kind !== 'result') failed += 1;
        seen += 1;
        if (seen === lines.length) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the bot exited (${code}) after ${seen} of ${lines.length} answers`)));
    });
    child.stdin.write(`${lines.join('\n')}\n`);
    await done;
    const memory = await memoryOf(child.pid as number);
    child.stdin.end();
    await exited;
    return { ...memory, failed };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function runMemoryBench(log: (line: string) => void, ctx?: BenchContext): Promise<BenchResult> {
  if (!ctx) throw new Error('memory: run it through `npm run bench -- --scale <scale> memory` (it needs a prepared dataset)');
  const db = await openDatabase(ctx.dbUrl);
  let workload: string[];
  try {
    const skus = await db.sku.findMany({ where: { active: true }, select: { code: true }, orderBy: { id: 'asc' } });
    const step = Math.max(1, Math.floor(skus.length / 30));
    const emails = await db.customerIdentity.findMany({ where: { emailKind: 'real', email: { not: null } }, select: { email: true }, orderBy: { id: 'asc' }, take: 30 });
    workload = [
      ...skus.filter((_, i) => i % step === 0).slice(0, 30).map((s) => `/stock ${s.code}`),
      ...emails.map((e) => `/customer ${e.email}`),
      '/alloc',
      '/alloc reorder',
      '/alloc WB-500',
      '/margin WB-500',
    ];
  } finally {
    await db.$disconnect();
  }
  log(`floor: the bot answering /whoami on ${ctx.scale}…`);
  const floor = await botMemory(ctx.dbUrl, ['/whoami']);
  log(`workload: ${workload.length} questions…`);
  const served = await botMemory(ctx.dbUrl, workload);
  if (served.failed > 0) log(`warning: ${served.failed} of ${workload.length} answers were not results`);
  return {
    table: {
      columns: ['bot process', 'questions', 'peak RSS', 'RSS after'],
      rows: [
        ['floor: started, answered /whoami', '1', `${floor.peak} MB`, `${floor.now} MB`],
        ['served /stock ×30, /customer ×30, /alloc, /alloc reorder, /alloc WB-500, /margin', String(workload.length), `${served.peak} MB`, `${served.now} MB`],
      ],
    },
    figures: {
      bot_peak_rss_mb: served.peak,
      bot_rss_floor_mb: floor.peak,
      bot_workload_questions: workload.length,
      bot_workload_failed: served.failed,
    },
    notes: [`goal: peak RSS ≤ 250 MB on large → ${served.peak} MB (${served.peak <= 250 ? 'met' : 'NOT met'}); the bot with nothing to do peaks at ${floor.peak} MB.`],
  };
}

/** The memory benchmark for `npm run bench`. */
export const benchmark: Benchmark = { name: 'memory', title: 'Memory: peak RSS of the bot serving the dataset', run: runMemoryBench };
