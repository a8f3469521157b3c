/**
 * /copy, /copy approve, /copy regenerate, /copy show and /copy export through the real pipeline
 * on a copy of the seeded demo database, with the deterministic composer (no model).
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyCheck } from '../../../src/core/domain/copy/validate.ts';
import { shopifyTemplateHeader } from '../../../src/core/domain/copy/export.ts';
import type { Db } from '../../../src/persistence/db.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';

let demo: DemoDb;
let db: Db;
let p: TestPipeline;

beforeAll(async () => {
  demo = await openDemoDb();
  db = demo.db;
  p = testPipeline(db, new Date(demo.referenceDate.getTime() + 10 * 3_600_000));
});

afterAll(async () => {
  await demo.dispose();
});

/** Everything a rejected request might have written. */
async function writes(): Promise<{ variants: number; audits: number; approved: number }> {
  const [variants, audits, approved] = await Promise.all([
    db.copyVariant.count(),
    db.auditEvent.count({ where: { action: { startsWith: 'copy.' } } }),
    db.copyVariant.count({ where: { status: 'approved' } }),
  ]);
  return { variants, audits, approved };
}

const idOf = (label: string): number => Number(/^CV-(\d+)/.exec(label)?.[1]);

describe('/copy', () => {
  it('writes 3 valid variants per platform and language, in each platform’s fields, and stores them', async () => {
    const before = await writes();
    const out = await p.say('dan', '/copy WB-500 black-friday amazon-us tiktok-us en zh 3');
    expect(out.tool).toBe('copy');
    expect(out.args).toMatchObject({ sku: 'WB-500', campaign: 'black-friday', platforms: ['amazon-us', 'tiktok-us'], locales: ['en', 'zh'], count: 3 });
    expect(out.reply.kind).toBe('result');
    const fields = out.reply.fields ?? [];
    expect(fields).toHaveLength(12);
    for (const combo of ['amazon-us · en', 'amazon-us · zh', 'tiktok-us · en', 'tiktok-us · zh']) {
      expect(fields.filter((f) => f.label.includes(` · ${combo} · `))).toHaveLength(3);
    }
    // Each variant shows its checks, all passing.
    for (const f of fields) {
      expect(f.value).toMatch(/Checks \(composer\): ✓ /);
      expect(f.value).not.toContain('✖');
    }

    const ids = fields.map((f) => idOf(f.label));
    const stored = await db.copyVariant.findMany({ where: { id: { in: ids } }, include: { platform: true, campaign: true, sku: true } });
    expect(stored).toHaveLength(12);
    for (const v of stored) {
      expect(v).toMatchObject({ status: 'draft', source: 'composer', createdBy: 'dan', sku: { code: 'WB-500' }, campaign: { code: 'black-friday' } });
      expect((v.checks as unknown as CopyCheck[]).every((c) => c.ok || !c.hard)).toBe(true);
      expect(v.score).toBeGreaterThan(0);
      const keys = Object.keys(v.fields as object).sort();
      expect(keys).toEqual(v.platform.code === 'amazon-us' ? ['bullets', 'description', 'searchTerms', 'title'] : ['caption', 'description', 'title']);
    }
    expect(new Set(stored.map((v) => JSON.stringify(v.fields))).size).toBe(12);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'copy.generate' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actor: 'dan', targetType: 'sku', targetId: 'WB-500', via: 'console' });
    expect(await writes()).toEqual({ variants: before.variants + 12, audits: before.audits + 1, approved: before.approved });

    // Approve and Regenerate buttons for the drafts, typed forms included.
    expect(out.reply.actions?.map((a) => a.command)).toContain(`/copy approve CV-${ids[0]}`);
    expect(out.reply.actions?.map((a) => a.command)).toContain(`/copy regenerate CV-${ids[0]}`);
  });

  it('gives a second request new variants rather than the same ones again', async () => {
    const a = await p.say('dan', '/copy BT-100 amazon-de de 2');
    const b = await p.say('dan', '/copy BT-100 amazon-de de 2');
    const texts = [...(a.reply.fields ?? []), ...(b.reply.fields ?? [])].map((f) => f.value.split('\nChecks')[0]);
    expect(new Set(texts).size).toBe(4);
    expect(a.reply.fields?.[0]?.value).toMatch(/Titel|Title: Verdant Goods/);
  });

  it('defaults to where the SKU is live and the campaign runs, in each platform’s own language', async () => {
    const out = await p.say('dan', '/copy BT-100 black-friday 1');
    const combos = (out.reply.fields ?? []).map((f) => f.label.split(' · ').slice(1, 3).join(' ')).sort();
    expect(combos).toEqual(['aliexpress en', 'amazon-de de', 'amazon-us en', 'shopify en', 'tiktok-us en']);
  });

  it('shows the buttons only to people who may press them', async () => {
    const bob = await p.say('bob', '/copy WB-500 amazon-us 1');
    expect(bob.reply.kind).toBe('result');
    expect(bob.reply.actions ?? []).toEqual([]);
    const carol = await p.say('carol', '/copy WB-500 amazon-us 1');
    expect(carol.reply.kind).toBe('denied');
  });

  it.each([
    ['/copy WB-50O amazon-us', 'No SKU matches “WB-50O”'],
    ['/copy WB-500 amazon-xx', 'There is no platform “amazon-xx”'],
    ['/copy WB-500 amazon-us fr', '“fr” is not a copy language'],
    ['/copy WB-500 amazon-us en 11', 'at most 10 variants per platform and language'],
    ['/copy WB-500 amazon-us en 0', 'at least 1 variant'],
    ['/copy WB-500 cyber-week amazon-us', 'There is no campaign “cyber-week”'],
    ['/copy WB-500 black-friday spring amazon-us', 'name one campaign at most; left over: spring'],
    ['/copy WB-500 amazon-us 3 4', 'give the number of variants once'],
    ['/copy WB-500 aliexpress amazon-us amazon-de shopify tiktok-us en zh de 5', 'That asks for 75 variants; at most 60 at once'],
    ['/copy', 'give a SKU code'],
  ])('%s gets a clear answer and writes nothing', async (text, message) => {
    const before = await writes();
    const out = await p.say('dan', text);
    expect(out.reply.kind).toBe('error');
    expect(out.reply.ephemeral).toBe(true);
    expect(replyText(out)).toContain(message);
    expect(replyText(out)).not.toMatch(/at .*\.ts:\d+/);
    expect(await writes()).toEqual(before);
  });

  it('offers the near SKU as a button that keeps the rest of the request', async () => {
    const out = await p.say('dan', '/copy WB-50O amazon-us zh 2');
    expect(out.reply.actions?.map((a) => a.command)).toContain('/copy WB-500 amazon-us zh 2');
  });
});

