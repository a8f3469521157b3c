/**
 * Discord test helpers: the shared real payload fixtures (the `.current` variants, which carry
 * the fields discord.js 14.28 needs), Ed25519 signing exactly as Discord signs, and a real
 * Discord adapter (real discord.js, real pipeline, real SQLite) wired to a fake Discord.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Pipeline } from '../../src/bot/pipeline.ts';
import { createRegistry } from '../../src/core/tools/index.ts';
import type { ToolDefinition } from '../../src/core/tool.ts';
import { createLogger } from '../../src/logging.ts';
import type { Db } from '../../src/persistence/db.ts';
import { offlineInterpreter } from '../../src/nl/router/index.ts';
import { createDiscordBot, type DiscordBot, type DiscordSettings } from '../../src/adapters/discord/app.ts';
import { FAKE_APPLICATION_ID, type FakeDiscord } from '../fakes/discord-api.ts';

/** The shared platform fixtures (../shared/fixtures/platform, beside the repository). */
export const DISCORD_FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'platform');

/** A JSON fixture, parsed (a fresh copy each call, so tests may change it). */
export function discordFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(DISCORD_FIXTURES, name), 'utf8')) as T;
}

/** A gateway token shaped like a real one (three base64url parts). */
export const BOT_TOKEN = 'OTkwMDAwMDAwMDAwMDAwMDAx.GfAkEe.fake-token-for-loopback-tests-only00';

/** An application key pair; `publicKeyHex` is what DISCORD_PUBLIC_KEY holds. */
export interface AppKeys {
  privateKey: KeyObject;
  publicKeyHex: string;
}

/** A fresh Ed25519 key pair, as the Developer Portal would give an application. */
export function appKeys(): AppKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = (publicKey.export({ format: 'jwk' }) as { x: string }).x;
  return { privateKey, publicKeyHex: Buffer.from(x, 'base64url').toString('hex') };
}

/** Headers of a request signed as Discord signs: Ed25519 over timestamp + body. */
export function signedHeaders(keys: AppKeys, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-signature-timestamp': String(timestamp),
    'x-signature-ed25519': sign(null, Buffer.from(`${timestamp}${body}`), keys.privateKey).toString('hex'),
  };
}

let interactionSeq = 1_100_000_000_000_000_000n;
/** A fresh interaction id (snowflake-shaped). */
export function nextId(): string {
  interactionSeq += 1n;
  return String(interactionSeq);
}

/** Who acts in an interaction: the fixture's member, with our user id and roles. */
export interface Presser {
  userId: string;
  roles?: string[];
  username?: string;
}

type Json = Record<string, unknown>;

function withMember(payload: Json, who: Presser): Json {
  const member = payload.member as Json & { user: Json };
  return {
    ...payload,
    id: nextId(),
    token: `tok-${nextId()}-${'x'.repeat(40)}`,
    application_id: FAKE_APPLICATION_ID,
    member: { ...member, roles: who.roles ?? [], user: { ...member.user, id: who.userId, username: who.username ?? member.user.username } },
  };
}

/** The shared slash-command fixture as `/name [sub] options…`. */
export function commandInteraction(who: Presser, name: string, options: Array<{ name: string; value: string | number | boolean; type?: number }>, sub?: string): Json {
  const base = withMember(discordFixture('discord-app-command.current.json'), who);
  const typed = options.map((o) => ({ type: o.type ?? (typeof o.value === 'number' ? 4 : typeof o.value === 'boolean' ? 5 : 3), name: o.name, value: o.value }));
  const data = base.data as Json;
  return { ...base, data: { ...data, name, options: sub ? [{ type: 1, name: sub, options: typed }] : typed } };
}

/** The same fixture as an autocomplete request (type 4) with `focused` being typed. */
export function autocompleteInteraction(who: Presser, name: string, focused: { name: string; value: string }, others: Array<{ name: string; value: string }> = []): Json {
  const base = commandInteraction(who, name, others);
  const data = base.data as Json & { options: Json[] };
  return { ...base, type: 4, data: { ...data, options: [...data.options, { type: 3, name: focused.name, value: focused.value, focused: true }] } };
}

