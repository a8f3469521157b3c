/**
 * Composition root: configuration → database (migrated, and seeded with the demo on first
 * start) → tool registry → pipeline → adapters. With Slack's variables set it serves Slack
 * (Socket Mode or HTTP); with no chat credentials the local console opens.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config/env.ts';
import { createLogger, describeError, type Logger } from './logging.ts';
import type { Db } from './persistence/db.ts';
import { openDatabase } from './persistence/open-database.ts';
import { isDatabaseEmpty, seedDemo } from './persistence/seed/index.ts';
import { ALL_TOOLS, createRegistry } from './core/tools/index.ts';
import { withCopyModel } from './core/tools/copy/with-copy-model.ts';
import { copyModelFromConfig } from './llm/copy-model.ts';
import { memberHandles } from './core/domain/team/actor-service.ts';
import { Pipeline } from './bot/pipeline.ts';
import { runConsole } from './adapters/console/app.ts';
import { slackSettingsFrom, type SlackSettings } from './adapters/slack/settings.ts';
import { createInterpreter } from './nl/index.ts';
import { discordSettingsFrom } from './adapters/discord/settings.ts';
import { configurePlanning, planningSettingsFromConfig } from './core/domain/planning/settings.ts';
import { startExpiryJob } from './core/domain/budget/expiry-job.ts';
import { PURGE_JOB, startCustomerJobs } from './core/domain/customers/jobs.ts';
import { digestSettingsFromConfig, startDigestJob } from './core/domain/inventory/digest-job.ts';
import { missedScheduledRun } from './persistence/job-catch-up.ts';
import { startForecastJob } from './core/domain/planning/forecast-job.ts';

const USAGE = `Usage: npm start [-- --as <handle>] [--json] [--lang en|zh]

  --as <handle>   act as this team member (default: CONSOLE_USER, or erin)
  --json          print one JSON object per reply: {"tool", "args", "reply"}
  --lang en|zh    reply language for text that is not Chinese (default: the member's)
  --help          this text`;

async function main(): Promise<number> {
  let cli;
  try {
    cli = parseArgs({
      options: {
        as: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (cli.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (cli.values.lang !== undefined && !['en', 'zh'].includes(cli.values.lang)) {
    process.stderr.write(`--lang must be en or zh, not "${cli.values.lang}"\n`);
    return 2;
  }

  const config = loadConfig();
  const slack = slackSettingsFrom(config);
  const discord = discordSettingsFrom(config);
  // The console is for people: keep routine logs out of their way unless asked for. A server logs its work.
  const logger = createLogger({ level: config.LOG_LEVEL ?? (slack || discord ? 'info' : 'warn') });
  const status = (line: string) => process.stderr.write(`${line}\n`);

  configurePlanning(planningSettingsFromConfig(config));
  const db = await openDatabase(config.DATABASE_URL, { log: status });
  try {
    if (await isDatabaseEmpty(db)) {
      status('First start: loading the demo dataset…');
      const referenceDate = config.SEED_REFERENCE_DATE ? new Date(`${config.SEED_REFERENCE_DATE}T00:00:00Z`) : new Date();
      await seedDemo(db, { referenceDate, log: status });
    }

    if (slack || discord) {
      const stopJobs = startJobs(db, logger, config);
      try {
        return await serveChat({ config, slack, discord, db, logger, status });
      } finally {
        await stopJobs();
      }
    }

    const handle = (cli.values.as ?? config.CONSOLE_USER).toLowerCase();
    const handles = await memberHandles(db);
    if (!handles.includes(handle)) {
      process.stderr.write(`--as ${handle}: there is no such team member. Team members: ${handles.join(', ')}\n`);
      return 2;
    }

    const registry = createRegistry(withCopyModel(ALL_TOOLS, copyModelFromConfig(config)));
    const pipeline = new Pipeline({ db, registry, logger, interpret: createInterpreter({ db, registry, config, logger }) });
    await runConsole({
      pipeline,
      handle,
      json: cli.values.json,
      ...(cli.values.lang ? { lang: cli.values.lang } : {}),
      input: process.stdin,
      output: process.stdout,
    });
    return 0;
  } finally {
    await db.$disconnect();
  }
}

/** What {@link serveChat} needs from the composition root. */
interface ChatServing {
  config: Config;
  slack: SlackSettings | null;
  discord: ReturnType<typeof discordSettingsFrom>;
  db: Db;
  logger: Logger;
  status: (line: string) => void;
}

