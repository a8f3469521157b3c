/**
 * Benchmark: how fast Slack gets its ack. 100 concurrent, correctly signed `/stock WB-500` slash
 * commands against the real Slack adapter (HTTP mode, on the seeded demo database), and the same
 * against a bare Bolt app on the same kind of HTTPReceiver that only acks, in the same run. Goal:
 * p99(adapter) / p99(bare) ≤ 1.2 — the work behind a command must not delay the acks.
 *
 * Three processes, so that no measuring competes with what is measured for an event loop: the
 * two apps in one child, the fake Slack (Web API and response_url) in another, and the load
 * generator here.
 * Rounds alternate bare / adapter (and which goes first), and each adapter round waits for all
 * its answers, so no round starts with work left over from the one before.
 *
 *   npm run bench -- slack-ack        (or: npx tsx bench/slack-ack.ts)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Pipeline } from '../src/bot/pipeline.ts';
import { createRegistry } from '../src/core/tools/index.ts';
import { createSlackBot } from '../src/adapters/slack/app.ts';
import { createLogger } from '../src/logging.ts';
import { createDb } from '../src/persistence/db.ts';
import { openDatabase } from '../src/persistence/open-database.ts';
import { seedDemo } from '../src/persistence/seed/index.ts';
import { FakeSlack } from '../tests/fakes/slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET, signedHeaders, slashCommandBody } from '../tests/helpers/slack.ts';
import { formatTable, percentile, round, type Benchmark, type BenchResult } from './lib.ts';

/** Requests in flight at once. */
export const CONCURRENCY = 100;
/** Measured rounds per app (after one warm-up round each). */
export const ROUNDS = 5;
const USER = 'U0BENCH01';

type Ready = { type: 'ready'; adapter: number; bare: number };

// ───────────────────────────── the apps (child process) ─────────────────────────────

async function serve(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL as string;
  const apiUrl = process.env.BENCH_SLACK_API_URL as string;
  const db = createDb(url);
  const logger = createLogger({ level: 'warn' });
  const pipeline = new Pipeline({ db, registry: createRegistry(), logger });
  const bot = createSlackBot({ pipeline, db, logger }, { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl, port: 0, host: '127.0.0.1', apiRetries: 0 });
  const { port } = await bot.start();

  // The baseline: the same receiver, a listener that only acks.
  const bare = new App({ token: BOT_TOKEN, receiver: new HTTPReceiver({ signingSecret: SIGNING_SECRET }), clientOptions: { slackApiUrl: apiUrl }, logLevel: LogLevel.WARN });
  bare.command(/.*/, async ({ ack }) => {
    await ack();
  });
  const server = (await bare.start({ port: 0, host: '127.0.0.1' })) as Server;

  process.on('message', (message: { type: string }) => {
    if (message.type !== 'stop') return;
    void Promise.all([bot.stop(), bare.stop()])
      .then(() => db.$disconnect())
      .then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', adapter: port, bare: (server.address() as AddressInfo).port } satisfies Ready);
}

// ───────────────────────────── fake Slack (child process) ─────────────────────────────

type FakeMessage = { type: 'answers'; ids: string[] } | { type: 'stop' };
type FakeReply = { type: 'ready'; apiUrl: string; responseBase: string } | { type: 'answers'; answers: Array<{ text: string; at: number }> };

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes. */
const epochNow = () => performance.timeOrigin + performance.now();

async function fakeSlack(): Promise<void> {
  const fake = await FakeSlack.start();
  process.on('message', (message: FakeMessage) => {
    if (message.type === 'stop') {
      void fake.stop().then(() => process.exit(0));
      return;
    }
    // Replies once every answer of the round has arrived.
    void Promise.all(message.ids.map((id) => fake.nthResponse(id, 1))).then((posts) => {
      const origin = performance.timeOrigin;
      process.send?.({ type: 'answers', answers: posts.map((p) => ({ text: String(p.body.text), at: origin + p.at })) } satisfies FakeReply);
      fake.responses.length = 0;
    });
  });
  process.send?.({ type: 'ready', apiUrl: fake.apiUrl, responseBase: fake.responseUrl('') } satisfies FakeReply);
}

/** Forks this file in a role and waits for its first message. */
async function child<T>(role: '--serve' | '--fake', env: Record<string, string>): Promise<{ process: ChildProcess; first: T }> {
  const proc = fork(import.meta.filename, [role], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const first = await new Promise<T>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as T));
    proc.once('exit', (code) => reject(new Error(`bench ${role.slice(2)} process exited with ${code}`)));
  });
  return { process: proc, first };
}

/** Asks the fake for the answers to `ids`, once all have arrived. */
function answersFor(fake: ChildProcess, ids: string[]): Promise<Array<{ text: string; at: number }>> {
  return new Promise((resolve) => {
    fake.once('message', (m: FakeReply) => {
      if (m.type === 'answers') resolve(m.answers);
    });
    fake.send({ type: 'answers', ids } satisfies FakeMessage);
  });
}

// ───────────────────────────── the load (this process) ─────────────────────────────

