/**
 * `npm run import -- <file> [--platform <code>] [--dry-run] [--json] [--lang en|zh]`
 *
 * Imports one platform export into DATABASE_URL: brings the database up to date first (like
 * every entry point), then reads, recognises, maps and writes the file in one transaction, and
 * prints the report. Exit codes: 0 imported (or dry run, or nothing to import), 1 refused or
 * failed with nothing written (the report or one line says why, never a stack trace), 2 bad
 * arguments or configuration.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderReply } from '../adapters/console/render.ts';
import { ConfigError, loadConfig } from '../config/env.ts';
import { writeAudit } from '../core/domain/audit/audit-writer.ts';
import { translator, type Locale } from '../core/i18n/index.ts';
import { importReply } from '../core/tools/import/import-reply.ts';
import { describeError } from '../logging.ts';
import { openDatabase } from '../persistence/open-database.ts';
import { importFile } from './import-file.ts';

/** Thrown for bad command-line arguments (exit code 2). */
class UsageError extends Error {}

const USAGE = 'usage: npm run import -- <file> [--platform <code>] [--dry-run] [--json] [--lang en|zh]';

/** Who the audit trail names for imports from the command line. */
const CLI_ACTOR = 'cli';

async function main(): Promise<number> {
  let cli;
  try {
    cli = parseArgs({
      options: {
        platform: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (cli.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (cli.positionals.length !== 1) throw new UsageError(`give exactly one file to import\n${USAGE}`);
  const lang = cli.values.lang;
  if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang must be en or zh, not "${lang}"`);
  const locale: Locale = lang;
  const t = translator(locale);
  const platform = cli.values.platform?.trim().toLowerCase();
  if (platform !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(platform)) {
    throw new UsageError(`--platform ${cli.values.platform}: a platform code looks like amazon-us or shopify`);
  }

  const config = loadConfig();
  const path = resolve(cli.positionals[0] as string);
  const info = await stat(path).catch(() => null);
  if (!info) throw new UsageError(t('import.fail.notFound', { path }));
  if (!info.isFile()) throw new UsageError(t('import.fail.notAFile', { path }));

  const db = await openDatabase(config.DATABASE_URL, { log: (line) => process.stderr.write(`${line}\n`) });
  try {
    const now = new Date();
    // The size is checked before reading, so a huge file is refused without loading it.
    const report =
      info.size > config.IMPORT_MAX_BYTES
        ? ({ ok: false, file: basename(path), failure: { reason: 'tooLarge', bytes: info.size, max: config.IMPORT_MAX_BYTES } } as const)
        : await importFile(
            db,
            { name: basename(path), bytes: await readFile(path) },
            {
              ...(platform === undefined ? {} : { platform }),
              dryRun: cli.values['dry-run'],
              now,
              maxBytes: config.IMPORT_MAX_BYTES,
              by: CLI_ACTOR,
              transaction: (fn) =>
                db.$transaction((tx) => fn(tx, (entry) => writeAudit(tx, CLI_ACTOR, 'console', now, entry)), { maxWait: 30_000, timeout: 600_000 }),
              auditNoWrite: (entry) => writeAudit(db, CLI_ACTOR, 'console', now, entry),
            },
          );
    const reply = importReply(t, locale, report);
    if (cli.values.json) process.stdout.write(`${JSON.stringify({ report, reply })}\n`);
    else (report.ok ? process.stdout : process.stderr).write(`${renderReply(reply)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

// Exit explicitly: the schema engine can leave timers behind.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`import: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`import: configuration error: ${error.message.replace(/\n/g, '; ')}\n`);
      process.exit(2);
    }
    process.stderr.write(`import failed, nothing was written: ${describeError(error).message.replace(/\s*\n\s*/g, '; ')}\n`);
    process.exit(1);
  },
);
