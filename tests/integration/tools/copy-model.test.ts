/**
 * The model path of /copy: langchain's ChatOpenAI with zod-typed structured output, against a
 * loopback server speaking OpenAI's chat-completions API (tests/fakes/openai-server.ts). Good
 * answers are stored as model copy; answers that break the schema or the limits are repaired
 * once, then rejected, and the composer fills in; an endpoint that fails leaves the composer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_TOOLS } from '../../../src/core/tools/index.ts';
import { withCopyModel } from '../../../src/core/tools/copy/with-copy-model.ts';
import { copyModelFromConfig, createCopyModel } from '../../../src/llm/copy-model.ts';
import type { Db } from '../../../src/persistence/db.ts';
import { startFakeOpenAi, messageText, type FakeOpenAi, type ScriptedTurn } from '../../fakes/openai-server.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';

let demo: DemoDb;
let db: Db;
let fake: FakeOpenAi;
let p: TestPipeline;

const brandLine = 'Verdant Goods makes it for high quality and sustainable living.';

/** A variant that keeps every Amazon rule. */
function good(i: number): Record<string, unknown> {
  return {
    title: `Verdant Goods Insulated Water Bottle 500 ml, steel and bamboo ${i}`,
    bullets: ['Keeps drinks cold for 24 hours and hot for 12 hours.', `Leak-proof bamboo lid, version ${i}.`, brandLine],
    description: `A double-wall bottle with a bamboo lid. ${brandLine}`,
    searchTerms: `insulated water bottle vacuum flask bamboo lid ${i}`,
  };
}

const answer = (variants: unknown[]): ScriptedTurn => ({ toolCalls: [{ name: 'copy_variants', arguments: { variants } }] });

beforeAll(async () => {
  demo = await openDemoDb();
  db = demo.db;
  fake = await startFakeOpenAi(() => ({ status: 500, error: 'not scripted' }));
  const model = createCopyModel({ apiKey: 'sk-test-not-a-secret', baseURL: fake.baseURL, model: 'fake-copy-model', timeoutMs: 60_000 });
  p = testPipeline(db, new Date(demo.referenceDate.getTime() + 9 * 3_600_000), withCopyModel(ALL_TOOLS, model));
});

afterAll(async () => {
  await fake.close();
  await demo.dispose();
});

let requestsBefore = 0;
beforeEach(() => {
  requestsBefore = fake.requests.length;
});
const requestsNow = () => fake.requests.slice(requestsBefore);

async function stored(out: Awaited<ReturnType<TestPipeline['say']>>) {
  const ids = (out.reply.fields ?? []).map((f) => Number(/^CV-(\d+)/.exec(f.label)?.[1]));
  return db.copyVariant.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
}

