/**
 * Delivers the notification outbox (src/core/domain/notify) to Slack, through the shared pump
 * (src/bot/outbox-pump.ts, which claims each notification before it is sent): approval cards to
 * the approvals channel (BUDGET_APPROVALS_CHANNEL: a Slack channel id such as C0123ABCD, or a
 * channel name the bot is in), decisions to the person who asked, by DM. The card is posted
 * with chat.postMessage and its ts recorded; a later notification about the same subject (the
 * decision on BR-12) edits it with chat.update. A channel Slack does not know is given back, so
 * Discord may deliver it when both run.
 */
import type { webApi } from '@slack/bolt';
import { OutboxPump, Undeliverable, type Courier } from '../../bot/outbox-pump.ts';
import type { PostedMessage, PreviousPost, StoredNotification } from '../../core/domain/notify/outbox.ts';
import { describeError, type Logger } from '../../logging.ts';
import type { Db } from '../../persistence/db.ts';
import { renderMessage } from './render.ts';

type WebClient = webApi.WebClient;

/** A Discord channel id (a snowflake): never Slack's. */
const DISCORD_CHANNEL_ID = /^\d{17,20}$/;
/** Slack errors that say the message provably did not go out here. */
const NOT_HERE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'user_disabled', 'cannot_dm_bot', 'messages_tab_disabled']);
/** chat.update errors after which the card is posted anew (it was deleted, or is too old to edit). */
const POST_AGAIN = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Slack's courier: addresses channels and people, posts cards and edits them. */
export class SlackCourier implements Courier {
  readonly via = 'slack';
  readonly #client: WebClient;
  readonly #db: Db;

  constructor(client: WebClient, db: Db) {
    this.#client = client;
    this.#db = db;
  }

  async target(n: StoredNotification): Promise<string | null> {
    if (n.channel) return DISCORD_CHANNEL_ID.test(n.channel) ? null : n.channel.replace(/^#/, '');
    if (n.recipientId === null || n.recipientId === undefined) return null;
    const member = await this.#db.teamMember.findUnique({ where: { id: n.recipientId }, select: { slackUserId: true, active: true } });
    // chat.postMessage to a user id writes in the bot's DM with them (no im:write scope needed).
    return member?.slackUserId && member.active ? member.slackUserId : null;
  }

  async send(n: StoredNotification, target: string, previous: PreviousPost | null): Promise<PostedMessage> {
    const message = renderMessage(n.reply);
    try {
      if (previous) {
        try {
          await this.#client.chat.update({ channel: previous.channel, ts: previous.message, ...message });
          return { channel: previous.channel, message: previous.message };
        } catch (error) {
          if (!POST_AGAIN.has(slackErrorCode(error) ?? '')) throw error;
        }
      }
      const sent = await this.#client.chat.postMessage({ channel: target, ...message, unfurl_links: false, unfurl_media: false });
      if (!sent.ts) throw new Error('chat.postMessage answered without a ts');
      return { channel: sent.channel ?? target, message: sent.ts };
    } catch (error) {
      const code = slackErrorCode(error);
      if (code !== undefined && NOT_HERE.has(code)) throw new Undeliverable(code);
      throw error;
    }
  }

  describe(error: unknown): Record<string, unknown> {
    return { error: slackErrorCode(error) ?? (error instanceof Undeliverable ? error.message : describeError(error).message) };
  }
}

/** The Slack side of the notification outbox: start(), kick() after each handled request, stop(). */
export function slackOutbox(deps: { client: WebClient; db: Db; logger: Logger; now: () => Date }): OutboxPump {
  return new OutboxPump({ db: deps.db, courier: new SlackCourier(deps.client, deps.db), logger: deps.logger, now: deps.now });
}
