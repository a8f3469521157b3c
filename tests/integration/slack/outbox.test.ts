/**
 * The notification outbox delivered through Slack (src/bot/outbox-pump.ts with the Slack
 * courier), on the real database engine and the real Slack WebClient against a fake Slack on
 * loopback: at most once with several instances, channels Slack does not have given back, a
 * card posted by another platform left to it, people without a Slack account left alone.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { OutboxPump, type Courier } from '../../../src/bot/outbox-pump.ts';
import { enqueueNotification } from '../../../src/core/domain/notify/outbox.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { createLogger } from '../../../src/logging.ts';
import { SlackCourier } from '../../../src/adapters/slack/outbox.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { FakeSlack } from '../../fakes/slack-api.ts';

const BOB = 'U0BOB0001';
const now = () => new Date(Date.UTC(2026, 10, 20, 12));
const logger = createLogger({ level: 'silent' });

let demo: DemoDb;
let fake: FakeSlack;
let client: webApi.WebClient;
let bobId: number;
let carolId: number;

function card(subject: string, summary: string): Reply {
  return {
    kind: 'result',
    locale: 'en',
    title: `Budget change ${subject}`,
    summary,
    actions: [{ id: 'approve', label: `Approve ${subject}`, command: `/budget approve ${subject}`, style: 'primary' }],
  };
}

async function enqueue(n: { channel?: string; recipientId?: number; subject: string; summary: string }): Promise<number> {
  await demo.db.$transaction((tx) =>
    enqueueNotification(tx, now(), { topic: 'test', ...(n.channel ? { channel: n.channel } : {}), ...(n.recipientId ? { recipientId: n.recipientId } : {}), subject: n.subject, reply: card(n.subject, n.summary) }),
  );
  return (await demo.db.notification.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
}

function pump(courier: Courier = new SlackCourier(client, demo.db)): OutboxPump {
  return new OutboxPump({ db: demo.db, courier, logger, now });
}

beforeAll(async () => {
  demo = await openDemoDb();
  fake = await FakeSlack.start({ channels: { approvals: 'C0APPROVALS' } });
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  bobId = (await demo.db.teamMember.update({ where: { handle: 'bob' }, data: { slackUserId: BOB } })).id;
  carolId = (await demo.db.teamMember.findUniqueOrThrow({ where: { handle: 'carol' } })).id;
});

afterAll(async () => {
  await fake?.stop();
  await demo?.dispose();
});

beforeEach(async () => {
  await demo.db.notification.deleteMany();
  fake.calls.length = 0;
});

describe('the Slack outbox', () => {
  it('delivers each notification once when several instances run at the same time', async () => {
    for (let i = 1; i <= 12; i += 1) await enqueue({ channel: 'approvals', subject: `BR-${900 + i}`, summary: `card ${i}` });
    const sent = await Promise.all([pump().deliverPending(), pump().deliverPending(), pump().deliverPending()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(12);
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(12);
    expect(new Set(posts.map((p) => String(p.params.text))).size).toBe(12);
    const rows = await demo.db.notification.findMany();
    expect(rows.every((r) => r.deliveredAt !== null && r.deliveredVia === 'slack' && r.postedChannel === 'C0APPROVALS' && r.postedMessage !== null)).toBe(true);
  });

  it('edits the card posted for the same subject, across instances (the ts is stored, not remembered)', async () => {
    await enqueue({ channel: 'approvals', subject: 'BR-950', summary: 'waiting' });
    await pump().deliverPending();
    const posted = await demo.db.notification.findFirstOrThrow({ where: { subject: 'BR-950' } });
    await enqueue({ channel: 'approvals', subject: 'BR-950', summary: 'approved by Alice' });
    // A fresh pump, as after a restart or on another instance.
    await pump().deliverPending();
    const [update] = fake.callsTo('chat.update');
    expect(update?.params).toMatchObject({ channel: 'C0APPROVALS', ts: posted.postedMessage });
    expect(String(update?.params.text)).toContain('approved by Alice');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('posts the card anew when the old one is gone', async () => {
    await enqueue({ channel: 'approvals', subject: 'BR-951', summary: 'waiting' });
    await pump().deliverPending();
    await enqueue({ channel: 'approvals', subject: 'BR-951', summary: 'approved' });
    fake.failNext('chat.update', 'message_not_found');
    await pump().deliverPending();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    const latest = await demo.db.notification.findFirstOrThrow({ where: { subject: 'BR-951' }, orderBy: { id: 'desc' } });
    expect(latest.postedMessage).not.toBeNull();
  });

  it('gives back a notification for a channel Slack does not have, and tries again later', async () => {
    const id = await enqueue({ channel: 'budget-approvals', subject: 'BR-952', summary: 'waiting' });
    const outbox = pump();
    expect(await outbox.deliverPending()).toBe(0);
    expect(await demo.db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ deliveredAt: null, deliveredVia: null });
    // Not hammered: the same pump waits before asking Slack again.
    await outbox.deliverPending();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('leaves a card posted by Discord, a Discord channel id, and people without a Slack account to others', async () => {
    await enqueue({ channel: 'approvals', subject: 'BR-953', summary: 'waiting' });
    await demo.db.notification.updateMany({ data: { deliveredAt: now(), deliveredVia: 'discord', postedChannel: '645027906669599999', postedMessage: '1300000000000000001' } });
    const decision = await enqueue({ channel: 'approvals', subject: 'BR-953', summary: 'approved' });
    const discordChannel = await enqueue({ channel: '645027906669599999', subject: 'BR-954', summary: 'waiting' });
    const toCarol = await enqueue({ recipientId: carolId, subject: 'BR-955', summary: 'for carol' });
    expect(await pump().deliverPending()).toBe(0);
    expect(fake.calls).toEqual([]);
    const pending = await demo.db.notification.findMany({ where: { deliveredAt: null }, select: { id: true } });
    expect(pending.map((p) => p.id).sort()).toEqual([decision, discordChannel, toCarol].sort());
  });

  it('tells a person in their DM with the bot (chat.postMessage to their user id)', async () => {
    await enqueue({ recipientId: bobId, subject: 'BR-956', summary: 'BR-956 approved by Alice' });
    expect(await pump().deliverPending()).toBe(1);
    const [dm] = fake.callsTo('chat.postMessage');
    expect(dm?.params.channel).toBe(BOB);
    expect(String(dm?.params.text)).toContain('BR-956 approved by Alice');
  });
});
