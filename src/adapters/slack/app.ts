/**
 * The Slack adapter's wiring: a Bolt App in Socket Mode (development: no public URL) or over
 * HTTP (production: POST /slack/events, signed), both with GET /healthz. Every delivery goes
 * through the handlers to the one pipeline; nothing here knows about tools.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver, type ViewSubmitAction } from '@slack/bolt';
import type { Pipeline } from '../../bot/pipeline.ts';
import type { Config } from '../../config/env.ts';
import { describeError, type Logger } from '../../logging.ts';
import type { Db } from '../../persistence/db.ts';
import { DeliveryLedger } from '../../persistence/processed-events.ts';
import { Backlog } from './backlog.ts';
import { boltLogger } from './bolt-logger.ts';
import { ASK_CALLBACK_ID } from './ask.ts';
import { SlackHandlers } from './handlers.ts';
import { slackOutbox } from './outbox.ts';
import type { SlackSettings } from './settings.ts';

export { slackSettingsFrom, type SlackSettings } from './settings.ts';

/** What the adapter needs from the rest of the process. */
export interface SlackDeps {
  pipeline: Pipeline;
  db: Db;
  logger: Logger;
  /** The clock for "pressed at" and the ledger; tests pin it. */
  now?: () => Date;
}

/** A running (or ready to run) Slack adapter. */
export interface SlackBot {
  /** The Bolt app, for tests that need to look inside. */
  readonly app: App;
  /**
   * Verifies the bot token (auth.test), then listens, and delivers the notification outbox
   * (approval cards, decisions) until stopped. Resolves with the port serving /healthz.
   */
  start(): Promise<{ port: number }>;
  /** Delivers the outbox now (it also runs after every answer and on a timer); resolves when done. */
  deliverOutbox(): Promise<void>;
  /** Stops listening and waits for answers already under way. */
  stop(): Promise<void>;
}

/** Slack rejects signed requests more than five minutes old; Bolt checks only the past side. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** Why the adapter could not start, in one line for the operator. */
export class SlackStartError extends Error {
  override name = 'SlackStartError';
}

