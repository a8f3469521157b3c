/**
 * `npm run eval:nl`: scores the plain-language layer on tests/fixtures/questions.jsonl.
 * It seeds a throwaway demo database with a fixed reference date (so "next month" means the
 * same every run), then prints the share of questions with the right tool and with exactly
 * right arguments, for the tuned and the held-out parts apart, twice: for the offline router,
 * and for the model path (the real agent and pipeline) against a scripted OpenAI-compatible
 * server on loopback, or against a real endpoint with `--model-url <base url>` (key and model
 * from OPENAI_API_KEY and OPENAI_MODEL). `--router-only` skips the model path; `--misses`
 * lists the misses.
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
import { evaluateModelPath, oracleAnswers, oracleScript, type EvalEndpoint } from './model-eval.ts';

/** The reference date of the evaluation's demo data and clock. */
export const EVAL_REFERENCE_DATE = new Date('2026-11-20T12:00:00Z');
const QUESTIONS = fileURLToPath(new URL('../../../tests/fixtures/questions.jsonl', import.meta.url));

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const row = (name: string, s: EvalScore) => `${name.padEnd(22)} ${String(s.total).padStart(5)}  ${pct(s.rightTool, s.total).padStart(8)}  ${pct(s.exactArgs, s.total).padStart(8)}`;

type Miss = { id: number; q: string; expected: unknown; got: unknown; heldOut: boolean };

function printScores(title: string, scores: { tuned: EvalScore; heldOut: EvalScore; all: EvalScore }): void {
  process.stdout.write(`${title.padEnd(22)} ${'n'.padStart(5)}  ${'tool'.padStart(8)}  ${'args'.padStart(8)}\n`);
  process.stdout.write(`${row('  tuned', scores.tuned)}\n${row('  held out', scores.heldOut)}\n${row('  all', scores.all)}\n`);
}

function printMisses(misses: Miss[]): void {
  process.stdout.write('\nMisses:\n');
  for (const m of misses) {
    process.stdout.write(`  #${m.id}${m.heldOut ? ' (held out)' : ''} ${m.q}\n    expected ${JSON.stringify(m.expected)}\n    got      ${JSON.stringify(m.got)}\n`);
  }
}

/** The value after `flag` on the command line, if any. */
function option(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<number> {
  const showMisses = process.argv.includes('--misses');
  const routerOnly = process.argv.includes('--router-only');
  const modelUrl = option('--model-url');
  if (process.argv.includes('--model-url') && !modelUrl) throw new Error('--model-url needs a base URL, e.g. --model-url http://127.0.0.1:11434/v1');
  const dir = mkdtempSync(join(tmpdir(), 'ops-eval-'));
  const db = await openDatabase(`file:${join(dir, 'eval.db')}`);
  try {
    await seedDemo(db, { referenceDate: new Date('2026-11-20T00:00:00Z') });
    const registry = createRegistry();
    const questions = loadQuestions(QUESTIONS);
    const result = evaluateRouter(questions, await routerCatalogue.get(db), registry, EVAL_REFERENCE_DATE);

    process.stdout.write(`NL evaluation on ${questions.length} labelled questions (${QUESTIONS})\n\n`);
    printScores('offline router', result);
    if (result.unavailable > 0) process.stdout.write(`\n${result.unavailable} questions name tools not in the registry yet; not scored.\n`);
    if (showMisses) printMisses(result.misses);
    if (routerOnly) return 0;

    // The model path. Without --model-url it runs against the scripted fake of the tests
    // (dev tooling, like this command): the figures then measure the path from a model's tool
    // call to the tool (schemas, role filter, PII placeholders, parsing), not a model's judgement.
    let endpoint: EvalEndpoint;
    let close = async () => {};
    let label: string;
    if (modelUrl) {
      endpoint = { baseURL: modelUrl, ...(process.env.OPENAI_API_KEY ? { apiKey: process.env.OPENAI_API_KEY } : {}), ...(process.env.OPENAI_MODEL ? { model: process.env.OPENAI_MODEL } : {}) };
      label = `model path (${modelUrl})`;
    } else {
      const { startFakeOpenAi } = await import('../../../tests/fakes/openai-server.ts');
      const fake = await startFakeOpenAi(oracleScript(await oracleAnswers(questions, db, registry)));
      endpoint = { baseURL: fake.baseURL };
      close = () => fake.close();
      label = 'model path (fake)';
    }
    try {
      process.stdout.write(`\n`);
      const model = await evaluateModelPath(questions, { db, registry, now: EVAL_REFERENCE_DATE, endpoint });
      printScores(label, model);
      const q = model.perQuestion;
      process.stdout.write(`\nper question: ${q.modelCalls.toFixed(2)} model calls, ${Math.round(q.promptTokens)} prompt tokens, ${Math.round(q.completionTokens)} completion tokens on average; ${model.fallbacks} fell back to the router\n`);
      if (modelUrl === undefined) process.stdout.write('(the scripted fake answers each question with its labelled call: this scores the path from model to tool, not a model)\n');
      if (showMisses) printMisses(model.misses);
    } finally {
      await close();
    }
    return 0;
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`eval:nl failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
