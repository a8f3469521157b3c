/**
 * Benchmark: plain-language questions through the model path (issue #7): the bot's own time per
 * question against a zero-latency fake model, model calls per question, prompt tokens per question.
 *
 *   npm run bench -- nl-agent
 *
 * Every labelled question of tests/fixtures/questions.jsonl whose tool is in the registry goes
 * through the real agent and pipeline on a freshly seeded demo database, against the loopback
 * OpenAI-compatible fake answering with the label's tool call (the eval's oracle). The fake runs
 * in a child process, and the time it spends on each request (parsing, token counting, its
 * reply) is measured on its side and subtracted, so "own time" is the bot's: the agent, the HTTP
 * client, the pipeline and the tool. "Agent only" also subtracts the tools' run time (from the
 * pipeline's "tool ran" log lines), which depends on the tool, not on the NL layer. CPU time is
 * this process's own (user + system), which other load on the machine does not inflate.
 * One warm-up pass, then two measured passes; a thread per question so memory stays out of it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '../src/core/tools/index.ts';
import { platformCodes } from '../src/core/domain/catalogue/platforms.ts';
import { createLogger } from '../src/logging.ts';
import { modelPathAsker, oracleAnswers } from '../src/nl/eval/model-eval.ts';
import { expectedCall, loadQuestions } from '../src/nl/eval/questions.ts';
import { openDatabase } from '../src/persistence/open-database.ts';
import { seedDemo } from '../src/persistence/seed/index.ts';
import { percentile, round, type Benchmark } from './lib.ts';

const QUESTIONS = fileURLToPath(new URL('../tests/fixtures/questions.jsonl', import.meta.url));
const FAKE_PROCESS = fileURLToPath(new URL('../tests/fakes/oracle-model-process.ts', import.meta.url));

/** Starts the oracle model in a child process; resolves with its base URL and a way to stop it. */
async function startModelProcess(answersFile: string): Promise<{ baseURL: string; records(): Promise<Array<{ handleMs: number }>>; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FAKE_PROCESS, answersFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const baseURL = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake model exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
    });
  });
  const origin = new URL(baseURL).origin;
  return {
    baseURL,
    records: async () => (await (await fetch(`${origin}/_fake/requests`)).json()) as Array<{ handleMs: number }>,
    stop: () => child.stdin.end(),
  };
}
const REFERENCE_DATE = new Date('2026-11-20T00:00:00Z');
const MEASURED_PASSES = 2;
/** Rounds over the /whoami questions for the agent's own overhead (the first is a warm-up). */
const TRIVIAL_ROUNDS = 21;