/** Serves Slack and/or Discord until SIGINT or SIGTERM. */
async function serveChat({ config, slack, discord, db, logger, status }: ChatServing): Promise<number> {
  const registry = createRegistry(withCopyModel(ALL_TOOLS, copyModelFromConfig(config)));
  const pipeline = new Pipeline({ db, registry, logger, interpret: createInterpreter({ db, registry, config, logger }) });
  // Beside Slack, Discord runs its gateway only: Slack's server already owns PORT. Each SDK is
  // loaded only when its platform is configured (discord.js alone is ~20 MB of every process).
  const discordBot = discord ? await (await import('./adapters/discord/app.ts')).startDiscord({ pipeline, db, config, logger, ownServer: !slack }) : null;
  if (discordBot) {
    status([discordBot.gateway ? 'Discord gateway: connected.' : null,
      discordBot.port !== null ? `Discord over HTTP: listening on port ${discordBot.port} (POST /discord/interactions, GET /healthz).` : null,
      slack ? null : 'Ctrl-C stops.'].filter(Boolean).join(' '));
  }
  try {
    if (slack) return await serveSlack(slack, pipeline, db, logger, status);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    status('Stopping Discord…');
    return 0;
  } finally {
    await discordBot?.bot.stop();
  }
}

/**
 * Starts the scheduled jobs of a server (expiring budget requests, Amazon's PII purge, the daily
 * stock digest when DIGEST_CHANNEL is set, refitting stale listing forecasts) and returns their
 * stop, which waits for a run under way. Instances sharing one database each schedule them; a lease makes one run each slot. A
 * daily run missed while no instance was up (the purge, today's digest) is made at start. The
 * console is short-lived and starts none: decisions check expiry themselves, and
 * `/customer purge` runs the purge on demand.
 */
function startJobs(db: Db, logger: Logger, config: Config): () => Promise<void> {
  const log = logger.child({ component: 'jobs' });
  const expiry = startExpiryJob(db, {
    onRun: (expired) => {
      if (expired > 0) log.info({ job: 'budget-expiry', expired }, 'expired pending budget requests');
    },
    onError: (error) => log.error({ job: 'budget-expiry', err: describeError(error) }, 'budget expiry job failed'),
  });
  const customers = startCustomerJobs(db, log);
  // The purge's cron logs its own failures; only the catch-up check itself can fail here.
  const purgeCatchUp = missedScheduledRun(db, PURGE_JOB, customers.purge)
    .then((missed) => (missed ? customers.purge.trigger() : undefined))
    .catch((error: unknown) => log.error({ job: 'amazon-pii-purge', err: describeError(error) }, 'customer job catch-up failed'));
  const digestSettings = digestSettingsFromConfig(config);
  const digest = digestSettings ? startDigestJob(db, log, digestSettings) : null;
  const forecasts = startForecastJob(db, {
    onRun: (result) => {
      if (result.computed > 0) log.info({ job: 'forecast-refresh', computed: result.computed, current: result.current }, 'refitted stale listing forecasts');
    },
    onError: (error) => log.error({ job: 'forecast-refresh', err: describeError(error) }, 'forecast refresh failed'),
  });
  // At start too: sales imported while no instance ran are fitted before the first /alloc asks.
  const forecastsAtStart = forecasts.trigger().catch((error: unknown) => log.error({ job: 'forecast-refresh', err: describeError(error) }, 'forecast refresh failed'));
  return async () => {
    expiry.stop();
    customers.stop();
    digest?.stop();
    forecasts.stop();
    await Promise.all([purgeCatchUp, digest?.idle(), forecastsAtStart]);
  };
}

/** Serves Slack until SIGINT or SIGTERM, then stops taking requests and finishes the answers under way. */
async function serveSlack(settings: SlackSettings, pipeline: Pipeline, db: Db, logger: Logger, status: (line: string) => void): Promise<number> {
  const { createSlackBot } = await import('./adapters/slack/app.ts');
  const bot = createSlackBot({ pipeline, db, logger }, settings);
  const { port } = await bot.start();
  status(settings.mode === 'http'
    ? `Slack over HTTP: listening on port ${port} (POST /slack/events, GET /healthz). Ctrl-C stops.`
    : `Slack in Socket Mode: connected; GET /healthz on port ${port}. Ctrl-C stops.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  status('Stopping Slack…');
  await bot.stop();
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error:\n${error.message}\n`);
      process.exit(2);
    }
    const { message } = describeError(error);
    process.stderr.write(`Could not start: ${message}\n`);
    process.exit(1);
  });
