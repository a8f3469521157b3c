import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ToolError } from '../../../src/core/errors.ts';
import { defineTool, type ToolDefinition } from '../../../src/core/tool.ts';
import { ALL_TOOLS } from '../../../src/core/tools/index.ts';
import { MAX_INPUT_CHARS } from '../../../src/bot/pipeline.ts';
import { createTempDb } from '../../helpers/temp-db.ts';
import { testPipeline, replyText, type TestPipeline } from '../../helpers/pipeline.ts';
import type { Db } from '../../../src/persistence/db.ts';

// Tools that exist only in this test, to drive the pipeline's write, audit and error paths
// through the real registry, database and logger.
const renamePlatform = defineTool({
  name: 'test-rename',
  command: '/testrename',
  summary: { en: 'rename a platform', zh: '重命名平台' },
  usage: '<code> <name> [fail]',
  examples: ['/testrename amazon-us Amazon'],
  roles: ['admin'],
  effect: 'write',
  input: z.object({ code: z.string().min(2), name: z.string().min(2), fail: z.boolean() }),
  parseArgs: (tokens) => ({ code: tokens[0], name: tokens[1], fail: tokens[2] === 'fail' }),
  async run(ctx, args) {
    await ctx.transaction(async (tx, audit) => {
      const before = await tx.platform.findUniqueOrThrow({ where: { code: args.code } });
      const after = await tx.platform.update({ where: { code: args.code }, data: { name: args.name } });
      await audit({ action: 'platform.rename', targetType: 'platform', targetId: args.code, before: { name: before.name }, after: { name: after.name } });
      if (args.fail) throw new Error('disk full while writing jane@example.com +1 415 555 0123');
    });
    return { kind: 'result', locale: ctx.locale, summary: `renamed ${args.code}` };
  },
});

const declines = defineTool({
  name: 'test-declines',
  command: '/testdecline',
  summary: { en: 'always declines', zh: '总是拒绝' },
  usage: '',
  examples: [],
  roles: 'anyone',
  effect: 'read',
  input: z.object({}),
  parseArgs: () => ({}),
  async run() {
    throw new ToolError('conflict', 'already approved by alice', { hints: ['nothing to do'] });
  },
});

let db: Db;
let dispose: () => Promise<void>;
let p: TestPipeline;
const now = new Date('2026-11-20T10:00:00Z');

beforeAll(async () => {
  const temp = await createTempDb();
  db = temp.db;
  dispose = temp.dispose;
  await db.platform.create({
    data: { code: 'amazon-us', name: 'Amazon US', marketplace: 'amazon', region: 'US', country: 'US', currency: 'USD', stage: 'mature', commissionRate: 0.15, launchedOn: new Date('2020-01-01') },
  });
  await db.teamMember.create({ data: { handle: 'erin', name: 'Erin Admin', roles: { create: [{ role: 'admin' }] } } });
  await db.teamMember.create({ data: { handle: 'bob', name: 'Bob Li', slackUserId: 'U0BOB', roles: { create: [{ role: 'staff' }] } } });
  p = testPipeline(db, now, [...ALL_TOOLS, renamePlatform as unknown as ToolDefinition, declines as unknown as ToolDefinition]);
});

afterAll(async () => {
  await dispose();
});

