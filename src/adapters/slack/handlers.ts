/**
 * What the Slack adapter does with each kind of delivery. Every handler acknowledges first, then
 * queues the work on the backlog; the work claims the delivery in the ledger (so a retry or a
 * repeat is dropped), runs it through the one pipeline, and posts the Reply as Block Kit.
 *
 * - slash commands: answer through response_url; "working…" first when it takes a while;
 * - mentions and DMs: answer in a thread; errors only to the asker;
 * - buttons: a write is applied once per person, then the message is updated to show who pressed
 *   what; a refusal goes only to the presser and changes nothing; a read answers beside the
 *   message; a button that needs words (Reject needs a reason) asks for them in a modal first;
 * - files a reply carries are uploaded beside its answer;
 * - assistant threads: suggested prompts by role and language, a status while working, a thread
 *   title, the answer streamed (or posted and then updated) with feedback buttons.
 */
import { Assistant, type AssistantConfig, type ViewResponseAction, type webApi } from '@slack/bolt';
import type { Outcome, Pipeline } from '../../bot/pipeline.ts';
import { parseText } from '../../bot/command-grammar.ts';
import { detectLocale, translator, type Translate } from '../../core/i18n/index.ts';
import type { ChatAction, ChatRequest, Reply } from '../../core/reply.ts';
import { mayRun } from '../../core/tool.ts';
import { suggestedPrompts } from '../../core/domain/assistant/suggested-prompts.ts';
import { resolveActor } from '../../core/domain/team/actor-service.ts';
import { describeError, type Logger } from '../../logging.ts';
import type { Db } from '../../persistence/db.ts';
import type { DeliveryLedger } from '../../persistence/processed-events.ts';
import { answerProblem, askContextSchema, askView, submittedAnswer, viewSubmissionSchema, type AskContext } from './ask.ts';
import type { Backlog } from './backlog.ts';
import {
  answerRef,
  blockActionsSchema,
  commandRequest,
  decodeClick,
  isPersonMessage,
  messageEventSchema,
  messageRequest,
  slashCommandSchema,
  type BlockActionsBody,
  type Click,
  type MessageEvent,
} from './inbound.ts';
import { cut, escapeMrkdwn, renderMarkdownChunks, renderMessage, streamEndBlocks, type RenderOptions } from './render.ts';

type WebClient = webApi.WebClient;
/** What respond() accepts; Bolt's own type, kept loose here because we always pass text and blocks. */
type Respond = (message: Record<string, unknown>) => Promise<unknown>;

/** What the handlers need. */
export interface HandlerDeps {
  pipeline: Pipeline;
  db: Db;
  ledger: DeliveryLedger;
  backlog: Backlog;
  logger: Logger;
  now: () => Date;
  /** After this many ms without an answer, show that we are working (ms). */
  workingNoticeMs: number;
  /** Called after each piece of work is answered (app.ts delivers the outbox then: a request may have queued a card). */
  afterWork?: (() => void) | undefined;
}

/** Where an answer goes in Slack, for the files that come with it. */
interface Place {
  channel: string;
  threadTs?: string | undefined;
  userId: string;
}

/** A pressed button, wherever it was pressed. */
interface Press {
  action: ChatAction;
  actionId: string;
  channel: string;
  messageTs: string;
  threadTs: string | undefined;
  userId: string;
  displayName: string | undefined;
  ephemeral: boolean;
}

/** Slack's error code from a failed Web API call, if there is one. */
function slackError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** The Slack handlers; app.ts registers them on a Bolt App. */
export class SlackHandlers {
  readonly #deps: HandlerDeps;
  readonly #log: Logger;
  /** Teams whose workspace answered chat.startStream with an error: they get post-then-update. */
  readonly #noStreaming = new Set<string>();
  /** Assistant threads that already have a title (in memory: after a restart a title is set again once). */
  readonly #titled = new Set<string>();
  /** A tool that may write ran since `afterWork` was last called (only then may the outbox have news). */
  #changed = false;

