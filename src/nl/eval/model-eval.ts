/**
 * The model path's half of `npm run eval:nl`: runs every labelled question through the real
 * pipeline and agent against an OpenAI-compatible endpoint (the scripted loopback fake in tests
 * and the CLI; a real model works too), and scores the tool call the agent made the way the router
 * is scored: right tool, and exactly right arguments after the tool's own zod schema.
 *
 * `oracleAnswers` and `oracleScript` make the scripted model for the loopback fake: it answers
 * each question with the tool call its label names, as a model would send it (the tool's own
 * argument shape, personal data as placeholders). Scored with it, the figures measure the path from model to tool (schemas,
 * role filter, placeholders, the write refusal, the pipeline's parsing), not a model's judgement.
 */
import { Pipeline, type InterpretContext } from '../../bot/pipeline.ts';
import { detectLocale } from '../../core/i18n/index.ts';
import type { ChatRequest } from '../../core/reply.ts';
import { resolveActor } from '../../core/domain/team/actor-service.ts';
import { parseText } from '../../bot/command-grammar.ts';
import type { ToolRegistry } from '../../core/tools/registry.ts';
import { platformCodes } from '../../core/domain/catalogue/platforms.ts';
import { createLogger, type Logger } from '../../logging.ts';
import type { Db } from '../../persistence/db.ts';
import type { QuestionStats, ToolAttempt } from '../agent/agent.ts';
import { Pseudonymizer } from '../agent/pii.ts';
import { createInterpreter } from '../index.ts';
import { expectedCall, sameCall, sameTool, type Call, type LabelledQuestion } from './questions.ts';
import type { EvalScore } from './router-eval.ts';

/** The endpoint the agent talks to. */
export interface EvalEndpoint {
  baseURL: string;
  apiKey?: string;
  model?: string;
}

/** What the evaluation runs on. */
export interface ModelEvalOptions {
  db: Db;
  registry: ToolRegistry;
  /** The clock of the pipeline and the router ("next month" is read against it). */
  now: Date;
  endpoint: EvalEndpoint;
  /** Who asks; erin (admin) by default, so every tool is within reach. */
  handle?: string;
  timeoutMs?: number;
  /** Where the pipeline logs; silent by default. */
  logger?: Logger;
}

/** The model path's scores, with what it cost. */
export interface ModelEvalResult {
  all: EvalScore;
  tuned: EvalScore;
  heldOut: EvalScore;
  /** Questions whose label's tool is not in the registry yet; not scored. */
  unavailable: number;
  /** Questions the offline router answered because the model failed or timed out. */
  fallbacks: number;
  /** Model calls, prompt and completion tokens, per scored question on average. */
  perQuestion: { modelCalls: number; promptTokens: number; completionTokens: number };
  misses: Array<{ id: number; q: string; expected: Call; got: Call; heldOut: boolean }>;
}

/** A chat-completions request as the oracle reads it (the fake's request body). */
export interface ScriptRequest {
  messages: Array<{ role: string; content: string | Array<{ type: string; text?: string }> | null }>;
}

/** What the oracle tells the fake to answer. */
export type ScriptTurn = { content: string } | { toolCalls: Array<{ name: string; arguments: unknown }> };

const textOf = (content: ScriptRequest['messages'][number]['content']): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((p) => p.text ?? '').join('') : '';

/** Masks strings inside a JSON-like value with `pii`. */
function maskDeep(value: unknown, pii: Pseudonymizer): unknown {
  if (typeof value === 'string') return pii.mask(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, pii));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskDeep(v, pii)]));
  return value;
}

/** The oracle's first answer to each question, keyed by the question as the model sees it (masked); plain JSON. */
export type OracleAnswers = Record<string, ScriptTurn>;

/**
 * The labelled call for each question, as a model would send it: the tool's own argument shape
 * (the command grammar's reading of the label), personal data as placeholders; a question back
 * where the label is a clarification or help.
 */
export async function oracleAnswers(questions: LabelledQuestion[], db: Db, registry: ToolRegistry): Promise<OracleAnswers> {
  const codes = await platformCodes(db);
  const answers: OracleAnswers = {};
  for (const question of questions) {
    // The agent masks personal data before the model sees it; the oracle answers the masked
    // text with placeholders, the way a model would echo them.
    const pii = new Pseudonymizer(true);
    const masked = pii.mask(question.q);
    let turn: ScriptTurn = { content: /\p{Script=Han}/u.test(question.q) ? '你指的是哪一个？' : 'Which one do you mean?' };
    if (typeof question.expect === 'string' && question.expect !== 'help') {
      const parsed = parseText(question.expect, registry);
      if (parsed.kind === 'command') {
        turn = { toolCalls: [{ name: parsed.tool.name, arguments: maskDeep(parsed.tool.parseArgs(parsed.args, { platformCodes: codes }), pii) }] };
      }
    }
    answers[masked] = turn;
  }
  return answers;
}

/** The scripted model for the loopback fake: the oracle's answer, then one short sentence once a tool has answered. */
export function oracleScript(answers: OracleAnswers): (request: ScriptRequest) => ScriptTurn {
  return (request) => {
    const lastUser = request.messages.map((m) => m.role).lastIndexOf('user');
    const question = textOf(request.messages[lastUser]?.content ?? '');
    const answered = request.messages.slice(lastUser + 1).some((m) => m.role === 'tool');
    if (answered) return { content: /\p{Script=Han}/u.test(question) ? '以上是结果。' : 'Here is the answer.' };
    return answers[question] ?? { content: 'I cannot help with that.' };
  };
}

