/**
 * Discord over HTTP interactions, end to end on loopback: the shared real payloads, signed with
 * Ed25519, posted to the real endpoint; the real pipeline on the seeded demo database; REST
 * follow-ups and edits recorded by a fake Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { ALL_TOOLS } from '../../../src/core/tools/index.ts';
import type { Db } from '../../../src/persistence/db.ts';
import { FakeDiscord, FAKE_APPLICATION_ID } from '../../fakes/discord-api.ts';
import { openDemoDb } from '../../helpers/demo-db.ts';
import {
  appKeys,
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  discordFixture,
  postInteraction,
  startDiscordBot,
  type AppKeys,
  type RunningDiscordBot,
} from '../../helpers/discord.ts';
import { DISCORD_TEST_TOOLS, LONG_NOTE } from './test-tools.ts';

// The fixture's own member (Mason) is linked to bob (staff); alice is a manager; carol (cs).
const BOB = { userId: '53908232506183680' };
const ALICE = { userId: '112233445566778899' };
const STRANGER = { userId: '998877665544332211' };
const MANAGER_ROLE = '700000000000000001';

interface Body {
  type: number;
  data?: { content?: string; embeds?: APIEmbed[]; components?: Array<{ components: Array<{ custom_id?: string; label?: string; disabled?: boolean; style?: number }> }>; flags?: number; choices?: Array<{ name: string; value: string }> };
}

let db: Db;
let dispose: () => Promise<void>;
let fake: FakeDiscord;
let keys: AppKeys;
let now: Date;
let running: RunningDiscordBot;
let stamp: number;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  now = new Date(demo.referenceDate.getTime() + 12 * 3_600_000);
  stamp = Math.floor(now.getTime() / 1000);
  await db.teamMember.update({ where: { handle: 'bob' }, data: { discordUserId: BOB.userId } });
  await db.teamMember.update({ where: { handle: 'alice' }, data: { discordUserId: ALICE.userId } });
  fake = await FakeDiscord.start();
  keys = appKeys();
  running = await startDiscordBot({ db, fake, keys, now, tools: [...ALL_TOOLS, ...DISCORD_TEST_TOOLS], roleGrants: [{ roleId: MANAGER_ROLE, role: 'manager' }] });
});

afterAll(async () => {
  await running?.stop();
  await fake?.stop();
  await dispose?.();
});

async function post(payload: unknown, options: { timestamp?: number; tamper?: boolean } = {}): Promise<{ status: number; body: Body }> {
  const res = await postInteraction(running.baseUrl as string, keys, payload, { timestamp: stamp, ...options });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
}

/** Everything visible in an embed, for "contains" checks. */
function embedText(embed: APIEmbed | undefined): string {
  return [embed?.title, embed?.description, ...(embed?.fields ?? []).flatMap((f) => [f.name, f.value])].filter(Boolean).join('\n');
}

