/**
 * A minimal CSV writer for the copy export. Why not a library: csv-stringify (csv-parse's
 * sibling) is not a dependency of this project and new packages cannot be added right now;
 * this covers exactly RFC 4180 and nothing more, and the tests read its output back with
 * csv-parse. Swap it for csv-stringify when that package is added.
 *
 * RFC 4180: records end with CRLF; a field containing a comma, a double quote, CR or LF is
 * enclosed in double quotes, and a double quote inside it is doubled.
 */

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole file: the header row, then one row per record, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
