/**
 * The model path of the plain-language layer: a langchain agent (createAgent over ChatOpenAI, so
 * any OpenAI-compatible endpoint) whose tools are the registry's reads and proposals that the
 * asking user may run. Every tool call goes through the pipeline's own runTool: the same role
 * check, zod parsing, audit and replies as a typed command. The answer is the tool's Reply plus
 * at most two sentences from the model.
 *
 * The policy lives in one middleware: at most three model calls per question; a tool the user may
 * not run or a write is refused without running; malformed arguments go back to the model once,
 * then the user gets a graceful reply; tokens are counted per question and logged without
 * content. When the model fails or times out, the offline router answers, with a note saying so.
 */
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { AIMessage, HumanMessage, ToolInvocationError, ToolMessage, createAgent, createMiddleware, tool, type BaseMessage } from 'langchain';
import type { InterpretContext, Interpretation, Interpreter, Outcome } from '../../bot/pipeline.ts';
import { errorReply } from '../../bot/pipeline.ts';
import { translator, type Locale, type Translate } from '../../core/i18n/index.ts';
import type { Reply } from '../../core/reply.ts';
import type { Actor } from '../../core/tool.ts';
import type { ToolRegistry } from '../../core/tools/registry.ts';
import { platformDirectory } from '../../core/domain/catalogue/platforms.ts';
import type { Db } from '../../persistence/db.ts';
import type { Logger } from '../../logging.ts';
import { agentMayCall, offeredTools, type OfferedTool } from './agent-tools.ts';
import { mergeOutcomes, modelSentences, withModelSentences, withNote } from './answer.ts';
import { ThreadMemory, threadKey, type Turn } from './memory.ts';
import { dataBlock } from './model-view.ts';
import { modelMaySeePii, Pseudonymizer } from './pii.ts';
import { COMMENT_PROMPT_FILE, loadSystemPrompt, SYSTEM_PROMPT_FILE } from './prompt.ts';

/** Model calls allowed per question: ask, read the tool's answer, and one correction. */
export const MAX_MODEL_CALLS = 3;

/** Tool runs allowed per question, whatever the model asks for. */
export const MAX_TOOL_RUNS = 3;

/** Key under which unparseable tool arguments travel to the policy (never to a tool). */
const MALFORMED = '__malformed_arguments__';

/** The OpenAI-compatible endpoint. */
export interface ModelEndpoint {
  apiKey: string;
  /** e.g. http://localhost:11434/v1; OpenAI's own when absent. */
  baseURL?: string;
  model: string;
}

/** What one question did and cost, without its content: logged, and handed to `onQuestion`. */
export interface QuestionStats {
  outcome: 'answered' | 'partial' | 'clarified' | 'refused' | 'denied' | 'invalid' | 'fallback';
  fallback?: 'timeout' | 'error' | 'empty';
  modelCalls: number;
  promptTokens: number;
  completionTokens: number;
  /** Tools the model called, in order, and what the pipeline said. */
  tools: Array<{ tool: string; result: 'ran' | 'denied' | 'invalid_input' | 'refused' | 'malformed' }>;
  /** Wall time of the question in the interpreter, model time included. */
  ms: number;
}

/** A tool call the model made: the arguments as it sent them, and what the pipeline accepted when it ran. */
export interface ToolAttempt {
  tool: string;
  args: unknown;
  /** The zod-parsed arguments, when the pipeline ran the tool. */
  accepted?: Record<string, unknown>;
}

/** What the agent interpreter needs. */
export interface AgentOptions {
  db: Db;
  registry: ToolRegistry;
  logger: Logger;
  endpoint: ModelEndpoint;
  /** Milliseconds the model may take for a whole question. */
  timeoutMs: number;
  /** Whether PII may reach the model unmasked for roles that may see it. */
  sendUnmaskedPii: boolean;
  /** Answers when the model cannot: the offline router. */
  fallback: Interpreter;
  /** The clock for "today" in the prompt; tests pin it. */
  now?: () => Date;
  memory?: ThreadMemory;
  /** Called after every question (the eval and the benchmark read it). */
  onQuestion?: (stats: QuestionStats, attempts: ToolAttempt[]) => void;
  /** The system prompt template; prompts/agent-system.md by default. */
  systemPromptFile?: string;
}

