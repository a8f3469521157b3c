/**
 * What every mapper needs: bind the header, walk the rows, read typed cells, and collect the
 * cells that could not be read (with line, column and value) instead of stopping at the first,
 * so one report lists everything to fix.
 */
import { bindColumns, normaliseHeader, RowReader, type ColumnBinding, type ColumnSpecs } from './columns.ts';
import type { SourceRow, SourceTable } from './read-table.ts';
import type { ImportRecords, MapResult, ReportNote, RowProblem, SkippedRow } from './types.ts';
import {
  CellError,
  parseCount,
  parseDateTime,
  parseDay,
  parseDecimal,
  parseId,
  parseMoney,
  type DateOptions,
  type DateOrder,
  type Decimal,
} from './values.ts';

/** Problems beyond this many are counted but not kept: the first ones say enough. */
export const MAX_PROBLEMS = 50;

/** Typed cell reads on one row that record problems instead of throwing. */
export class Cells<K extends string> {
  constructor(
    readonly r: RowReader<K>,
    private readonly kit: MapperKit<K>,
  ) {}

  get line(): number {
    return this.r.line;
  }

  /** Trimmed text, '' when empty. */
  text(key: K): string {
    return this.r.get(key);
  }

  /** Trimmed text, or null when empty. */
  opt(key: K): string | null {
    const value = this.r.get(key);
    return value === '' ? null : value;
  }

  has(key: K): boolean {
    return this.r.has(key);
  }

  private guard<T>(key: K, fallback: T, read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      this.kit.problem({ line: this.line, column: this.r.label(key), value: error.value, reason: error.reason });
      return fallback;
    }
  }

  /** A required text cell. */
  req(key: K): string {
    const value = this.r.get(key);
    if (value === '') this.kit.problem({ line: this.line, column: this.r.label(key), value: '', reason: 'required' });
    return value;
  }

  /** An id kept as text; refuses spreadsheet-mangled numbers. */
  id(key: K, required = true): string {
    const value = required ? this.req(key) : this.r.get(key);
    return value === '' ? '' : this.guard(key, value, () => parseId(value));
  }

  decimal(key: K): Decimal | null {
    return this.guard(key, null, () => parseDecimal(this.r.get(key)));
  }

  money(key: K, currency: string): Decimal | null {
    return this.guard(key, null, () => parseMoney(this.r.get(key), currency));
  }

  count(key: K): number | null {
    return this.guard(key, null, () => parseCount(this.r.get(key)));
  }

  /** A count that must be there. */
  reqCount(key: K): number {
    if (this.r.get(key) === '') {
      this.kit.problem({ line: this.line, column: this.r.label(key), value: '', reason: 'required' });
      return 0;
    }
    return this.count(key) ?? 0;
  }

  dateTime(key: K, opts: DateOptions = {}): Date | null {
    return this.guard(key, null, () => parseDateTime(this.r.get(key), opts));
  }

  /** A date-time that must be there. */
  reqDateTime(key: K, opts: DateOptions = {}): Date {
    const value = this.r.get(key);
    if (value === '') this.kit.problem({ line: this.line, column: this.r.label(key), value: '', reason: 'required' });
    return this.dateTime(key, opts) ?? new Date(0);
  }

  day(key: K, order: DateOrder = 'mdy'): Date | null {
    return this.guard(key, null, () => parseDay(this.r.get(key), order));
  }

  /** A calendar day that must be there. */
  reqDay(key: K, order: DateOrder = 'mdy'): Date {
    if (this.r.get(key) === '') this.kit.problem({ line: this.line, column: this.r.label(key), value: '', reason: 'required' });
    return this.day(key, order) ?? new Date(0);
  }
}

/** Shared state of one mapping run. */
export class MapperKit<K extends string> {
  readonly binding: ColumnBinding<K>;
  readonly problems: RowProblem[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly notes: ReportNote[] = [];
  /** Problems found, including those not kept. */
  problemCount = 0;

  constructor(
    readonly table: SourceTable,
    specs: ColumnSpecs & Record<K, ColumnSpecs[string]>,
  ) {
    this.binding = bindColumns(table.header, specs as Record<K, ColumnSpecs[string]>);
  }

  problem(p: RowProblem): void {
    this.problemCount += 1;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  skip(line: number, reason: SkippedRow['reason'], detail?: string): void {
    this.skipped.push({ line, reason, ...(detail === undefined ? {} : { detail }) });
  }

  note(note: ReportNote): void {
    this.notes.push(note);
  }

  /** The mapper's result with everything collected on the way. */
  result(records: ImportRecords): MapResult {
    return { records, skipped: this.skipped, problems: this.problems, problemCount: this.problemCount, notes: this.notes };
  }

  /**
   * The rows to map, each checked for its width: a row with fewer cells than the header is a
   * cut-off or damaged file, and one with extra non-empty cells has shifted columns.
   * @param drop rows to leave out silently (trailer lines), checked before the width.
   */
  rows(drop: (row: SourceRow) => boolean = () => false): Array<Cells<K>> {
    const width = this.table.header.length;
    const out: Array<Cells<K>> = [];
    for (const row of this.table.rows) {
      if (drop(row)) continue;
      if (row.cells.length < width) {
        this.problem({ line: row.line, column: '', value: `${row.cells.length}/${width}`, reason: 'shortRow' });
        continue;
      }
      if (row.cells.slice(width).some((c) => c.trim() !== '')) {
        this.problem({ line: row.line, column: '', value: `${row.cells.length}/${width}`, reason: 'longRow' });
        continue;
      }
      out.push(new Cells(new RowReader(row, this.binding), this));
    }
    return out;
  }
}

/** Groups rows by a key, keeping first-seen order (one order's line items, one product's variants). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The first non-empty value of `read` over `rows` (order-level fields filled on one row only). */
export function firstValue<T>(rows: readonly T[], read: (row: T) => string): string {
  for (const row of rows) {
    const value = read(row);
    if (value !== '') return value;
  }
  return '';
}

/** The distinct non-empty values of column `names` (normalised header names) over the first rows. */
export function columnValues(table: SourceTable, names: readonly string[], limit = 500): string[] {
  const at = table.header.findIndex((h) => names.includes(normaliseHeader(h)));
  if (at < 0) return [];
  const values = new Set<string>();
  for (const row of table.rows.slice(0, limit)) {
    const value = (row.cells[at] ?? '').trim();
    if (value !== '') values.add(value);
  }
  return [...values];
}

/** The one value of a list, or null when there are none or several. */
export function only<T>(values: readonly T[]): T | null {
  return new Set(values).size === 1 ? (values[0] as T) : null;
}