describe('writes and audit', () => {
  it('commits the change and its AuditEvent together', async () => {
    const out = await p.say('erin', '/testrename amazon-us Amazon.com');
    expect(out.reply.kind).toBe('result');
    expect((await db.platform.findUniqueOrThrow({ where: { code: 'amazon-us' } })).name).toBe('Amazon.com');
    const events = await db.auditEvent.findMany({ where: { action: 'platform.rename' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'erin', via: 'console', targetId: 'amazon-us', before: { name: 'Amazon US' }, after: { name: 'Amazon.com' } });
    expect(events[0]?.at).toEqual(now);
  });

  it('rolls back change and audit when the tool fails halfway, and answers without a stack trace', async () => {
    const out = await p.say('erin', '/testrename amazon-us Broken fail');
    expect(out.reply.kind).toBe('error');
    expect(out.reply.ephemeral).toBe(true);
    const text = replyText(out);
    expect(text).toMatch(/ref [0-9a-f]{8}/);
    expect(text).not.toMatch(/disk full|at .*\.ts:\d+/);
    expect((await db.platform.findUniqueOrThrow({ where: { code: 'amazon-us' } })).name).toBe('Amazon.com');
    expect(await db.auditEvent.count({ where: { action: 'platform.rename' } })).toBe(1);

    // Logged once, with the same ref, and without the PII that was in the error message.
    const ref = /ref ([0-9a-f]{8})/.exec(text)?.[1];
    const errors = p.logs.filter((l) => l.msg === 'unexpected error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.ref).toBe(ref);
    // No part of the phone number: its groups, not bare digits (the record's epoch-ms timestamp
    // or a stack line number may contain "555" by chance).
    const logged = JSON.stringify(errors[0]);
    expect(logged).toContain('disk full');
    expect(logged).not.toContain('jane@example.com');
    expect(logged).not.toMatch(/415\D?555|555\D?0123/);
  });

  it('refuses a write to someone without the role, and changes nothing', async () => {
    const out = await p.say('bob', '/testrename amazon-us Hacked');
    expect(out.reply.kind).toBe('denied');
    expect(replyText(out)).toContain('needs the role admin');
    expect((await db.platform.findUniqueOrThrow({ where: { code: 'amazon-us' } })).name).toBe('Amazon.com');
  });
});

describe('who is asking', () => {
  it('maps a Slack user id to its team member', async () => {
    const out = await p.pipeline.handle({ via: 'slack', user: { platformUserId: 'U0BOB' }, channelId: 'C1', text: '/whoami' });
    expect(out.reply.fields?.find((f) => f.label === 'Handle')?.value).toBe('bob');
  });

  it('gives an unknown user the least access: help and whoami only', async () => {
    const stranger = { via: 'slack' as const, user: { platformUserId: 'U0NOBODY', displayName: 'Mallory' }, channelId: 'C1' };
    const stock = await p.pipeline.handle({ ...stranger, text: '/stock WB-500' });
    expect(stock.reply.kind).toBe('denied');
    expect(replyText(stock)).toContain('only run /help and /whoami');
    const help = await p.pipeline.handle({ ...stranger, text: '/help' });
    const commands = help.reply.tables?.[0]?.rows.map((r) => r.command?.split(' ')[0]);
    expect(commands?.sort()).toEqual(['/help', '/testdecline', '/whoami']);
  });
});

describe('bad input', () => {
  it.each([
    ['', 'Say something'],
    ['   ', 'Say something'],
    ['x'.repeat(MAX_INPUT_CHARS + 1), `has ${MAX_INPUT_CHARS + 1} characters; the limit is ${MAX_INPUT_CHARS}`],
    ['/stock \u0000\u0007', 'control characters'],
    ['/stok WB-500', 'Did you mean /stock?'],
    ['/', 'Say something'],
    ['/stock', 'Usage: /stock <sku | product name> [platform]'],
    ['/whoami please', 'That does not fit /whoami'],
  ])('answers %j clearly', async (text, expected) => {
    const out = await p.say('erin', text);
    expect(out.reply.kind).toBe('error');
    expect(out.reply.ephemeral).toBe(true);
    expect(replyText(out)).toContain(expected);
  });

  it('answers in Chinese when asked in Chinese', async () => {
    const out = await p.say('erin', '/库存');
    expect(out.reply.locale).toBe('zh');
    expect(replyText(out)).toContain('没有 /库存 这个命令');
  });

  it('turns an expected ToolError into its own message with hints', async () => {
    const out = await p.say('bob', '/testdecline');
    expect(out.reply).toMatchObject({ kind: 'error', summary: 'already approved by alice', notes: ['nothing to do'] });
    expect(p.logs.some((l) => l.msg === 'tool declined' && l.outcome === 'conflict')).toBe(true);
  });

  it('never logs what the user typed', () => {
    const all = JSON.stringify(p.logs);
    expect(all).not.toContain('Hacked');
    expect(all).not.toContain('WB-500');
  });
});
