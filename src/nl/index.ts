/**
 * The plain-language layer's entry point for the composition root: the interpreter the pipeline
 * calls for free text. With OPENAI_API_KEY set it is the agent (src/nl/agent), which falls back
 * to the offline router when the model fails or times out; without it, the offline router alone.
 * Either way the /ask tool's knowledge base is provided here, so the router and the agent can
 * both send knowledge questions to it.
 */
import type { Interpreter } from '../bot/pipeline.ts';
import type { Config } from '../config/env.ts';
import { provideKnowledgeBase } from '../core/domain/knowledge/knowledge-base.ts';
import type { ToolRegistry } from '../core/tools/registry.ts';
import type { Logger } from '../logging.ts';
import type { Db } from '../persistence/db.ts';
import type { QuestionStats, ToolAttempt } from './agent/agent.ts';
import { loadKnowledgeBase } from './knowledge/bm25-knowledge-base.ts';
import { offlineInterpreter } from './router/index.ts';

/** What the interpreter is built from. */
export interface InterpreterDeps {
  db: Db;
  registry: ToolRegistry;
  config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'NL_TIMEOUT_MS' | 'NL_SEND_UNMASKED_PII'>;
  logger: Logger;
  /** The clock periods and "today" are read against; tests pin it. */
  now?: () => Date;
  /** Called after every question the model path handles (eval, benchmark). */
  onQuestion?: (stats: QuestionStats, attempts: ToolAttempt[]) => void;
}

/** The interpreter for free text: the agent when a model is configured, else the offline router. */
export function createInterpreter(deps: InterpreterDeps): Interpreter {
  const { db, registry, config, logger } = deps;
  // Loaded in the background: the first /ask may wait for it, nothing else does.
  const knowledge = loadKnowledgeBase();
  provideKnowledgeBase({ search: async (question, limit) => (await knowledge).search(question, limit) });
  knowledge.catch(() => logger.error({ nl: 'knowledge' }, 'knowledge base could not be loaded'));

  const router = offlineInterpreter(db, registry, deps.now);
  if (!config.OPENAI_API_KEY) return router;
  const apiKey = config.OPENAI_API_KEY;
  // The agent brings LangChain (~40 MB): loaded only when a model is configured, starting now.
  const agent = import('./agent/agent.ts').then(({ agentInterpreter }) =>
    agentInterpreter({
      db,
      registry,
      logger,
      endpoint: { apiKey, model: config.OPENAI_MODEL, ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}) },
      timeoutMs: config.NL_TIMEOUT_MS,
      sendUnmaskedPii: config.NL_SEND_UNMASKED_PII,
      fallback: router,
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.onQuestion ? { onQuestion: deps.onQuestion } : {}),
    }),
  );
  // Surfaced with the first question if it failed; not an unhandled rejection before then.
  agent.catch(() => {});
  return async (text, actor, locale, context) => (await agent)(text, actor, locale, context);
}
