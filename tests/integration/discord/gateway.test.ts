/**
 * The gateway bot, end to end on loopback: real discord.js logs in to a fake gateway (HELLO,
 * IDENTIFY, READY), receives the shared real payloads as INTERACTION_CREATE and MESSAGE_CREATE
 * dispatches, and answers through REST, which a fake Discord records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, type APIEmbed } from 'discord.js';
import { ALL_TOOLS } from '../../../src/core/tools/index.ts';
import { configurePlanning } from '../../../src/core/domain/planning/settings.ts';
import type { Db } from '../../../src/persistence/db.ts';
import { FakeDiscord, FAKE_APPLICATION_ID, FAKE_BOT_USER_ID, type DiscordCall } from '../../fakes/discord-api.ts';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { BOT_TOKEN, buttonInteraction, commandInteraction, messageCreate, startDiscordBot, type RunningDiscordBot } from '../../helpers/discord.ts';
import { DISCORD_TEST_TOOLS } from './test-tools.ts';

const BOB = { userId: '53908232506183680' };
const ALICE = { userId: '112233445566778899' };
const STRANGER = { userId: '998877665544332211' };

interface Data {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ components: Array<{ custom_id?: string; label?: string; disabled?: boolean }> }>;
  flags?: number;
  message_reference?: { message_id: string };
  allowed_mentions?: { parse: string[] };
}
const dataOf = (call: DiscordCall) => (call.body as { data?: Data }).data;
const callback = (interaction: Record<string, unknown>) => new RegExp(`^/interactions/${String(interaction.id)}/${String(interaction.token)}/callback$`);

let db: Db;
let dispose: () => Promise<void>;
let now: Date;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  now = new Date(demo.referenceDate.getTime() + 12 * 3_600_000);
  await db.teamMember.update({ where: { handle: 'bob' }, data: { discordUserId: BOB.userId } });
  await db.teamMember.update({ where: { handle: 'alice' }, data: { discordUserId: ALICE.userId } });
});

afterAll(async () => {
  await dispose?.();
});

describe('gateway bot', () => {
  let fake: FakeDiscord;
  let running: RunningDiscordBot;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    running = await startDiscordBot({ db, fake, gateway: true, now, nl: true, tools: [...ALL_TOOLS, ...DISCORD_TEST_TOOLS] });
  });
  afterAll(async () => {
    await running?.stop();
    await fake?.stop();
  });

  it('logs in with the bot token and no privileged intent', () => {
    expect(fake.identifies).toHaveLength(1);
    const identify = fake.identifies[0] as { token: string; intents: number };
    expect(identify.token).toBe(BOT_TOKEN);
    expect(identify.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages);
    const privileged = GatewayIntentBits.MessageContent | GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences;
    expect(identify.intents & privileged).toBe(0);
    expect(running.bot.client?.user?.id).toBe(FAKE_BOT_USER_ID);
  });

  it('answers a /stock WB-500 interaction through the interaction callback', async () => {
    const interaction = commandInteraction(BOB, 'stock', [{ name: 'sku', value: 'WB-500' }]);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const call = await fake.nthCall('POST', callback(interaction));
    // Interaction callbacks are authorised by their token, not the bot token.
    expect(call.authorization).toBeUndefined();
    expect((call.body as { type: number }).type).toBe(4);
    expect(dataOf(call)?.embeds?.[0]?.title).toMatch(/^Stock · WB-500 · /);
    expect(dataOf(call)?.flags).toBeUndefined();
  });

  it('refuses an unknown user ephemerally', async () => {
    const interaction = commandInteraction(STRANGER, 'stock', [{ name: 'sku', value: 'WB-500' }]);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const call = await fake.nthCall('POST', callback(interaction));
    expect(dataOf(call)?.flags).toBe(64);
  });

  it('updates a card when an allowed user presses Approve, and refuses one who may not', async () => {
    const budget = await db.budget.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const show = commandInteraction(BOB, 'testcard', [{ name: 'budget-id', value: String(budget.id) }]);
    fake.dispatch('INTERACTION_CREATE', show);
    const shown = dataOf(await fake.nthCall('POST', callback(show)));
    const approve = shown?.components?.[0]?.components[0]?.custom_id as string;

    const refused = buttonInteraction(BOB, approve, shown?.components ?? []);
    fake.dispatch('INTERACTION_CREATE', refused);
    const refusal = await fake.nthCall('POST', callback(refused));
    expect((refusal.body as { type: number }).type).toBe(4);
    expect(dataOf(refusal)?.flags).toBe(64);
    expect(Number((await db.budget.findUniqueOrThrow({ where: { id: budget.id } })).amount)).toBe(Number(budget.amount));

    const pressed = buttonInteraction(ALICE, approve, shown?.components ?? []);
    fake.dispatch('INTERACTION_CREATE', pressed);
    const update = await fake.nthCall('POST', callback(pressed));
    expect((update.body as { type: number }).type).toBe(7);
    expect(dataOf(update)?.content).toContain(`<@${ALICE.userId}>`);
    expect(dataOf(update)?.components?.flatMap((r) => r.components).every((b) => b.disabled)).toBe(true);
    expect(Number((await db.budget.findUniqueOrThrow({ where: { id: budget.id } })).amount)).toBe(Number(budget.amount) + 500);
  });

  it('answers a mention through the NL layer, as a reply that pings nobody', async () => {
    const ignored = messageCreate({ authorId: BOB.userId, content: 'lunch anyone?' });
    const asked = messageCreate({ authorId: BOB.userId, content: `<@${FAKE_BOT_USER_ID}> how many WB-500 do we have on amazon-us?`, mentions: [FAKE_BOT_USER_ID] });
    fake.dispatch('MESSAGE_CREATE', ignored);
    fake.dispatch('MESSAGE_CREATE', asked);
    const reply = await fake.nthCall('POST', /^\/channels\/645027906669510667\/messages$/);
    const body = reply.body as Data;
    expect(reply.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(body.message_reference?.message_id).toBe(asked.id);
    expect(body.allowed_mentions?.parse).toEqual([]);
    expect(body.embeds?.[0]?.title).toMatch(/^Stock · WB-500 · .* · amazon-us$/);
    expect(fake.callsTo('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
  });

  it('answers a stranger’s mention with a plain reply (a channel message cannot be ephemeral)', async () => {
    const asked = messageCreate({ authorId: STRANGER.userId, content: `<@${FAKE_BOT_USER_ID}> /stock WB-500`, mentions: [FAKE_BOT_USER_ID], channelId: '645027906669510002' });
    fake.dispatch('MESSAGE_CREATE', asked);
    const reply = await fake.nthCall('POST', /^\/channels\/645027906669510002\/messages$/);
    const body = reply.body as Data;
    expect(body.flags).toBeUndefined();
    expect(body.embeds?.[0]?.description).toContain('I don’t know you yet');
  });

  it('answers a DM without a mention', async () => {
    const dm = messageCreate({ authorId: BOB.userId, content: '/whoami', channelId: '645027906669510001', guildId: null });
    fake.dispatch('MESSAGE_CREATE', dm);
    const reply = await fake.nthCall('POST', /^\/channels\/645027906669510001\/messages$/);
    const fields = (reply.body as Data).embeds?.[0]?.fields ?? [];
    expect(fields.find((f) => f.name === 'Handle')?.value).toBe('bob');
  });
});

describe('gateway bot: budget approval cards', () => {
  const APPROVALS = '645027906669599999';
  let fake: FakeDiscord;
  let running: RunningDiscordBot;
  beforeAll(async () => {
    configurePlanning({ approvalsChannel: APPROVALS });
    fake = await FakeDiscord.start();
    running = await startDiscordBot({ db, fake, gateway: true, now });
  });
  afterAll(async () => {
    await running?.stop();
    await fake?.stop();
  });

  it('posts the card to the approvals channel; a manager’s Approve applies it once, a staff member is refused', async () => {
    const budget = await db.budget.findFirstOrThrow({ where: { platform: { code: 'amazon-us' }, purpose: 'ads', period: '2026-11' } });
    const request = commandInteraction(BOB, 'budget', [{ name: 'arguments', value: 'amazon-us +500 Black Friday push' }], 'request');
    fake.dispatch('INTERACTION_CREATE', request);
    const answered = await fake.nthCall('POST', callback(request));
    expect(dataOf(answered)?.embeds?.[0]?.title).toMatch(/^Budget change BR-\d+ · amazon-us · ads · 2026-11$/);

    // The outbox delivers the approval card, with its buttons, to the configured channel.
    const posted = await fake.nthCall('POST', new RegExp(`^/channels/${APPROVALS}/messages$`));
    const card = posted.body as Data;
    const label = /BR-\d+/.exec(card.embeds?.[0]?.title ?? '')?.[0] as string;
    const approve = card.components?.[0]?.components.find((b) => b.custom_id === `ops:0:/budget approve ${label}`);
    expect(approve?.label).toContain(label);
    const messageId = '1300000000000000001';

    const refused = buttonInteraction(BOB, approve?.custom_id as string, card.components ?? [], messageId);
    fake.dispatch('INTERACTION_CREATE', refused);
    const refusal = await fake.nthCall('POST', callback(refused));
    expect(dataOf(refusal)?.flags).toBe(64);
    expect(Number((await db.budget.findUniqueOrThrow({ where: { id: budget.id } })).amount)).toBe(Number(budget.amount));

    const pressed = buttonInteraction(ALICE, approve?.custom_id as string, card.components ?? [], messageId);
    fake.dispatch('INTERACTION_CREATE', pressed);
    const update = await fake.nthCall('POST', callback(pressed));
    expect((update.body as { type: number }).type).toBe(7);
    expect(dataOf(update)?.content).toContain(`<@${ALICE.userId}>`);
    expect(dataOf(update)?.components?.flatMap((r) => r.components).every((b) => b.disabled)).toBe(true);
    const after = await db.budget.findUniqueOrThrow({ where: { id: budget.id } });
    expect(Number(after.amount)).toBe(Number(budget.amount) + 500);
    expect(after.version).toBe(budget.version + 1);

    // The decision: the posted card is edited, and bob hears by DM.
    const edited = await fake.nthCall('PATCH', new RegExp(`^/channels/${APPROVALS}/messages/\\d+$`));
    expect((edited.body as Data).content).toBeUndefined();
    const dm = await fake.nthCall('POST', /^\/users\/@me\/channels$/);
    expect(dm.body).toEqual({ recipient_id: BOB.userId });
    await fake.nthCall('POST', new RegExp(`^/channels/5${BOB.userId.slice(1)}/messages$`));
    expect(await db.notification.count({ where: { deliveredAt: null, subject: label } })).toBe(0);
  });
});

describe('gateway bot, answers that take a while', () => {
  let fake: FakeDiscord;
  let running: RunningDiscordBot;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    // deferAfterMs 0: every answer is deferred first, as one that takes longer than 2 s would be.
    running = await startDiscordBot({ db, fake, gateway: true, now, deferAfterMs: 0 });
  });
  afterAll(async () => {
    await running?.stop();
    await fake?.stop();
  });

  it('defers /stock WB-500 (type 5), then edits the answer in', async () => {
    const interaction = commandInteraction(BOB, 'stock', [{ name: 'sku', value: 'WB-500' }]);
    fake.dispatch('INTERACTION_CREATE', interaction);
    expect((await fake.nthCall('POST', callback(interaction))).body).toEqual({ type: 5 });
    const edit = await fake.nthCall('PATCH', new RegExp(`^/webhooks/${FAKE_APPLICATION_ID}/${String(interaction.token)}/messages/%40original$`));
    expect((edit.body as Data).embeds?.[0]?.title).toMatch(/^Stock · WB-500 · /);
  });
});
