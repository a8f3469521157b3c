/**
 * Delivers the notification outbox (src/core/domain/notify) through one chat platform. The
 * platform-neutral part lives here, shared by every adapter: which notifications are this
 * platform's to take, claiming each one before it is sent (so with several instances, or Slack
 * and Discord side by side, each goes out at most once), recording the message it became, and
 * sending a later card about the same subject as an edit of that message, on the platform that
 * posted it. The adapter's courier only knows how to address and post on its platform.
 */
import {
  markDelivered,
  pendingNotifications,
  previousPost,
  recordPosted,
  releaseNotification,
  type PostedMessage,
  type PreviousPost,
  type StoredNotification,
} from '../core/domain/notify/outbox.ts';
import { describeError, type Logger } from '../logging.ts';
import type { Db } from '../persistence/db.ts';

/** How often the outbox is looked at when nothing prompts it (ms). */
export const OUTBOX_INTERVAL_MS = 10_000;
/** After a platform said it cannot deliver a notification, it is tried again after this long (ms). */
export const UNDELIVERABLE_RETRY_MS = 10 * 60_000;
const PAGE = 50;

/**
 * Thrown by a courier when the platform provably did not take the message (no such channel,
 * the bot is not in it): the claim is given back, so another platform, or a later try, may
 * deliver it. Any other failure leaves it claimed: at most once, never twice.
 */
export class Undeliverable extends Error {
  override name = 'Undeliverable';
}

/** One platform's way of delivering notifications. */
export interface Courier {
  /** "slack", "discord": recorded on what it delivers. */
  readonly via: string;
  /** Where `n` goes on this platform (a channel or DM id, or a name it can post to), or null when it is not this platform's. */
  target(n: StoredNotification): Promise<string | null>;
  /**
   * Posts `n` to `target`, or, when `previous` is set, edits that message (the card posted for
   * the same subject). Returns where it ended up, for the next edit; null when nothing to remember.
   */
  send(n: StoredNotification, target: string, previous: PreviousPost | null): Promise<PostedMessage | null>;
  /** What to log about a failed send (never a token or a URL with one). */
  describe?(error: unknown): Record<string, unknown>;
}

/** What the pump needs. */
export interface OutboxPumpDeps {
  db: Db;
  courier: Courier;
  logger: Logger;
  now: () => Date;
}

/** Runs a courier over the outbox: now and then, and whenever kicked; one pass at a time. */
export class OutboxPump {
  readonly #deps: OutboxPumpDeps;
  readonly #log: Logger;
  /** Notification id → when to try again, after the platform said it cannot deliver it. */
  readonly #later = new Map<number, number>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(deps: OutboxPumpDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: `${deps.courier.via}-outbox` });
  }

  /** Delivers now and then every `intervalMs`. */
  start(intervalMs = OUTBOX_INTERVAL_MS): void {
    this.kick();
    this.#timer = setInterval(() => this.kick(), intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#again = false;
    await this.#running;
  }

  /** Delivers soon (e.g. right after a command that may have queued a card). */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.deliverPending()
      .then(() => undefined)
      .catch((error: unknown) => this.#log.error({ err: describeError(error) }, 'outbox delivery failed'))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** Waits for the pass under way, if any (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** One pass over every undelivered notification; resolves with how many this platform sent. */
  async deliverPending(): Promise<number> {
    let sent = 0;
    let after = 0;
    for (;;) {
      const page = await pendingNotifications(this.#deps.db, PAGE, after);
      for (const n of page) if (await this.#deliver(n)) sent += 1;
      if (page.length < PAGE) return sent;
      after = page[page.length - 1]?.id ?? after;
    }
  }

  async #deliver(n: StoredNotification): Promise<boolean> {
    const { db, courier, now } = this.#deps;
    const retryAt = this.#later.get(n.id);
    if (retryAt !== undefined && retryAt > now().getTime()) return false;
    const previous = n.channel ? await previousPost(db, n.subject, n.channel) : null;
    // The card about this subject was posted by another platform: editing it is that one's job.
    if (previous && previous.via !== courier.via) return false;
    const target = await courier.target(n);
    if (target === null) return false;
    // Claimed first: at most once, even with another instance delivering the same outbox.
    if (!(await markDelivered(db, n.id, now(), courier.via))) return false;
    try {
      const posted = await courier.send(n, target, previous);
      this.#later.delete(n.id);
      if (posted) await recordPosted(db, n.id, posted);
      return true;
    } catch (error) {
      const why = courier.describe?.(error) ?? { error: describeError(error).message };
      if (error instanceof Undeliverable) {
        await releaseNotification(db, n.id);
        if (this.#later.size > 10_000) this.#later.clear();
        this.#later.set(n.id, now().getTime() + UNDELIVERABLE_RETRY_MS);
        this.#log.warn({ notification: n.id, topic: n.topic, ...why }, 'notification not deliverable here; given back for later');
      } else {
        this.#log.warn({ notification: n.id, topic: n.topic, ...why }, 'could not deliver a notification');
      }
      return false;
    }
  }
}