describe('/copy approve and /copy regenerate', () => {
  let drafts: number[];

  beforeAll(async () => {
    const out = await p.say('dan', '/copy GC-3 amazon-us en zh 3');
    drafts = (out.reply.fields ?? []).map((f) => idOf(f.label));
    expect(drafts).toHaveLength(6);
  });

  it.each(['bob', 'carol', 'erin'])('refuses %s, who is neither marketing nor a manager, and writes nothing', async (who) => {
    const before = await writes();
    const approve = await p.say(who, `/copy approve CV-${drafts[0]}`);
    expect(approve.reply.kind).toBe('denied');
    expect(approve.reply.summary).toContain('marketing / manager');
    const regenerate = await p.say(who, `/copy regenerate CV-${drafts[0]}`);
    expect(regenerate.reply.kind).toBe('denied');
    expect(await writes()).toEqual(before);
  });

  it('lets dan (marketing) approve a variant, once, with an audit event', async () => {
    const id = drafts[0] as number;
    const out = await p.say('dan', `/copy approve CV-${id}`);
    expect(out.reply.kind).toBe('result');
    expect(out.reply.summary).toBe(`CV-${id} is now the approved copy of GC-3 on amazon-us (en).`);
    const row = await db.copyVariant.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'approved', approvedBy: 'dan' });
    expect(row.approvedAt?.getTime()).toBe(demo.referenceDate.getTime() + 10 * 3_600_000);
    const audits = await db.auditEvent.findMany({ where: { action: 'copy.approve', targetId: String(id) } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: 'dan', before: { status: 'draft' } });

    const again = await p.say('dan', `/copy approve ${id}`);
    expect(again.reply.kind).toBe('error');
    expect(again.reply.summary).toContain('was already approved by dan');
    expect(await db.auditEvent.count({ where: { action: 'copy.approve', targetId: String(id) } })).toBe(1);
    expect(p.logs.filter((l) => l.msg === 'write tool finished without writing an AuditEvent')).toEqual([]);
  });

  it('approves exactly once when the button is pressed twice at the same time', async () => {
    const id = drafts[3] as number;
    const [a, b] = await Promise.all([p.say('alice', `/copy approve CV-${id}`), p.say('dan', `/copy approve CV-${id}`)]);
    expect([a.reply.kind, b.reply.kind].sort()).toEqual(['error', 'result']);
    expect(await db.auditEvent.count({ where: { action: 'copy.approve', targetId: String(id) } })).toBe(1);
  });

  it('keeps one approved variant per slot: a newer approval sends the older one back to draft', async () => {
    const [first, second] = [drafts[0] as number, drafts[1] as number];
    const out = await p.say('alice', `/copy approve CV-${second}`);
    expect(out.reply.kind).toBe('result');
    expect(replyText(out)).toContain(`It replaces CV-${first}`);
    expect((await db.copyVariant.findUniqueOrThrow({ where: { id: first } })).status).toBe('draft');
    expect((await db.copyVariant.findUniqueOrThrow({ where: { id: second } })).approvedBy).toBe('alice');
  });

  it('regenerates a draft into a new, different variant and marks the old one replaced', async () => {
    const old = drafts[2] as number;
    const slotBefore = await db.copyVariant.findMany({ where: { sku: { code: 'GC-3' }, locale: 'en' }, select: { fields: true } });
    const out = await p.say('dan', `/copy regenerate CV-${old}`);
    expect(out.reply.kind).toBe('result');
    const fresh = idOf(out.reply.fields?.[0]?.label ?? '');
    expect(fresh).toBeGreaterThan(old);
    expect((await db.copyVariant.findUniqueOrThrow({ where: { id: old } })).status).toBe('rejected');
    const created = await db.copyVariant.findUniqueOrThrow({ where: { id: fresh } });
    expect(created).toMatchObject({ status: 'draft', locale: 'en', createdBy: 'dan' });
    expect(slotBefore.map((v) => JSON.stringify(v.fields))).not.toContain(JSON.stringify(created.fields));
    expect(await db.auditEvent.count({ where: { action: 'copy.regenerate', targetId: String(old) } })).toBe(1);

    const twice = await p.say('dan', `/copy regenerate CV-${old}`);
    expect(twice.reply.summary).toBe(`CV-${old} was already replaced; nothing changed.`);
    const approveOld = await p.say('dan', `/copy approve CV-${old}`);
    expect(approveOld.reply.summary).toContain('was replaced by a regenerated variant');
  });

  it('does not regenerate approved copy', async () => {
    const before = await writes();
    const out = await p.say('dan', `/copy regenerate CV-${drafts[1]}`);
    expect(out.reply.summary).toContain('is approved; approved copy is kept');
    expect(await writes()).toEqual(before);
  });

  it('checks a draft again before approving it: a claim banned since it was written blocks it', async () => {
    const id = drafts[4] as number;
    const row = await db.copyVariant.findUniqueOrThrow({ where: { id } });
    const title = (row.fields as { title: string }).title;
    // The admin bans a word the draft uses (its product name).
    const word = /保鲜|饭盒|玻璃/.exec(title)?.[0] ?? '玻璃';
    const ban = await p.say('erin', `/brand edit banned add zh ${word}`);
    expect(ban.reply.kind).toBe('result');
    const before = await writes();
    const out = await p.say('dan', `/copy approve CV-${id}`);
    expect(out.reply.kind).toBe('error');
    expect(out.reply.summary).toContain('no longer passes the checks');
    expect(replyText(out)).toContain(word);
    expect(await writes()).toEqual(before);
    await p.say('erin', `/brand edit banned remove zh ${word}`);
  });

  it.each([
    ['/copy approve', 'give the variant to approve'],
    ['/copy approve CV-999999', 'There is no copy variant CV-999999'],
    ['/copy approve abc', 'give the variant to approve'],
    ['/copy regenerate CV-1 CV-2', 'regenerate one variant at a time'],
  ])('%s gets a clear answer', async (text, message) => {
    const before = await writes();
    const out = await p.say('dan', text);
    expect(out.reply.kind).toBe('error');
    expect(replyText(out)).toContain(message);
    expect(await writes()).toEqual(before);
  });

  it('shows one variant in full with every check', async () => {
    const out = await p.say('bob', `/copy show CV-${drafts[1]}`);
    expect(out.reply.title).toBe(`CV-${drafts[1]} · GC-3 · amazon-us · en`);
    expect(out.reply.summary).toContain('approved by alice');
    const checks = out.reply.tables?.[0]?.rows.map((r) => r.check) ?? [];
    expect(checks).toContain('✓ no banned claims');
    expect(checks.some((c) => /^✓ Search terms \d+\/249 bytes$/.test(c ?? ''))).toBe(true);
  });
});

