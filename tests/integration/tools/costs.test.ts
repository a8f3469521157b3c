/** /margin and /ship over the seeded demo database, through the real pipeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';
import type { Db } from '../../../src/persistence/db.ts';

let db: Db;
let dispose: () => Promise<void>;
let p: TestPipeline;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  p = testPipeline(db, new Date(demo.referenceDate.getTime() + 12 * 3_600_000));
});

afterAll(async () => {
  await dispose();
});

const usd = (s: string | undefined): number => Number((s ?? '').split(' ')[0]?.replace(/[^\d.−-]/g, '').replace('−', '-'));

describe('/margin', () => {
  it('breaks WB-500’s price down per platform: price − commission − logistics − ads − goods', async () => {
    const out = await p.say('dan', '/margin WB-500');
    expect(out.reply.kind).toBe('result');
    const rows = out.reply.tables?.[0]?.rows ?? [];
    expect(rows.map((r) => r.platform).sort()).toEqual(['aliexpress', 'amazon-de', 'amazon-us', 'shopify']);
    for (const r of rows) {
      const margin = usd(r.price) - usd(r.commission) - usd(r.logistics) - usd(r.ads) - usd(r.cogs);
      expect(Math.abs(margin - usd(r.margin))).toBeLessThanOrEqual(0.03);
    }
    const us = rows.find((r) => r.platform === 'amazon-us');
    const listing = await db.listing.findFirstOrThrow({ where: { sku: { code: 'WB-500' }, platform: { code: 'amazon-us' } } });
    expect(usd(us?.price)).toBeCloseTo(Number(listing.price), 2);
    expect(usd(us?.commission)).toBeCloseTo(Number(listing.price) * 0.15, 2);
    // Cost of goods: 38 CNY at 7.15 per USD.
    expect(usd(us?.cogs)).toBeCloseTo(38 / 7.15, 2);
    // Amazon DE sells in EUR; the local price is shown beside the USD one.
    expect(rows.find((r) => r.platform === 'amazon-de')?.price).toMatch(/^\$[\d.]+ \(€[\d.]+\)$/);
    const text = replyText(out);
    expect(text).toContain('amazon-us: FBA-SEA-US freight to FBA-US');
    expect(text).toMatch(/aliexpress: parcel from CN to US by CNPOST-ORD/);
  });

  it('narrows to one platform and explains unknown or unlisted ones', async () => {
    const one = await p.say('bob', '/margin BT-100 aliexpress');
    expect(one.reply.tables?.[0]?.rows.map((r) => r.platform)).toEqual(['aliexpress']);
    expect((await p.say('bob', '/margin WB-500 amazon-xx')).reply.summary).toContain('There is no platform “amazon-xx”');
    const unlisted = await p.say('bob', '/margin WB-500 tiktok-us');
    expect(unlisted.reply.summary).toContain('WB-500 is not listed on tiktok-us');
    expect(unlisted.reply.actions?.map((a) => a.command)).toContain('/margin WB-500 amazon-us');
    expect((await p.say('carol', '/margin WB-500')).reply.kind).toBe('denied');
  });
});

describe('/ship', () => {
  it('sends a light, cheap bottle by postal small packet', async () => {
    const out = await p.say('bob', '/ship WB-500 US');
    expect(out.args).toEqual({ query: 'WB-500', destination: 'US' });
    expect(out.reply.summary).toMatch(/^Postal small packet: CNPOST-ORD \(China Post\), \$4\.46, 20–45 d\. It is the cheapest option that takes 360 g and \$6\.91 declared value to US\.$/);
  });

  it('goes express when the deadline rules postal out, and says why', async () => {
    const out = await p.say('bob', '/ship WB-500 DE 7');
    expect(out.args).toMatchObject({ deadline: 7 });
    expect(out.reply.summary).toMatch(/^Commercial express: (DHL-EXP|FEDEX-IP) .* Cheaper \S+ is ruled out: takes up to \d+ d, over the 7 d deadline\.$/);
    const chosen = out.reply.tables?.[0]?.rows.find((r) => r.option?.startsWith('▶'));
    expect(chosen?.fit).toBe('fits');
  });

  it('goes express when the parcel is too heavy for postal', async () => {
    const out = await p.say('bob', '/ship GC-10 US');
    expect(out.reply.summary).toMatch(/^Commercial express: .* Cheaper \S+ is ruled out: over its 2,000 g limit\.$/);
  });

  it('refuses a destination nobody serves and a bad deadline, clearly', async () => {
    expect((await p.say('bob', '/ship WB-500 BR')).reply.summary).toMatch(/^Nothing ships from CN to BR by parcel\. Destinations: DE, ES, FR, GB, MY, PL, US\.$/);
    expect((await p.say('bob', '/ship WB-500 US 0')).reply.summary).toContain('the deadline is at least 1 day');
    expect((await p.say('bob', '/ship WB-500')).reply.summary).toContain('give the destination country as two letters');
    const none = await p.say('bob', '/ship WB-500 US 2');
    expect(none.reply.summary).toBe('No option takes 360 g and $6.91 declared to US within 2 d.');
  });
});
