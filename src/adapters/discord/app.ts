/**
 * The Discord adapter's wiring. With a bot token it connects to the gateway with discord.js
 * (intents Guilds, GuildMessages and DirectMessages; no privileged intent: the bot reads only
 * DMs and messages that mention it, which Discord delivers with their text anyway). With the
 * application's public key it serves POST /discord/interactions (and GET /healthz) on PORT.
 * Both feed the same handlers; answers go through discord.js's REST client at DISCORD_API_URL.
 * With the gateway, the notification outbox (approval cards, decisions) is delivered too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, GatewayDispatchEvents, GatewayIntentBits, Options, REST, Routes } from 'discord.js';
import type { Pipeline } from '../../bot/pipeline.ts';
import type { Config } from '../../config/env.ts';
import { describeError, type Logger } from '../../logging.ts';
import type { Db } from '../../persistence/db.ts';
import { DeliveryLedger } from '../../persistence/processed-events.ts';
import { ButtonIds } from './button-ids.ts';
import { commandSpecs } from './commands.ts';
import { DiscordHandlers, restFailure, type MentionChannel } from './handlers.ts';
import { INTERACTIONS_PATH, interactionsListener, publicKeyFromHex, type RequestListener } from './http.ts';
import { parseInteraction, parseMention, type RoleGrant } from './inbound.ts';
import { DiscordOutbox } from './outbox.ts';
import { InteractionResponder, restInitial, withFiles, type SendInitial } from './responder.ts';
import { discordSettingsFrom, type DiscordSettings } from './settings.ts';

/** The intents the gateway bot asks for; none of them is privileged. */
export const GATEWAY_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

export { discordSettingsFrom, type DiscordSettings } from './settings.ts';

/** What the adapter needs from the rest of the process. */
export interface DiscordDeps {
  pipeline: Pipeline;
  db: Db;
  logger: Logger;
  /** The clock for "pressed at", the ledger and signature freshness; tests pin it. */
  now?: () => Date;
}

/** A running (or ready to run) Discord adapter. */
export interface DiscordBot {
  /** The gateway client, when a token is configured. */
  readonly client: Client | null;
  /** The POST /discord/interactions handler, when a public key is configured. */
  readonly listener: RequestListener | null;
  /** Connects the gateway and opens the HTTP endpoint, as configured. */
  start(): Promise<{ gateway: boolean; port: number | null }>;
  /** Disconnects, stops listening, and waits for answers already under way. */
  stop(): Promise<void>;
}

/** Why the adapter could not start, in one line for the operator. */
export class DiscordStartError extends Error {
  override name = 'DiscordStartError';
}

