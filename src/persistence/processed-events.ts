/**
 * The delivery ledger: which chat deliveries (event ids, interaction trigger ids, claimed write
 * buttons) have been taken on. Claiming writes a row before the work starts, so a retried or
 * repeated delivery is dropped even after a restart: a delivery is handled at most once, never
 * twice. Rows are kept for a day; platforms retry within minutes.
 */
import { Prisma } from '../generated/prisma/client.ts';
import type { Db } from './db.ts';

/** How long a claimed key is remembered. */
export const LEDGER_RETENTION_MS = 24 * 3_600_000;

/** Claims and releases delivery keys in the ProcessedEvent table. */
export class DeliveryLedger {
  readonly #db: Db;
  readonly #via: string;
  readonly #now: () => Date;

  /** @param via which adapter the keys belong to ("slack", "discord"). */
  constructor(db: Db, via: string, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#via = via;
    this.#now = now;
  }

  /**
   * Takes `key` on. True the first time, false when it was already taken (by this process,
   * a concurrent one, or before a restart).
   */
  async claim(key: string): Promise<boolean> {
    try {
      await this.#db.processedEvent.create({ data: { key, via: this.#via, createdAt: this.#now() } });
      return true;
    } catch (error) {
      // P2002: the primary key exists, i.e. someone took this delivery on first.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }

  /** Gives `key` back, so the same delivery may be taken on again (e.g. after a refusal). */
  async release(key: string): Promise<void> {
    await this.#db.processedEvent.deleteMany({ where: { key } });
  }

  /** Forgets keys older than the retention period. Returns how many were removed. */
  async prune(retentionMs = LEDGER_RETENTION_MS): Promise<number> {
    const cutoff = new Date(this.#now().getTime() - retentionMs);
    const { count } = await this.#db.processedEvent.deleteMany({ where: { via: this.#via, createdAt: { lt: cutoff } } });
    return count;
  }
}
