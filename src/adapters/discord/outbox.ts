/**
 * Delivers the notification outbox (src/core/domain/notify) to Discord: approval cards to the
 * approvals channel, decisions to the person who asked, by DM. A notification is taken only when
 * Discord can deliver it (the channel is a Discord channel id, or the name of a text channel the
 * bot can see; the person has a linked Discord account), so another adapter may deliver the rest.
 * Each one is claimed before it is posted, so it is delivered at most once. A later notification
 * about the same subject (the decision on BR-12) edits the card posted for it, while this process
 * remembers it; otherwise it is posted anew.
 */
import { ChannelType, Routes, type Client, type REST } from 'discord.js';
import { markDelivered, pendingNotifications, type StoredNotification } from '../../core/domain/notify/outbox.ts';
import { describeError, type Logger } from '../../logging.ts';
import type { Db } from '../../persistence/db.ts';
import type { ButtonIds } from './button-ids.ts';
import { restFailure } from './handlers.ts';
import { disableRows, renderMessage, type ActionRow } from './render.ts';

/** How often the outbox is looked at when nothing prompts it (ms). */
export const OUTBOX_INTERVAL_MS = 10_000;
/** Subjects whose posted card we remember, at most. */
const REMEMBERED_CARDS = 10_000;

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

/** The Discord side of the notification outbox. */
export class DiscordOutbox {
  readonly #deps: OutboxDeps;
  readonly #log: Logger;
  /** subject → the message its card was posted as. */
  readonly #cards = new Map<string, { channelId: string; messageId: string; rows: ActionRow[] }>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(deps: OutboxDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'discord-outbox' });
  }

  /** Delivers now and then every {@link OUTBOX_INTERVAL_MS}. */
  start(intervalMs = OUTBOX_INTERVAL_MS): void {
    this.kick();
    this.#timer = setInterval(() => this.kick(), intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a delivery under way. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#again = false;
    await this.#running;
  }

  /** Delivers soon (e.g. right after a command that may have queued a card); runs one at a time. */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#deliver()
      .catch((error: unknown) => this.#log.error({ err: describeError(error) }, 'outbox delivery failed'))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  async #deliver(): Promise<void> {
    for (const notification of await pendingNotifications(this.#deps.db)) {
      const channelId = await this.#target(notification);
      if (channelId === null) continue;
      // Claimed first: at most once, even with another process delivering the same outbox.
      if (!(await markDelivered(this.#deps.db, notification.id, this.#deps.now()))) continue;
      await this.#post(notification, channelId).catch((error: unknown) =>
        this.#log.warn({ notification: notification.id, topic: notification.topic, ...restFailure(error) }, 'could not deliver a notification to Discord'),
      );
    }
  }

  /** The Discord channel a notification goes to, or null when it is not Discord's to deliver. */
  async #target(n: StoredNotification): Promise<string | null> {
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

  async #post(n: StoredNotification, channelId: string): Promise<void> {
    const message = renderMessage(n.reply, { customIds: await this.#deps.buttons.encode(n.reply.actions ?? []) });
    const posted = n.channel ? this.#cards.get(n.subject) : undefined;
    if (posted && posted.channelId === channelId) {
      // The content ("✅ Approve · pressed by …") stays; a card with no more buttons shows the old ones disabled.
      const components = message.components.length > 0 ? message.components : disableRows(posted.rows);
      await this.#deps.rest.patch(Routes.channelMessage(channelId, posted.messageId), { body: { embeds: message.embeds, components, allowed_mentions: message.allowed_mentions } });
      this.#cards.set(n.subject, { ...posted, rows: components });
      return;
    }
    const sent = (await this.#deps.rest.post(Routes.channelMessages(channelId), { body: message })) as { id: string };
    if (n.channel) {
      if (this.#cards.size >= REMEMBERED_CARDS) this.#cards.clear();
      this.#cards.set(n.subject, { channelId, messageId: sent.id, rows: message.components });
    }
  }
}
