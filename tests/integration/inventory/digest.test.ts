/**
 * The daily stock digest on the demo database (SQLite, and PostgreSQL in the postgresql project):
 * it reads cover as /stock does, two instances firing at once make one digest, a restart the same
 * day makes none, and each line's button runs /stock for that listing.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSku } from '../../../src/core/domain/catalogue/sku-lookup.ts';
import { DIGEST_TOPIC, digestLeaseName, runDailyDigest, startDigestJob, type DigestSettings } from '../../../src/core/domain/inventory/digest-job.ts';
import { readListingCovers } from '../../../src/core/domain/inventory/digest-source.ts';
import { stockReport } from '../../../src/core/domain/inventory/stock-service.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { createLogger } from '../../../src/logging.ts';
import { createDb, type Db } from '../../../src/persistence/db.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { testPipeline } from '../../helpers/pipeline.ts';

let demo: DemoDb;
/** A second connection to the same database: the other instance. */
let other: Db;
let now: Date;

const settings: DigestSettings = { channel: 'C0DIGEST', time: '08:00', locale: 'en', horizonDays: 14 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  demo = await openDemoDb();
  other = createDb(demo.url);
  // 09:00 on the demo's reference day, after the digest time.
  now = new Date(demo.referenceDate.getTime() + 9 * HOUR);
});

afterAll(async () => {
  await other?.$disconnect();
  await demo?.dispose();
});

const digestsOf = (day: string) => demo.db.notification.findMany({ where: { topic: DIGEST_TOPIC, subject: `digest ${day}` } });

describe('the digest source', () => {
  it('reads every active listing with the cover /stock shows for that platform', async () => {
    const covers = await readListingCovers(demo.db, now);
    const listings = await demo.db.listing.count({ where: { status: 'active', sku: { active: true }, platform: { active: true } } });
    expect(covers).toHaveLength(listings);
    expect(covers.some((c) => c.projection.stockoutDate !== null)).toBe(true);

    const bySku = new Map<string, typeof covers>();
    for (const c of covers) bySku.set(c.sku, [...(bySku.get(c.sku) ?? []), c]);
    for (const [code, skuCovers] of bySku) {
      const match = await findSku(demo.db, code);
      if (match.kind !== 'found') throw new Error(`no SKU ${code}`);
      const report = await stockReport(demo.db, match.sku, now);
      for (const cover of skuCovers) {
        const row = report.platforms.find((p) => p.code === cover.platform);
        expect(row, `${code} ${cover.platform}`).toBeDefined();
        expect({ allocated: cover.allocated, rate: cover.rate, projection: cover.projection }, `${code} ${cover.platform}`).toEqual({
          allocated: row?.allocated,
          rate: row?.rate,
          projection: row?.projection,
        });
      }
    }
  });
});