describe('/copy export', () => {
  beforeAll(async () => {
    // Approved copy on Amazon (en and zh), Shopify and TikTok.
    for (const text of ['/copy WB-500 shopify 1', '/copy WB-500 shopify zh 1', '/copy BT-100 amazon-us 1', '/copy BT-100 tiktok-us 1']) {
      const out = await p.say('dan', text);
      const id = idOf(out.reply.fields?.[0]?.label ?? '');
      expect((await p.say('dan', `/copy approve CV-${id}`)).reply.kind).toBe('result');
    }
  });

  it('writes Amazon inventory-file columns and Shopify template columns, one file per platform', async () => {
    const out = await p.say('bob', '/copy export');
    expect(out.reply.kind).toBe('result');
    const files = out.reply.files ?? [];
    expect(files.map((f) => f.filename).sort()).toEqual(['copy-amazon-us-en.csv', 'copy-shopify-en.csv']);

    const amazon = parse(files.find((f) => f.filename === 'copy-amazon-us-en.csv')!.content, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(amazon[0]!)).toEqual(['item_sku', 'update_delete', 'brand_name', 'item_name', 'product_description', 'bullet_point1', 'bullet_point2', 'bullet_point3', 'bullet_point4', 'bullet_point5', 'generic_keywords']);
    expect(amazon.map((r) => r.item_sku).sort()).toEqual(['BT-100', 'GC-3']);
    const bt = await db.copyVariant.findFirstOrThrow({ where: { status: 'approved', sku: { code: 'BT-100' }, platform: { code: 'amazon-us' } }, orderBy: { approvedAt: 'desc' } });
    const f = bt.fields as { title: string; bullets: string[]; searchTerms: string };
    expect(amazon.find((r) => r.item_sku === 'BT-100')).toMatchObject({ update_delete: 'PartialUpdate', brand_name: 'Verdant Goods', item_name: f.title, bullet_point1: f.bullets[0], generic_keywords: f.searchTerms });

    const shopifyFile = files.find((f) => f.filename === 'copy-shopify-en.csv')!;
    const [header, ...rows] = parse(shopifyFile.content) as string[][];
    const template = shopifyTemplateHeader();
    // Every column is a column of Shopify's current template, in the template's order.
    expect(header!.every((h) => template.includes(h))).toBe(true);
    expect(header!.map((h) => template.indexOf(h))).toEqual([...header!.map((h) => template.indexOf(h))].sort((a, b) => a - b));
    expect(header).not.toContain('Body (HTML)');
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({ 'URL handle': 'insulated-water-bottle-500-ml', SKU: 'WB-500', Vendor: 'Verdant Goods' });
    expect(row.Description).toMatch(/^<p>.*<\/p>$/s);

    // Chinese copy for the US store and TikTok copy have no upload: said, not hidden.
    expect(out.reply.notes?.join('\n')).toContain('shopify: 1 approved variants in zh are for review only');
    expect(out.reply.notes?.join('\n')).toContain('tiktok-us: 1 approved variants have no upload template');
  });

  it('narrows to a platform and a campaign, and says when there is nothing', async () => {
    const amazon = await p.say('bob', '/copy export amazon-us');
    expect(amazon.reply.files?.map((f) => f.filename)).toEqual(['copy-amazon-us-en.csv']);
    const none = await p.say('bob', '/copy export amazon-de black-friday');
    expect(none.reply.summary).toBe('There is no approved copy to export yet.');
    expect(none.reply.files).toBeUndefined();
    const bad = await p.say('bob', '/copy export amazon-xx');
    expect(bad.reply.kind).toBe('error');
  });
});
