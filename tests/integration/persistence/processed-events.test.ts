/** The delivery ledger: a delivery is taken on once, also across a restart and concurrent claims. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../../src/persistence/db.ts';
import { DeliveryLedger, LEDGER_RETENTION_MS } from '../../../src/persistence/processed-events.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb();
});

afterAll(async () => {
  await temp?.dispose();
});

describe('DeliveryLedger', () => {
  it('claims a key once; a second claim, concurrent or later, is refused', async () => {
    const ledger = new DeliveryLedger(temp.db, 'slack');
    const results = await Promise.all(Array.from({ length: 8 }, () => ledger.claim('slack:event:Ev1')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await ledger.claim('slack:event:Ev1')).toBe(false);
    expect(await ledger.claim('slack:event:Ev2')).toBe(true);
  });

  it('remembers across a restart (a new connection to the same file)', async () => {
    const restarted = createDb(temp.url);
    try {
      expect(await new DeliveryLedger(restarted, 'slack').claim('slack:event:Ev1')).toBe(false);
    } finally {
      await restarted.$disconnect();
    }
  });

  it('gives a key back on release, and forgets keys older than a day', async () => {
    let now = new Date('2026-11-20T10:00:00Z');
    const ledger = new DeliveryLedger(temp.db, 'slack', () => now);
    expect(await ledger.claim('slack:button:C1:1.2:ops:0:approve')).toBe(true);
    await ledger.release('slack:button:C1:1.2:ops:0:approve');
    expect(await ledger.claim('slack:button:C1:1.2:ops:0:approve')).toBe(true);

    expect(await ledger.claim('slack:event:Old')).toBe(true);
    now = new Date(now.getTime() + LEDGER_RETENTION_MS + 1);
    expect(await ledger.prune()).toBeGreaterThanOrEqual(2);
    expect(await ledger.claim('slack:event:Old')).toBe(true);
  });
});