describe('signature verification', () => {
  it('answers a signed PING with a PONG', async () => {
    const { status, body } = await post(discordFixture('discord-ping.json'));
    expect(status).toBe(200);
    expect(body).toEqual({ type: 1 });
  });

  it('refuses a bad signature, a missing one and a stale one with 401, and runs nothing', async () => {
    const calls = fake.calls.length;
    const audits = await db.auditEvent.count();
    const stock = commandInteraction(BOB, 'stock', [{ name: 'sku', value: 'WB-500' }]);
    expect((await post(stock, { tamper: true })).status).toBe(401);
    expect((await post(discordFixture('discord-ping.json'), { tamper: false, timestamp: stamp - 600 })).status).toBe(401);
    const unsigned = await fetch(`${running.baseUrl}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(stock) });
    expect(unsigned.status).toBe(401);
    const otherKey = await postInteraction(running.baseUrl as string, appKeys(), stock, { timestamp: stamp });
    expect(otherKey.status).toBe(401);
    expect(fake.calls.length).toBe(calls);
    expect(await db.auditEvent.count()).toBe(audits);
    expect(running.logs.filter((l) => l.msg === 'Discord request refused').length).toBeGreaterThanOrEqual(4);
  });
});

describe('commands', () => {
  it('answers /stock sku:WB-500 with WB-500’s stock from the database, in the response body', async () => {
    const { status, body } = await post(commandInteraction(BOB, 'stock', [{ name: 'sku', value: 'WB-500' }]));
    expect(status).toBe(200);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBeUndefined();
    const embed = body.data?.embeds?.[0];
    expect(embed?.title).toMatch(/^Stock · WB-500 · /);
    const levels = await db.stockLevel.findMany({ where: { sku: { code: 'WB-500' } }, include: { warehouse: true } });
    expect(levels.length).toBeGreaterThan(1);
    for (const level of levels) {
      const line = embed?.description?.split('\n').find((l) => l.startsWith(`${level.warehouse.code} (`));
      expect(line, level.warehouse.code).toBeDefined();
      expect(line).toContain(Math.max(0, level.onHand - level.reserved).toLocaleString('en-US'));
    }
    const ids = body.data?.components?.flatMap((r) => r.components.map((c) => c.custom_id));
    expect(ids).toContain('ops:0:/stock WB-500 amazon-us');
  });

  it('quotes a value with spaces, so "bamboo toothbrush" stays one argument', async () => {
    const { body } = await post(commandInteraction(BOB, 'stock', [{ name: 'sku', value: 'bamboo toothbrush' }, { name: 'platform', value: 'shopify' }]));
    expect(body.type).toBe(4);
    // Several SKUs match the phrase: the question is about the whole phrase, on shopify.
    expect(embedText(body.data?.embeds?.[0])).toContain('“bamboo toothbrush” matches');
    const ids = body.data?.components?.flatMap((r) => r.components.map((c) => c.custom_id)) ?? [];
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.every((id) => /^ops:\d+:\/stock BT-\d+ shopify$/.test(id ?? ''))).toBe(true);
  });

  it('answers bad input and unknown people only to them (ephemeral), saying how to put it right', async () => {
    const bad = await post(commandInteraction(BOB, 'stock', [{ name: 'sku', value: 'W' }]));
    expect(bad.body.type).toBe(4);
    expect(bad.body.data?.flags).toBe(64);
    expect(embedText(bad.body.data?.embeds?.[0])).toMatch(/at least 2 letters[\s\S]*Usage: \/stock/);

    const stranger = await post(commandInteraction(STRANGER, 'stock', [{ name: 'sku', value: 'WB-500' }]));
    expect(stranger.body.data?.flags).toBe(64);
    expect(embedText(stranger.body.data?.embeds?.[0])).toContain('I don’t know you yet');
  });

  it('gives people the roles their Discord roles map to, and nothing more', async () => {
    const mapped = await post(commandInteraction({ ...STRANGER, roles: [MANAGER_ROLE] }, 'whoami', []));
    expect(embedText(mapped.body.data?.embeds?.[0])).toMatch(/Roles\nmanager/);
    const unmapped = await post(commandInteraction({ ...STRANGER, roles: ['700000000000000999'] }, 'stock', [{ name: 'sku', value: 'WB-500' }]));
    expect(unmapped.body.data?.flags).toBe(64);
  });

  it('says a command it no longer knows is stale, ephemerally', async () => {
    const { body } = await post(commandInteraction(BOB, 'cardsearch', [{ name: 'cardname', value: 'The Gitrog Monster' }]));
    expect(body.data?.flags).toBe(64);
    expect(embedText(body.data?.embeds?.[0])).toContain('npm run discord:register');
  });

  it('suggests SKUs and platforms while typing, to people who may run the command', async () => {
    const sku = await post(autocompleteInteraction(BOB, 'stock', { name: 'sku', value: 'bottle' }));
    expect(sku.body.type).toBe(8);
    expect(sku.body.data?.choices?.map((c) => c.value)).toContain('WB-500');
    const platform = await post(autocompleteInteraction(BOB, 'stock', { name: 'platform', value: 'amaz' }, [{ name: 'sku', value: 'WB-500' }]));
    const codes = await db.platform.findMany({ where: { code: { contains: 'amazon' }, active: true }, select: { code: true } });
    expect(platform.body.data?.choices?.map((c) => c.value).sort()).toEqual(codes.map((c) => c.code).sort());
    const stranger = await post(autocompleteInteraction(STRANGER, 'stock', { name: 'sku', value: 'bottle' }));
    expect(stranger.body).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('buttons', () => {
  async function card(budgetId: number): Promise<Body> {
    const { body } = await post(commandInteraction(BOB, 'testcard', [{ name: 'budget-id', value: String(budgetId) }]));
    expect(body.type).toBe(4);
    return body;
  }
  const idOf = (body: Body, label: string) => body.data?.components?.flatMap((r) => r.components).find((c) => c.label === label)?.custom_id as string;

  it('applies a write for an allowed user and updates the message: outcome, who pressed, buttons disabled', async () => {
    const budget = await db.budget.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const shown = await card(budget.id);
    const approve = idOf(shown, 'Approve +500');
    expect(approve).toBe(`ops:0:/testraise ${budget.id} 500`);

    const { body } = await post(buttonInteraction(ALICE, approve, shown.data?.components ?? []));
    expect(body.type).toBe(7);
    expect(body.data?.content).toContain(`<@${ALICE.userId}>`);
    expect(body.data?.content).toContain('Approve +500');
    expect(embedText(body.data?.embeds?.[0])).toContain(`Budget ${budget.id} raised`);
    const buttons = body.data?.components?.flatMap((r) => r.components) ?? [];
    expect(buttons.length).toBe(3);
    expect(buttons.every((b) => b.disabled === true)).toBe(true);
    expect(buttons.find((b) => b.custom_id === approve)?.style).toBe(3);

    const after = await db.budget.findUniqueOrThrow({ where: { id: budget.id } });
    expect(Number(after.amount)).toBe(Number(budget.amount) + 500);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'budget.test-raise', targetId: String(budget.id) } });
    expect(audit).toMatchObject({ actor: 'alice', via: 'discord' });
  });

  it('refuses a user who may not press it, only to them, and changes nothing', async () => {
    const budget = await db.budget.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const shown = await card(budget.id);
    const audits = await db.auditEvent.count({ where: { action: 'budget.test-raise' } });
    const { body } = await post(buttonInteraction(BOB, idOf(shown, 'Approve +500'), shown.data?.components ?? []));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(embedText(body.data?.embeds?.[0])).toMatch(/can’t run \/testraise[\s\S]*manager/);
    expect(Number((await db.budget.findUniqueOrThrow({ where: { id: budget.id } })).amount)).toBe(Number(budget.amount));
    expect(await db.auditEvent.count({ where: { action: 'budget.test-raise' } })).toBe(audits);
  });

  it('applies a press once: the same person pressing again is told, and nothing changes twice', async () => {
    const budget = await db.budget.findFirstOrThrow({ orderBy: { id: 'asc' }, skip: 1 });
    const shown = await card(budget.id);
    const press = buttonInteraction(ALICE, idOf(shown, 'Approve +500'), shown.data?.components ?? [], '844397162624450999');
    expect((await post(press)).body.type).toBe(7);
    const again = await post({ ...press, id: '1200000000000000001', token: 'tok-again-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' });
    expect(again.body.data?.flags).toBe(64);
    expect(embedText(again.body.data?.embeds?.[0])).toContain('already pressed');
    expect(Number((await db.budget.findUniqueOrThrow({ where: { id: budget.id } })).amount)).toBe(Number(budget.amount) + 500);
  });

  it('keeps a command longer than custom_id allows in the database, and it still works after a restart', async () => {
    const budget = await db.budget.findFirstOrThrow({ orderBy: { id: 'asc' }, skip: 2 });
    const shown = await card(budget.id);
    const id = idOf(shown, 'Approve +1 with note');
    expect(id.length).toBeLessThanOrEqual(100);
    expect(id).toMatch(/^ops:1#[A-Za-z0-9_-]{22}$/);

    // A new process on the same database: the button posted before the restart still works.
    const restarted = await startDiscordBot({ db, fake, keys, now, tools: [...ALL_TOOLS, ...DISCORD_TEST_TOOLS] });
    try {
      const res = await postInteraction(restarted.baseUrl as string, keys, buttonInteraction(ALICE, id, shown.data?.components ?? []), { timestamp: stamp });
      expect(((await res.json()) as Body).type).toBe(7);
    } finally {
      await restarted.stop();
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'budget.test-raise', targetId: String(budget.id) } });
    expect(audit.after).toMatchObject({ note: LONG_NOTE });
  });

  it('answers a read button with a new message and leaves the card as it was', async () => {
    const { body } = await post(commandInteraction(BOB, 'stock', [{ name: 'sku', value: 'WB-500' }]));
    const id = body.data?.components?.[0]?.components[0]?.custom_id as string;
    const pressed = await post(buttonInteraction(BOB, id, body.data?.components ?? []));
    expect(pressed.body.type).toBe(4);
    expect(pressed.body.data?.embeds?.[0]?.title).toMatch(/^Stock · WB-500 · .* · /);
  });

  it('says a button that is not ours no longer works, ephemerally', async () => {
    const { body } = await post(discordFixture('discord-button.current.json'));
    expect(body.data?.flags).toBe(64);
    expect(embedText(body.data?.embeds?.[0])).toContain('no longer works');
  });
});

describe('deferred answers', () => {
  let slow: RunningDiscordBot;
  beforeAll(async () => {
    // deferAfterMs 0: every answer is deferred first, as one that takes longer than 2 s would be.
    slow = await startDiscordBot({ db, fake, keys, now, tools: [...ALL_TOOLS, ...DISCORD_TEST_TOOLS], deferAfterMs: 0 });
  });
  afterAll(async () => {
    await slow?.stop();
  });
  const postSlow = async (payload: Record<string, unknown>) => {
    const res = await postInteraction(slow.baseUrl as string, keys, payload, { timestamp: stamp });
    return (await res.json()) as Body;
  };

  it('defers a command (type 5), then edits the answer in through the webhook', async () => {
    const interaction = commandInteraction(BOB, 'stock', [{ name: 'sku', value: 'WB-500' }, { name: 'platform', value: 'amazon-us' }]);
    expect(await postSlow(interaction)).toEqual({ type: 5 });
    const edit = await fake.nthCall('PATCH', new RegExp(`^/webhooks/${FAKE_APPLICATION_ID}/${String(interaction.token)}/messages/%40original$`));
    expect(edit.authorization).toBeUndefined();
    const embed = (edit.body as Body['data'])?.embeds?.[0];
    expect(embed?.title).toMatch(/^Stock · WB-500 · .* · amazon-us$/);
  });

  it('swaps a deferred error for an ephemeral follow-up', async () => {
    const interaction = commandInteraction(STRANGER, 'stock', [{ name: 'sku', value: 'WB-500' }]);
    expect(await postSlow(interaction)).toEqual({ type: 5 });
    const token = String(interaction.token);
    await fake.nthCall('DELETE', new RegExp(`/webhooks/${FAKE_APPLICATION_ID}/${token}/messages/%40original$`));
    const follow = await fake.nthCall('POST', new RegExp(`^/webhooks/${FAKE_APPLICATION_ID}/${token}$`));
    expect((follow.body as Body['data'])?.flags).toBe(64);
  });

  it('defers a button press (type 6), then edits the pressed message', async () => {
    const budget = await db.budget.findFirstOrThrow({ orderBy: { id: 'asc' }, skip: 3 });
    const { body: shown } = await post(commandInteraction(BOB, 'testcard', [{ name: 'budget-id', value: String(budget.id) }]));
    const approve = shown.data?.components?.[0]?.components[0]?.custom_id as string;
    const press = buttonInteraction(ALICE, approve, shown.data?.components ?? [], '844397162624451000');
    expect(await postSlow(press)).toEqual({ type: 6 });
    const edit = await fake.nthCall('PATCH', new RegExp(`/webhooks/${FAKE_APPLICATION_ID}/${String(press.token)}/messages/%40original$`));
    const data = edit.body as Body['data'];
    expect(data?.content).toContain(`<@${ALICE.userId}>`);
    expect(data?.components?.flatMap((r) => r.components).every((b) => b.disabled)).toBe(true);
    expect(Number((await db.budget.findUniqueOrThrow({ where: { id: budget.id } })).amount)).toBe(Number(budget.amount) + 500);
  });
});
