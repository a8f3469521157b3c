/**
 * The platform-neutral pipeline every request goes through, whatever the adapter:
 * check input → who is asking → which tool → may they → parse with zod → run → audit.
 * Expected errors (ToolError) and unexpected ones are each handled here, and only here.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ToolError } from '../core/errors.ts';
import { detectLocale, translator, type Locale, type Translate } from '../core/i18n/index.ts';
import type { ChatRequest, Reply } from '../core/reply.ts';
import { mayRun, type Actor, type AuditEntry, type ToolContext, type ToolDefinition } from '../core/tool.ts';
import type { ToolRegistry } from '../core/tools/registry.ts';
import { platformCodes } from '../core/domain/catalogue/platforms.ts';
import { resolveActor } from '../core/domain/team/actor-service.ts';
import { writeAudit } from '../core/domain/audit/audit-writer.ts';
import type { Db } from '../persistence/db.ts';
import { describeError, type Logger } from '../logging.ts';
import { parseText } from './command-grammar.ts';

/** Longest accepted message, in characters. */
export const MAX_INPUT_CHARS = 4000;

/** What the pipeline did with a request: the reply, and the tool and arguments when one ran. */
export interface Outcome {
  tool: string | null;
  args: Record<string, unknown> | null;
  reply: Reply;
  /** Set when the pipeline's own checks stopped the tool before it ran: not allowed, or arguments its schema rejects. */
  rejected?: 'denied' | 'invalid_input';
}

/**
 * What the NL layer made of free text: a command to run, a reply of its own (a clarifying
 * question), or the outcome of the tools it already ran through this pipeline (the agent).
 */
export type Interpretation = { command: string } | { reply: Reply } | { outcome: Outcome };

/** What an interpreter may use for the request at hand: where it came from, and this pipeline's checks to run tools with. */
export interface InterpretContext {
  request: ChatRequest;
  /** Runs a tool by name with an arguments object: the same role check, zod parsing, audit and replies as a typed command. */
  runTool(name: string, args: unknown): Promise<Outcome>;
  /** Runs a typed command ("/stock WB-500") as if the user had typed it. */
  runCommand(command: string): Promise<Outcome>;
}

/** A free-text interpreter (the NL layer); null when it cannot place the question. */
export type Interpreter = (text: string, actor: Actor, locale: Locale, context?: InterpretContext) => Promise<Interpretation | null>;

/** What the pipeline needs. */
export interface PipelineDeps {
  db: Db;
  registry: ToolRegistry;
  logger: Logger;
  /** The clock; tests pin it. */
  now?: () => Date;
  interpret?: Interpreter;
}

// Control characters other than tab and newlines mean the text is not something a person typed.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The pipeline. One instance serves every adapter of the process. */
export class Pipeline {
  readonly #deps: PipelineDeps;

  constructor(deps: PipelineDeps) {
    this.#deps = deps;
  }

  get registry(): ToolRegistry {
    return this.#deps.registry;
  }