/** The NL model-path benchmark. */
export const benchmark: Benchmark = {
  name: 'nl-agent',
  title: 'Plain-language questions, model path: own time per question against a zero-latency fake model',
  async run(log) {
    const dir = await mkdtemp(join(tmpdir(), 'ops-bench-nl-'));
    const db = await openDatabase(`file:${join(dir, 'bench.db')}`);
    let stopFake = () => {};
    try {
      log('seeding the demo database…');
      await seedDemo(db, { referenceDate: REFERENCE_DATE });
      const registry = createRegistry();
      const codes = await platformCodes(db);
      const questions = loadQuestions(QUESTIONS).filter((q) => expectedCall(q, registry, codes) !== null);
      const answersFile = join(dir, 'answers.json');
      await writeFile(answersFile, JSON.stringify(await oracleAnswers(questions, db, registry)));
      const fake = await startModelProcess(answersFile);
      stopFake = fake.stop;

      // Tool run times, from the pipeline's own log lines (no content in them).
      let toolMs = 0;
      const destination = new Writable({
        write(chunk: Buffer, _enc, done) {
          for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
            const entry = JSON.parse(line) as { msg?: string; ms?: number };
            if (entry.msg === 'tool ran' && typeof entry.ms === 'number') toolMs += entry.ms;
          }
          done();
        },
      });
      const ask = await modelPathAsker({
        db,
        registry,
        now: new Date(REFERENCE_DATE.getTime() + 12 * 3_600_000),
        endpoint: { baseURL: fake.baseURL },
        logger: createLogger({ level: 'info', destination }),
      });

      const measured: Array<{ wall: number; cpu: number; tools: number; calls: number; prompt: number; completion: number }> = [];
      for (let pass = 0; pass <= MEASURED_PASSES; pass += 1) {
        log(pass === 0 ? `warm-up over ${questions.length} questions…` : `measured pass ${pass} of ${MEASURED_PASSES}…`);
        for (const question of questions) {
          const toolsBefore = toolMs;
          const cpuBefore = process.cpuUsage();
          const started = performance.now();
          const asked = await ask(question.q, `bench-${pass}-${question.id}`);
          const wall = performance.now() - started;
          const cpu = process.cpuUsage(cpuBefore);
          if (!asked) throw new Error(`question ${question.id} did not reach the model path`);
          if (pass === 0) continue;
          measured.push({ wall, cpu: (cpu.user + cpu.system) / 1000, tools: toolMs - toolsBefore, calls: asked.stats.modelCalls, prompt: asked.stats.promptTokens, completion: asked.stats.completionTokens });
        }
      }
      // The fake's handling time per request, in order: the measured requests are the last ones so far.
      const records = await fake.records();

      // The agent's own overhead, without a tool's cost: questions whose tool only reads the actor
      // (/whoami, /help), asked again and again; CPU time, so other load on the machine does not count.
      const trivial = questions.filter((q) => q.expect === '/whoami');
      const overheadCpu: number[] = [];
      for (let i = 0; i < TRIVIAL_ROUNDS; i += 1) {
        for (const question of trivial) {
          const cpuBefore = process.cpuUsage();
          await ask(question.q, `bench-trivial-${i}-${question.id}`);
          const cpu = process.cpuUsage(cpuBefore);
          if (i > 0) overheadCpu.push((cpu.user + cpu.system) / 1000);
        }
      }

      let next = records.length - measured.reduce((n, m) => n + m.calls, 0);
      const own: number[] = [];
      const agentOnly: number[] = [];
      for (const m of measured) {
        const fakeMs = records.slice(next, next + m.calls).reduce((n, r) => n + r.handleMs, 0);
        next += m.calls;
        own.push(m.wall - fakeMs);
        agentOnly.push(Math.max(0, m.wall - fakeMs - m.tools));
      }
      const ownCpu = measured.map((m) => m.cpu);
      const calls = measured.map((m) => m.calls);
      const prompt = measured.map((m) => m.prompt);
      const completion = measured.map((m) => m.completion);

      const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
      const [ownS, agentS, cpuS, promptS, overheadS] = [sorted(own), sorted(agentOnly), sorted(ownCpu), sorted(prompt), sorted(overheadCpu)];
      const figures = {
        nl_agent_questions: questions.length,
        nl_agent_own_p50_ms: round(percentile(ownS, 50), 1),
        nl_agent_own_p95_ms: round(percentile(ownS, 95), 1),
        nl_agent_only_p50_ms: round(percentile(agentS, 50), 1),
        nl_agent_only_p95_ms: round(percentile(agentS, 95), 1),
        nl_agent_cpu_p50_ms: round(percentile(cpuS, 50), 1),
        nl_agent_cpu_p95_ms: round(percentile(cpuS, 95), 1),
        nl_agent_overhead_cpu_p50_ms: round(percentile(overheadS, 50), 1),
        nl_agent_overhead_cpu_p95_ms: round(percentile(overheadS, 95), 1),
        nl_agent_model_calls_avg: round(mean(calls), 2),
        nl_agent_model_calls_max: Math.max(...calls),
        nl_agent_prompt_tokens_avg: Math.round(mean(prompt)),
        nl_agent_prompt_tokens_p95: Math.round(percentile(promptS, 95)),
        nl_agent_completion_tokens_avg: Math.round(mean(completion)),
      };
      const ms = (v: number) => `${round(v, 1)} ms`;
      return {
        table: {
          columns: [`${questions.length} labelled questions × ${MEASURED_PASSES} passes`, 'p50', 'p95', 'mean'],
          rows: [
            ['own time per question (agent, HTTP client, pipeline, tool)', ms(figures.nl_agent_own_p50_ms), ms(figures.nl_agent_own_p95_ms), ms(mean(own))],
            ['agent only (own time minus tool runs)', ms(figures.nl_agent_only_p50_ms), ms(figures.nl_agent_only_p95_ms), ms(mean(agentOnly))],
            ['CPU time of the bot per question (tools included)', ms(figures.nl_agent_cpu_p50_ms), ms(figures.nl_agent_cpu_p95_ms), ms(mean(ownCpu))],
            [`agent overhead, CPU (/whoami questions × ${TRIVIAL_ROUNDS - 1})`, ms(figures.nl_agent_overhead_cpu_p50_ms), ms(figures.nl_agent_overhead_cpu_p95_ms), ms(mean(overheadCpu))],
            ['model calls per question', String(percentile(sorted(calls), 50)), String(percentile(sorted(calls), 95)), String(figures.nl_agent_model_calls_avg)],
            ['prompt tokens per question', String(percentile(promptS, 50)), String(figures.nl_agent_prompt_tokens_p95), String(figures.nl_agent_prompt_tokens_avg)],
            ['completion tokens per question', String(percentile(sorted(completion), 50)), String(percentile(sorted(completion), 95)), String(figures.nl_agent_completion_tokens_avg)],
          ],
        },
        figures,
        notes: [
          `goal: ≤ 50 ms own time → agent only (wall) p50 ${figures.nl_agent_only_p50_ms} ms, p95 ${figures.nl_agent_only_p95_ms} ms: ${figures.nl_agent_only_p95_ms <= 50 ? 'met' : 'NOT met'}; agent overhead in CPU time p95 ${figures.nl_agent_overhead_cpu_p95_ms} ms: ${figures.nl_agent_overhead_cpu_p95_ms <= 50 ? 'met' : 'NOT met'} (wall clock grows with the machine's load; CPU time does not)`,
          `goal: ≤ 2 model calls on average → ${figures.nl_agent_model_calls_avg}: ${figures.nl_agent_model_calls_avg <= 2 ? 'met' : 'NOT met'}`,
          `goal: ≤ 2,500 prompt tokens per question → mean ${figures.nl_agent_prompt_tokens_avg}, p95 ${figures.nl_agent_prompt_tokens_p95}: ${figures.nl_agent_prompt_tokens_p95 <= 2500 ? 'met' : figures.nl_agent_prompt_tokens_avg <= 2500 ? 'met on average, not at p95' : 'NOT met'} (o200k_base count of what was sent)`,
          `load average when done: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`,
        ],
      };
    } finally {
      stopFake();
      await db.$disconnect();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
