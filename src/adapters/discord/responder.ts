/**
 * How an interaction is answered. The first response (within Discord's 3 s) goes out one way
 * over the gateway (POST /interactions/{id}/{token}/callback) and another over HTTP (the body of
 * Discord's own request); everything after it (editing the deferred answer, ephemeral
 * follow-ups) goes through the interaction's webhook on Discord REST in both cases. Webhook and
 * callback calls are authorised by the interaction token alone, so they carry no bot token.
 */
import { InteractionResponseType, Routes, type APICommandAutocompleteInteractionResponseCallbackData, type REST } from 'discord.js';
import type { ReplyFile } from '../../core/reply.ts';
import type { DiscordMessage } from './render.ts';

/** Discord takes at most ten attachments per message. */
export const MAX_ATTACHMENTS = 10;

/** A message carrying `files` (sent multipart: payload_json and files[n]), for discord.js REST. */
export function withFiles(files: readonly ReplyFile[], body: Record<string, unknown>): { body: Record<string, unknown>; files: Array<{ name: string; data: Buffer; contentType: string }> } {
  const shown = files.slice(0, MAX_ATTACHMENTS);
  return {
    body: { ...body, attachments: shown.map((f, i) => ({ id: i, filename: f.filename })) },
    files: shown.map((f) => ({ name: f.filename, data: Buffer.from(f.content, 'utf8'), contentType: f.mimeType })),
  };
}

/** The first response to an interaction. */
export type InitialResponse =
  | { type: InteractionResponseType.Pong }
  | { type: InteractionResponseType.ChannelMessageWithSource | InteractionResponseType.UpdateMessage; data: DiscordMessage }
  | { type: InteractionResponseType.DeferredChannelMessageWithSource; data?: { flags?: number } }
  | { type: InteractionResponseType.DeferredMessageUpdate }
  | { type: InteractionResponseType.ApplicationCommandAutocompleteResult; data: APICommandAutocompleteInteractionResponseCallbackData };

/** Sends the first response; the gateway and the HTTP endpoint each provide one. */
export type SendInitial = (body: InitialResponse) => Promise<void>;

/** The first response over Discord REST, as a gateway bot gives it. */
export function restInitial(rest: REST, interactionId: string, token: string): SendInitial {
  return async (body) => {
    await rest.post(Routes.interactionCallback(interactionId, token), { body, auth: false });
  };
}

/** Answers one interaction: once at first, then through its webhook. */
export class InteractionResponder {
  readonly #rest: REST;
  readonly #applicationId: string;
  readonly #token: string;
  readonly #sendInitial: SendInitial;
  #answered = false;

  constructor(rest: REST, applicationId: string, token: string, sendInitial: SendInitial) {
    this.#rest = rest;
    this.#applicationId = applicationId;
    this.#token = token;
    this.#sendInitial = sendInitial;
  }

  /** Whether the first response has gone out (or is on its way). */
  get answered(): boolean {
    return this.#answered;
  }

  /** The first response. A second call is a bug in the handler, so it throws. */
  async initial(body: InitialResponse): Promise<void> {
    if (this.#answered) throw new Error('interaction already answered');
    this.#answered = true;
    await this.#sendInitial(body);
  }

  /** Replaces the first answer (a deferred reply, or the message a deferred button was on). */
  async editOriginal(message: DiscordMessage): Promise<void> {
    await this.#rest.patch(Routes.webhookMessage(this.#applicationId, this.#token, '@original'), { body: message, auth: false });
  }

  /** Deletes the first answer, e.g. a public "thinking…" that turns out to be an error for the asker only. */
  async deleteOriginal(): Promise<void> {
    await this.#rest.delete(Routes.webhookMessage(this.#applicationId, this.#token, '@original'), { auth: false });
  }

  /** A further message; ephemeral when `message.flags` says so. */
  async followUp(message: DiscordMessage): Promise<void> {
    await this.#rest.post(Routes.webhook(this.#applicationId, this.#token), { body: message, auth: false });
  }

  /** A further message with the files an answer carries; ephemeral when `flags` is 64. */
  async followUpFiles(files: readonly ReplyFile[], flags?: number): Promise<void> {
    const { body, files: raw } = withFiles(files, { allowed_mentions: { parse: [] }, ...(flags ? { flags } : {}) });
    await this.#rest.post(Routes.webhook(this.#applicationId, this.#token), { body, files: raw, auth: false });
  }
}
