/**
 * Header matching. Seller exports name the same column in different ways (trailing spaces,
 * a currency in parentheses, 2023 vs 2025 Shopify names, Indonesian Shopee headers), so each
 * format declares its columns by key with every name it is known under, and `bindColumns`
 * finds them in a header after normalising both sides.
 */
import type { SourceRow } from './read-table.ts';
import { currencyIn } from './values.ts';

/** A column a format reads. */
export interface ColumnSpec {
  /** Normalised names (see normaliseHeader) or patterns this column is known under. */
  names: ReadonlyArray<string | RegExp>;
  /** The mapper cannot work without it; files lacking it are refused. */
  required?: boolean;
}

/** A format's columns by key. */
export type ColumnSpecs = Record<string, ColumnSpec>;

/**
 * Normalises a header cell: Unicode NFKC, trimmed, inner whitespace collapsed, lower case, and
 * a trailing currency in parentheses dropped ("14 Day Total Sales (₹)" → "14 day total sales").
 */
export function normaliseHeader(cell: string): string {
  return cell
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\((?:[₹$€£¥₫฿₱₩]|[A-Z]{3}|Rs\.?)\)$/u, '')
    .toLowerCase();
}

/** Where each key's column is, which required keys are missing, and currencies the header names. */
export interface ColumnBinding<K extends string> {
  index: Partial<Record<K, number>>;
  /** The header's own spelling of each bound column, for messages. */
  labels: Partial<Record<K, string>>;
  missing: K[];
  /** How many declared columns were found (required or not). */
  found: number;
  /** Currencies named in the header, e.g. "Total Discount(PHP)" → PHP. */
  headerCurrencies: string[];
}

/** Finds each declared column in `header`. Empty header cells are ignored. */
export function bindColumns<K extends string>(header: readonly string[], specs: Record<K, ColumnSpec>): ColumnBinding<K> {
  const normalised = header.map(normaliseHeader);
  const index: Partial<Record<K, number>> = {};
  const labels: Partial<Record<K, string>> = {};
  const missing: K[] = [];
  let found = 0;
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    let at = -1;
    for (const name of spec.names) {
      at = normalised.findIndex((h) => h !== '' && (typeof name === 'string' ? h === name : name.test(h)));
      if (at >= 0) break;
    }
    if (at >= 0) {
      index[key] = at;
      labels[key] = (header[at] ?? '').trim();
      found += 1;
    } else if (spec.required) {
      missing.push(key);
    }
  }
  const headerCurrencies = [...new Set(header.map((h) => currencyIn(h)).filter((c): c is string => c !== null))];
  return { index, labels, missing, found, headerCurrencies };
}

/** Reads cells of one row by column key. */
export class RowReader<K extends string> {
  constructor(
    readonly row: SourceRow,
    private readonly binding: ColumnBinding<K>,
  ) {}

  get line(): number {
    return this.row.line;
  }

  /** The trimmed cell of `key`, '' when the column is absent or the cell empty. */
  get(key: K): string {
    const at = this.binding.index[key];
    return at === undefined ? '' : (this.row.cells[at] ?? '').trim();
  }

  /** Whether the file has the column at all. */
  has(key: K): boolean {
    return this.binding.index[key] !== undefined;
  }

  /** The header's spelling of the column, for messages. */
  label(key: K): string {
    return this.binding.labels[key] ?? key;
  }
}

/** The first capture of `pattern` among the header's normalised cells, e.g. the 7 of "7 day total sales". */
export function headerCapture(header: readonly string[], pattern: RegExp): string | null {
  for (const h of header.map(normaliseHeader)) {
    const m = pattern.exec(h);
    if (m?.[1]) return m[1];
  }
  return null;
}