describe('/copy with a model', () => {
  it('stores the model’s valid variants, asked for with the rules, the brand and a typed schema', async () => {
    fake.setScript(() => answer([good(1), good(2)]));
    const out = await p.say('dan', '/copy WB-500 amazon-us en 2');
    expect(out.reply.kind).toBe('result');
    const rows = await stored(out);
    expect(rows.map((r) => r.source)).toEqual(['model', 'model']);
    expect(rows.map((r) => (r.fields as { title: string }).title)).toEqual([good(1).title, good(2).title]);
    expect(out.reply.fields?.[0]?.value).toContain('Checks (model): ✓ Title');

    const [request] = requestsNow();
    expect(requestsNow()).toHaveLength(1);
    // Structured output is a forced function call whose parameters are the zod schema as JSON Schema.
    expect(request!.body.tools?.[0]?.function.name).toBe('copy_variants');
    const schema = request!.body.tools?.[0]?.function.parameters as { properties: { variants: { items: { properties: Record<string, unknown>; required: string[] } } } };
    expect(Object.keys(schema.properties.variants.items.properties).sort()).toEqual(['bullets', 'description', 'searchTerms', 'title']);
    expect(request!.body.tool_choice).toMatchObject({ type: 'function', function: { name: 'copy_variants' } });
    const system = messageText(request!.body.messages[0]!);
    expect(system).toContain('Verdant Goods');
    expect(system).toContain('high quality, sustainable living');
    expect(system).toContain('cures');
    expect(system).toContain('in English');
    const ask = messageText(request!.body.messages[1]!);
    expect(ask).toContain('- title: at most 200 characters');
    expect(ask).toContain('at most 249 UTF-8 bytes (spaces and punctuation not counted)');
    expect(ask).toContain('Keeps drinks cold for 24 hours and hot for 12 hours');
  });

  it('repairs an answer that breaks the schema once, with the problem, and keeps the repaired one', async () => {
    fake.setScript((_req, i) => (i === requestsBefore ? { toolCalls: [{ name: 'copy_variants', arguments: '{"variants": [{"title": 5' }] } : answer([good(3), good(4)])));
    const out = await p.say('dan', '/copy WB-500 amazon-us en 2');
    expect(requestsNow()).toHaveLength(2);
    const repair = requestsNow()[1]!.body.messages.at(-1)!;
    expect(messageText(repair)).toContain('Your previous answer was rejected');
    expect(messageText(repair)).toContain('does not match the schema');
    expect((await stored(out)).map((r) => r.source)).toEqual(['model', 'model']);
    expect(out.reply.notes?.join(' ')).not.toContain('rejected');
  });

  it('repairs a variant that breaks the limits, then rejects what is still broken and lets the composer fill in', async () => {
    const tooLong = { ...good(5), title: `Verdant Goods ${'Bottle '.repeat(40)}`.trim() };
    const banned = { ...good(6), description: `A miracle bottle. ${brandLine}` };
    fake.setScript((_req, i) => (i === requestsBefore ? answer([good(7), tooLong]) : answer([banned])));
    const before = await db.copyVariant.count();
    const out = await p.say('dan', '/copy WB-500 amazon-us en 2');
    expect(requestsNow()).toHaveLength(2);
    const repair = messageText(requestsNow()[1]!.body.messages.at(-1)!);
    expect(repair).toMatch(/title has \d+ characters; allowed 0–200/);
    expect(repair).toContain('repeats words more than 2 times: bottle');

    const rows = await stored(out);
    expect(rows.map((r) => r.source)).toEqual(['model', 'composer']);
    expect(await db.copyVariant.count()).toBe(before + 2);
    // Never stored, never shown: neither the over-long title nor the banned claim.
    const all = await db.copyVariant.findMany({ select: { fields: true } });
    expect(all.some((v) => JSON.stringify(v.fields).includes('miracle'))).toBe(false);
    expect(all.some((v) => (v.fields as { title?: string }).title === tooLong.title)).toBe(false);
    expect((out.reply.fields ?? []).map((f) => f.value).join('\n')).not.toContain('miracle');
    expect(out.reply.notes?.join(' ')).toMatch(/amazon-us en: 1 of the model’s \(fake-copy-model\) variants were rejected after one repair \(the copy makes banned claims: miracle\)/);
  });

  it('rejects an answer that misses the schema twice (a field missing, then plain text) and lets the composer write', async () => {
    fake.setScript((_req, i) => (i === requestsBefore ? answer([{ title: 'Verdant Goods Bottle', bullets: [brandLine] }]) : { content: 'Here are some ideas for your bottle!' }));
    const out = await p.say('dan', '/copy WB-500 amazon-us en 1');
    expect(requestsNow()).toHaveLength(2);
    expect(messageText(requestsNow()[1]!.body.messages.at(-1)!)).toMatch(/does not match the schema \(.*description/);
    expect((await stored(out)).map((r) => r.source)).toEqual(['composer']);
    expect(out.reply.notes?.join(' ')).toContain('were rejected after one repair (the answer does not match the schema');
  });

  it('falls back to the composer when the endpoint fails, without retrying', async () => {
    fake.setScript(() => ({ status: 500, error: 'upstream overloaded' }));
    const out = await p.say('dan', '/copy WB-500 amazon-us en 2');
    expect(requestsNow()).toHaveLength(1);
    expect((await stored(out)).map((r) => r.source)).toEqual(['composer', 'composer']);
    expect(out.reply.notes?.join(' ')).toContain('the model (fake-copy-model) did not answer');
    // The key never reaches the logs.
    expect(JSON.stringify(p.logs)).not.toContain('sk-test-not-a-secret');
  });

  it('regenerates through the model too, asking for a title different from the existing ones', async () => {
    fake.setScript(() => answer([good(8)]));
    const first = await p.say('dan', '/copy WB-500 amazon-us en 1');
    const id = Number(/^CV-(\d+)/.exec(first.reply.fields?.[0]?.label ?? '')?.[1]);
    fake.setScript(() => answer([good(9)]));
    const out = await p.say('dan', `/copy regenerate CV-${id}`);
    expect(out.reply.kind).toBe('result');
    const facts = messageText(fake.requests.at(-1)!.body.messages[1]!);
    expect(facts).toContain(good(8).title as string);
    expect((await stored(out)).map((r) => [(r.fields as { title: string }).title, r.source])).toEqual([[good(9).title, 'model']]);
  });
});

describe('copyModelFromConfig', () => {
  it('gives no model without a key, so the composer writes', () => {
    expect(copyModelFromConfig({ OPENAI_MODEL: 'gpt-4o-mini' })).toBeNull();
    expect(copyModelFromConfig({ OPENAI_API_KEY: 'sk-x', OPENAI_MODEL: 'm', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' })?.label).toBe('m');
  });
});
