/**
 * What the Discord adapter does with each interaction and message. Everything runs through the
 * one pipeline as typed text; the handlers only decide how the answer goes out.
 *
 * - commands: the options become the typed command; an answer ready within `deferAfterMs` is
 *   sent at once, a slower one is deferred (type 5) and then edited in; errors and refusals
 *   only to the asker (ephemeral);
 * - buttons: a read answers beside the message; a write or proposal is applied once per person,
 *   then the message is updated (type 7, or type 6 then an edit) to show the outcome and who
 *   pressed, with the buttons disabled; a refusal goes only to the presser and changes nothing;
 * - autocomplete: SKUs and platforms, for people who may run the command;
 * - mentions and DMs: the text goes to the pipeline (commands or the NL layer), answered as a reply.
 */
import { randomUUID } from 'node:crypto';
import { DiscordAPIError, InteractionResponseType, MessageFlags } from 'discord.js';
import type { Outcome, Pipeline } from '../../bot/pipeline.ts';
import { parseText } from '../../bot/command-grammar.ts';
import { detectLocale, translator, type Translate } from '../../core/i18n/index.ts';
import type { ChatAction, ChatRequest, Reply, ReplyFile } from '../../core/reply.ts';
import { mayRun } from '../../core/tool.ts';
import { platformDirectory } from '../../core/domain/catalogue/platforms.ts';
import { findSku, skuDisplayName } from '../../core/domain/catalogue/sku-lookup.ts';
import { resolveActor } from '../../core/domain/team/actor-service.ts';
import { describeError, type Logger } from '../../logging.ts';
import type { Db } from '../../persistence/db.ts';
import type { DeliveryLedger } from '../../persistence/processed-events.ts';
import type { ButtonIds } from './button-ids.ts';
import { findSpec, typedCommand, type AutocompleteSource, type CommandSpec } from './commands.ts';
import type { Inbound, InteractionBase, Mention } from './inbound.ts';
import { cut, renderMessage, type DiscordMessage } from './render.ts';
import type { InteractionResponder } from './responder.ts';

/** Discord shows at most 25 autocomplete choices, names and values ≤ 100 characters. */
const AUTOCOMPLETE_CHOICES = 25;

/** What the handlers need. */
export interface HandlerDeps {
  pipeline: Pipeline;
  db: Db;
  logger: Logger;
  ledger: DeliveryLedger;
  buttons: ButtonIds;
  specs: readonly CommandSpec[];
  now: () => Date;
  /** An answer not ready after this many ms is deferred; 0 defers every answer. */
  deferAfterMs: number;
}

/** Where a mention's answer goes: a reply to the message, and a typing indicator meanwhile. */
export interface MentionChannel {
  reply(message: DiscordMessage): Promise<void>;
  /** A further reply carrying the answer's files (e.g. a CSV export). */
  attach(files: readonly ReplyFile[]): Promise<void>;
  typing(): Promise<void>;
}

/** The interaction kinds a handler answers (PING is answered by the transport). */
export type Answerable = Exclude<Inbound, { kind: 'ping' }>;

/** Interaction tokens and other long secrets never reach the logs, even inside error messages. */
function scrubSecrets(text: string): string {
  return text.replace(/[A-Za-z0-9_-]{40,}(\.[A-Za-z0-9_-]+)*/g, '[redacted]');
}

/** What to log about a failed Discord call: its status and Discord's code, never its URL. */
export function restFailure(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) return { status: error.status, code: error.code, error: scrubSecrets(error.message) };
  return { error: scrubSecrets(describeError(error).message) };
}

/** The Discord handlers; app.ts feeds them from the gateway and the HTTP endpoint. */
export class DiscordHandlers {
  readonly #deps: HandlerDeps;
  readonly #log: Logger;

