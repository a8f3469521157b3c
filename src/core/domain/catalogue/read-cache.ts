/**
 * A small time-limited cache for read-mostly data (SKU index, platform list), kept per
 * database client so tests with separate databases never see each other's data.
 */
import type { Db } from '../../../persistence/db.ts';

/** How long cached catalogue data is trusted; imports and seeds show up within this time. */
export const CACHE_TTL_MS = 60_000;

/** A per-database cached loader. `invalidate` drops the value so the next read reloads it. */
export interface CachedLoader<T> {
  get(db: Db): Promise<T>;
  invalidate(db: Db): void;
}

/** Wraps `load` so it runs at most once per TTL per database client. */
export function cachedPerDb<T>(load: (db: Db) => Promise<T>, ttlMs = CACHE_TTL_MS): CachedLoader<T> {
  const entries = new WeakMap<Db, { at: number; value: Promise<T> }>();
  return {
    get(db) {
      const hit = entries.get(db);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = load(db);
      entries.set(db, { at: Date.now(), value });
      // A failed load must not stay cached.
      value.catch(() => entries.delete(db));
      return value;
    },
    invalidate(db) {
      entries.delete(db);
    },
  };
}
