/**
 * Discord guild roles mapped by DISCORD_ROLE_MAP reach the one place roles are checked: they
 * add to a linked member's roles, give people we don't know exactly the mapped roles, and
 * never revive a member we deactivated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/persistence/db.ts';
import { resolveActor } from '../../../src/core/domain/team/actor-service.ts';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';

let db: Db;
let dispose: () => Promise<void>;
let p: TestPipeline;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  await db.teamMember.update({ where: { handle: 'bob' }, data: { discordUserId: '200000000000000002' } });
  await db.teamMember.update({ where: { handle: 'dan' }, data: { discordUserId: '200000000000000004', active: false } });
  p = testPipeline(db, new Date(demo.referenceDate.getTime() + 12 * 3_600_000));
});

afterAll(async () => {
  await dispose?.();
});

const ask = (userId: string, text: string, grantedRoles?: Array<'staff' | 'manager'>) =>
  p.pipeline.handle({ via: 'discord', user: { platformUserId: userId, displayName: 'Someone', ...(grantedRoles ? { grantedRoles } : {}) }, channelId: 'c', text });

describe('granted roles', () => {
  it('add to a linked member’s own roles', async () => {
    const actor = await resolveActor(db, 'discord', { platformUserId: '200000000000000002', grantedRoles: ['manager'] });
    expect(actor).toMatchObject({ handle: 'bob', roles: ['manager', 'staff'], platformsOwned: ['amazon-us'] });
  });

  it('give someone we don’t know exactly the mapped roles, and they can run what those allow', async () => {
    const out = await ask('300000000000000003', '/stock WB-500', ['staff']);
    expect(out.reply.kind).toBe('result');
    expect(out.tool).toBe('stock');
    const denied = await ask('300000000000000003', '/team link bob discord 300000000000000003', ['staff']);
    expect(denied.reply.kind).toBe('denied');
    expect(await db.teamMember.count({ where: { discordUserId: '300000000000000003' } })).toBe(0);
  });

  it('give nothing without a mapped role, and nothing to a deactivated member', async () => {
    expect((await ask('300000000000000003', '/stock WB-500')).reply.kind).toBe('denied');
    const inactive = await resolveActor(db, 'discord', { platformUserId: '200000000000000004', grantedRoles: ['manager'] });
    expect(inactive.roles).toEqual([]);
    expect(replyText(await ask('200000000000000004', '/stock WB-500', ['manager']))).toContain('I don’t know you yet');
  });
});
