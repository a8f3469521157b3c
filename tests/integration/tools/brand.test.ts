/** /brand, /brand edit and /brand audit through the real pipeline on the seeded demo database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/persistence/db.ts';
import { DEMO_ANCHORS } from '../../../src/persistence/seed/index.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';

let demo: DemoDb;
let db: Db;
let p: TestPipeline;

beforeAll(async () => {
  demo = await openDemoDb();
  db = demo.db;
  p = testPipeline(db, new Date(demo.referenceDate.getTime() + 8 * 3_600_000));
});

afterAll(async () => {
  await demo.dispose();
});

const brandRow = () => db.brand.findFirstOrThrow({ select: { tone: true, bannedPhrases: true, coreValues: true, translations: true, requiredPhrases: true } });

describe('/brand', () => {
  it('shows the profile in every copy language, to everyone on the team', async () => {
    const out = await p.say('carol', '/brand');
    expect(out.reply.kind).toBe('result');
    const field = (label: string) => out.reply.fields?.find((f) => f.label === label)?.value;
    expect(field('Core values')).toBe('en: high quality, sustainable living\nzh: 高品质, 可持续生活\nde: hohe Qualität, nachhaltiges Leben');
    expect(field('Must appear')).toBe('Verdant Goods');
    expect(field('Banned claims')).toContain('en: best in the world, 100% guaranteed, cures');
    expect(field('Tone')).toContain('never hyped');
    expect(out.reply.actions?.map((a) => a.command)).toEqual(['/brand audit']);
  });

  it('answers in Chinese', async () => {
    const out = await p.say('dan', '/brand', { localeHint: 'zh-CN' });
    expect(out.reply.fields?.[0]?.label).toBe('核心价值');
  });
});

describe('/brand edit', () => {
  it('is for admins only, and a refusal changes nothing', async () => {
    const before = await brandRow();
    for (const who of ['alice', 'dan', 'bob']) {
      const out = await p.say(who, '/brand edit banned add "eco-friendly"');
      expect(out.reply.kind).toBe('denied');
    }
    expect(await brandRow()).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: 'brand.update' } })).toBe(0);
  });

  it('adds, removes and sets, per language, each in one audited write', async () => {
    const add = await p.say('erin', '/brand edit banned add "eco-friendly, zero waste"');
    expect(add.reply.summary).toBe('Banned claims (en) updated.');
    expect((await brandRow()).bannedPhrases).toEqual(['best in the world', '100% guaranteed', 'cures', 'FDA approved', 'miracle', 'chemical-free', 'eco-friendly', 'zero waste']);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'brand.update' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actor: 'erin', targetType: 'brand' });
    expect((audit.before as { bannedPhrases: string[] }).bannedPhrases).not.toContain('eco-friendly');
    expect((audit.after as { bannedPhrases: string[] }).bannedPhrases).toContain('eco-friendly');

    await p.say('erin', '/brand edit banned remove zero waste');
    expect((await brandRow()).bannedPhrases).not.toContain('zero waste');

    // Chinese in the message gets a Chinese answer.
    const zh = await p.say('erin', '/brand edit values add zh 用心制作');
    expect(zh.reply.summary).toBe('核心价值 (zh) 已更新。');
    expect((await brandRow()).translations).toMatchObject({ zh: { coreValues: ['高品质', '可持续生活', '用心制作'] } });

    const tone = await p.say('erin', '/brand edit tone set "Warm, clear and practical."');
    expect(tone.reply.kind).toBe('result');
    expect((await brandRow()).tone).toBe('Warm, clear and practical.');
    expect(await db.auditEvent.count({ where: { action: 'brand.update' } })).toBe(4);
  });

  it('new rules apply to new copy at once', async () => {
    const out = await p.say('dan', '/copy BT-100 amazon-us zh 2');
    for (const f of out.reply.fields ?? []) expect(f.value).toContain('用心制作');
  });

  it.each([
    ['/brand edit banned add eco-friendly', 'Already in Banned claims; nothing changed.'],
    ['/brand edit banned remove unicorn', 'Not in Banned claims; nothing changed.'],
    ['/brand edit values remove high quality, sustainable living', 'at least one core value in English'],
    ['/brand edit required set ""', 'say what to add, remove or set'],
    ['/brand edit tone add friendly', 'the tone is one text'],
    ['/brand edit required add zh 品牌', 'required phrases (such as the brand name) hold in every language'],
    ['/brand edit colours add red', 'say what to change: values, vocabulary, required, banned or tone'],
    ['/brand edit banned', 'say add, remove or set'],
  ])('%s gets a clear answer and changes nothing', async (text, message) => {
    const before = await brandRow();
    const audits = await db.auditEvent.count({ where: { action: 'brand.update' } });
    const out = await p.say('erin', text);
    expect(out.reply.kind).toBe('error');
    expect(replyText(out)).toContain(message);
    expect(await brandRow()).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: 'brand.update' } })).toBe(audits);
  });
});

describe('/brand audit', () => {
  const issues = DEMO_ANCHORS.listingIssues;

  it('finds the problems planted in the demo listings', async () => {
    const out = await p.say('bob', '/brand audit');
    expect(out.reply.kind).toBe('result');
    const rows = out.reply.tables?.[0]?.rows ?? [];
    const row = (platform: string, sku: string) => rows.filter((r) => r.platform === platform && r.sku === sku).map((r) => r.problem);
    expect(row(issues.bannedClaim.platform, issues.bannedClaim.sku)).toEqual(['Banned claim “cures”']);
    expect(row(issues.priceConflict.platform, issues.priceConflict.sku)).toEqual([`Price 8.99 USD is 70% below ${issues.priceConflict.referencePlatform} (29.99 USD)`]);
    expect(row(issues.longTitle.platform, issues.longTitle.sku)).toContain('Title 236 chars (≤200)');
    expect(row(issues.claimConflict.platform, issues.claimConflict.sku)).toEqual(['Says 48 h; elsewhere: amazon-us 12 h, 24 h; amazon-de 12 h, 24 h; shopify 12 h, 24 h']);
    // The planted ones lead: errors first, banned claims and contradictions before limits.
    expect(rows.slice(0, 3).map((r) => r.sku)).toEqual([issues.bannedClaim.sku, issues.priceConflict.sku, issues.claimConflict.sku]);
    expect(out.reply.summary).toMatch(/^\d+ live listings on 6 platforms: \d+ problems, \d+ warnings\.$/);
  });

  it('folds many listings with the same problem into one row', async () => {
    const out = await p.say('bob', '/brand audit tiktok-us');
    const rows = out.reply.tables?.[0]?.rows ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ platform: 'tiktok-us', sku: expect.stringMatching(/^\d+ listings$/) as unknown as string });
    expect(rows[0]?.problem).toMatch(/^Description \d+–\d+ words \(≥30\) · /);
  });

  it('narrows to one platform but still compares it with the others', async () => {
    const out = await p.say('dan', '/brand audit aliexpress');
    const skus = (out.reply.tables?.[0]?.rows ?? []).map((r) => r.sku).sort();
    expect(skus).toEqual([issues.priceConflict.sku, issues.claimConflict.sku].sort());
    expect(out.reply.title).toBe('Brand audit · aliexpress');
  });

  it('flags a banned claim the moment the profile bans it', async () => {
    await p.say('erin', '/brand edit banned add numbered handles');
    const out = await p.say('dan', '/brand audit amazon-us');
    expect((out.reply.tables?.[0]?.rows ?? []).filter((r) => r.problem === 'Banned claim “numbered handles”').map((r) => r.sku)).toContain('BT-100');
    await p.say('erin', '/brand edit banned remove numbered handles');
  });

  it('says which platforms exist when the platform is unknown', async () => {
    const out = await p.say('dan', '/brand audit amazon-xx');
    expect(out.reply.kind).toBe('error');
    expect(out.reply.summary).toContain('Known platforms: aliexpress, amazon-de');
  });
});
