/**
 * `npm run db:seed`: replaces the content of DATABASE_URL with the demo dataset, or with the
 * demo grown to the medium or large size (see src/persistence/seed/scale.ts).
 *
 *   npm run db:seed [-- --reference-date 2026-11-20] [--scale demo|medium|large]
 *
 * The reference date ("today" of the demo) comes from --reference-date, else
 * SEED_REFERENCE_DATE, else today (UTC). Exit codes: 0 done, 1 failed (one line, no stack
 * trace), 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/env.ts';
import { openDatabase } from '../open-database.ts';
import { seedDemo } from '../seed/index.ts';
import { SCALES, seedScaled, type ScaleName } from '../seed/scale.ts';

/** Thrown for bad command-line arguments (exit code 2). */
class UsageError extends Error {}

const USAGE = 'usage: npm run db:seed [-- --reference-date YYYY-MM-DD] [--scale demo|medium|large]';

/** Parses "YYYY-MM-DD" into 00:00 UTC, rejecting impossible dates such as 2026-02-30. */
function parseDay(text: string, source: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`${source}: "${text}" is not a date like 2026-11-20`);
  }
  return date;
}

async function main(): Promise<void> {
  let values: { 'reference-date'?: string | undefined; scale?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: { 'reference-date': { type: 'string' }, scale: { type: 'string', default: 'demo' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const scale = values.scale ?? 'demo';
  if (!Object.hasOwn(SCALES, scale)) {
    throw new UsageError(`--scale ${scale}: say demo, medium or large\n${USAGE}`);
  }

  const config = loadConfig();
  const referenceDate = values['reference-date']
    ? parseDay(values['reference-date'], '--reference-date')
    : config.SEED_REFERENCE_DATE
      ? parseDay(config.SEED_REFERENCE_DATE, 'SEED_REFERENCE_DATE')
      : parseDay(new Date().toISOString().slice(0, 10), 'today');

  console.log(`db:seed: loading the ${scale} dataset into ${config.DATABASE_URL}`);
  const db = await openDatabase(config.DATABASE_URL, { log: (line) => console.log(line) });
  try {
    const log = (line: string) => console.log(line);
    const summary =
      scale === 'demo'
        ? await seedDemo(db, { referenceDate, log })
        : await seedScaled(db, { referenceDate, scale: SCALES[scale as ScaleName], log });
    const width = Math.max(...Object.keys(summary).map((k) => k.length));
    console.log('rows per table:');
    for (const [table, count] of Object.entries(summary)) console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en-US').padStart(10)}`);
  } finally {
    await db.$disconnect();
  }
}

// Exit explicitly: the schema engine can leave timers behind.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      console.error(`db:seed: ${message}`);
      process.exit(2);
    }
    console.error(`db:seed failed: ${message.replace(/\s*\n\s*/g, '; ')}`);
    process.exit(1);
  },
);
