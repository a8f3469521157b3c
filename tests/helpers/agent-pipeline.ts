/**
 * A real pipeline whose free text goes to the real agent (src/nl), with the model endpoint
 * replaced by the loopback OpenAI-compatible fake: the only thing not ours is across the network.
 */
import { Writable } from 'node:stream';
import { Pipeline, type Outcome } from '../../src/bot/pipeline.ts';
import type { ChatRequest } from '../../src/core/reply.ts';
import type { ToolDefinition } from '../../src/core/tool.ts';
import { createRegistry } from '../../src/core/tools/index.ts';
import { createLogger } from '../../src/logging.ts';
import type { QuestionStats, ToolAttempt } from '../../src/nl/agent/agent.ts';
import { createInterpreter } from '../../src/nl/index.ts';
import type { Db } from '../../src/persistence/db.ts';
import { startFakeOpenAi, type FakeOpenAi, type Script } from '../fakes/openai-server.ts';

/** Knobs of the model path, as the environment would set them. */
export interface AgentSetup {
  timeoutMs?: number;
  sendUnmaskedPii?: boolean;
  /** A registry of these tools instead of the product's. */
  tools?: readonly ToolDefinition[];
}

/** The pipeline, the fake model behind it, and what was logged and measured. */
export interface AgentPipeline {
  pipeline: Pipeline;
  fake: FakeOpenAi;
  logs: Array<Record<string, unknown>>;
  /** One entry per question the agent handled. */
  questions: Array<{ stats: QuestionStats; attempts: ToolAttempt[] }>;
  /** Sends `text` as the console user `handle` (channel "test" unless given). */
  say(handle: string, text: string, extra?: Partial<ChatRequest>): Promise<Outcome>;
  close(): Promise<void>;
}

/** Starts the fake with `script` and builds the pipeline on `db` with the clock at `now`. */
export async function agentPipeline(db: Db, now: Date, script: Script, setup: AgentSetup = {}): Promise<AgentPipeline> {
  const fake = await startFakeOpenAi(script);
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const registry = createRegistry(setup.tools);
  const questions: AgentPipeline['questions'] = [];
  const interpret = createInterpreter({
    db,
    registry,
    logger,
    config: {
      OPENAI_API_KEY: 'sk-test-not-a-real-key',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MODEL: 'gpt-test',
      // Generous unless a test is about timeouts: a busy CI machine must not turn into a fallback.
      NL_TIMEOUT_MS: setup.timeoutMs ?? 60_000,
      NL_SEND_UNMASKED_PII: setup.sendUnmaskedPii ?? false,
    },
    now: () => now,
    onQuestion: (stats, attempts) => questions.push({ stats, attempts }),
  });
  const pipeline = new Pipeline({ db, registry, logger, interpret, now: () => now });
  return {
    pipeline,
    fake,
    logs,
    questions,
    say: (handle, text, extra = {}) => pipeline.handle({ via: 'console', user: { handle }, channelId: 'test', text, ...extra }),
    close: () => fake.close(),
  };
}
