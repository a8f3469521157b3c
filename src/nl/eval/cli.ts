/**
 * `npm run eval:nl`: scores the plain-language layer on tests/fixtures/questions.jsonl.
 * It seeds a throwaway demo database with a fixed reference date (so "next month" means the
 * same every run), then prints the share of questions with the right tool and with exactly
 * right arguments, for the tuned and the held-out parts apart. `--misses` lists the misses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '../../core/tools/index.ts';
import { openDatabase } from '../../persistence/open-database.ts';
import { seedDemo } from '../../persistence/seed/index.ts';
import { routerCatalogue } from '../router/index.ts';
import { loadQuestions } from './questions.ts';
import { evaluateRouter, type EvalScore } from './router-eval.ts';

/** The reference date of the evaluation's demo data and clock. */
export const EVAL_REFERENCE_DATE = new Date('2026-11-20T12:00:00Z');
const QUESTIONS = fileURLToPath(new URL('../../../tests/fixtures/questions.jsonl', import.meta.url));

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const row = (name: string, s: EvalScore) => `${name.padEnd(22)} ${String(s.total).padStart(5)}  ${pct(s.rightTool, s.total).padStart(8)}  ${pct(s.exactArgs, s.total).padStart(8)}`;

async function main(): Promise<number> {
  const showMisses = process.argv.includes('--misses');
  const dir = mkdtempSync(join(tmpdir(), 'ops-eval-'));
  try {
    const db = await openDatabase(`file:${join(dir, 'eval.db')}`);
    await seedDemo(db, { referenceDate: new Date('2026-11-20T00:00:00Z') });
    const registry = createRegistry();
    const questions = loadQuestions(QUESTIONS);
    const result = evaluateRouter(questions, await routerCatalogue.get(db), registry, EVAL_REFERENCE_DATE);
    await db.$disconnect();

    process.stdout.write(`NL evaluation on ${questions.length} labelled questions (${QUESTIONS})\n\n`);
    process.stdout.write(`${'offline router'.padEnd(22)} ${'n'.padStart(5)}  ${'tool'.padStart(8)}  ${'args'.padStart(8)}\n`);
    process.stdout.write(`${row('  tuned', result.tuned)}\n${row('  held out', result.heldOut)}\n${row('  all', result.all)}\n`);
    if (result.unavailable > 0) process.stdout.write(`\n${result.unavailable} questions name tools not in the registry yet; not scored.\n`);
    if (showMisses) {
      process.stdout.write('\nMisses:\n');
      for (const m of result.misses) {
        process.stdout.write(`  #${m.id}${m.heldOut ? ' (held out)' : ''} ${m.q}\n    expected ${JSON.stringify(m.expected)}\n    got      ${JSON.stringify(m.got)}\n`);
      }
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`eval:nl failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
