/**
 * One import, start to end: size check → read (CSV/TSV/XLSX) → recognise the format from the
 * header → settle the platform → map every row (any unreadable cell refuses the whole file) →
 * write everything in ONE transaction with its AuditEvent → identity resolution in that same
 * transaction → report. A dry run does all of it and then rolls back, so its report is exactly
 * what a real import would do. Failures come back as a report too, never as a stack trace.
 */
import { createHash } from 'node:crypto';
import type { AuditWriter, Tx } from '../core/tool.ts';
import { resolveIdentities } from '../core/domain/customers/resolve-identities.ts';
import { platformDirectory } from '../core/domain/catalogue/platforms.ts';
import { invalidateWarehouseDirectory } from '../core/domain/inventory/stock-service.ts';
import type { Db } from '../persistence/db.ts';
import { applyRecords, FBA_INBOUND_ETA_DAYS, type Counts, type WriteSummary } from './apply.ts';
import { detectFormat, FORMATS } from './formats.ts';
import { PlatformError, resolvePlatform, type PlatformFailure, type TargetPlatform } from './platforms.ts';
import { readTable, ReadError, type ReadFailure } from './read-table.ts';
import type { ImportRecords, RecordsKind, ReportNote, RowProblem, SkippedRow } from './types.ts';

/** Default largest file accepted, in bytes (IMPORT_MAX_BYTES overrides it). */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** The file to import. */
export interface ImportSource {
  /** File name as the user knows it, for the report and the audit trail. */
  name: string;
  bytes: Uint8Array;
}

/** Runs `fn` in one transaction with an audit writer bound to it. */
export type TransactionRunner = <T>(fn: (tx: Tx, audit: AuditWriter) => Promise<T>) => Promise<T>;

/** How to import. */
export interface ImportOptions {
  /** --platform: the platform code, when the file does not tell or to override it. */
  platform?: string;
  dryRun?: boolean;
  now: Date;
  maxBytes?: number;
  /** Who imports, recorded on identity links ("import:<file> by <who>"). */
  by: string;
  transaction: TransactionRunner;
  /**
   * Records an import that wrote nothing: a dry run (its transaction, audit included, is rolled
   * back) or a file with nothing to import. Imports that write are audited in their transaction.
   */
  auditNoWrite?: AuditWriter;
}

/** Why an import was refused; nothing was written. */
export type ImportFailure =
  | { reason: 'tooLarge'; bytes: number; max: number }
  | { reason: 'read'; read: ReadFailure }
  | { reason: 'unknownFormat'; columns: string[] }
  | { reason: 'missingColumns'; format: string; missing: string[] }
  | { reason: 'badRows'; format: string; problems: RowProblem[]; count: number }
  | { reason: 'platform'; platform: PlatformFailure };

/** Skipped rows of one reason. */
export interface SkipGroup {
  reason: SkippedRow['reason'];
  count: number;
}

/** What an import did (or, for a dry run, would do). */
export interface ImportSuccess {
  ok: true;
  file: string;
  format: { id: string; label: string };
  kind: RecordsKind;
  /** Null only for a header-only file whose platform could not be told (nothing was written). */
  platform: string | null;
  platformCreated: boolean;
  dryRun: boolean;
  /** Data rows in the file (header and blank lines excluded). */
  rows: number;
  main: Counts;
  other: Record<string, Counts>;
  skippedCount: number;
  skippedByReason: SkipGroup[];
  /** The first skipped rows, with their reasons. */
  skipped: SkippedRow[];
  notes: ReportNote[];
  /** sha256 of the file, as recorded in the audit trail. */
  sha256: string;
}

/** A refused import. */
export interface ImportRefused {
  ok: false;
  file: string;
  failure: ImportFailure;
}

/** The report of one import. */
export type ImportReport = ImportSuccess | ImportRefused;

/** Skipped rows listed one by one in the report. */
export const SKIPPED_SHOWN = 10;

/** Thrown inside the transaction of a dry run to roll it back with its summary. */
class DryRunRollback extends Error {
  constructor(readonly summary: WriteSummary) {
    super('dry run: rolled back');
  }
}

function fail(file: string, failure: ImportFailure): ImportRefused {
  return { ok: false, file, failure };
}

/** The earliest date the records carry, for the launch date of a platform the import creates. */
function firstDay(records: ImportRecords): Date | null {
  const dates =
    records.kind === 'orders' ? records.orders.map((o) => o.orderedAt) : records.kind === 'ads' ? records.days.map((d) => d.day) : [];
  return dates.length === 0 ? null : new Date(Math.min(...dates.map((d) => d.getTime())));
}

function recordCount(records: ImportRecords): number {
  switch (records.kind) {
    case 'orders':
      return records.orders.length;
    case 'listings':
      return records.listings.length;
    case 'stock':
      return records.levels.length + records.inbound.length;
    case 'ads':
      return records.days.length;
  }
}

