import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provideKnowledgeBase } from '../../../src/core/domain/knowledge/knowledge-base.ts';
import { loadKnowledgeBase } from '../../../src/nl/knowledge/bm25-knowledge-base.ts';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';

let dispose: () => Promise<void>;
let p: TestPipeline;

beforeAll(async () => {
  const demo = await openDemoDb();
  dispose = demo.dispose;
  p = testPipeline(demo.db, new Date(demo.referenceDate.getTime() + 12 * 3_600_000));
  provideKnowledgeBase(await loadKnowledgeBase());
});

afterAll(async () => {
  provideKnowledgeBase(null);
  await dispose();
});

describe('/ask', () => {
  it('answers a platform-rule question from the knowledge base, best passage first, with its sources', async () => {
    const out = await p.say('dan', "/ask what's Amazon's title limit?");
    expect(out.tool).toBe('ask');
    expect(out.args).toEqual({ question: "what's Amazon's title limit?" });
    expect(out.reply.kind).toBe('result');
    expect(out.reply.title).toBe('From our knowledge base');
    expect(out.reply.fields?.[0]?.label).toBe('Amazon · title');
    expect(out.reply.fields?.[0]?.value).toContain('At most 200 characters, spaces included');
    expect(out.reply.notes?.[0]).toMatch(/^Sources: platform-rules\.md/);
  });

  it('answers in Chinese from the Chinese playbook', async () => {
    const out = await p.say('bob', '/ask 轻小件怎么选物流');
    expect(out.reply.locale).toBe('zh');
    expect(out.reply.title).toBe('知识库');
    expect(replyText(out)).toContain('邮政小包');
  });

  it('says so when nothing matches, with a hint on how to ask', async () => {
    const out = await p.say('bob', '/ask zebra crossing');
    expect(out.reply.kind).toBe('error');
    expect(out.reply.summary).toBe('Nothing in the knowledge base matches “zebra crossing”.');
    expect(out.reply.notes?.[0]).toContain('/ask Amazon title limit');
  });

  it('checks its input like any command, and is for the team only', async () => {
    const short = await p.say('bob', '/ask hi');
    expect(short.reply.kind).toBe('error');
    expect(short.reply.summary).toContain('at least 3 characters');
    const stranger = await p.pipeline.handle({ via: 'slack', user: { platformUserId: 'U0NOBODY' }, channelId: 'C1', text: '/ask amazon title limit' });
    expect(stranger.reply.kind).toBe('denied');
  });

  it('says the knowledge base is not loaded rather than failing', async () => {
    provideKnowledgeBase(null);
    try {
      const out = await p.say('bob', '/ask amazon title limit');
      expect(out.reply.kind).toBe('error');
      expect(out.reply.summary).toBe('The knowledge base is not loaded in this process, so /ask cannot answer right now.');
    } finally {
      provideKnowledgeBase(await loadKnowledgeBase());
    }
  });
});