/** One question in flight: what the policy and the tools share through the agent's runtime context. */
class Question {
  modelCalls = 0;
  promptTokens = 0;
  completionTokens = 0;
  /** Consecutive malformed or invalid tool calls; the second one ends the question. */
  invalid = 0;
  stop = false;
  readonly runs: Array<{ tool: string; args: unknown; outcome: Outcome }> = [];
  readonly refusals: Array<{ tool: string; reason: 'write' | 'unknown' | 'limit' | 'malformed' }> = [];
  readonly trace: QuestionStats['tools'] = [];
  /** Every tool call the model made, with its arguments (placeholders restored), run or not. */
  readonly attempts: ToolAttempt[] = [];

  constructor(
    readonly context: InterpretContext,
    readonly registry: ToolRegistry,
    readonly pii: Pseudonymizer,
    readonly systemPrompt: string,
    /** The shorter prompt for the call that only comments on the tool's answer. */
    readonly commentPrompt: string,
  ) {}

  /**
   * True when tools ran and the pipeline accepted every call: what is left is the model's comment.
   * A tool's own "not found" with its did-you-mean buttons is an answer too; only arguments the
   * pipeline rejected (or a refusal) keep the tools on offer for a correction.
   */
  onlyComment(): boolean {
    return this.runs.length > 0 && this.refusals.length === 0 && this.runs.every((r) => !r.outcome.rejected);
  }

  /** Runs one tool call through the pipeline and says what happened, in words for the model. */
  async call(name: string, rawArgs: unknown): Promise<string> {
    const args = this.pii.restoreDeep(rawArgs);
    this.attempts.push({ tool: name, args });
    if (this.runs.length >= MAX_TOOL_RUNS) {
      this.refusals.push({ tool: name, reason: 'limit' });
      this.trace.push({ tool: name, result: 'refused' });
      return 'ERROR: no more tool calls for this question. Answer with what you have.';
    }
    const definition = this.registry.get(name);
    if (!definition) {
      this.refusals.push({ tool: name, reason: 'unknown' });
      this.trace.push({ tool: name, result: 'refused' });
      return `ERROR: there is no tool "${name}". Use only the tools you were given.`;
    }
    if (!agentMayCall(definition)) {
      // Never run, whoever asks: a write needs a person's button or typed command.
      this.refusals.push({ tool: name, reason: 'write' });
      this.trace.push({ tool: name, result: 'refused' });
      return `REFUSED: ${definition.command} changes data, and only a person may do that (a button or the typed command). Tell the user so in one sentence.`;
    }
    const outcome = await this.context.runTool(name, args);
    this.runs.push({ tool: name, args: outcome.args ?? args, outcome });
    if (outcome.args) (this.attempts.at(-1) as ToolAttempt).accepted = outcome.args;
    if (outcome.rejected === 'invalid_input') return this.invalidArguments(name, outcome.reply);
    this.invalid = 0;
    if (outcome.rejected === 'denied') {
      this.trace.push({ tool: name, result: 'denied' });
      return `REFUSED: this user may not run ${definition.command}. Tell them so in one sentence.`;
    }
    this.trace.push({ tool: name, result: 'ran' });
    return dataBlock(name, outcome.reply, this.pii);
  }

  /** The zod error goes back to the model once; a second bad call ends the question. */
  invalidArguments(name: string, reply: Reply | null): string {
    this.invalid += 1;
    if (this.invalid >= 2) this.stop = true;
    this.trace.push({ tool: name, result: reply ? 'invalid_input' : 'malformed' });
    if (!reply) {
      this.refusals.push({ tool: name, reason: 'malformed' });
      this.attempts.push({ tool: name, args: undefined });
    }
    const problem = reply ? [reply.summary, ...(reply.notes ?? [])].filter(Boolean).map((s) => this.pii.mask(s as string)).join(' ') : 'The arguments were not valid JSON.';
    return `ERROR: invalid arguments for ${name}. ${problem} Fix the arguments and call ${name} again.`;
  }
}

function questionOf(holder: unknown): Question {
  const question = (holder as { context?: { question?: unknown } } | undefined)?.context?.question;
  if (!(question instanceof Question)) throw new Error('agent invoked without its question context');
  return question;
}