/** Imports one file. Never throws for bad input: the report says what was wrong. */
export async function importFile(db: Db, source: ImportSource, opts: ImportOptions): Promise<ImportReport> {
  const file = source.name;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.bytes.length > max) return fail(file, { reason: 'tooLarge', bytes: source.bytes.length, max });

  let table;
  try {
    table = await readTable(source.bytes);
  } catch (error) {
    if (error instanceof ReadError) return fail(file, { reason: 'read', read: error.failure });
    throw error;
  }

  const detection = detectFormat(table.header);
  if (detection.kind === 'unknown') return fail(file, { reason: 'unknownFormat', columns: table.header.map((h) => h.trim()).filter(Boolean).slice(0, 6) });
  if (detection.kind === 'missing') return fail(file, { reason: 'missingColumns', format: detection.format.label, missing: detection.missing });
  const format = detection.format;

  const existing = await db.platform.findMany({ select: { id: true, code: true, marketplace: true, country: true, currency: true } });
  const hint = format.hint(table);
  // A header-only file is recognised and reported; it needs no platform since nothing is written.
  if (table.rows.length === 0) {
    let code: string | null = null;
    try {
      code = resolvePlatform(existing, hint, opts.platform).code;
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
    }
    await opts.auditNoWrite?.({ action: 'import.empty', targetType: 'import', targetId: createHash('sha256').update(source.bytes).digest('hex').slice(0, 16), after: { file, format: format.id } });
    return {
      ok: true,
      file,
      format: { id: format.id, label: format.label },
      kind: format.kind,
      dryRun: opts.dryRun === true,
      rows: 0,
      sha256: createHash('sha256').update(source.bytes).digest('hex'),
      platform: code,
      platformCreated: false,
      main: { created: 0, updated: 0, unchanged: 0 },
      other: {},
      skippedCount: 0,
      skippedByReason: [],
      skipped: [],
      notes: [],
    };
  }
  let platform: TargetPlatform;
  try {
    platform = resolvePlatform(existing, hint, opts.platform);
  } catch (error) {
    if (error instanceof PlatformError) return fail(file, { reason: 'platform', platform: error.failure });
    throw error;
  }

  const mapped = format.map(table, { platformCode: platform.code, country: platform.country, currency: platform.currency, timeZone: platform.timeZone });
  if (mapped.problemCount > 0) return fail(file, { reason: 'badRows', format: format.label, problems: mapped.problems, count: mapped.problemCount });

  const sha256 = createHash('sha256').update(source.bytes).digest('hex');
  const base = {
    ok: true as const,
    file,
    format: { id: format.id, label: format.label },
    kind: mapped.records.kind,
    dryRun: opts.dryRun === true,
    rows: table.rows.length,
    sha256,
  };
  const emptyCounts = { created: 0, updated: 0, unchanged: 0 };

  // A header-only file (or one whose rows were all skipped) has nothing to write.
  if (recordCount(mapped.records) === 0) {
    await opts.auditNoWrite?.({ action: 'import.empty', targetType: 'import', targetId: sha256.slice(0, 16), after: { file, format: format.id, skipped: mapped.skipped.length } });
    return {
      ...base,
      platform: platform.code,
      platformCreated: false,
      main: emptyCounts,
      other: {},
      ...skipReport(mapped.skipped),
      notes: mapped.notes,
    };
  }

  let summary: WriteSummary;
  let resolution: { created: number; links: number } | null = null;
  try {
    summary = await opts.transaction(async (tx, audit) => {
      const written = await applyRecords(tx, platform, mapped.records, opts.now, firstDay(mapped.records));
      if (opts.dryRun) throw new DryRunRollback(written);
      // Imported buyers join their customers in the same transaction: an import is whole.
      if (mapped.records.kind === 'orders' && (written.other.identities?.created ?? 0) + (written.other.identities?.updated ?? 0) > 0) {
        const resolved = await resolveIdentities(tx, { by: `import:${file} by ${opts.by}`, at: opts.now });
        resolution = { created: resolved.customersCreated, links: resolved.linksCreated };
      }
      await audit({
        action: 'import.file',
        targetType: 'import',
        targetId: sha256.slice(0, 16),
        after: { file, format: format.id, platform: platform.code, main: written.main, other: written.other, skipped: mapped.skipped.length + written.skipped.length },
      });
      return written;
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    summary = error.summary;
    await opts.auditNoWrite?.({ action: 'import.dry-run', targetType: 'import', targetId: sha256.slice(0, 16), after: { file, format: format.id, platform: summary.platformCode, main: summary.main } });
  }
  if (summary.platformCreated && !opts.dryRun) platformDirectory.invalidate(db);
  // An inventory import may have created a warehouse and its channel.
  if (!opts.dryRun) invalidateWarehouseDirectory(db);

  const notes: ReportNote[] = [...mapped.notes, ...summary.notes].map((n) =>
    n.key === 'etaEstimated' ? { ...n, params: { days: FBA_INBOUND_ETA_DAYS } } : n,
  );
  // Unknown SKUs of listings and stock are skipped rows already; order lines are kept, so say it.
  if (summary.unmatchedSkuCount > 0 && mapped.records.kind === 'orders') {
    notes.push({ key: 'unmatchedSkus', params: { n: summary.unmatchedSkuCount, list: summary.unmatchedSkus.join(', ') + (summary.unmatchedSkuCount > summary.unmatchedSkus.length ? ', …' : '') } });
  }
  const done = resolution as { created: number; links: number } | null;
  if (done) notes.push({ key: 'resolution', params: { created: done.created, links: done.links } });
  return {
    ...base,
    platform: summary.platformCode,
    platformCreated: summary.platformCreated,
    main: summary.main,
    other: summary.other,
    ...skipReport([...mapped.skipped, ...summary.skipped]),
    notes,
  };
}

function skipReport(skipped: readonly SkippedRow[]): Pick<ImportSuccess, 'skippedCount' | 'skippedByReason' | 'skipped'> {
  const sorted = [...skipped].sort((a, b) => a.line - b.line);
  const byReason = new Map<SkippedRow['reason'], number>();
  for (const s of sorted) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  return {
    skippedCount: sorted.length,
    skippedByReason: [...byReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    skipped: sorted.slice(0, SKIPPED_SHOWN),
  };
}

/** Labels of every format, for help and "I can read" messages. */
export function formatLabels(): string[] {
  return FORMATS.map((f) => f.label);
}
