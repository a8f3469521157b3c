/**
 * Delivers the notification outbox (src/core/domain/notify) to Discord: approval cards to the
 * approvals channel, decisions to the person who asked, by DM. A notification is taken only when
 * Discord can deliver it (the channel is a Discord channel id, or the name of a text channel the
 * bot can see; the person has a linked Discord account), so another adapter may deliver the rest.
 * The shared pump (src/bot/outbox-pump.ts) claims each one before it is posted, so it is delivered
 * at most once, and records the message it became: a later notification about the same subject
 * (the decision on BR-12) edits that card, across restarts too.
 */
import { ChannelType, Routes, type Client, type REST } from 'discord.js';
import type { PostedMessage, PreviousPost, StoredNotification } from '../../core/domain/notify/outbox.ts';
import { OUTBOX_INTERVAL_MS, OutboxPump, type Courier } from '../../bot/outbox-pump.ts';
import type { Logger } from '../../logging.ts';
import type { Db } from '../../persistence/db.ts';
import type { ButtonIds } from './button-ids.ts';
import { restFailure } from './handlers.ts';
import { disableRows, renderMessage } from './render.ts';

/** What the deliverer needs. */
export interface OutboxDeps {
  db: Db;
  rest: REST;
  /** The gateway client, whose channel cache resolves channel names. */
  client: Client;
  buttons: ButtonIds;
  logger: Logger;
  now: () => Date;
}

/** Discord's courier for the shared outbox pump (src/bot/outbox-pump.ts). */
class DiscordCourier implements Courier {
  readonly via = 'discord';
  readonly #deps: OutboxDeps;

  constructor(deps: OutboxDeps) {
    this.#deps = deps;
  }

  /** The Discord channel a notification goes to, or null when it is not Discord's to deliver. */
  async target(n: StoredNotification): Promise<string | null> {
    if (n.channel) {
      if (/^\d{17,20}$/.test(n.channel)) return n.channel;
      const name = n.channel.replace(/^#/, '').toLowerCase();
      const channel = this.#deps.client.channels.cache.find((c) => c.type === ChannelType.GuildText && c.name.toLowerCase() === name);
      return channel?.id ?? null;
    }
    if (n.recipientId === null || n.recipientId === undefined) return null;
    const member = await this.#deps.db.teamMember.findUnique({ where: { id: n.recipientId }, select: { discordUserId: true, active: true } });
    if (!member?.discordUserId || !member.active) return null;
    const dm = (await this.#deps.rest.post(Routes.userChannels(), { body: { recipient_id: member.discordUserId } })) as { id: string };
    return dm.id;
  }

  async send(n: StoredNotification, channelId: string, previous: PreviousPost | null): Promise<PostedMessage> {
    const message = renderMessage(n.reply, { customIds: await this.#deps.buttons.encode(n.reply.actions ?? []) });
    if (previous) {
      // The content ("✅ Approve · pressed by …") stays; a card with no more buttons shows the old ones disabled.
      const before = renderMessage(previous.reply, { customIds: await this.#deps.buttons.encode(previous.reply.actions ?? []) });
      const components = message.components.length > 0 ? message.components : disableRows(before.components);
      await this.#deps.rest.patch(Routes.channelMessage(previous.channel, previous.message), { body: { embeds: message.embeds, components, allowed_mentions: message.allowed_mentions } });
      return { channel: previous.channel, message: previous.message };
    }
    const sent = (await this.#deps.rest.post(Routes.channelMessages(channelId), { body: message })) as { id: string };
    return { channel: channelId, message: sent.id };
  }

  describe(error: unknown): Record<string, unknown> {
    return restFailure(error);
  }
}

/** The Discord side of the notification outbox. */
export class DiscordOutbox {
  readonly #pump: OutboxPump;

  constructor(deps: OutboxDeps) {
    this.#pump = new OutboxPump({ db: deps.db, courier: new DiscordCourier(deps), logger: deps.logger, now: deps.now });
  }

  /** Delivers now and then every {@link OUTBOX_INTERVAL_MS}. */
  start(intervalMs = OUTBOX_INTERVAL_MS): void {
    this.#pump.start(intervalMs);
  }

  /** Stops the timer and waits for a delivery under way. */
  async stop(): Promise<void> {
    await this.#pump.stop();
  }

  /** Delivers soon (e.g. right after a command that may have queued a card); runs one at a time. */
  kick(): void {
    this.#pump.kick();
  }
}
