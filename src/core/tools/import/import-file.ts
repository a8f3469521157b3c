/**
 * `/import file <path> [platform] [dry-run]`: imports an export lying on this machine, from the
 * local console. It runs the same import as `npm run import` (src/importers) in one transaction
 * with its AuditEvent, and answers with the import report. In Slack or Discord a path would
 * point at the server's disk, so there it is refused.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../../../config/env.ts';
import { importFile } from '../../../importers/import-file.ts';
import { ToolError } from '../../errors.ts';
import { defineTool } from '../../tool.ts';
import { IMPORT_ROLES } from './explain-import.ts';
import { failureLines, importReply } from './import-reply.ts';

/** Longest an import transaction may run (a large order history takes seconds, not minutes). */
const IMPORT_TIMEOUT_MS = 600_000;

const DRY_RUN_WORDS = new Set(['dry-run', '--dry-run', 'dryrun', '试运行']);

const input = z
  .object({
    path: z.string({ error: 'give the path of the file to import' }).trim().min(1, 'give the path of the file to import').max(1_000, 'a path is at most 1000 characters'),
    platform: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a platform code looks like amazon-us')
      .optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();

/** The console import tool. */
export const importFileTool = defineTool({
  name: 'import-file',
  command: '/import file',
  summary: {
    en: 'Import an export file from this machine (console only); add dry-run to see the report without writing',
    zh: '从本机导入导出文件（仅限控制台）；加 dry-run 只看报告不写入',
  },
  usage: '<path> [platform] [dry-run]',
  examples: ['/import file orders_export.csv', '/import file unshipped.txt amazon-us dry-run'],
  roles: IMPORT_ROLES,
  effect: 'write',
  input,
  parseArgs(tokens) {
    const [path, ...rest] = tokens;
    const dryRun = rest.some((w) => DRY_RUN_WORDS.has(w.toLowerCase()));
    const others = rest.filter((w) => !DRY_RUN_WORDS.has(w.toLowerCase())).map((w) => w.replace(/^--platform=?/, '')).filter(Boolean);
    const [platform, ...extra] = others;
    return {
      ...(path === undefined ? {} : { path }),
      ...(platform === undefined ? {} : { platform }),
      dryRun,
      ...(extra.length > 0 ? { unexpected: extra.join(' ') } : {}),
    };
  },
  async run(ctx, args) {
    const { t, locale } = ctx;
    if (ctx.via !== 'console') throw new ToolError('forbidden', t('import.pathOnlyConsole'));
    const path = resolve(args.path);
    const info = await stat(path).catch(() => null);
    if (!info) throw new ToolError('not_found', t('import.fail.notFound', { path: args.path }));
    if (!info.isFile()) throw new ToolError('invalid_input', t('import.fail.notAFile', { path: args.path }));
    const maxBytes = loadConfig().IMPORT_MAX_BYTES;
    if (info.size > maxBytes) {
      throw new ToolError('invalid_input', failureLines(t, { reason: 'tooLarge', bytes: info.size, max: maxBytes }).message);
    }
    const report = await importFile(
      ctx.db,
      { name: basename(path), bytes: await readFile(path) },
      {
        ...(args.platform === undefined ? {} : { platform: args.platform }),
        dryRun: args.dryRun,
        now: ctx.now,
        maxBytes,
        by: ctx.actor.ref,
        transaction: (fn) => ctx.transaction(fn, { timeoutMs: IMPORT_TIMEOUT_MS }),
        auditNoWrite: ctx.audit,
      },
    );
    // A refused file is an expected error: the pipeline answers it like any other.
    if (!report.ok) {
      const { message, details } = failureLines(t, report.failure);
      throw new ToolError('invalid_input', `${message} ${t('import.fail.nothingWritten')}`, { hints: details });
    }
    return importReply(t, locale, report);
  },
});
