/**
 * Composition root: configuration → database (migrated, and seeded with the demo on first
 * start) → tool registry → pipeline → adapters. With no Slack or Discord credentials the
 * local console opens.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/env.ts';
import { createLogger, describeError } from './logging.ts';
import { openDatabase } from './persistence/open-database.ts';
import { isDatabaseEmpty, seedDemo } from './persistence/seed/index.ts';
import { createRegistry } from './core/tools/index.ts';
import { memberHandles } from './core/domain/team/actor-service.ts';
import { Pipeline } from './bot/pipeline.ts';
import { runConsole } from './adapters/console/app.ts';
import { offlineInterpreter } from './nl/router/index.ts';

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
  // The console is for people: keep routine logs out of their way unless asked for.
  const logger = createLogger({ level: config.LOG_LEVEL ?? 'warn' });
  const status = (line: string) => process.stderr.write(`${line}\n`);

  const db = await openDatabase(config.DATABASE_URL, { log: status });
  try {
    if (await isDatabaseEmpty(db)) {
      status('First start: loading the demo dataset…');
      const referenceDate = config.SEED_REFERENCE_DATE ? new Date(`${config.SEED_REFERENCE_DATE}T00:00:00Z`) : new Date();
      await seedDemo(db, { referenceDate, log: status });
    }

    const handle = (cli.values.as ?? config.CONSOLE_USER).toLowerCase();
    const handles = await memberHandles(db);
    if (!handles.includes(handle)) {
      process.stderr.write(`--as ${handle}: there is no such team member. Team members: ${handles.join(', ')}\n`);
      return 2;
    }

    const registry = createRegistry();
    const pipeline = new Pipeline({ db, registry, logger, interpret: offlineInterpreter(db, registry) });
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