/** The policy middleware: call limits, refusals, malformed arguments, token counts, the per-question prompt. */
const policy = createMiddleware({
  name: 'OpsAgentPolicy',
  // Middleware only sees the context keys its schema declares.
  contextSchema: z.object({ question: z.custom<Question>((value) => value instanceof Question) }),
  beforeModel: {
    canJumpTo: ['end'],
    hook: (_state, runtime) => {
      const question = questionOf(runtime);
      return question.stop || question.modelCalls >= MAX_MODEL_CALLS ? { jumpTo: 'end' } : undefined;
    },
  },
  wrapModelCall: async (request, handler) => {
    const question = questionOf(request.runtime);
    question.modelCalls += 1;
    // Once every tool has answered well, the model only comments: a short prompt and no tool
    // definitions to pay for.
    const comment = question.onlyComment();
    const message = await handler({ ...request, systemPrompt: comment ? question.commentPrompt : question.systemPrompt, ...(comment ? { tools: [] } : {}) });
    question.promptTokens += message.usage_metadata?.input_tokens ?? 0;
    question.completionTokens += message.usage_metadata?.output_tokens ?? 0;
    const invalid = message.invalid_tool_calls ?? [];
    if (invalid.length === 0) return message;
    // Unparseable JSON arguments: keep them as calls (with the same ids) that the policy answers
    // with an error, so the model hears about it like any other bad argument.
    return new AIMessage({
      ...(message.id ? { id: message.id } : {}),
      content: message.content,
      tool_calls: [
        ...(message.tool_calls ?? []),
        ...invalid.map((c, i) => ({ id: c.id ?? `malformed_${i}`, name: c.name ?? 'unknown', args: { [MALFORMED]: true }, type: 'tool_call' as const })),
      ],
      invalid_tool_calls: [],
      ...(message.usage_metadata ? { usage_metadata: message.usage_metadata } : {}),
      response_metadata: message.response_metadata,
    });
  },
  wrapToolCall: async (request, handler) => {
    const question = questionOf(request.runtime);
    const { name, args, id } = request.toolCall;
    const answer = (content: string, status: 'success' | 'error' = 'error') => new ToolMessage({ content, tool_call_id: id ?? '', name, status });
    if (args && typeof args === 'object' && MALFORMED in args) return answer(question.invalidArguments(name, null));
    if (!request.tool) return answer(await question.call(name, args));
    try {
      return await handler(request);
    } catch (error) {
      // The JSON-schema check before the tool is langchain's; the pipeline's zod schema decides.
      if (ToolInvocationError.isInstance(error)) return answer(await question.call(name, args));
      throw error;
    }
  },
});

/** The interpreter for the model path. */
export function agentInterpreter(options: AgentOptions): Interpreter {
  const { db, registry, logger, endpoint, timeoutMs, sendUnmaskedPii, fallback } = options;
  const memory = options.memory ?? new ThreadMemory();
  const systemPrompt = loadSystemPrompt(options.systemPromptFile ?? SYSTEM_PROMPT_FILE);
  const commentPrompt = loadSystemPrompt(COMMENT_PROMPT_FILE);
  const model = new ChatOpenAI({
    model: endpoint.model,
    apiKey: endpoint.apiKey,
    ...(endpoint.baseURL ? { configuration: { baseURL: endpoint.baseURL } } : {}),
    // Retries would break the three-calls budget and the timeout; the router is the retry.
    maxRetries: 0,
    timeout: timeoutMs,
  });

  // One compiled agent per set of offered tools (a handful of role combinations).
  const agents = new Map<string, ReturnType<typeof buildAgent>>();
  const agentFor = (offered: OfferedTool[]) => {
    const key = offered.map((o) => o.definition.name).join(',');
    let agent = agents.get(key);
    if (!agent) {
      agent = buildAgent(model, offered);
      agents.set(key, agent);
    }
    return agent;
  };

  return async (text, actor, locale, context) => {
    // Without the pipeline's runTool there is no safe way to run a tool: the router answers.
    if (!context) return fallback(text, actor, locale);
    const started = performance.now();
    const t = translator(locale);
    const now = options.now?.() ?? new Date();
    const pii = new Pseudonymizer(!modelMaySeePii(actor, sendUnmaskedPii));
    const platforms = (await platformDirectory.get(db)).map((p) => p.code).join(', ');
    const values = {
      language: locale === 'zh' ? 'Chinese (简体中文)' : 'English',
      today: now.toISOString().slice(0, 10),
      platforms,
      user: `${actor.name} (${actor.roles.join(', ') || 'no role'})`,
    };
    const question = new Question(context, registry, pii, systemPrompt(values), commentPrompt(values));
    const thread = threadKey(context.request, actor.ref);
    const history = memory.recent(thread);
    const messages: BaseMessage[] = [...historyMessages(history, pii), new HumanMessage(pii.mask(text))];

    let finalText: string | null = null;
    let failure: 'timeout' | 'error' | null = null;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const result = await agentFor(offeredTools(registry, actor)).invoke({ messages }, { context: { question }, signal } as never);
      const last = result.messages.at(-1);
      if (last && AIMessage.isInstance(last) && (last.tool_calls?.length ?? 0) === 0) finalText = last.text;
    } catch (error) {
      failure = signal.aborted || /timeout|timed out/i.test(String((error as Error)?.name ?? '') + String((error as Error)?.message ?? '')) ? 'timeout' : 'error';
      // Status and type only: provider error messages can quote keys or request content.
      logger.warn({ nl: 'agent', failure, errorType: (error as Error)?.name ?? typeof error, status: (error as { status?: number })?.status }, 'model call failed');
    }

    const { interpretation, stats } = await answer({ question, failure, finalText, text, actor, locale, t, context, fallback, timeoutMs, registry });
    const full: QuestionStats = {
      ...stats,
      modelCalls: question.modelCalls,
      promptTokens: question.promptTokens,
      completionTokens: question.completionTokens,
      tools: question.trace,
      ms: Math.round(performance.now() - started),
    };
    logger.info({ nl: 'agent', via: context.request.via, actor: actor.ref, ...full }, 'nl question');
    options.onQuestion?.(full, question.attempts);
    if (full.outcome !== 'fallback') memory.remember(thread, turnOf(text, question, interpretation));
    return interpretation;
  };
}

