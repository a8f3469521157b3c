/** /rate: feedback on an answer is kept as an AuditEvent for evaluating the NL layer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';

let demo: DemoDb;
let p: TestPipeline;

beforeAll(async () => {
  demo = await openDemoDb();
  p = testPipeline(demo.db, new Date('2026-11-20T10:00:00Z'));
});

afterAll(async () => {
  await demo?.dispose();
});

describe('/rate', () => {
  it('records what the feedback buttons send: verdict, answer and tool', async () => {
    const out = await p.say('bob', '/rate useful slack:D0BOB:1729999400.000100 tool=stock');
    expect(out.reply).toMatchObject({ kind: 'result', ephemeral: true, summary: 'Thanks, noted as useful.' });
    const [event] = await demo.db.auditEvent.findMany({ where: { action: 'answer.feedback' } });
    expect(event).toMatchObject({ actor: 'bob', via: 'console', targetType: 'answer', targetId: 'slack:D0BOB:1729999400.000100', after: { verdict: 'useful', tool: 'stock' } });
  });

  it('takes a typed note, in either language', async () => {
    const out = await p.say('carol', '/rate not-useful 平台不对');
    expect(out.reply.summary).toContain('没用');
    const event = await demo.db.auditEvent.findFirstOrThrow({ where: { action: 'answer.feedback', actor: 'carol' } });
    expect(event).toMatchObject({ targetId: 'unspecified', after: { verdict: 'not-useful', note: '平台不对' } });
  });

  it('says how to say it right, and records nothing, when the verdict is missing or unknown', async () => {
    const before = await demo.db.auditEvent.count();
    const out = await p.say('bob', '/rate great');
    expect(out.reply.kind).toBe('error');
    expect(replyText(out)).toContain('say useful or not-useful');
    expect(replyText(out)).toContain('Usage: /rate useful|not-useful [note]');
    expect(await demo.db.auditEvent.count()).toBe(before);
  });

  it('is for team members: an unknown chat user is refused', async () => {
    const out = await p.pipeline.handle({ via: 'slack', user: { platformUserId: 'U0NOBODY1' }, channelId: 'C1', text: '/rate useful' });
    expect(out.reply.kind).toBe('denied');
  });
});