  constructor(deps: HandlerDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'discord' });
  }

  /** Answers one interaction. Never throws: an unexpected failure is logged and the user told. */
  async interaction(inbound: Answerable, responder: InteractionResponder): Promise<void> {
    try {
      switch (inbound.kind) {
        case 'command':
          if (await this.#claim(`discord:interaction:${inbound.base.id}`)) await this.#command(inbound, responder);
          return;
        case 'button':
          if (await this.#claim(`discord:interaction:${inbound.base.id}`)) await this.#button(inbound, responder);
          return;
        case 'autocomplete':
          await this.#autocomplete(inbound, responder);
          return;
        case 'other':
          await responder.initial({ type: InteractionResponseType.ChannelMessageWithSource, data: this.#notice(inbound.base, 'discord.unsupported') });
      }
    } catch (error) {
      await this.#unexpected(error, inbound.base, responder);
    }
  }

  /** Answers a DM or a mention with a reply to the message. Never throws. */
  async mention(mention: Mention, channel: MentionChannel): Promise<void> {
    try {
      if (!(await this.#claim(`discord:message:${mention.messageId}`))) return;
      const request: ChatRequest = { via: 'discord', user: mention.user, channelId: mention.channelId, text: mention.text === '' ? '/help' : mention.text };
      const work = this.#deps.pipeline.handle(request);
      const early = await this.#settle(work);
      if (!early) await channel.typing().catch((error: unknown) => this.#failed('typing', error));
      const outcome = early ?? (await work);
      // A channel message cannot be ephemeral: errors too are a plain reply to the asker.
      await channel.reply(renderMessage(outcome.reply, { customIds: await this.#deps.buttons.encode(outcome.reply.actions ?? []) }));
      if (outcome.reply.files?.length) await channel.attach(outcome.reply.files).catch((error: unknown) => this.#failed('attach files', error));
    } catch (error) {
      this.#log.error({ err: describeError(error) }, 'could not answer a Discord message');
    }
  }

  // ───────────────────────────── commands ─────────────────────────────

  async #command(inbound: Extract<Inbound, { kind: 'command' }>, responder: InteractionResponder): Promise<void> {
    const spec = findSpec(this.#deps.specs, inbound.name, inbound.sub);
    if (!spec) {
      const name = [inbound.name, inbound.sub].filter(Boolean).join(' ');
      await responder.initial({ type: InteractionResponseType.ChannelMessageWithSource, data: this.#notice(inbound.base, 'discord.staleCommand', { name }) });
      return;
    }
    await this.#answer(responder, this.#request(inbound.base, typedCommand(spec, inbound.options)));
  }

  /** Answers with a new message: at once when ready in time, else deferred and edited in. */
  async #answer(responder: InteractionResponder, request: ChatRequest): Promise<void> {
    const work = this.#deps.pipeline.handle(request);
    const early = await this.#settle(work);
    if (early) {
      await responder.initial({ type: InteractionResponseType.ChannelMessageWithSource, data: await this.#render(early.reply) });
      await this.#attach(early.reply, responder);
      return;
    }
    await responder.initial({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    const outcome = await work;
    const message = await this.#render(outcome.reply);
    if (outcome.reply.ephemeral) {
      // A deferred answer is public; an error belongs to the asker alone, so swap it for a private one.
      await responder.deleteOriginal().catch((error: unknown) => this.#failed('delete deferred answer', error));
      await responder.followUp(message);
    } else {
      await responder.editOriginal(message);
    }
    await this.#attach(outcome.reply, responder);
  }

  /** The files an answer carries, as a follow-up with attachments (private when the answer is). */
  async #attach(reply: Reply, responder: InteractionResponder): Promise<void> {
    if (!reply.files?.length) return;
    await responder.followUpFiles(reply.files, reply.ephemeral ? MessageFlags.Ephemeral : undefined).catch((error: unknown) => this.#failed('attach files', error));
  }

  // ───────────────────────────── buttons ─────────────────────────────

  async #button(inbound: Extract<Inbound, { kind: 'button' }>, responder: InteractionResponder): Promise<void> {
    const command = await this.#deps.buttons.decode(inbound.customId);
    if (command === null) {
      await responder.initial({ type: InteractionResponseType.ChannelMessageWithSource, data: this.#notice(inbound.base, 'discord.staleButton') });
      return;
    }
    const action: ChatAction = { id: inbound.customId, label: inbound.label ?? command, command };
    const request = this.#request(inbound.base, command, action);
    const parsed = parseText(command, this.#deps.pipeline.registry);
    const changes = parsed.kind === 'command' && parsed.tool.effect !== 'read';
    // A read ("WB-500 · amazon-us") answers beside the message, which stays as it was.
    if (!changes) {
      await this.#answer(responder, request);
      return;
    }

    // A change is applied once per person: a double click, or a click replayed, is refused here.
    const key = `discord:button:${inbound.messageId}:${inbound.customId}:${inbound.base.user.platformUserId}`;
    if (!(await this.#deps.ledger.claim(key))) {
      await responder.initial({ type: InteractionResponseType.ChannelMessageWithSource, data: this.#notice(inbound.base, 'discord.alreadyPressed') });
      return;
    }
    const work = this.#deps.pipeline.handle(request);
    const early = await this.#settle(work);
    if (!early) await responder.initial({ type: InteractionResponseType.DeferredMessageUpdate });
    const outcome = early ?? (await work);
    const refused = outcome.reply.kind === 'denied' || outcome.reply.kind === 'error';
    // Nothing changed, so the button stays usable (for this person too, once they may).
    if (refused) await this.#deps.ledger.release(key);
    if (refused || outcome.reply.ephemeral) {
      const message = await this.#render({ ...outcome.reply, ephemeral: true });
      if (early) await responder.initial({ type: InteractionResponseType.ChannelMessageWithSource, data: message });
      else await responder.followUp(message);
      return;
    }
    const updated = renderMessage(outcome.reply, {
      customIds: await this.#deps.buttons.encode(outcome.reply.actions ?? []),
      pressedBy: { label: action.label, userId: inbound.base.user.platformUserId, at: this.#deps.now() },
      pressedRows: inbound.rows,
      pressedCustomId: inbound.customId,
    });
    if (early) await responder.initial({ type: InteractionResponseType.UpdateMessage, data: updated });
    else await responder.editOriginal(updated);
    await this.#attach(outcome.reply, responder);
  }

  // ───────────────────────────── autocomplete ─────────────────────────────

  async #autocomplete(inbound: Extract<Inbound, { kind: 'autocomplete' }>, responder: InteractionResponder): Promise<void> {
    const spec = findSpec(this.#deps.specs, inbound.name, inbound.sub);
    const option = spec?.options.find((o) => o.name === inbound.focused?.name);
    let choices: Array<{ name: string; value: string }> = [];
    if (spec && option?.autocomplete && inbound.focused) {
      // Suggestions are data too: only for people who may run the command.
      const actor = await resolveActor(this.#deps.db, 'discord', inbound.base.user);
      if (mayRun(spec.tool, actor)) {
        const locale = detectLocale(inbound.focused.value, inbound.base.locale, actor.locale);
        choices = await this.#suggest(option.autocomplete, inbound.focused.value.trim(), locale);
      }
    }
    await responder.initial({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
  }

  async #suggest(source: AutocompleteSource, typed: string, locale: 'en' | 'zh'): Promise<Array<{ name: string; value: string }>> {
    if (source === 'platform') {
      const needle = typed.toLowerCase();
      const platforms = await platformDirectory.get(this.#deps.db);
      return platforms
        .filter((p) => p.code.includes(needle) || p.name.toLowerCase().includes(needle))
        .slice(0, AUTOCOMPLETE_CHOICES)
        .map((p) => ({ name: cut(`${p.code} · ${p.name}`, 100), value: p.code }));
    }
    const match = await findSku(this.#deps.db, typed);
    const skus = match.kind === 'found' ? [match.sku] : match.kind === 'ambiguous' ? match.candidates : match.suggestions;
    return skus.slice(0, AUTOCOMPLETE_CHOICES).map((s) => ({ name: cut(`${s.code} · ${skuDisplayName(s, locale)}`, 100), value: s.code }));
  }

  // ───────────────────────────── shared ─────────────────────────────

  #request(base: InteractionBase, text: string, action?: ChatAction): ChatRequest {
    return {
      via: 'discord',
      user: base.user,
      channelId: base.channelId,
      text,
      ...(action ? { action } : {}),
      ...(base.locale ? { localeHint: base.locale } : {}),
    };
  }

  /** The outcome if it is ready within `deferAfterMs`, else undefined (the caller defers). */
  async #settle(work: Promise<Outcome>): Promise<Outcome | undefined> {
    if (this.#deps.deferAfterMs <= 0) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, this.#deps.deferAfterMs, undefined);
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A reply as a message, its buttons encoded; ephemeral replies get flag 64. */
  async #render(reply: Reply): Promise<DiscordMessage> {
    const message = renderMessage(reply, { customIds: await this.#deps.buttons.encode(reply.actions ?? []) });
    return reply.ephemeral ? { ...message, flags: MessageFlags.Ephemeral } : message;
  }

  /** A short ephemeral notice in the user's language. */
  #notice(base: InteractionBase, key: Parameters<Translate>[0], params?: Record<string, string>): DiscordMessage {
    const locale = detectLocale('', base.locale);
    const message = renderMessage({ kind: 'error', locale, summary: translator(locale)(key, params), ephemeral: true });
    return { ...message, flags: MessageFlags.Ephemeral };
  }

  async #claim(key: string): Promise<boolean> {
    const fresh = await this.#deps.ledger.claim(key);
    if (!fresh) this.#log.info({ key: key.split(':').slice(0, 2).join(':') }, 'repeated Discord delivery dropped');
    return fresh;
  }

  /** Logs an unexpected failure once with a reference, and tells the user (ephemerally) if we still can. */
  async #unexpected(error: unknown, base: InteractionBase, responder: InteractionResponder): Promise<void> {
    const ref = randomUUID().slice(0, 8);
    this.#log.error({ ref, ...restFailure(error) }, 'Discord interaction failed');
    const locale = detectLocale('', base.locale);
    const message = { ...renderMessage({ kind: 'error', locale, summary: translator(locale)('error.internal', { ref }), ephemeral: true }), flags: MessageFlags.Ephemeral };
    try {
      if (!responder.answered) await responder.initial({ type: InteractionResponseType.ChannelMessageWithSource, data: message });
      else await responder.followUp(message);
    } catch (again) {
      this.#failed('error notice', again);
    }
  }

  #failed(call: string, error: unknown): void {
    this.#log.warn({ call, ...restFailure(error) }, 'Discord call failed');
  }
}