/** The call the agent made for one question, in the evaluation's comparable form. */
function agentCall(stats: QuestionStats | undefined, attempts: ToolAttempt[], expected: Call, registry: ToolRegistry): Call {
  if (!stats) return { kind: 'invalid', tool: '?', problem: 'the agent did not run' };
  if (stats.outcome === 'fallback') return { kind: 'invalid', tool: '?', problem: `model path fell back (${stats.fallback ?? 'unknown'})` };
  const ran = attempts.filter((a) => a.accepted).at(-1);
  if (ran) return { kind: 'tool', tool: ran.tool, args: ran.accepted };
  const last = attempts.at(-1);
  if (last) {
    // Not run (a write needs a person, or the pipeline refused it): score the arguments as the tool would parse them.
    const tool = registry.get(last.tool);
    const parsed = tool?.input.safeParse(last.args);
    return parsed?.success ? { kind: 'tool', tool: last.tool, args: parsed.data } : { kind: 'invalid', tool: last.tool, problem: 'arguments the tool rejects' };
  }
  // No tool: the model asked back. Its question is free text, so asking back where the label
  // asks back (or gives help) counts as right.
  if (expected.kind === 'help') return { kind: 'help' };
  return { kind: 'clarify', question: expected.kind === 'clarify' ? expected.question : 'model' };
}

/** What the model path did with one question. */
export interface AskedQuestion {
  stats: QuestionStats;
  attempts: ToolAttempt[];
}

/**
 * A function that puts one question to the model path, the way the pipeline does for free text
 * (real pipeline, real agent, the given endpoint), on a thread of its own. The router's
 * evaluation calls the router the same way, so text the command grammar would take as a command
 * ("stock of …") is scored on what the model path makes of it too. Used by the evaluation and
 * by bench/nl-agent.ts.
 */
export async function modelPathAsker(options: ModelEvalOptions): Promise<(text: string, thread: string) => Promise<AskedQuestion | undefined>> {
  const { db, registry, now, endpoint } = options;
  const logger = options.logger ?? createLogger({ level: 'silent' });
  // Filled by the interpreter's callback while it handles a question.
  const seen: AskedQuestion[] = [];
  const interpret = createInterpreter({
    db,
    registry,
    logger,
    config: {
      OPENAI_API_KEY: endpoint.apiKey ?? 'eval',
      OPENAI_BASE_URL: endpoint.baseURL,
      OPENAI_MODEL: endpoint.model ?? 'eval',
      NL_TIMEOUT_MS: options.timeoutMs ?? 30_000,
      NL_SEND_UNMASKED_PII: false,
    },
    now: () => now,
    onQuestion: (stats, attempts) => {
      seen.push({ stats, attempts });
    },
  });
  const pipeline = new Pipeline({ db, registry, logger, interpret, now: () => now });
  const handle = options.handle ?? 'erin';
  const actor = await resolveActor(db, 'console', { handle });
  return async (text, thread) => {
    seen.length = 0;
    const request: ChatRequest = { via: 'console', user: { handle }, channelId: thread, text };
    const context: InterpretContext = {
      request,
      runTool: (name, args) => pipeline.runTool(request, name, args),
      runCommand: (command) => pipeline.handle({ ...request, text: command }),
    };
    await interpret(text, actor, detectLocale(text, undefined, actor.locale), context);
    return seen.at(-1);
  };
}

/** Runs the model path over `questions` and scores it. */
export async function evaluateModelPath(questions: LabelledQuestion[], options: ModelEvalOptions): Promise<ModelEvalResult> {
  const { db, registry } = options;
  const codes = new Set(await platformCodes(db));
  const ask = await modelPathAsker(options);
  const empty = (): EvalScore => ({ total: 0, rightTool: 0, exactArgs: 0 });
  const result: ModelEvalResult = { all: empty(), tuned: empty(), heldOut: empty(), unavailable: 0, fallbacks: 0, perQuestion: { modelCalls: 0, promptTokens: 0, completionTokens: 0 }, misses: [] };
  const totals = { modelCalls: 0, promptTokens: 0, completionTokens: 0 };
  for (const question of questions) {
    const expected = expectedCall(question, registry, codes);
    if (expected === null) {
      result.unavailable += 1;
      continue;
    }
    const last = await ask(question.q, `eval-${question.id}`);
    const got = agentCall(last?.stats, last?.attempts ?? [], expected, registry);
    if (last?.stats.outcome === 'fallback') result.fallbacks += 1;
    totals.modelCalls += last?.stats.modelCalls ?? 0;
    totals.promptTokens += last?.stats.promptTokens ?? 0;
    totals.completionTokens += last?.stats.completionTokens ?? 0;
    const tool = sameTool(expected, got);
    const exact = sameCall(expected, got);
    for (const score of [result.all, question.heldOut ? result.heldOut : result.tuned]) {
      score.total += 1;
      if (tool) score.rightTool += 1;
      if (exact) score.exactArgs += 1;
    }
    if (!exact) result.misses.push({ id: question.id, q: question.q, expected, got, heldOut: question.heldOut });
  }
  const n = Math.max(1, result.all.total);
  result.perQuestion = { modelCalls: totals.modelCalls / n, promptTokens: totals.promptTokens / n, completionTokens: totals.completionTokens / n };
  return result;
}
