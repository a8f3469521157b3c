/**
 * /team, /team link and /team unlink on the demo database: an admin links a Slack or Discord
 * account to a team member (audited), and from then on that account acts with the member's roles.
 */
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

const slackWhoami = (userId: string) => p.pipeline.handle({ via: 'slack', user: { platformUserId: userId }, channelId: 'C1', text: '/whoami' });

describe('/team link', () => {
  it('links a Slack user to a member, audited, so that user gets the member’s roles', async () => {
    expect((await slackWhoami('U0BOB0001')).reply.summary).toContain('Not linked');
    const out = await p.say('erin', '/team link bob slack U0BOB0001');
    expect(out.tool).toBe('team-link');
    expect(out.reply.kind).toBe('result');
    expect(out.reply.summary).toBe('slack user U0BOB0001 now acts as bob (staff).');
    expect((await demo.db.teamMember.findUniqueOrThrow({ where: { handle: 'bob' } })).slackUserId).toBe('U0BOB0001');
    const audit = await demo.db.auditEvent.findMany({ where: { action: 'team.link' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'erin', targetType: 'team-member', targetId: 'bob', before: { platform: 'slack', userId: null }, after: { platform: 'slack', userId: 'U0BOB0001' } });
    expect((await slackWhoami('U0BOB0001')).reply.fields?.find((f) => f.label === 'Roles')?.value).toBe('staff');
  });

  it('reads a mention as typed in Slack (<@U…|name>), and a Discord id', async () => {
    const slack = await p.say('erin', '/team link carol slack <@u0carol01|carol>');
    expect(slack.reply.summary).toContain('U0CAROL01 now acts as carol (cs)');
    const discord = await p.say('erin', '/team link carol discord 123456789012345678');
    expect(discord.reply.summary).toContain('123456789012345678 now acts as carol (cs)');
    expect(await demo.db.teamMember.findUniqueOrThrow({ where: { handle: 'carol' } })).toMatchObject({ slackUserId: 'U0CAROL01', discordUserId: '123456789012345678' });
  });

  it('replaces a member’s previous id, and says so', async () => {
    const out = await p.say('erin', '/team link bob slack U0BOB0002');
    expect(replyText(out)).toContain('It replaces the previous slack user U0BOB0001.');
  });

  it('refuses an id that belongs to someone else, an unchanged link, an unknown member and a malformed id; nothing changes', async () => {
    const audits = await demo.db.auditEvent.count({ where: { action: 'team.link' } });
    const taken = await p.say('erin', '/team link dan slack U0BOB0002');
    expect(taken.reply.kind).toBe('error');
    expect(taken.reply.summary).toBe('slack user U0BOB0002 is already linked to bob. Unlink it first: /team unlink bob slack');
    const same = await p.say('erin', '/team link bob slack U0BOB0002');
    expect(same.reply.summary).toContain('already linked');
    const nobody = await p.say('erin', '/team link zed slack U0ZED0001');
    expect(nobody.reply.summary).toBe('There is no team member “zed”. Team members: alice, bob, carol, dan, erin.');
    const malformed = await p.say('erin', '/team link dan slack dan');
    expect(replyText(malformed)).toContain('a Slack user id looks like U0123ABCD');
    expect(replyText(malformed)).toContain('Usage: /team link <handle> slack|discord <user id>');
    const platform = await p.say('erin', '/team link dan teams 123');
    expect(replyText(platform)).toContain('say slack or discord');
    expect(await demo.db.auditEvent.count({ where: { action: 'team.link' } })).toBe(audits);
    expect((await demo.db.teamMember.findUniqueOrThrow({ where: { handle: 'dan' } })).slackUserId).toBeNull();
  });

  it('is for admins only', async () => {
    const out = await p.say('alice', '/team link alice slack U0ALICE01');
    expect(out.reply.kind).toBe('denied');
    expect(replyText(out)).toContain('needs the role admin');
    // Not even a linked Slack user can link themselves to an admin.
    const slack = await p.pipeline.handle({ via: 'slack', user: { platformUserId: 'U0BOB0002' }, channelId: 'C1', text: '/team link erin slack U0BOB0002' });
    expect(slack.reply.kind).toBe('denied');
    expect((await demo.db.teamMember.findUniqueOrThrow({ where: { handle: 'erin' } })).slackUserId).toBeNull();
  });
});

describe('/team unlink and /team', () => {
  it('unlinks, audited, and the Slack user is back to the least access', async () => {
    const out = await p.say('erin', '/team unlink bob slack');
    expect(out.reply.summary).toBe('slack user U0BOB0002 is no longer linked to bob: it now has the least access.');
    expect(await demo.db.auditEvent.count({ where: { action: 'team.unlink', targetId: 'bob' } })).toBe(1);
    expect((await slackWhoami('U0BOB0002')).reply.summary).toContain('Not linked');
    const again = await p.say('erin', '/team unlink bob slack');
    expect(again.reply.summary).toBe('bob has no slack account linked; nothing changed.');
  });

  it('shows the links in /team (the roster tool), for every team role', async () => {
    const out = await p.say('dan', '/team');
    expect(out.reply.kind).toBe('result');
    const rows = out.reply.tables?.[0]?.rows ?? [];
    expect(rows.map((r) => r.handle)).toEqual(['alice', 'bob', 'carol', 'dan', 'erin']);
    expect(rows.find((r) => r.handle === 'carol')).toMatchObject({ roles: 'cs', slack: 'U0CAROL01', discord: '123456789012345678' });
    expect(rows.find((r) => r.handle === 'bob')).toMatchObject({ roles: 'staff', platforms: 'amazon-us', slack: '—' });
    const stranger = await p.pipeline.handle({ via: 'slack', user: { platformUserId: 'U0NOBODY1' }, channelId: 'C1', text: '/team' });
    expect(stranger.reply.kind).toBe('denied');
  });
});
