/**
 * The import report as a Reply, in the user's language: the same reply for `/import` in chat
 * and for `npm run import` in a terminal (which renders it with the console renderer).
 */
import { formatNumber, type Locale, type MessageKey, type Translate } from '../../i18n/index.ts';
import type { Reply } from '../../reply.ts';
import { formatLabels, type ImportFailure, type ImportReport, type ImportSuccess } from '../../../importers/import-file.ts';
import type { PlatformFailure } from '../../../importers/platforms.ts';
import type { ReadFailure } from '../../../importers/read-table.ts';

const ENTITY_ORDER = ['identities', 'orderLines', 'salesDays', 'campaigns', 'inbound'] as const;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function readMessage(t: Translate, read: ReadFailure): string {
  switch (read.reason) {
    case 'empty':
      return t('import.fail.empty');
    case 'encoding':
      return t('import.fail.encoding', { guess: read.guess });
    case 'binary':
      return t('import.fail.binary');
    case 'xlsxDamaged':
      return t('import.fail.xlsxDamaged');
    case 'xlsxEmpty':
      return t('import.fail.xlsxEmpty');
    case 'unclosedQuote':
      return t('import.fail.unclosedQuote', { line: read.line });
    case 'csvSyntax':
      return t('import.fail.csvSyntax', { line: read.line });
  }
}

/** Marketplace families as people write them. */
const MARKETPLACE_NAMES: Record<string, string> = { amazon: 'Amazon', ebay: 'eBay', shopee: 'Shopee', tiktok: 'TikTok Shop', shopify: 'Shopify', aliexpress: 'AliExpress' };

function marketplaceName(marketplace: string): string {
  return MARKETPLACE_NAMES[marketplace] ?? marketplace;
}

function platformMessage(t: Translate, failure: PlatformFailure): string {
  switch (failure.reason) {
    case 'needPlatform':
      return t('import.fail.needPlatform', {
        example: `--platform ${failure.candidates[0] ?? 'shopify'}`,
        candidates: failure.candidates.join(', ') || t('value.none'),
      });
    case 'unknownPlatform':
      return t('import.fail.unknownPlatform', { code: failure.code, known: failure.known.join(', ') || t('value.none') });
    case 'wrongMarketplace':
      return t('import.fail.wrongMarketplace', { code: failure.code, marketplace: marketplaceName(failure.marketplace), expected: marketplaceName(failure.expected) });
  }
}

/** The sentence and the detail lines of a refused import. */
export function failureLines(t: Translate, failure: ImportFailure): { message: string; details: string[] } {
  switch (failure.reason) {
    case 'tooLarge':
      return { message: t('import.fail.tooLarge', { size: size(failure.bytes), max: size(failure.max) }), details: [] };
    case 'read':
      return { message: readMessage(t, failure.read), details: [] };
    case 'unknownFormat':
      return { message: t('import.fail.unknownFormat', { columns: failure.columns.join(', ') || t('value.none') }), details: [t('import.fail.knownFormats', { formats: formatLabels().join('; ') })] };
    case 'missingColumns':
      return { message: t('import.fail.missingColumns', { format: failure.format, columns: failure.missing.join(', ') }), details: [] };
    case 'platform':
      return { message: platformMessage(t, failure.platform), details: [] };
    case 'badRows': {
      const details = failure.problems.slice(0, 10).map((p) => {
        const reason = t(`import.cell.${p.reason}` as MessageKey, { value: p.value });
        return p.column === '' ? t('import.fail.rowProblem', { line: p.line, reason }) : t('import.fail.problem', { line: p.line, column: p.column, value: p.value, reason });
      });
      if (failure.count > details.length) details.push(t('import.fail.moreProblems', { n: failure.count - details.length }));
      return { message: t('import.fail.badRows', { count: failure.count, format: failure.format }), details };
    }
  }
}

function successReply(t: Translate, locale: Locale, report: ImportSuccess): Reply {
  const n = (value: number) => formatNumber(locale, value);
  const entity = t(`import.entity.${report.kind}` as MessageKey);
  const platform = report.platform === null ? t('value.none') : report.platformCreated ? t('import.platformNew', { platform: report.platform }) : report.platform;
  const headerOnly = report.rows === 0;
  const summary = headerOnly
    ? t('import.summaryHeaderOnly', { format: report.format.label })
    : t('import.summary', {
        format: report.format.label,
        platform: report.platform ?? t('value.none'),
        created: n(report.main.created),
        updated: n(report.main.updated),
        unchanged: n(report.main.unchanged),
        skipped: n(report.skippedCount),
      });
  const counts = [
    { key: report.kind, label: entity, c: report.main },
    ...ENTITY_ORDER.filter((k) => {
      const c = report.other[k];
      return c !== undefined && c.created + c.updated + c.unchanged > 0;
    }).map((k) => ({ key: k, label: t(`import.entity.${k}` as MessageKey), c: report.other[k] as ImportSuccess['main'] })),
  ];
  const notes: string[] = [];
  if (report.dryRun) notes.push(t('import.dryRun'));
  if (!headerOnly && !report.dryRun && report.main.created + report.main.updated === 0 && Object.values(report.other).every((c) => c.created + c.updated === 0)) {
    notes.push(t('import.nothingChanged'));
  }
  if (report.skippedByReason.length > 0) {
    notes.push(t('import.skippedByReason', { list: report.skippedByReason.map((g) => `${n(g.count)} × ${t(`import.skipReason.${g.reason}` as MessageKey)}`).join(', ') }));
  }
  for (const note of report.notes) notes.push(t(`import.note.${note.key}` as MessageKey, note.params));
  return {
    kind: 'result',
    locale,
    title: t(report.dryRun ? 'import.titleDryRun' : 'import.title', { file: report.file }),
    summary,
    fields: [
      { label: t('import.fieldFormat'), value: report.format.label },
      { label: t('import.fieldPlatform'), value: platform },
      { label: t('import.fieldRows'), value: n(report.rows) },
    ],
    tables: [
      ...(headerOnly
        ? []
        : [
            {
              title: t('import.tableCounts'),
              columns: [
                { key: 'what', label: t('import.colWhat') },
                { key: 'created', label: t('import.colNew'), align: 'right' as const },
                { key: 'updated', label: t('import.colUpdated'), align: 'right' as const },
                { key: 'unchanged', label: t('import.colUnchanged'), align: 'right' as const },
              ],
              rows: counts.map(({ label, c }) => ({ what: label, created: n(c.created), updated: n(c.updated), unchanged: n(c.unchanged) })),
            },
          ]),
      ...(report.skipped.length === 0
        ? []
        : [
            {
              title: t('import.tableSkipped', { n: report.skipped.length }),
              columns: [
                { key: 'line', label: t('import.colLine'), align: 'right' as const },
                { key: 'reason', label: t('import.colReason') },
              ],
              rows: report.skipped.map((s) => ({ line: String(s.line), reason: t(`import.skip.${s.reason}` as MessageKey, { detail: s.detail ?? '' }) })),
            },
          ]),
    ],
    notes,
  };
}

/** The report of an import as a reply. */
export function importReply(t: Translate, locale: Locale, report: ImportReport): Reply {
  if (report.ok) return successReply(t, locale, report);
  const { message, details } = failureLines(t, report.failure);
  return {
    kind: 'error',
    locale,
    title: t('import.fail.title', { file: report.file }),
    summary: `${message} ${t('import.fail.nothingWritten')}`,
    ...(details.length > 0 ? { notes: details } : {}),
    ephemeral: true,
  };
}
