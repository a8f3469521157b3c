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

/** Undelivered notifications, oldest first. */
export async function pendingNotifications(db: Db, limit = 50): Promise<StoredNotification[]> {
  const rows = await db.notification.findMany({ where: { deliveredAt: null }, orderBy: { id: 'asc' }, take: limit });
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
export async function markDelivered(db: Db, id: number, at: Date): Promise<boolean> {
  const { count } = await db.notification.updateMany({ where: { id, deliveredAt: null }, data: { deliveredAt: at } });
  return count === 1;
}