describe('the daily digest on two instances', () => {
  it('is made once when two instances run it at the same moment, addressed to DIGEST_CHANNEL', async () => {
    const runs = await Promise.all([
      runDailyDigest(demo.db, settings, { now, holder: 'instance-a' }),
      runDailyDigest(other, settings, { now, holder: 'instance-b' }),
    ]);
    const made = runs.filter((r) => r.outcome === 'made');
    const skipped = runs.filter((r) => r.outcome === 'skipped');
    expect(made).toHaveLength(1);
    expect(skipped).toHaveLength(1);
    const winner = runs[0]?.outcome === 'made' ? 'instance-a' : 'instance-b';
    expect(skipped[0]).toEqual({ outcome: 'skipped', day: '2026-11-20', heldBy: winner });

    const lease = await demo.db.jobLease.findUniqueOrThrow({ where: { name: digestLeaseName(now) } });
    expect(lease.name).toBe('inventory:stock-digest:2026-11-20');
    expect(lease.holder).toBe(winner);

    const rows = await digestsOf('2026-11-20');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'C0DIGEST', recipientId: null, deliveredAt: null });
    const reply = rows[0]?.reply as unknown as Reply;
    expect(reply.title).toBe('Stock digest · 2026-11-20');
    expect(made[0]).toMatchObject({ outcome: 'made', shown: reply.actions?.length });
    expect(reply.actions?.length).toBeGreaterThan(0);
    expect(reply.actions?.length).toBeLessThanOrEqual(10);
    for (const action of reply.actions ?? []) expect(action.command).toMatch(/^\/stock [A-Z0-9-]+ [a-z0-9-]+$/);
  });

  it('is not made again by a restarted instance later the same day, even after the lease expired', async () => {
    const later = new Date(now.getTime() + 3 * HOUR);
    expect(await runDailyDigest(other, settings, { now: later, holder: 'instance-c' })).toEqual({ outcome: 'already-made', day: '2026-11-20' });
    expect(await digestsOf('2026-11-20')).toHaveLength(1);
  });

  it('makes a new one the next day, and tidies away leases of past days', async () => {
    const tomorrow = new Date(now.getTime() + DAY);
    expect(await runDailyDigest(demo.db, settings, { now: tomorrow, holder: 'instance-a' })).toMatchObject({ outcome: 'made', day: '2026-11-21' });
    expect(await digestsOf('2026-11-21')).toHaveLength(1);
    expect(await demo.db.jobLease.count({ where: { name: 'inventory:stock-digest:2026-11-20' } })).toBe(1);

    const weekAfter = new Date(now.getTime() + 8 * DAY);
    expect(await runDailyDigest(demo.db, settings, { now: weekAfter, holder: 'instance-b' })).toMatchObject({ outcome: 'made', day: '2026-11-28' });
    const leases = await demo.db.jobLease.findMany({ where: { name: { startsWith: 'inventory:stock-digest:' } }, orderBy: { name: 'asc' } });
    // Leases that expired more than a week before the day are gone: 2026-11-20's, not 2026-11-21's.
    expect(leases.map((l) => l.name)).toEqual(['inventory:stock-digest:2026-11-21', 'inventory:stock-digest:2026-11-28']);
  });

  it('has buttons that run /stock for their listing, through the pipeline, with the same stock-out', async () => {
    const [row] = await digestsOf('2026-11-20');
    const reply = row?.reply as unknown as Reply;
    const table = reply.tables?.[0];
    const first = reply.actions?.[0];
    if (!table || !first) throw new Error('the digest has no lines');
    const p = testPipeline(demo.db, now);
    const out = await p.say('bob', first.command);
    expect(out.tool).toBe('stock');
    const [sku, platform] = first.command.split(' ').slice(1);
    expect(out.reply.title).toContain(`${sku} ·`);
    expect(out.reply.title).toContain(`· ${platform}`);
    const line = table.rows[0];
    const stockRow = out.reply.tables?.[0]?.rows.find((r) => r.platform?.startsWith(platform ?? '?'));
    expect(line?.stockout === 'today (out)' ? now.toISOString().slice(0, 10) : line?.stockout).toBe(stockRow?.stockout);
  });
});

describe('startDigestJob', () => {
  /** A logger whose JSON lines the test reads. */
  function capture() {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Record<string, unknown>);
        done();
      },
    });
    return { lines, logger: createLogger({ level: 'info', destination }) };
  }

  it('makes today’s digest at start once its time has passed, on one of two instances', async () => {
    const at = new Date(now.getTime() + 11 * DAY); // 2026-12-01 09:00
    const log = capture();
    const jobs = [
      startDigestJob(demo.db, log.logger, settings, { now: () => at, holder: 'instance-a' }),
      startDigestJob(other, log.logger, settings, { now: () => at, holder: 'instance-b' }),
    ];
    try {
      await Promise.all(jobs.map((j) => j.idle()));
    } finally {
      for (const j of jobs) j.stop();
    }
    expect(await digestsOf('2026-12-01')).toHaveLength(1);
    const messages = log.lines.map((l) => l.msg).sort();
    expect(messages).toEqual(['stock digest made', 'stock digest skipped: another instance holds the day’s lease']);
    const made = log.lines.find((l) => l.msg === 'stock digest made');
    const skipped = log.lines.find((l) => l.msg !== 'stock digest made');
    expect(skipped?.heldBy).toBe(made?.holder);
    expect(made).toMatchObject({ job: 'stock-digest', day: '2026-12-01' });
    // Counts only: no SKU, no message text in the logs.
    expect(JSON.stringify(log.lines)).not.toMatch(/\/stock|Stock digest/);
  });

  it('waits for the digest time when started before it', async () => {
    const at = new Date(now.getTime() + 12 * DAY); // 2026-12-02 09:00
    const log = capture();
    const job = startDigestJob(demo.db, log.logger, { ...settings, time: '10:00' }, { now: () => at, holder: 'instance-a' });
    try {
      await job.idle();
      const next = job.cron.nextRun();
      expect([next?.getUTCHours(), next?.getUTCMinutes()]).toEqual([10, 0]);
    } finally {
      job.stop();
    }
    expect(await digestsOf('2026-12-02')).toHaveLength(0);
    expect(log.lines).toEqual([]);
  });
});