/** Compiles the agent for one set of offered tools; per-question state arrives in the runtime context. */
function buildAgent(model: ChatOpenAI, offered: OfferedTool[]) {
  const tools = offered.map((o) =>
    tool(async (args: unknown, config: unknown) => questionOf(config).call(o.definition.name, args), {
      name: o.definition.name,
      description: o.description,
      schema: o.parameters as never,
    }),
  );
  return createAgent({ model, tools, middleware: [policy] });
}

/** Earlier turns of the thread as the model saw them: the question, the tool call, a line of the answer. */
function historyMessages(turns: Turn[], pii: Pseudonymizer): BaseMessage[] {
  return turns.flatMap((turn, i) => {
    const messages: BaseMessage[] = [new HumanMessage(pii.mask(turn.question))];
    if (turn.calls.length > 0) {
      const calls = turn.calls.map((c, j) => ({ id: `earlier_${i}_${j}`, name: c.tool, args: (c.args ?? {}) as Record<string, unknown>, type: 'tool_call' as const }));
      messages.push(new AIMessage({ content: '', tool_calls: calls }));
      for (const call of calls) messages.push(new ToolMessage({ content: '(shown to the user earlier)', tool_call_id: call.id, name: call.name }));
    }
    messages.push(new AIMessage(pii.mask(turn.answer)));
    return messages;
  });
}

function turnOf(text: string, question: Question, interpretation: Interpretation | null): Turn {
  const reply = interpretation === null ? null : 'reply' in interpretation ? interpretation.reply : 'outcome' in interpretation ? interpretation.outcome.reply : null;
  const answer = [reply?.title, reply?.summary?.split('\n')[0]].filter(Boolean).join(' · ') || '(no answer)';
  return {
    question: text,
    calls: question.runs.filter((r) => !r.outcome.rejected).map((r) => ({ tool: r.tool, args: r.args })),
    answer,
    at: Date.now(),
  };
}

interface AnswerInput {
  question: Question;
  failure: 'timeout' | 'error' | null;
  finalText: string | null;
  text: string;
  actor: Actor;
  locale: Locale;
  t: Translate;
  context: InterpretContext;
  fallback: Interpreter;
  timeoutMs: number;
  registry: ToolRegistry;
}

