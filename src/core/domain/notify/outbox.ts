/**
 * The notification outbox: messages a change must send (an approval card to the approvals
 * channel, a decision to the requester) are written in the change's own transaction, so they
 * exist exactly when the change does. Chat adapters deliver them and mark them delivered.
 */
import type { Db } from '../../../persistence/db.ts';
import type { Reply } from '../../reply.ts';
import type { Tx } from '../../tool.ts';

/** A message to deliver. */
export interface OutgoingNotification {
  topic: string;
  /** Channel name or id; set this or `recipientId`. */
  channel?: string | null;
  recipientId?: number | null;
  /** What it is about, e.g. "BR-12". */
  subject: string;
  reply: Reply;
}

/** A stored notification. */
export interface StoredNotification extends OutgoingNotification {
  id: number;
  createdAt: Date;
}

/** Queues a notification inside the caller's transaction. */
export async function enqueueNotification(tx: Tx, at: Date, n: OutgoingNotification): Promise<void> {
  await tx.notification.create({
    data: {
      topic: n.topic,
      channel: n.channel ?? null,
      recipientId: n.recipientId ?? null,
      subject: n.subject,
      reply: JSON.parse(JSON.stringify(n.reply)) as object,
      createdAt: at,
    },
  });
}

/** Undelivered notifications, oldest first, after `afterId` (to page past ones nobody takes). */
export async function pendingNotifications(db: Db, limit = 50, afterId = 0): Promise<StoredNotification[]> {
  const rows = await db.notification.findMany({ where: { deliveredAt: null, id: { gt: afterId } }, orderBy: { id: 'asc' }, take: limit });
  return rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    channel: r.channel,
    recipientId: r.recipientId,
    subject: r.subject,
    reply: r.reply as unknown as Reply,
    createdAt: r.createdAt,
  }));
}

/** Marks one delivered; false when another deliverer got there first (deliver at most once). */
export async function markDelivered(db: Db, id: number, at: Date, via?: string): Promise<boolean> {
  const { count } = await db.notification.updateMany({ where: { id, deliveredAt: null }, data: { deliveredAt: at, ...(via ? { deliveredVia: via } : {}) } });
  return count === 1;
}

/** Gives a claimed notification back (it provably did not go out), so it may be delivered again. */
export async function releaseNotification(db: Db, id: number): Promise<void> {
  await db.notification.updateMany({ where: { id }, data: { deliveredAt: null, deliveredVia: null, postedChannel: null, postedMessage: null } });
}

/** A message a notification was posted as, on one platform. */
export interface PostedMessage {
  /** The platform's channel id. */
  channel: string;
  /** The platform's message id (a Slack ts, a Discord message id). */
  message: string;
}

/** Records where a delivered notification was posted, so later ones about its subject edit it. */
export async function recordPosted(db: Db, id: number, posted: PostedMessage): Promise<void> {
  await db.notification.update({ where: { id }, data: { postedChannel: posted.channel, postedMessage: posted.message } });
}

/** The last message posted for a channel notification's subject, with who posted it and what it showed. */
export interface PreviousPost extends PostedMessage {
  via: string;
  reply: Reply;
}

/**
 * The message the last card about `subject` was posted as in `channel` (as configured, name or
 * id), on whichever platform took it; null when none was posted. A later card about the same
 * subject edits that message, on that platform.
 */
export async function previousPost(db: Db, subject: string, channel: string): Promise<PreviousPost | null> {
  const row = await db.notification.findFirst({
    where: { subject, channel, deliveredVia: { not: null }, postedMessage: { not: null } },
    orderBy: { id: 'desc' },
    select: { deliveredVia: true, postedChannel: true, postedMessage: true, reply: true },
  });
  if (!row?.deliveredVia || !row.postedChannel || !row.postedMessage) return null;
  return { via: row.deliveredVia, channel: row.postedChannel, message: row.postedMessage, reply: row.reply as unknown as Reply };
}