/** Builds the Slack adapter. Nothing listens until `start()`. */
export function createSlackBot(deps: SlackDeps, settings: SlackSettings): SlackBot {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ component: 'slack' });
  const ledger = new DeliveryLedger(deps.db, 'slack', now);
  // HTTP requests being read or acked right now: answers wait for them (see Backlog).
  let inflight = 0;
  const backlog = new Backlog(deps.logger, { isBusy: () => inflight > 0 });
  // Assigned below, once the Bolt app (and its Web API client) exists.
  let kickOutbox = () => {};
  const handlers = new SlackHandlers({
    pipeline: deps.pipeline,
    db: deps.db,
    ledger,
    backlog,
    logger: deps.logger,
    now,
    workingNoticeMs: settings.workingNoticeMs ?? 2000,
    // A request may have queued a card or a decision: deliver it now rather than at the next tick.
    afterWork: () => kickOutbox(),
  });
  const logger = boltLogger(deps.logger);

  const health = async (_req: IncomingMessage, res: ServerResponse) => {
    let database = 'ok';
    try {
      await deps.db.$queryRawUnsafe('SELECT 1');
    } catch (error) {
      database = 'unavailable';
      log.error({ err: describeError(error) }, 'health check: database unavailable');
    }
    res.writeHead(database === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: database === 'ok' ? 'ok' : 'degraded', mode: settings.mode, database }));
  };

  let receiver: Receiver;
  let healthServer: Server | undefined;
  if (settings.mode === 'http') {
    if (!settings.signingSecret) throw new SlackStartError('HTTP mode needs SLACK_SIGNING_SECRET');
    const http = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      endpoints: '/slack/events',
      logger,
      customRoutes: [{ path: '/healthz', method: ['GET'], handler: (req, res) => void health(req, res) }],
    });
    // Count requests until their response is sent, and refuse requests signed too far in the
    // future as well (Bolt checks only the past side), before Bolt reads the body.
    const verifyAndHandle = http.requestListener;
    http.requestListener = (req, res) => {
      inflight += 1;
      backlog.arrived();
      res.once('close', () => {
        inflight -= 1;
        if (inflight === 0) backlog.wake();
      });
      const stamp = Number(req.headers['x-slack-request-timestamp']);
      // The wall clock, as Bolt's own check of the past side uses (an injected `now` may be pinned).
      if (req.method === 'POST' && Number.isFinite(stamp) && stamp * 1000 - Date.now() > MAX_CLOCK_SKEW_MS) {
        log.warn('Slack request refused: timestamp is in the future');
        res.writeHead(401);
        res.end();
        return;
      }
      verifyAndHandle(req, res);
    };
    receiver = http;
  } else {
    if (!settings.appToken) throw new SlackStartError('Socket Mode needs SLACK_APP_TOKEN');
    receiver = new SocketModeReceiver({
      appToken: settings.appToken,
      logger,
      // The Socket Mode client opens its connection through apps.connections.open on this API.
      installerOptions: { clientOptions: { ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}) } },
    });
    healthServer = createServer((req, res) => {
      if (req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === '/healthz') void health(req, res);
      else {
        res.writeHead(404);
        res.end();
      }
    });
  }

  const app = new App({
    token: settings.botToken,
    receiver,
    logger,
    // Verify the token in start(), so a bad one stops the process with a clear line.
    deferInitialization: true,
    convoStore: false,
    clientOptions: {
      ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
      retryConfig: { retries: settings.apiRetries ?? 3 },
    },
  });

  app.error(async (error) => {
    log.error({ err: describeError(error) }, 'Slack listener failed');
  });
  app.use(handlers.dropRepeatedEvents);
  app.assistant(handlers.assistant());
  app.command(/^\/[a-z0-9_-]+$/i, handlers.onCommand);
  app.event('app_mention', handlers.onMention);
  app.event('message', handlers.onMessage);
  app.action(/^ops:/, handlers.onClick);
  app.view<ViewSubmitAction>(ASK_CALLBACK_ID, handlers.onAskSubmit);

  const outbox = slackOutbox({ client: app.client, db: deps.db, logger: deps.logger, now });
  let delivering = false;
  kickOutbox = () => {
    if (delivering) outbox.kick();
  };

  let pruner: NodeJS.Timeout | undefined;
  const prune = () =>
    ledger.prune().catch((error: unknown) => log.warn({ err: describeError(error) }, 'could not prune processed Slack events'));

  return {
    app,
    async start() {
      try {
        await app.init();
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        throw new SlackStartError(code
          ? `Slack did not accept SLACK_BOT_TOKEN (auth.test: ${code})`
          : `could not reach Slack's Web API${settings.apiUrl ? ' at SLACK_API_URL' : ''} to check SLACK_BOT_TOKEN (${describeError(error).message})`);
      }
      await prune();
      pruner = setInterval(() => void prune(), 3_600_000);
      pruner.unref();
      const listen = { port: settings.port, ...(settings.host ? { host: settings.host } : {}) };
      let port: number;
      if (settings.mode === 'http') {
        const server = (await app.start(listen)) as Server;
        port = (server.address() as AddressInfo).port;
      } else {
        await app.start();
        const server = healthServer as Server;
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(listen, () => resolve());
        });
        port = (server.address() as AddressInfo).port;
      }
      delivering = true;
      outbox.start(settings.outboxIntervalMs);
      return { port };
    },
    async deliverOutbox() {
      await outbox.idle();
      await outbox.deliverPending();
    },
    async stop() {
      if (pruner) clearInterval(pruner);
      delivering = false;
      await outbox.stop();
      await app.stop();
      if (healthServer?.listening) await new Promise<void>((resolve) => healthServer?.close(() => resolve()));
      await backlog.drained();
    },
  };
}