/** The shared button fixture: `who` presses `customId` on a message showing `components`. */
export function buttonInteraction(who: Presser, customId: string, components: unknown[], messageId = '844397162624450620'): Json {
  const base = withMember(discordFixture('discord-button.current.json'), who);
  const message = base.message as Json;
  return { ...base, data: { custom_id: customId, component_type: 2 }, message: { ...message, id: messageId, components } };
}

/** A MESSAGE_CREATE as the gateway delivers it. */
export function messageCreate(fields: { authorId: string; content: string; channelId?: string; guildId?: string | null; mentions?: string[]; roles?: string[] }): Json {
  const guildId = fields.guildId === undefined ? '290926798626357999' : fields.guildId;
  return {
    id: nextId(),
    type: 0,
    channel_id: fields.channelId ?? '645027906669510667',
    ...(guildId ? { guild_id: guildId, member: { roles: fields.roles ?? [], nick: null, joined_at: '2017-03-13T19:19:14.040000+00:00', deaf: false, mute: false } } : {}),
    author: { id: fields.authorId, username: 'mason', discriminator: '0', global_name: 'Mason', avatar: null },
    content: fields.content,
    mentions: (fields.mentions ?? []).map((id) => ({ id, username: 'ops', discriminator: '0', avatar: null })),
    mention_roles: [],
    mention_everyone: false,
    attachments: [],
    embeds: [],
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    flags: 0,
    tts: false,
    pinned: false,
  };
}

/** A Discord adapter running for real against a fake Discord. */
export interface RunningDiscordBot {
  bot: DiscordBot;
  pipeline: Pipeline;
  /** Where POST /discord/interactions listens, when the HTTP endpoint is on. */
  baseUrl: string | null;
  logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Starts the real Discord adapter on `db`, talking to `fake`. */
export async function startDiscordBot(options: {
  db: Db;
  fake: FakeDiscord;
  gateway?: boolean;
  keys?: AppKeys;
  tools?: readonly ToolDefinition[];
  now?: Date;
  deferAfterMs?: number;
  roleGrants?: DiscordSettings['roleGrants'];
  /** Route plain questions with the offline NL router, as npm start does. */
  nl?: boolean;
}): Promise<RunningDiscordBot> {
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const now = options.now ? () => options.now as Date : undefined;
  const registry = createRegistry(options.tools);
  const interpret = options.nl ? offlineInterpreter(options.db, registry, now) : undefined;
  const pipeline = new Pipeline({ db: options.db, registry, logger, ...(now ? { now } : {}), ...(interpret ? { interpret } : {}) });
  const bot = createDiscordBot(
    { pipeline, db: options.db, logger, ...(now ? { now } : {}) },
    {
      applicationId: FAKE_APPLICATION_ID,
      token: options.gateway ? BOT_TOKEN : undefined,
      publicKey: options.keys?.publicKeyHex,
      apiUrl: options.fake.apiUrl,
      port: 0,
      host: '127.0.0.1',
      roleGrants: options.roleGrants ?? [],
      restRetries: 0,
      // Long enough that a normal answer is never deferred; tests of deferral pass 0.
      deferAfterMs: options.deferAfterMs ?? 60_000,
    },
  );
  const { port } = await bot.start();
  return { bot, pipeline, baseUrl: port === null ? null : `http://127.0.0.1:${port}`, logs, stop: () => bot.stop() };
}

/** Posts a signed interaction to the bot's /discord/interactions. */
export async function postInteraction(baseUrl: string, keys: AppKeys, payload: unknown, options: { timestamp?: number; tamper?: boolean } = {}): Promise<Response> {
  const body = JSON.stringify(payload);
  const headers = signedHeaders(keys, body, options.timestamp);
  return fetch(`${baseUrl}/discord/interactions`, { method: 'POST', headers, body: options.tamper ? body.replace('WB-500', 'WB-501') : body });
}
