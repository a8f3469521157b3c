/** Writes AuditEvent rows. Called inside the transaction of the change it records. */
import type { AuditEntry, Tx } from '../../tool.ts';
import type { Db } from '../../../persistence/db.ts';
import type { Via } from '../../reply.ts';

/** Converts a value to plain JSON (Dates to ISO strings, Decimals to strings) for the audit log. */
function toJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Writes one AuditEvent through `client` (a transaction, or the plain client for reads); scheduled jobs write via "job". */
export async function writeAudit(client: Tx | Db, actorRef: string, via: Via | 'job', at: Date, entry: AuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
      at,
      actor: actorRef,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: toJson(entry.before) ?? undefined,
      after: toJson(entry.after) ?? undefined,
      via,
    },
  });
}