/** One round: CONCURRENCY signed commands at once; resolves with each request's ack latency (ms). */
async function round100(responseBase: string, port: number, round: string): Promise<{ acks: number[]; ids: string[]; sentAt: number }> {
  const ids = Array.from({ length: CONCURRENCY }, (_, i) => `${round}-${i}`);
  const bodies = ids.map((id) => slashCommandBody({ command: '/stock', text: 'WB-500', userId: USER, responseUrl: `${responseBase}${id}`, triggerId: `trigger.${id}` }));
  const sentAt = epochNow();
  const acks = await Promise.all(
    bodies.map(async (body) => {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signedHeaders(body), body });
      const took = performance.now() - started;
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`ack status ${res.status}`);
      return took;
    }),
  );
  return { acks, ids, sentAt };
}

async function run(log: (line: string) => void): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'ops-bench-slack-'));
  const url = `file:${join(dir, 'demo.db')}`;
  let apps: ChildProcess | undefined;
  let fake: ChildProcess | undefined;
  try {
    log('seeding the demo database…');
    const db = await openDatabase(url);
    await seedDemo(db, { referenceDate: new Date(Date.UTC(2026, 10, 20)) });
    await db.teamMember.update({ where: { handle: 'bob' }, data: { slackUserId: USER } });
    await db.$disconnect();

    const started = await child<FakeReply & { type: 'ready' }>('--fake', {});
    fake = started.process;
    const { apiUrl, responseBase } = started.first;
    const server = await child<Ready>('--serve', { BENCH_DATABASE_URL: url, BENCH_SLACK_API_URL: apiUrl });
    apps = server.process;
    const ready = server.first;

    const bare: number[] = [];
    const adapter: number[] = [];
    const answers: number[] = [];
    for (let r = 0; r <= ROUNDS; r++) {
      const warmUp = r === 0;
      log(warmUp ? 'warm-up round…' : `round ${r} of ${ROUNDS}…`);
      // Alternate which app goes first, so neither always meets a warmer machine.
      const adapterRound = async () => {
        const a = await round100(responseBase, ready.adapter, `adapter${r}`);
        // Wait for every answer before anything else starts.
        return { a, posts: await answersFor(fake as ChildProcess, a.ids) };
      };
      let b: Awaited<ReturnType<typeof round100>>;
      let a: Awaited<ReturnType<typeof round100>>;
      let posts: Array<{ text: string; at: number }>;
      if (r % 2 === 0) {
        b = await round100(responseBase, ready.bare, `bare${r}`);
        ({ a, posts } = await adapterRound());
      } else {
        ({ a, posts } = await adapterRound());
        b = await round100(responseBase, ready.bare, `bare${r}`);
      }
      for (const post of posts) {
        if (!post.text.includes('Stock · WB-500')) throw new Error(`unexpected answer: ${post.text.slice(0, 200)}`);
      }
      if (warmUp) continue;
      bare.push(...b.acks);
      adapter.push(...a.acks);
      answers.push(...posts.map((p) => p.at - a.sentAt));
    }
    bare.sort((x, y) => x - y);
    adapter.sort((x, y) => x - y);
    answers.sort((x, y) => x - y);

    const p = (xs: number[], q: number) => round(percentile(xs, q), 1);
    const figures = {
      slack_ack_requests: adapter.length,
      slack_ack_concurrency: CONCURRENCY,
      slack_ack_bare_p50_ms: p(bare, 50),
      slack_ack_bare_p99_ms: p(bare, 99),
      slack_ack_stock_p50_ms: p(adapter, 50),
      slack_ack_stock_p99_ms: p(adapter, 99),
      slack_ack_p50_ratio: round(percentile(adapter, 50) / percentile(bare, 50), 2),
      slack_ack_p99_ratio: round(percentile(adapter, 99) / percentile(bare, 99), 2),
      slack_answer_p50_ms: p(answers, 50),
      slack_answer_p99_ms: p(answers, 99),
    };
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    return {
      table: {
        columns: [`/stock WB-500, ${CONCURRENCY} concurrent × ${ROUNDS} rounds`, 'p50', 'p99'],
        rows: [
          ['ack: bare Bolt app (ack only)', ms(figures.slack_ack_bare_p50_ms), ms(figures.slack_ack_bare_p99_ms)],
          ['ack: Slack adapter', ms(figures.slack_ack_stock_p50_ms), ms(figures.slack_ack_stock_p99_ms)],
          ['ack ratio adapter / bare', `${figures.slack_ack_p50_ratio.toFixed(2)}×`, `${figures.slack_ack_p99_ratio.toFixed(2)}×`],
          ['answer through response_url (from the round’s start)', ms(figures.slack_answer_p50_ms), ms(figures.slack_answer_p99_ms)],
        ],
      },
      figures,
      notes: [`goal: p99 ratio ≤ 1.2 → ${figures.slack_ack_p99_ratio <= 1.2 ? 'met' : 'NOT met'} (${figures.slack_ack_p99_ratio.toFixed(2)})`],
    };
  } finally {
    for (const proc of [apps, fake]) {
      if (!proc || proc.exitCode !== null) continue;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.send({ type: 'stop' });
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/** The Slack ack-latency benchmark. */
export const benchmark: Benchmark = { name: 'slack-ack', title: 'Slack: ack latency under load (HTTP mode)', run };

if (process.argv.includes('--serve')) {
  void serve();
} else if (process.argv.includes('--fake')) {
  void fakeSlack();
} else if (import.meta.filename === process.argv[1]) {
  run((line) => process.stderr.write(`${line}\n`)).then(
    (result) => {
      process.stdout.write(`${formatTable(result.table)}\n${(result.notes ?? []).join('\n')}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
