/**
 * Reads an uploaded export into a header and rows of text cells, whatever it was saved as:
 * CSV (comma or semicolon), TSV (Amazon flat files), or XLSX (Amazon Ads, Shopee). CSV and TSV
 * go through csv-parse, XLSX through exceljs. Text must be UTF-8 (a BOM is fine) or UTF-16 with
 * a BOM (Excel's "Unicode text"); anything else is refused with a way to fix it.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

/** One data row with the line (CSV/TSV) or row number (XLSX) it came from. */
export interface SourceRow {
  line: number;
  cells: string[];
}

/** A file read into a header and rows. */
export interface SourceTable {
  container: 'csv' | 'tsv' | 'xlsx';
  header: string[];
  /** Line number of the header. */
  headerLine: number;
  rows: SourceRow[];
  /** Name of the sheet read, for XLSX. */
  sheet?: string;
}

/** Why a file could not be read at all. */
export type ReadFailure =
  | { reason: 'empty' }
  | { reason: 'encoding'; guess: string }
  | { reason: 'binary' }
  | { reason: 'xlsxDamaged' }
  | { reason: 'xlsxEmpty' }
  | { reason: 'unclosedQuote'; line: number }
  | { reason: 'csvSyntax'; line: number };

/** Thrown when the bytes are not a readable table. */
export class ReadError extends Error {
  override name = 'ReadError';
  constructor(readonly failure: ReadFailure) {
    super(`cannot read file: ${failure.reason}`);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Reads `bytes` (the whole file) into a table. */
export async function readTable(bytes: Uint8Array): Promise<SourceTable> {
  if (bytes.length === 0) throw new ReadError({ reason: 'empty' });
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes);
  // Legacy .xls (BIFF in an OLE container) has no maintained reader here: ask for xlsx or csv.
  if (startsWith(bytes, OLE_MAGIC)) throw new ReadError({ reason: 'binary' });
  return readDelimited(decodeText(bytes));
}

/** Bytes → text: UTF-8 (BOM optional) or UTF-16 with a BOM. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) throw new ReadError({ reason: 'binary' });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ReadError({ reason: 'encoding', guess: guessLegacyEncoding(bytes) });
  }
}

/** Names the legacy encoding a non-UTF-8 file most likely uses, for the error message. */
function guessLegacyEncoding(bytes: Uint8Array): string {
  const candidates = ['gb18030', 'shift_jis', 'windows-1252'];
  for (const label of candidates) {
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, 65_536));
      if (label === 'windows-1252' || /[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) return label === 'gb18030' ? 'GBK/GB18030' : label === 'shift_jis' ? 'Shift_JIS' : 'Windows-1252 (Latin-1)';
    } catch {
      // Not this one; try the next.
    }
  }
  return 'an unknown legacy encoding';
}

/** The delimiter of the first non-empty line: the most frequent of tab, comma and semicolon. */
function sniffDelimiter(text: string): '\t' | ',' | ';' {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const unquoted = first.replace(/"[^"]*"/g, '');
  const count = (ch: string) => unquoted.split(ch).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semis = count(';');
  if (tabs > 0 && tabs >= commas) return '\t';
  if (semis > commas) return ';';
  return ',';
}

function readDelimited(text: string): SourceTable {
  const delimiter = sniffDelimiter(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      // Amazon's TSV flat files are not quoted: a product name such as 12" pan is plain text.
      quote: delimiter === '\t' ? false : '"',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const line = Number((error as { lines?: number }).lines ?? 0);
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw new ReadError({ reason: 'unclosedQuote', line });
    throw new ReadError({ reason: 'csvSyntax', line });
  }
  // Rows that are entirely blank (",,,,") count as empty lines too.
  const nonBlank = records.filter((r) => r.record.some((c) => c.trim() !== ''));
  const [head, ...rest] = nonBlank;
  if (!head) throw new ReadError({ reason: 'empty' });
  return {
    container: delimiter === '\t' ? 'tsv' : 'csv',
    header: head.record,
    headerLine: head.info.lines,
    rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

/** An XLSX cell as the text a CSV export would hold. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'number') {
    // Past 2^53 the digits are already lost (an 18-digit order id typed as a number): show it
    // in scientific form so the id checks refuse it rather than store a wrong id.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential().toUpperCase();
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

async function readXlsx(bytes: Uint8Array): Promise<SourceTable> {
  // Loaded on first use: ExcelJS adds ~25 MB to every bot process that never reads a workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ReadError({ reason: 'xlsxDamaged' });
  }
  // The first sheet with content holds the report (Amazon and Shopee write one sheet).
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new ReadError({ reason: 'xlsxEmpty' });
  const rows: SourceRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: rowNumber, cells });
  });
  const [head, ...rest] = rows;
  if (!head) throw new ReadError({ reason: 'xlsxEmpty' });
  // Trailing empty header cells are formatting, not columns.
  let end = head.cells.length;
  while (end > 0 && (head.cells[end - 1] ?? '').trim() === '') end--;
  return {
    container: 'xlsx',
    header: head.cells.slice(0, end),
    headerLine: head.line,
    rows: rest,
    sheet: sheet.name,
  };
}