  /** Handles one typed message or button press. Never throws. */
  async handle(request: ChatRequest): Promise<Outcome> {
    const { db, registry } = this.#deps;
    let locale: Locale = detectLocale(request.text, request.localeHint);
    let t = translator(locale);
    try {
      const actor = await resolveActor(db, request.via, request.user);
      locale = detectLocale(request.text, request.localeHint, actor.locale);
      t = translator(locale);

      const problem = checkText(request.text, locale, t);
      if (problem) return noTool(problem);

      const parsed = parseText(request.text, registry);
      if (parsed.kind === 'unknown-command') {
        if (parsed.name === '') return noTool(errorReply(locale, t, t('input.empty')));
        return noTool(errorReply(locale, t, t('command.unknown', { name: parsed.name }), [
          parsed.suggestion ? t('command.didYouMean', { suggestion: parsed.suggestion }) : t('command.seeHelp'),
        ]));
      }
      if (parsed.kind === 'free-text') {
        const interpreted = await this.#interpret(request, actor, locale, t, parsed.text);
        if (interpreted) return interpreted;
        // Help, not a guess: what this user can run, introduced by why they are seeing it.
        const help = await this.#dispatch(request, actor, locale, t, '/help');
        const lead = this.#deps.interpret ? t('nl.notUnderstood') : t('command.freeText');
        return { ...help, reply: { ...help.reply, summary: [lead, help.reply.summary].filter(Boolean).join('\n') } };
      }
      const outcome = await this.#run(request, actor, locale, t, parsed.tool, parsed.args);
      // "stock WB-500" without the slash is a command; "stock of BT-100 on amazon us?" is a question
      // that happens to start with a command word. When the command reading fails (tools write
      // nothing on bad input), read it as a question; take that reading only if it ran the same
      // tool successfully, else the command's own error says best what was wrong.
      if (!parsed.slash && outcome.rejected !== 'denied' && outcome.reply.kind === 'error') {
        const question = await this.#interpret(request, actor, locale, t, request.text.trim());
        if (question && question.tool === parsed.tool.name && question.reply.kind !== 'error') return question;
      }
      return outcome;
    } catch (error) {
      return noTool(this.#unexpected(error, locale, t, { via: request.via }));
    }
  }

  /**
   * Runs one tool by name with an arguments object instead of command words (Discord's typed
   * options; the NL agent's tool calls): the same checks, parsing, audit and replies. Never throws.
   */
  async runTool(request: ChatRequest, name: string, args: unknown): Promise<Outcome> {
    let locale: Locale = detectLocale(request.text, request.localeHint);
    let t = translator(locale);
    try {
      const actor = await resolveActor(this.#deps.db, request.via, request.user);
      locale = detectLocale(request.text, request.localeHint, actor.locale);
      t = translator(locale);
      return await this.#runNamed(request, actor, locale, t, name, args);
    } catch (error) {
      return noTool(this.#unexpected(error, locale, t, { via: request.via }));
    }
  }

  /** What the NL layer makes of free text, as an outcome; null when there is no NL layer or it can't place the text. */
  async #interpret(request: ChatRequest, actor: Actor, locale: Locale, t: Translate, text: string): Promise<Outcome | null> {
    if (!this.#deps.interpret) return null;
    const context: InterpretContext = {
      request,
      runTool: (name, args) => this.#runNamed(request, actor, locale, t, name, args),
      runCommand: (command) => this.#dispatch(request, actor, locale, t, command),
    };
    const interpretation = await this.#deps.interpret(text, actor, locale, context);
    if (interpretation === null) return null;
    if ('reply' in interpretation) return noTool(interpretation.reply);
    if ('outcome' in interpretation) return interpretation.outcome;
    return await this.#dispatch(request, actor, locale, t, interpretation.command);
  }

  async #runNamed(request: ChatRequest, actor: Actor, locale: Locale, t: Translate, name: string, args: unknown): Promise<Outcome> {
    const tool = this.#deps.registry.get(name);
    if (!tool) return noTool(errorReply(locale, t, t('command.unknown', { name }), [t('command.seeHelp')]));
    return this.#execute(request, actor, locale, t, tool, () => args);
  }

  async #dispatch(request: ChatRequest, actor: Actor, locale: Locale, t: Translate, command: string): Promise<Outcome> {
    const parsed = parseText(command, this.#deps.registry);
    if (parsed.kind !== 'command') return noTool(errorReply(locale, t, t('command.freeText')));
    return this.#run(request, actor, locale, t, parsed.tool, parsed.args);
  }

  async #run(request: ChatRequest, actor: Actor, locale: Locale, t: Translate, tool: ToolDefinition, words: string[]): Promise<Outcome> {
    const { db } = this.#deps;
    return this.#execute(request, actor, locale, t, tool, async () => tool.parseArgs(words, { platformCodes: await platformCodes(db) }));
  }

  /** The steps every tool run shares, whatever the arguments came from: may they → zod → run → audit. */
  async #execute(request: ChatRequest, actor: Actor, locale: Locale, t: Translate, tool: ToolDefinition, candidateArgs: () => unknown): Promise<Outcome> {
    const { db, registry, logger } = this.#deps;
    const now = this.#deps.now?.() ?? new Date();
    const started = performance.now();

    if (!mayRun(tool, actor)) {
      logger.info({ tool: tool.name, actor: actor.ref, via: request.via, outcome: 'denied' }, 'tool refused');
      const message = actor.memberId === null
        ? t('auth.unknownUser')
        : t('auth.denied', {
            command: tool.command,
            needed: tool.roles === 'anyone' ? '' : tool.roles.join(' / '),
            yours: actor.roles.join(', ') || t('roles.none'),
          });
      return { tool: tool.name, args: null, rejected: 'denied', reply: { ...errorReply(locale, t, message, actor.memberId === null ? [] : [t('auth.deniedHint')]), kind: 'denied' } };
    }

    const candidate = await candidateArgs();
    const parsed = tool.input.safeParse(candidate, locale === 'zh' ? { error: zhError } : undefined);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => formatIssue(issue)).join('; ');
      return {
        tool: tool.name,
        args: null,
        rejected: 'invalid_input',
        reply: errorReply(locale, t, t('input.invalid', { command: tool.command, problems }), [
          t('command.usage', { usage: `${tool.command} ${tool.usage}`.trim() }),
          t('command.examples', { examples: tool.examples.join(' · ') }),
        ]),
      };
    }
    const args = parsed.data as Record<string, unknown>;

    let audits = 0;
    const audit = async (entry: AuditEntry) => {
      await writeAudit(db, actor.ref, request.via, now, entry);
      audits += 1;
    };
    const ctx: ToolContext = {
      db,
      actor,
      locale,
      t,
      now,
      via: request.via,
      registry,
      audit,
      transaction: (fn, options) =>
        db.$transaction(
          async (tx) =>
            fn(tx, async (entry) => {
              await writeAudit(tx, actor.ref, request.via, now, entry);
              audits += 1;
            }),
          options?.timeoutMs ? { timeout: options.timeoutMs, maxWait: 30_000 } : undefined,
        ),
    };

    try {
      const reply = await tool.run(ctx, args);
      if (tool.effect === 'write' && audits === 0) {
        // A write without its audit trail is a bug in the tool; say so loudly in the logs.
        logger.error({ tool: tool.name }, 'write tool finished without writing an AuditEvent');
      }
      logger.info({ tool: tool.name, actor: actor.ref, via: request.via, outcome: 'ok', ms: Math.round(performance.now() - started) }, 'tool ran');
      return { tool: tool.name, args, reply };
    } catch (error) {
      if (error instanceof ToolError) {
        logger.info({ tool: tool.name, actor: actor.ref, via: request.via, outcome: error.code }, 'tool declined');
        return {
          tool: tool.name,
          args,
          reply: { ...errorReply(locale, t, error.message, error.details.hints ?? [], error.details.actions ?? []), kind: error.code === 'forbidden' ? 'denied' : 'error' },
        };
      }
      return { tool: tool.name, args, reply: this.#unexpected(error, locale, t, { tool: tool.name, via: request.via }) };
    }
  }

  /** Logs an unexpected error once, with a reference the user can quote, and answers generically. */
  #unexpected(error: unknown, locale: Locale, t: Translate, context: Record<string, unknown>): Reply {
    const ref = randomUUID().slice(0, 8);
    this.#deps.logger.error({ ref, ...context, err: describeError(error) }, 'unexpected error');
    return errorReply(locale, t, t('error.internal', { ref }));
  }
}

function noTool(reply: Reply): Outcome {
  return { tool: null, args: null, reply };
}

/** An ephemeral error reply with hints and optional buttons. */
export function errorReply(locale: Locale, t: Translate, message: string, hints: string[] = [], actions: Reply['actions'] = []): Reply {
  return {
    kind: 'error',
    locale,
    title: t('error.title'),
    summary: message,
    ...(hints.length > 0 ? { notes: hints } : {}),
    ...(actions && actions.length > 0 ? { actions } : {}),
    ephemeral: true,
  };
}

function checkText(text: string, locale: Locale, t: Translate): Reply | null {
  if (text.length > MAX_INPUT_CHARS) {
    return errorReply(locale, t, t('input.tooLong', { length: text.length, max: MAX_INPUT_CHARS }));
  }
  if (text.trim().length === 0) return errorReply(locale, t, t('input.empty'));
  if (CONTROL.test(text)) return errorReply(locale, t, t('input.garbled'));
  return null;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.message;
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

const zhError = z.locales.zhCN().localeError;