/** Builds the Discord adapter. Nothing connects or listens until `start()`. */
export function createDiscordBot(deps: DiscordDeps, settings: DiscordSettings): DiscordBot {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ component: 'discord' });
  const restOptions = { ...(settings.apiUrl ? { api: settings.apiUrl } : {}), ...(settings.restRetries !== undefined ? { retries: settings.restRetries } : {}) };
  const client = settings.token
    ? new Client({
        intents: [...GATEWAY_INTENTS],
        rest: restOptions,
        // We read raw dispatches, so discord.js need not keep messages around.
        makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
      })
    : null;
  // Webhook and callback calls need no bot token, so HTTP-only hosting has a REST client of its own.
  const rest = client?.rest ?? new REST({ version: '10', ...restOptions });
  const buttons = new ButtonIds(deps.db, now);
  const handlers = new DiscordHandlers({
    pipeline: deps.pipeline,
    db: deps.db,
    logger: deps.logger,
    ledger: new DeliveryLedger(deps.db, 'discord', now),
    buttons,
    specs: commandSpecs(deps.pipeline.registry),
    now,
    deferAfterMs: settings.deferAfterMs ?? 2000,
  });

  // Approval cards and decisions go out through the bot's own messages, which need its token.
  const outbox = client ? new DiscordOutbox({ db: deps.db, rest, client, buttons, logger: deps.logger, now }) : null;

  const inflight = new Set<Promise<void>>();
  const track = (work: Promise<void>): Promise<void> => {
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
    return work;
  };

  /** One interaction from either transport; `initial` is how its first response leaves. */
  const dispatch = (raw: unknown, initial: (id: string, token: string) => SendInitial): Promise<void> =>
    track(
      (async () => {
        const read = parseInteraction(raw, settings.roleGrants, settings.applicationId);
        if ('problem' in read) {
          log.warn({ fields: read.problem }, 'Discord interaction not understood');
          return;
        }
        const { inbound } = read;
        if (inbound.kind === 'ping') return;
        const responder = new InteractionResponder(rest, inbound.base.applicationId, inbound.base.token, initial(inbound.base.id, inbound.base.token));
        await handlers.interaction(inbound, responder);
        // A command or click may have queued a card or a decision: deliver it now.
        outbox?.kick();
      })(),
    );

  if (client) {
    client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: unknown) => {
      void dispatch(data, (id, token) => restInitial(rest, id, token));
    });
    client.ws.on(GatewayDispatchEvents.MessageCreate, (data: unknown) => {
      const botUserId = client.user?.id;
      const mention = botUserId ? parseMention(data, botUserId, settings.roleGrants) : null;
      if (!mention) return;
      const channel: MentionChannel = {
        reply: async (message) => {
          await rest.post(Routes.channelMessages(mention.channelId), {
            body: {
              ...message,
              message_reference: { message_id: mention.messageId, fail_if_not_exists: false },
              allowed_mentions: { parse: [], replied_user: false },
            },
          });
        },
        attach: async (files) => {
          const reference = { message_reference: { message_id: mention.messageId, fail_if_not_exists: false }, allowed_mentions: { parse: [], replied_user: false } };
          await rest.post(Routes.channelMessages(mention.channelId), withFiles(files, reference));
        },
        typing: async () => {
          await rest.post(Routes.channelTyping(mention.channelId));
        },
      };
      void track(handlers.mention(mention, channel).then(() => outbox?.kick()));
    });
    client.on('error', (error) => log.error({ ...restFailure(error) }, 'Discord gateway error'));
  }

  const listener = settings.publicKey
    ? interactionsListener({
        publicKey: publicKeyFromHex(settings.publicKey),
        logger: deps.logger,
        now,
        dispatch: (raw, initial) => dispatch(raw, () => initial),
      })
    : null;

  let server: Server | undefined;
  return {
    client,
    listener,
    async start() {
      let port: number | null = null;
      if (listener && settings.ownServer !== false) {
        server = createServer((req, res) => {
          const path = new URL(req.url ?? '/', 'http://localhost').pathname;
          if (path === INTERACTIONS_PATH) listener(req, res);
          else if (path === '/healthz' && req.method === 'GET') void health(deps.db, log).then(({ status, body }) => {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(body));
          });
          else {
            res.writeHead(404);
            res.end();
          }
        });
        const srv = server;
        await new Promise<void>((resolve, reject) => {
          srv.once('error', reject);
          srv.listen({ port: settings.port, ...(settings.host ? { host: settings.host } : {}) }, () => resolve());
        });
        port = (srv.address() as AddressInfo).port;
      }
      if (client && settings.token) {
        try {
          await client.login(settings.token);
        } catch (error) {
          if (server?.listening) await new Promise<void>((resolve) => server?.close(() => resolve()));
          throw new DiscordStartError(`Discord did not accept DISCORD_TOKEN (${describeError(error).message.replace(/\s+/g, ' ')})`);
        }
        if (client.application && client.application.id !== settings.applicationId) {
          log.warn('DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN; buttons and follow-ups may fail');
        }
        outbox?.start();
      }
      return { gateway: client !== null, port };
    },
    async stop() {
      if (server?.listening) {
        const srv = server;
        await new Promise<void>((resolve) => {
          srv.close(() => resolve());
          srv.closeIdleConnections();
        });
      }
      await Promise.allSettled([...inflight]);
      await outbox?.stop();
      await client?.destroy();
    },
  };
}

/** The database answers: 200; else 503. */
async function health(db: Db, log: Logger): Promise<{ status: number; body: Record<string, string> }> {
  try {
    await db.$queryRawUnsafe('SELECT 1');
    return { status: 200, body: { status: 'ok', database: 'ok' } };
  } catch (error) {
    log.error({ err: describeError(error) }, 'health check: database unavailable');
    return { status: 503, body: { status: 'degraded', database: 'unavailable' } };
  }
}

/**
 * Starts Discord as `config` says (gateway, HTTP endpoint, or both); null when it is not
 * configured. Pass `ownServer: false` when Slack's HTTP receiver already listens on PORT and
 * will mount `bot.listener` at POST /discord/interactions.
 */
export async function startDiscord(options: { pipeline: Pipeline; db: Db; config: Config; logger: Logger; ownServer?: boolean }): Promise<{ bot: DiscordBot; gateway: boolean; port: number | null } | null> {
  const settings = discordSettingsFrom(options.config);
  if (!settings) return null;
  const bot = createDiscordBot({ pipeline: options.pipeline, db: options.db, logger: options.logger }, { ...settings, ownServer: options.ownServer });
  const started = await bot.start();
  return { bot, ...started };
}