/** The user's answer from what the agent did. */
async function answer(input: AnswerInput): Promise<{ interpretation: Interpretation; stats: Pick<QuestionStats, 'outcome' | 'fallback'> }> {
  const { question, failure, finalText, locale, t, registry } = input;
  const sentences = failure || !finalText ? null : modelSentences(question.pii.restore(finalText), locale);

  // The same call twice (a model repeating itself) is one answer.
  const seen = new Set<string>();
  const results = question.runs
    .filter((r) => !r.outcome.rejected)
    .filter((r) => {
      const key = `${r.tool} ${JSON.stringify(r.outcome.args)}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map((r) => r.outcome);
  const writes = [...new Set(question.refusals.filter((r) => r.reason === 'write').map((r) => registry.get(r.tool)?.command ?? r.tool))];
  if (results.length > 0) {
    const merged = mergeOutcomes(results);
    let reply = failure ? withNote(merged.reply, t('agent.partial')) : merged.reply;
    // A model that reached for a write after reading data may have been talked into it: its
    // words are not shown, and the user learns what it tried.
    if (writes.length > 0) reply = withNote(reply, t('agent.writeAttempted', { commands: writes.join(', ') }));
    else if (!failure) reply = withModelSentences(reply, sentences);
    return { interpretation: { outcome: { ...merged, reply } }, stats: { outcome: failure ? 'partial' : 'answered' } };
  }
  if (failure) return routerAnswer(input, failure);

  const write = question.refusals.find((r) => r.reason === 'write');
  if (write) {
    const definition = registry.get(write.tool);
    const usage = definition ? `${definition.command} ${definition.usage}`.trim() : write.tool;
    // The offline router may know the typed command; offered as a button, a person decides.
    const typed = await routerCommandFor(input, write.tool);
    const reply: Reply = {
      ...errorReply(locale, t, t('agent.writeRefused', { command: definition?.command ?? write.tool }), [t('command.usage', { usage })], typed ? [{ id: 'nl:typed', label: typed, command: typed }] : []),
      kind: 'denied',
    };
    return { interpretation: { outcome: { tool: write.tool, args: null, rejected: 'denied', reply } }, stats: { outcome: 'refused' } };
  }
  const denied = question.runs.find((r) => r.outcome.rejected === 'denied');
  if (denied) return { interpretation: { outcome: denied.outcome }, stats: { outcome: 'denied' } };

  const invalid = question.runs.filter((r) => r.outcome.rejected === 'invalid_input').at(-1);
  if (invalid) {
    const definition = registry.get(invalid.tool);
    const reply = { ...invalid.outcome.reply, summary: [t('agent.badArgs', { command: definition?.command ?? invalid.tool }), invalid.outcome.reply.summary].filter(Boolean).join('\n') };
    return { interpretation: { outcome: { ...invalid.outcome, reply } }, stats: { outcome: 'invalid' } };
  }
  const malformed = question.refusals.find((r) => r.reason === 'malformed');
  const malformedTool = malformed ? registry.get(malformed.tool) : undefined;
  if (malformedTool) {
    const reply = errorReply(locale, t, t('agent.badArgs', { command: malformedTool.command }), [
      t('command.usage', { usage: `${malformedTool.command} ${malformedTool.usage}`.trim() }),
      t('command.examples', { examples: malformedTool.examples.join(' · ') }),
    ]);
    return { interpretation: { outcome: { tool: malformedTool.name, args: null, rejected: 'invalid_input', reply } }, stats: { outcome: 'invalid' } };
  }

  // No tool ran: the model asked back or explained; its words are the answer.
  if (sentences) return { interpretation: { reply: { kind: 'result', locale, summary: sentences } }, stats: { outcome: 'clarified' } };
  return routerAnswer(input, 'empty');
}

/** The command the offline router makes of the question, when it leads to `tool`. */
async function routerCommandFor(input: AnswerInput, tool: string): Promise<string | null> {
  const routed = await input.fallback(input.text, input.actor, input.locale);
  if (!routed || !('command' in routed)) return null;
  const match = input.registry.match(routed.command.replace(/^\//, '').trim().split(/\s+/));
  return match?.tool.name === tool ? routed.command : null;
}

/** The offline router's answer, with a note that the model did not give one. */
async function routerAnswer(input: AnswerInput, reason: 'timeout' | 'error' | 'empty'): Promise<{ interpretation: Interpretation; stats: Pick<QuestionStats, 'outcome' | 'fallback'> }> {
  const { text, actor, locale, t, context, fallback, timeoutMs } = input;
  const note = reason === 'timeout'
    ? t('agent.fallbackTimeout', { seconds: Math.round(timeoutMs / 100) / 10 })
    : t(reason === 'empty' ? 'agent.fallbackEmpty' : 'agent.fallbackFailed');
  const stats = { outcome: 'fallback' as const, fallback: reason };
  const routed = await fallback(text, actor, locale, context);
  if (routed === null) {
    // Help, not a guess, exactly as the pipeline answers a question the router cannot place.
    const help = await context.runCommand('/help');
    const reply = withNote({ ...help.reply, summary: [t('nl.notUnderstood'), help.reply.summary].filter(Boolean).join('\n') }, note);
    return { interpretation: { outcome: { ...help, reply } }, stats };
  }
  if ('command' in routed) {
    const outcome = await context.runCommand(routed.command);
    return { interpretation: { outcome: { ...outcome, reply: withNote(outcome.reply, note) } }, stats };
  }
  if ('reply' in routed) return { interpretation: { reply: withNote(routed.reply, note) }, stats };
  return { interpretation: { outcome: { ...routed.outcome, reply: withNote(routed.outcome.reply, note) } }, stats };
}