  constructor(deps: HandlerDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'slack' });
  }

  /**
   * Queues work on the backlog. When it is done and a tool that may write ran, `afterWork` runs
   * (the outbox delivers what the change queued); reads add no work beside the acks.
   */
  #queue(job: () => Promise<void>): void {
    this.#deps.backlog.add(async () => {
      try {
        await job();
      } finally {
        if (this.#changed) {
          this.#changed = false;
          this.#deps.afterWork?.();
        }
      }
    });
  }

  /** The one pipeline, noting when a tool that may write ran. */
  async #handle(request: ChatRequest): Promise<Outcome> {
    const outcome = await this.#deps.pipeline.handle(request);
    const tool = outcome.tool === null ? undefined : this.#deps.pipeline.registry.get(outcome.tool);
    if (tool !== undefined && tool.effect !== 'read' && outcome.rejected === undefined) this.#changed = true;
    return outcome;
  }

  // ───────────────────────────── retries ─────────────────────────────

  /**
   * Global middleware: an Events API delivery whose event_id was seen before (a retry after a
   * timeout, or a redelivery after a restart) is dropped. Bolt has already acked it.
   */
  readonly dropRepeatedEvents = async ({ body, context, next }: { body: unknown; context: { retryNum?: number | undefined }; next: () => Promise<void> }): Promise<void> => {
    const eventId = (body as { event_id?: unknown } | null)?.event_id;
    if (typeof eventId === 'string' && !(await this.#deps.ledger.claim(`slack:event:${eventId}`))) {
      this.#log.info({ eventId, retryNum: context.retryNum ?? 0 }, 'repeated Slack event dropped');
      return;
    }
    await next();
  };

  // ───────────────────────────── slash commands ─────────────────────────────

  /** `/stock …`, `/ops …` and every other command of the registry. */
  readonly onCommand = async ({ command, ack, respond, client }: { command: unknown; ack: () => Promise<void>; respond: Respond; client: WebClient }): Promise<void> => {
    await ack();
    const parsed = slashCommandSchema.safeParse(command);
    if (!parsed.success) {
      this.#log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'slash command payload not understood');
      return;
    }
    const body = parsed.data;
    this.#queue(async () => {
      if (!(await this.#deps.ledger.claim(`slack:trigger:${body.trigger_id}`))) return;
      const request = commandRequest(body);
      const t = translator(detectLocale(request.text));
      const shown = escapeMrkdwn(cut(`${body.command} ${body.text}`.trim(), 100));
      let notice: Promise<boolean> | undefined;
      const timer = setTimeout(() => {
        notice = respond({ response_type: 'ephemeral', text: t('slack.working', { command: shown }) }).then(
          () => true,
          (error: unknown) => this.#failed('working notice', error, false),
        );
      }, this.#deps.workingNoticeMs);
      const outcome = await this.#handle(request).finally(() => clearTimeout(timer));
      // Replace the "working…" message rather than leave it above the answer.
      const replace = notice ? await notice : false;
      await respond({
        ...renderMessage(outcome.reply),
        response_type: outcome.reply.ephemeral ? 'ephemeral' : 'in_channel',
        replace_original: replace,
      }).catch((error: unknown) => this.#failed('respond', error, undefined));
      await this.#attach(client, { channel: body.channel_id, userId: body.user_id }, outcome.reply, (reply) =>
        respond({ ...renderMessage(reply), response_type: 'ephemeral', replace_original: false }).then(
          () => undefined,
          (error: unknown) => this.#failed('respond', error, undefined),
        ),
      );
    });
  };

  // ───────────────────────────── mentions and DMs ─────────────────────────────

  /** `@ops stock WB-500` in a channel: answered in a thread. */
  readonly onMention = async ({ event, client, context }: { event: unknown; client: WebClient; context: { botUserId?: string | undefined } }): Promise<void> => {
    const parsed = messageEventSchema.safeParse(event);
    if (!parsed.success || !isPersonMessage(parsed.data)) return;
    const message = parsed.data;
    this.#queue(() => this.#answerInThread(client, message, context.botUserId));
  };

  /** A direct message to the bot (outside an assistant thread): answered in a thread. */
  readonly onMessage = async ({ event, client, context }: { event: unknown; client: WebClient; context: { botUserId?: string | undefined } }): Promise<void> => {
    const parsed = messageEventSchema.safeParse(event);
    if (!parsed.success || parsed.data.channel_type !== 'im' || !isPersonMessage(parsed.data)) return;
    const message = parsed.data;
    this.#queue(() => this.#answerInThread(client, message, context.botUserId));
  };

  async #answerInThread(client: WebClient, event: MessageEvent, botUserId: string | undefined): Promise<void> {
    const request = messageRequest(event, botUserId);
    const threadTs = event.thread_ts ?? event.ts;
    const t = translator(detectLocale(request.text));
    let placeholder: Promise<string | undefined> | undefined;
    const timer = setTimeout(() => {
      placeholder = client.chat
        .postMessage({ channel: event.channel, thread_ts: threadTs, text: t('slack.working', { command: escapeMrkdwn(cut(request.text, 100)) }) })
        .then((r) => r.ts, (error: unknown) => this.#failed('working notice', error, undefined));
    }, this.#deps.workingNoticeMs);
    const outcome = await this.#handle(request).finally(() => clearTimeout(timer));
    const placeholderTs = placeholder ? await placeholder : undefined;
    const message = renderMessage(outcome.reply);
    try {
      if (placeholderTs) {
        await client.chat.update({ channel: event.channel, ts: placeholderTs, ...message });
      } else if (outcome.reply.ephemeral && event.channel_type !== 'im') {
        // Errors and refusals go to the asker only; a DM is private already.
        await client.chat.postEphemeral({ channel: event.channel, user: event.user, thread_ts: threadTs, ...message });
      } else {
        await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...message });
      }
    } catch (error) {
      this.#failed('answer in thread', error, undefined);
    }
    const place = { channel: event.channel, threadTs, userId: event.user };
    await this.#attach(client, place, outcome.reply, (reply) => this.#ephemeral(client, undefined, place, reply));
  }

  // ───────────────────────────── buttons ─────────────────────────────

  /** A click on one of our buttons (or on the feedback buttons). */
  readonly onClick = async ({ body, ack, client, respond }: { body: unknown; ack: () => Promise<void>; client: WebClient; respond?: Respond | undefined }): Promise<void> => {
    await ack();
    const parsed = blockActionsSchema.safeParse(body);
    if (!parsed.success) {
      this.#log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'button payload not understood');
      return;
    }
    const payload = parsed.data;
    const click = decodeClick(payload);
    if (click.kind === 'button' && click.action.ask) {
      if (await this.#deps.ledger.claim(`slack:trigger:${payload.trigger_id}`)) await this.#askFirst(payload, click, client, respond);
      return;
    }
    this.#queue(async () => {
      if (!(await this.#deps.ledger.claim(`slack:trigger:${payload.trigger_id}`))) return;
      await this.#click(payload, click, client, respond);
    });
  };

  async #click(payload: BlockActionsBody, click: Click, client: WebClient, respond: Respond | undefined): Promise<void> {
    const channel = payload.container?.channel_id ?? payload.channel?.id;
    const messageTs = payload.container?.message_ts ?? payload.message?.ts;
    const threadTs = payload.container?.thread_ts ?? payload.message?.thread_ts;
    const userId = payload.user.id;
    const tell = (reply: Reply) => this.#ephemeral(client, respond, { channel, userId, threadTs }, reply);

    if (click.kind === 'foreign' || channel === undefined || messageTs === undefined) {
      const t = translator('en');
      await tell({ kind: 'error', locale: 'en', summary: t('slack.staleButton'), ephemeral: true });
      return;
    }
    if (click.kind === 'feedback') {
      const outcome = await this.#handle({ via: 'slack', user: { platformUserId: userId }, channelId: channel, text: click.command, action: { id: 'feedback', label: 'feedback', command: click.command } });
      await tell(outcome.reply);
      return;
    }
    const press: Press = {
      action: click.action,
      actionId: click.actionId,
      channel,
      messageTs,
      threadTs,
      userId,
      displayName: payload.user.name,
      ephemeral: payload.container?.is_ephemeral === true,
    };
    await this.#press(press, click.action.command, client, respond);
  }

  /**
   * Runs a pressed button's command (`text`: the command, with the presser's answer when the
   * button asked for one). A change is applied once per person, then the message shows the
   * outcome and who pressed, its buttons gone; a refusal goes to the presser only and changes
   * nothing; a read answers beside the message.
   */
  async #press(press: Press, text: string, client: WebClient, respond: Respond | undefined): Promise<void> {
    const { channel, messageTs, threadTs, userId } = press;
    const action: ChatAction = { ...press.action, command: text };
    const tell = (reply: Reply) => this.#ephemeral(client, respond, { channel, userId, threadTs }, reply);
    const parsedCommand = parseText(text, this.#deps.pipeline.registry);
    // Buttons that change data are applied once per person: a double click or a replay is refused
    // here. Another person's press goes on to the tool, whose rules (e.g. "already decided",
    // or a second approver) say what it may do.
    const changes = parsedCommand.kind === 'command' && parsedCommand.tool.effect !== 'read';
    const buttonKey = `slack:button:${channel}:${messageTs}:${press.actionId}:${userId}`;
    if (changes && !(await this.#deps.ledger.claim(buttonKey))) {
      const t = translator(detectLocale(text));
      await tell({ kind: 'error', locale: 'en', summary: t('slack.alreadyHandled'), ephemeral: true });
      return;
    }

    const user = { platformUserId: userId, ...(press.displayName ? { displayName: press.displayName } : {}) };
    const outcome = await this.#handle({ via: 'slack', user, channelId: channel, text, action });
    if (outcome.reply.kind === 'denied' || outcome.reply.kind === 'error') {
      // Nothing changed, so the button stays usable for someone who may press it.
      if (changes) await this.#deps.ledger.release(buttonKey);
      await tell(outcome.reply);
      return;
    }

    const place = { channel, threadTs, userId };
    if (changes) {
      // The pressed buttons give way to what the outcome offers next (none once a request is decided).
      const message = renderMessage(outcome.reply, { pressedBy: { label: press.action.label, userId, at: this.#deps.now() } });
      await this.#updateClicked(client, respond, { channel, messageTs, ephemeral: press.ephemeral }, message);
      await this.#attach(client, place, outcome.reply, tell);
      return;
    }
    // A read (e.g. "WB-500 · amazon-us"): answer beside the message, which stays as it was.
    await this.#post(client, respond, place, outcome);
    await this.#attach(client, place, outcome.reply, tell);
  }

  /**
   * A button that asks for words first (Reject asks why): opens a modal on the click's
   * trigger_id, at once, since Slack lets it open only within three seconds of the click. A
   * person who may not run the button's command is refused by the pipeline instead, as any click.
   */
  async #askFirst(payload: BlockActionsBody, click: Extract<Click, { kind: 'button' }>, client: WebClient, respond: Respond | undefined): Promise<void> {
    const channel = payload.container?.channel_id ?? payload.channel?.id;
    const messageTs = payload.container?.message_ts ?? payload.message?.ts;
    const { action } = click;
    if (!action.ask || channel === undefined || messageTs === undefined) {
      this.#queue(() => this.#click(payload, click, client, respond));
      return;
    }
    const parsed = parseText(action.command, this.#deps.pipeline.registry);
    const actor = await resolveActor(this.#deps.db, 'slack', { platformUserId: payload.user.id });
    if (parsed.kind !== 'command' || !mayRun(parsed.tool, actor)) {
      this.#queue(() => this.#click(payload, click, client, respond));
      return;
    }
    const context: AskContext = {
      action: { id: action.id, actionId: click.actionId, label: action.label, command: action.command },
      ask: { ...(action.ask.minLength !== undefined ? { minLength: action.ask.minLength } : {}), ...(action.ask.maxLength !== undefined ? { maxLength: action.ask.maxLength } : {}) },
      channel,
      messageTs,
      ...(payload.container?.thread_ts ?? payload.message?.thread_ts ? { threadTs: payload.container?.thread_ts ?? payload.message?.thread_ts } : {}),
      ephemeral: payload.container?.is_ephemeral === true,
    };
    const t = translator(detectLocale(action.label, actor.locale));
    try {
      await client.views.open({ trigger_id: payload.trigger_id, view: askView({ ...action, ask: action.ask }, context, t) });
    } catch (error) {
      // No modal (e.g. the trigger expired): run it as it is; the tool says what is missing and how to type it.
      this.#failed('views.open', error, undefined);
      this.#queue(() => this.#click(payload, click, client, respond));
    }
  }

  /** The modal of a button that asked for words was submitted: run the button with them. */
  readonly onAskSubmit = async ({ ack, body, client }: { ack: (response?: ViewResponseAction) => Promise<void>; body: unknown; client: WebClient }): Promise<void> => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const context = parsed.success ? askContextSchema.safeParse(safeJson(parsed.data.view.private_metadata)) : undefined;
    if (!parsed.success || !context?.success) {
      await ack();
      this.#log.warn('modal submission not understood');
      return;
    }
    const submission = parsed.data;
    const answer = submittedAnswer(submission.view.state.values);
    const problem = answerProblem(answer, context.data.ask, translator(detectLocale(answer)));
    if (problem) {
      // Shown under the input; the modal stays open and nothing runs.
      await ack({ response_action: 'errors', errors: problem });
      return;
    }
    await ack();
    const c = context.data;
    this.#queue(async () => {
      if (!(await this.#deps.ledger.claim(`slack:view:${submission.view.id}`))) return;
      const press: Press = {
        action: { id: c.action.id, label: c.action.label, command: c.action.command },
        actionId: c.action.actionId,
        channel: c.channel,
        messageTs: c.messageTs,
        threadTs: c.threadTs,
        userId: submission.user.id,
        displayName: submission.user.name,
        ephemeral: c.ephemeral,
      };
      await this.#press(press, `${c.action.command} ${answer}`, client, undefined);
    });
  };

  /** Shows the outcome in place of the pressed message, buttons removed. */
  async #updateClicked(client: WebClient, respond: Respond | undefined, where: { channel: string; messageTs: string; ephemeral: boolean }, message: ReturnType<typeof renderMessage>): Promise<void> {
    if (!where.ephemeral) {
      try {
        await client.chat.update({ channel: where.channel, ts: where.messageTs, ...message });
        return;
      } catch (error) {
        // e.g. a message posted through response_url that the bot may not edit: fall back below.
        this.#failed('chat.update', error, undefined);
      }
    }
    await respond?.({ ...message, replace_original: true }).catch((error: unknown) => this.#failed('respond', error, undefined));
  }

  async #post(client: WebClient, respond: Respond | undefined, where: { channel: string; threadTs: string | undefined; userId: string }, outcome: Outcome): Promise<void> {
    if (outcome.reply.ephemeral) {
      await this.#ephemeral(client, respond, where, outcome.reply);
      return;
    }
    const message = renderMessage(outcome.reply);
    try {
      if (where.threadTs || !respond) await client.chat.postMessage({ channel: where.channel, ...(where.threadTs ? { thread_ts: where.threadTs } : {}), ...message });
      else await respond({ ...message, response_type: 'in_channel', replace_original: false });
    } catch (error) {
      this.#failed('post answer', error, undefined);
    }
  }

  /** A reply only `userId` sees, where they clicked. */
  async #ephemeral(client: WebClient, respond: Respond | undefined, where: { channel: string | undefined; userId: string; threadTs: string | undefined }, reply: Reply): Promise<void> {
    const message = renderMessage(reply);
    try {
      if (where.channel) {
        await client.chat.postEphemeral({ channel: where.channel, user: where.userId, ...(where.threadTs ? { thread_ts: where.threadTs } : {}), ...message });
        return;
      }
    } catch (error) {
      this.#failed('chat.postEphemeral', error, undefined);
    }
    await respond?.({ ...message, response_type: 'ephemeral', replace_original: false }).catch((error: unknown) => this.#failed('respond', error, undefined));
  }

  // ───────────────────────────── assistant threads ─────────────────────────────

  /** Bolt's Assistant for the AI-app side panel and assistant threads. */
  assistant(): Assistant {
    const config: AssistantConfig = {
      threadStarted: async ({ event, say, setSuggestedPrompts }) => {
        const userId = event.assistant_thread.user_id;
        const { pipeline, db } = this.#deps;
        const actor = await resolveActor(db, 'slack', { platformUserId: userId });
        const t = translator(detectLocale('', actor.locale));
        const prompts = suggestedPrompts(pipeline.registry, actor, t);
        const greeting = actor.memberId === null
          ? t('assistant.greetingUnknown')
          : t('assistant.greeting', { name: actor.name, example: prompts.find((p) => p.message !== '/help')?.message ?? '/help' });
        try {
          await say(greeting);
          if (prompts.length > 0) await setSuggestedPrompts({ title: t('assistant.promptsTitle'), prompts });
        } catch (error) {
          this.#failed('assistant greeting', error, undefined);
        }
      },
      userMessage: async ({ message, client, context, setStatus, setTitle }) => {
        const parsed = messageEventSchema.safeParse(message);
        if (!parsed.success || !isPersonMessage(parsed.data) || parsed.data.thread_ts === undefined) return;
        const event = parsed.data as MessageEvent & { thread_ts: string };
        this.#queue(() =>
          this.#answerInAssistantThread(client, event, { teamId: context.teamId, botUserId: context.botUserId, setStatus, setTitle }),
        );
      },
    };
    return new Assistant(config);
  }

  async #answerInAssistantThread(
    client: WebClient,
    event: MessageEvent & { thread_ts: string },
    tools: { teamId: string | undefined; botUserId: string | undefined; setStatus: (status: string) => Promise<unknown>; setTitle: (title: string) => Promise<unknown> },
  ): Promise<void> {
    const request: ChatRequest = messageRequest(event, tools.botUserId);
    const t = translator(detectLocale(request.text));
    const threadKey = `${event.channel}:${event.thread_ts}`;
    if (!this.#titled.has(threadKey)) {
      if (this.#titled.size > 10_000) this.#titled.clear();
      this.#titled.add(threadKey);
      await tools.setTitle(cut(request.text, 60)).catch((error: unknown) => this.#failed('assistant.threads.setTitle', error, undefined));
    }
    await tools.setStatus(this.#status(request.text, t)).catch((error: unknown) => this.#failed('assistant.threads.setStatus', error, undefined));

    const teamKey = tools.teamId ?? 'unknown';
    const streaming = !this.#noStreaming.has(teamKey);
    // Where the workspace cannot stream, post at once and update it with the answer.
    const placeholder = streaming
      ? undefined
      : await client.chat
          .postMessage({ channel: event.channel, thread_ts: event.thread_ts, text: t('slack.working', { command: escapeMrkdwn(cut(request.text, 100)) }) })
          .then((r) => r.ts, (error: unknown) => this.#failed('placeholder', error, undefined));

    const outcome = await this.#handle(request);
    const ref = answerRef(event.channel, event.ts);
    const tool = outcome.tool ? ` tool=${outcome.tool}` : '';
    const options: RenderOptions = { feedback: { useful: `/rate useful ${ref}${tool}`, notUseful: `/rate not-useful ${ref}${tool}` } };

    const place = { channel: event.channel, threadTs: event.thread_ts, userId: event.user };
    const attach = () => this.#attach(client, place, outcome.reply, (reply) => this.#ephemeral(client, undefined, place, reply));
    if (streaming && (await this.#stream(client, event, tools.teamId, outcome.reply, options))) {
      await attach();
      return;
    }
    const message = renderMessage(outcome.reply, options);
    try {
      if (placeholder) await client.chat.update({ channel: event.channel, ts: placeholder, ...message });
      else await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts, ...message });
    } catch (error) {
      this.#failed('assistant answer', error, undefined);
    }
    await attach();
  }

  /**
   * Streams the answer with chat.startStream / appendStream / stopStream, one part at a time,
   * ending with the buttons and feedback as blocks. False when the workspace cannot stream (it
   * is then remembered, and later answers are posted and updated instead).
   */
  async #stream(client: WebClient, event: MessageEvent & { thread_ts: string }, teamId: string | undefined, reply: Reply, options: RenderOptions): Promise<boolean> {
    const streamer = client.chatStream({
      channel: event.channel,
      thread_ts: event.thread_ts,
      ...(teamId ? { recipient_team_id: teamId } : {}),
      recipient_user_id: event.user,
      // Flush every part as it comes rather than buffering 256 characters.
      buffer_size: 1,
    });
    const [first, ...rest] = renderMarkdownChunks(reply);
    try {
      await streamer.append({ markdown_text: first ?? '…' });
    } catch (error) {
      this.#noStreaming.add(teamId ?? 'unknown');
      this.#log.info({ error: slackError(error) ?? describeError(error).message }, 'streaming not available in this workspace; posting instead');
      return false;
    }
    try {
      for (const chunk of rest) await streamer.append({ markdown_text: chunk });
      await streamer.stop({ blocks: streamEndBlocks(reply, options) });
    } catch (error) {
      // Started but not finished: what was streamed stays; say so in the logs.
      this.#failed('stream', error, undefined);
    }
    return true;
  }

  #status(text: string, t: Translate): string {
    const parsed = parseText(text, this.#deps.pipeline.registry);
    return parsed.kind === 'command' ? t('slack.statusTool', { command: parsed.tool.command }) : t('slack.statusThinking');
  }

  /**
   * Uploads the reply's files (e.g. a CSV export) where its answer was shown: files.getUploadURLExternal,
   * the upload, then files.completeUploadExternal into the channel or thread. Never beside a
   * private answer in a shared channel: the asker is told instead, as when the upload fails.
   */
  async #attach(client: WebClient, place: Place, reply: Reply, tell: (reply: Reply) => Promise<void>): Promise<void> {
    const files = reply.files ?? [];
    if (files.length === 0) return;
    const t = translator(reply.locale);
    const names = files.map((f) => f.filename).join(', ');
    // D… is a DM: private already.
    if (reply.ephemeral && !place.channel.startsWith('D')) {
      await tell({ kind: 'error', locale: reply.locale, summary: t('slack.fileNotPosted', { file: names, error: 'private answer' }), ephemeral: true });
      return;
    }
    try {
      await client.filesUploadV2({
        channel_id: place.channel,
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
        file_uploads: files.map((f) => ({ file: Buffer.from(f.content, 'utf8'), filename: f.filename, title: f.filename })),
      });
    } catch (error) {
      const code = this.#failed('files upload', error, slackError(error) ?? 'upload failed');
      await tell({ kind: 'error', locale: reply.locale, summary: t('slack.fileNotPosted', { file: names, error: code }), ephemeral: true });
    }
  }

  /** Logs a failed Slack call once, with Slack's error code; returns `fallback`. */
  #failed<T>(what: string, error: unknown, fallback: T): T {
    this.#log.warn({ call: what, error: slackError(error) ?? describeError(error).message }, 'Slack call failed');
    return fallback;
  }
}

/** JSON.parse that answers undefined instead of throwing (the payload is then refused by its schema). */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
